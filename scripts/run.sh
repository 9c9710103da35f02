#!/usr/bin/env bash
# Builds and runs the controller locally against the test engine (started if none answers; it is
# left running afterwards). Arguments go to the application; RAM_SPECS_DIR defaults to config/specs,
# JAVA_OPTS to a 128 MiB heap.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/engine.sh start   # reuses an engine that answers; builds the test images when missing
eval "$(scripts/engine.sh env)"
export DOCKER_HOST
export RAM_SPECS_DIR=${RAM_SPECS_DIR:-config/specs}

mvn -B -q package -DskipTests
# A small, fixed heap: the controller's live data is small, and an unbounded heap on a big host never shrinks.
exec java ${JAVA_OPTS:--Xmx128m -XX:+UseSerialGC} -jar target/quarkus-app/quarkus-run.jar "$@"
