#!/usr/bin/env bash
# Builds and runs the controller locally against the test engine (started if none answers; it is
# left running afterwards). Arguments go to the application; RAM_SPECS_DIR defaults to config/specs,
# JAVA_OPTS to @config/jvm.options (a 128 MiB heap and a small footprint).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/engine.sh start   # reuses an engine that answers; builds the test images when missing
eval "$(scripts/engine.sh env)"
export DOCKER_HOST
export RAM_SPECS_DIR=${RAM_SPECS_DIR:-config/specs}

mvn -B -q package -DskipTests
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# shellcheck disable=SC2086  # JAVA_OPTS holds several options
exec java ${JAVA_OPTS:-@config/jvm.options} -jar target/quarkus-app/quarkus-run.jar "$@"
