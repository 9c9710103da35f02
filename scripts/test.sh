#!/usr/bin/env bash
# Runs the whole test suite: starts the services the tests need (a private Docker engine with the
# test images, ...), installs the browser the dashboard tests drive, runs `mvn -B test "$@"`, stops
# what it started, and exits with Maven's code.
# Environment: RAM_ENGINE_KEEP=1 leaves an engine this script started running afterwards;
# DOCKER_HOST naming a live engine makes the tests use it (it is never stopped).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RAM_LOG_TAG="test"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

# Java 17+ (a JDK, for javac) and Maven.
java_major() { javac -version 2>&1 | sed -n 's/^javac \([0-9]*\).*/\1/p'; }
if ! command -v javac >/dev/null || [ "$(java_major)" -lt 17 ]; then apt_install openjdk-17-jdk-headless; fi
command -v mvn >/dev/null || apt_install maven

# Services, stopped in reverse order on exit, whatever happens.
STOPS=()
# shellcheck disable=SC2317  # called by the trap
cleanup() {
  local i
  for ((i = ${#STOPS[@]} - 1; i >= 0; i--)); do eval "${STOPS[i]}" || log "cleanup failed: ${STOPS[i]}"; done
}
trap cleanup EXIT

# 1. Docker engine and test images. An engine that already answered before us is left running;
#    one we start is stopped on exit (registered first, so a half-done start is stopped too).
if ! scripts/engine.sh status 2>/dev/null && [ "${RAM_ENGINE_KEEP:-0}" != 1 ]; then
  STOPS+=("scripts/engine.sh stop")
fi
scripts/engine.sh start
eval "$(scripts/engine.sh env)"
export DOCKER_HOST

# 2. configurable-http-proxy on 127.0.0.1 (proxy 8000, API 8001); the proxy tests read RAM_TEST_CHP_*.
#    Registries on 127.0.0.1:5000 (anonymous) and :5001 (login) for ImagePullTest.
#    One that already answered is left running; one we start is stopped on exit (registered first).
scripts/proxy.sh status || STOPS+=("scripts/proxy.sh stop")
scripts/proxy.sh start
eval "$(scripts/proxy.sh env)"
scripts/registry.sh status 2>/dev/null || STOPS+=("scripts/registry.sh stop")
scripts/registry.sh start

# 3. Debian's chromium and chromedriver for the dashboard's browser tests (installed once, nothing to stop).
scripts/browser.sh install
eval "$(scripts/browser.sh env)"

# 4. The suite. Maven's exit code is ours; the trap stops the services.
log "running mvn -B test $* (DOCKER_HOST=$DOCKER_HOST)"
rc=0
mvn -B test "$@" || rc=$?
exit "$rc"
