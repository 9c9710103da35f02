#!/usr/bin/env bash
# The benchmark suite (issue 6; not part of the test command): the controller beside the engine's own
# limit and docker-compose, on the project's private engine. Prints a table, writes target/bench/results.*
# Usage: scripts/bench.sh [--quick] [--only=cold,noop,latency,churn,parse,plan,footprint,git,scale,stuck-pull,swarm-cold,sim,
#                                 logs-follow]
#                         [--cold=50,200] [--noop=1000] [--churn=200] [--parse=10000] [--plan=10000] [--scale=1200]
#                         [--sim=10000,100000] [--sim-pace=5ms,8] [--logs-follow=30 (seconds)]
#                         [--scale-per-network=M] [--tries=20 (stuck-pull: 5)] [--swarm-cold=20]
#                         [--rounds=3 (cold, churn and swarm-cold: alternating rounds of the engine limit and the controller)]
# swarm-cold runs only when named in --only; it uses the test swarm (scripts/swarm.sh, started if needed).
# sim also runs only when named: the controller on an in-memory engine at up to 100,000 apps, no dockerd. When
# --only names only scenarios without an engine (parse, plan, sim), no engine or git server is started.
# logs-follow also runs only when named: the packaged controller (built here, as for footprint) runs one app writing
# about 1,000 lines a second, and a client follows its output through the API for 30 s.
# The benchmark's JVM takes BENCH_JAVA_OPTS (default -Xmx4g, which sim at 100,000 apps needs; add JFR options there).
# Every container it makes is in a realm (or compose project) named tbench* and is removed at the end of its
# scenario, before each scenario (what an earlier, killed run left), and when the run stops (Ctrl-C included);
# swarm-cold's services are in a realm of their own on the test swarm, removed at the end of the scenario.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
cd "$ROOT"

NEEDS_ENGINE=1
for arg in "$@"; do
    case "$arg" in
        --only=*)
            NEEDS_ENGINE=0
            for scenario in $(echo "${arg#--only=}" | tr ',' ' '); do
                case "$scenario" in parse|plan|sim) ;; *) NEEDS_ENGINE=1 ;; esac
            done ;;
    esac
done

GIT_STARTED=0
if [ "$NEEDS_ENGINE" = 1 ]; then
    "$HERE/engine.sh" start
    eval "$("$HERE/engine.sh" env)"
    export DOCKER_HOST
    # The git scenario's repositories are served by git daemon (scripts/git-servers.sh), stopped at the end if started here.
    "$HERE/git-servers.sh" status daemon 2>/dev/null || GIT_STARTED=1
    "$HERE/git-servers.sh" start daemon
    eval "$("$HERE/git-servers.sh" env)"
    # The swarm scenario's three-node swarm, left running as the test swarm always is (scripts/swarm.sh stop ends it).
    case " $* " in *--only=*swarm-cold*) "$HERE/swarm.sh" start; eval "$("$HERE/swarm.sh" env)" ;; esac

    # A thousand containers on one bridge need a thousand ARP entries; the kernel's default table (gc_thresh3
    # = 1024) overflows ("neighbor table overflow" in dmesg) and connections to apps stall for seconds.
    if [ "$(sysctl -n net.ipv4.neigh.default.gc_thresh3)" -lt 8192 ]; then
        echo "bench: raising net.ipv4.neigh.default.gc_thresh1/2/3 to 1024/4096/8192 for N = 1000 apps"
        sysctl -q -w net.ipv4.neigh.default.gc_thresh1=1024 net.ipv4.neigh.default.gc_thresh2=4096 \
            net.ipv4.neigh.default.gc_thresh3=8192
    fi

    if ! command -v docker-compose >/dev/null 2>&1; then
        apt-get install -y docker-compose || { apt-get update && apt-get install -y docker-compose; }
    fi
fi

mkdir -p target/bench
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt
case " $* " in
    *--only=*) case " $* " in *footprint*|*logs-follow*) PACKAGE=1 ;; *) PACKAGE=0 ;; esac ;;
    *) PACKAGE=1 ;;
esac
if [ "$PACKAGE" = 1 ]; then
    mvn -B -q package -DskipTests
fi

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); full log: target/bench/run.log"
set +e
: >target/bench/run.log
rm -f target/bench/results.json target/bench/results.csv target/bench/results.txt
# shellcheck disable=SC2086 # the options are words
java ${BENCH_JAVA_OPTS:--Xmx4g} -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
    io.remoteappmanager.bench.BenchMain "$@" >target/bench/run.log 2>&1 &
BENCH_PID=$!
# On Ctrl-C or a TERM the benchmark's JVM removes what it made before it exits: wait for that. The output filter
# runs in the background because bash defers a trap until a foreground command ends, while it interrupts `wait`.
trap 'echo "bench: stopping; the benchmark removes what it made first"; kill -TERM "$BENCH_PID" 2>/dev/null' INT TERM
tail -n +1 --pid="$BENCH_PID" -f target/bench/run.log | grep --line-buffered -E '^(BENCH|== )' &
wait "$BENCH_PID"
STATUS=$?
while kill -0 "$BENCH_PID" 2>/dev/null; do
    wait "$BENCH_PID"
    STATUS=$?
done
wait
set -e
echo
cat target/bench/results.txt 2>/dev/null || echo "no results written; see target/bench/run.log"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$GIT_STARTED" = 0 ] || "$HERE/git-servers.sh" stop daemon
exit "$STATUS"
