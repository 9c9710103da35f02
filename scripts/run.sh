#!/usr/bin/env bash
# Builds and runs the controller locally against the test engine (started if none answers; it is
# left running afterwards). Arguments go to the application; RAM_SPECS_DIR defaults to config/specs,
# JAVA_OPTS to @config/jvm.options (a 128 MiB heap and a small footprint).
# The jar runs from target/quarkus-app, the only place where the class-data archive the build writes
# beside it (app-cds.jsa) applies: give paths in arguments as absolute paths.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

scripts/engine.sh start   # reuses an engine that answers; builds the test images when missing
eval "$(scripts/engine.sh env)"
export DOCKER_HOST
RAM_SPECS_DIR=$(realpath -m "${RAM_SPECS_DIR:-config/specs}")
export RAM_SPECS_DIR

mvn -B -q package -DskipTests
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
cd target/quarkus-app
# shellcheck disable=SC2086  # JAVA_OPTS holds several options
exec java ${JAVA_OPTS:-@$ROOT/config/jvm.options} -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar "$@"
