#!/usr/bin/env bash
# Runs the whole test suite, both tiers: starts the services the *IT classes need (a private Docker
# engine with the test images, a three-node Docker Swarm, ...), installs the browser the dashboard tests
# drive, runs `mvn -B verify "$@"` (surefire's *Test classes, then failsafe's *IT classes), stops what it
# started, and exits with Maven's code. The fast tier alone needs none of this: plain `mvn test`.
# Environment: RAM_ENGINE_KEEP=1 / RAM_SWARM_KEEP=1 leave an engine / a swarm this script started
# running afterwards; DOCKER_HOST naming a live engine makes the tests use it (it is never stopped).
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

# 0. The swarm for the Swarm runtime's tests (scripts/swarm.sh; the tests read RAM_SWARM_*). It takes
#    longest and needs nothing else, so it starts in the background while Maven builds: the swarm
#    tests run `swarm.sh status`, which waits for a start in progress. One that already answered is
#    left running; one we start is stopped on exit (registered first, so a half-done start is too).
if ! scripts/swarm.sh status 2>/dev/null && [ "${RAM_SWARM_KEEP:-0}" != 1 ]; then
  STOPS+=("scripts/swarm.sh stop")
fi
scripts/swarm.sh start &
swarm_start=$!
eval "$(scripts/swarm.sh env)"

# 1. Docker engine and test images. An engine that already answered before us is left running;
#    one we start is stopped on exit (registered first, so a half-done start is stopped too).
if ! scripts/engine.sh status 2>/dev/null && [ "${RAM_ENGINE_KEEP:-0}" != 1 ]; then
  STOPS+=("scripts/engine.sh stop")
fi
scripts/engine.sh start
eval "$(scripts/engine.sh env)"
export DOCKER_HOST

# 2. configurable-http-proxy on 127.0.0.1 (proxy 8000, API 8001); the proxy tests read RAM_TEST_CHP_*.
#    Registries on 127.0.0.1:5000 (anonymous) and :5001 (login) for ImagePullIT.
#    One that already answered is left running; one we start is stopped on exit (registered first).
scripts/proxy.sh status || STOPS+=("scripts/proxy.sh stop")
scripts/proxy.sh start
eval "$(scripts/proxy.sh env)"
scripts/registry.sh status 2>/dev/null || STOPS+=("scripts/registry.sh stop")
scripts/registry.sh start
#    Git servers on 127.0.0.1 (git daemon, smart HTTP with a login, ssh with a key) for the git source's
#    tests, which read RAM_GIT_*.
scripts/git-servers.sh status 2>/dev/null || STOPS+=("scripts/git-servers.sh stop")
scripts/git-servers.sh start
eval "$(scripts/git-servers.sh env)"

# 3. Debian's chromium and chromedriver for the dashboard's browser tests (installed once, nothing to stop).
scripts/browser.sh install
eval "$(scripts/browser.sh env)"
#    Debian's promtool for the alerting rules' tests (installed once; any Prometheus server the package
#    starts is stopped at once). Without it those tests are skipped, saying why.
scripts/promtool.sh install || log "promtool could not be installed: the alerting rules' tests will be skipped"
eval "$(scripts/promtool.sh env)"
#    Debian's faketime (libfaketime) for the wall-clock step test (installed once, nothing to stop).
scripts/faketime.sh install
eval "$(scripts/faketime.sh env)"

# 4. The suite, both tiers. Maven's exit code is ours, or 1 if the swarm failed to start (its tests
#    were then skipped); the trap stops the services.
log "running mvn -B verify $* (DOCKER_HOST=$DOCKER_HOST)"
rc=0
mvn -B verify "$@" || rc=$?
if ! wait "$swarm_start"; then
  log "scripts/swarm.sh start failed, so the swarm tests were skipped"
  [ "$rc" != 0 ] || rc=1
fi
exit "$rc"
