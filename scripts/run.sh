#!/usr/bin/env bash
# Builds and runs the controller locally against the test engine (started if none answers; it is
# left running afterwards). Arguments go to the application; RAM_SPECS_DIR defaults to config/specs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/engine.sh status 2>/dev/null || scripts/engine.sh start
eval "$(scripts/engine.sh env)"
export DOCKER_HOST
export RAM_SPECS_DIR=${RAM_SPECS_DIR:-config/specs}

mvn -B -q package -DskipTests
exec java -jar target/quarkus-app/quarkus-run.jar "$@"
