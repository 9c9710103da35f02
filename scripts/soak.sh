#!/usr/bin/env bash
# The soak (not part of the test command): two controllers of one realm, the packaged application, on the
# private engine, a git daemon's spec repository, CHP and a webhook, under random bounded faults for N minutes
# (kills, edits, deletes, re-adds, pushes including a force-push and a broken commit, CHP restarts, SIGKILL and
# SIGSTOP of the leader, engine restarts), with its invariants checked every second and the controllers' RSS,
# heap after a full GC, threads, descriptors and queue depth sampled every minute. Writes its rows to
# target/bench/results.* and exits 1 on any invariant breach or a realm that did not converge.
# Usage: scripts/soak.sh [--minutes=30] [--apps=12] [--seed=N] [--faults=kill,edit,delete,readd,force-push,
#                        broken-commit,chp-restart,leader-sigkill,leader-sigstop,engine-restart]
# An engine restart stops every container of the private engine: do not run it beside the test suite.
# Each controller logs to target/bench/soak-controller-<port>.log.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/engine.sh start
eval "$(scripts/engine.sh env)"
export DOCKER_HOST
mkdir -p target/bench
mvn -B -q package -DskipTests
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt
echo "soak: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); log: target/bench/soak.log"
set +e
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    io.remoteappmanager.soak.SoakMain "$@" 2>&1 | tee target/bench/soak.log | grep --line-buffered -E '^SOAK|^scenario|^soak '
rc=${PIPESTATUS[0]}
echo "soak: exit $rc"
exit "$rc"
