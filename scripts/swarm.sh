#!/usr/bin/env bash
# A three-node Docker Swarm on this one machine, for tests of the Swarm runtime. Each node is a dockerd
# in a network namespace of its own (ram-swarm-1..3, eth0 10.214.0.11..13/24, no default route), hung
# on the host bridge ramswarm0 (10.214.0.1/24); node 1 is the manager, 2 and 3 are workers. A
# docker-registry on 10.214.0.1:5000 holds the test images as 10.214.0.1:5000/ram-test/httpd:1, :2
# and 10.214.0.1:5000/ram-test/crash:1: services must name those (an image only local to one node
# makes every other node look for it on Docker Hub first).
# Usage: scripts/swarm.sh start|stop|env|status|kill-node N|start-node N
#   start         create what is missing (bridge, namespaces, dockerds, swarm, registry, images), repair
#                 what a killed run left behind, and wait until three nodes are Ready; idempotent
#   stop          leave the swarm, stop the dockerds and the registry, delete namespaces, veths and
#                 bridge, unmount and delete the nodes' state (their logs and the registry's storage stay)
#   env           print the variables tests read: eval "$(scripts/swarm.sh env)"
#   status        exit 0 if the manager answers and reports three nodes Ready (after a start or stop
#                 in progress has finished)
#   kill-node N   SIGKILL node N's dockerd (its namespace and containers stay), as a crashed node
#   start-node N  start node N's dockerd again and wait until it is back in the swarm and Ready
# Environment: RAM_SWARM_DIR (state dir, default /tmp/ram-swarm).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RAM_LOG_TAG=swarm
# shellcheck source=scripts/lib.sh
. "$HERE/lib.sh"

STATE=${RAM_SWARM_DIR:-/tmp/ram-swarm}
NODES=(1 2 3)
BRIDGE=ramswarm0
BRIDGE_ADDR=10.214.0.1
REGISTRY=$BRIDGE_ADDR:5000
REGISTRY_DIR=$STATE/registry
IMAGES=(ram-test/httpd:1 ram-test/httpd:2 ram-test/crash:1)
START_TIMEOUT=60
declare -A LAUNCHED=()   # node -> pid of a dockerd this run launched

netns() { echo "ram-swarm-$1"; }
addr() { echo "10.214.0.1$1"; }
veth() { echo "ramswarm-v$1"; }
dir() { echo "$STATE/node$1"; }
host() { echo "unix://$STATE/node$1/docker.sock"; }

# dk N ARGS...: the docker CLI on node N, bounded so that a hung engine cannot block us.
dk() { local n=$1; shift; timeout 60 docker -H "$(host "$n")" "$@"; }

# swarm_info N FIELD: a field of node N's swarm info (LocalNodeState, NodeID, ControlAvailable, ...).
swarm_info() { dk "$1" info --format "{{.Swarm.$2}}"; }

ensure_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  command -v curl >/dev/null || missing+=(curl)
  command -v ip >/dev/null || missing+=(iproute2)
  command -v pgrep >/dev/null || missing+=(procps)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

# ---- nodes ------------------------------------------------------------------------------------

# node_pid N: node N's dockerd pid, if its pidfile names a live one.
node_pid() {
  local pid
  pid=$(cat "$(dir "$1")/pid" 2>/dev/null) || return 1
  engine_pid "$pid" "$(dir "$1")/exec" "$(dir "$1")/data" && echo "$pid"
}

# node_up N: node N's dockerd runs in node N's namespace and answers.
node_up() {
  local pid ns_inode
  pid=$(node_pid "$1") || return 1
  ns_inode=$(stat -L -c %i "/var/run/netns/$(netns "$1")" 2>/dev/null) || return 1
  [ "$(readlink "/proc/$pid/ns/net")" = "net:[$ns_inode]" ] && engine_answers "$(host "$1")"
}

# ensure_node_net N: node N's namespace, with eth0 (its address, up) paired with a veth on the bridge.
ensure_node_net() {
  local n=$1 ns veth
  ns=$(netns "$n")
  veth=$(veth "$n")
  if ! ip -n "$ns" link show lo >/dev/null 2>&1; then
    ip netns del "$ns" 2>/dev/null || true   # a name without a live namespace behind it
    ip netns add "$ns"
  fi
  if ! ip -n "$ns" link show eth0 >/dev/null 2>&1; then
    ip link del "$veth" 2>/dev/null || true
    ip link add "$veth" type veth peer name eth0 netns "$ns"
  fi
  ip link set "$veth" master "$BRIDGE" up
  ip -n "$ns" addr replace "$(addr "$n")/24" dev eth0
  ip -n "$ns" link set lo up
  ip -n "$ns" link set eth0 up
}

# launch_node N: repairs node N's network, and starts its dockerd in its namespace unless it runs
# there; records a started one in LAUNCHED.
launch_node() {
  local n=$1 d
  d=$(dir "$n")
  ensure_node_net "$n"
  node_up "$n" && return 0
  mkdir -p "$d"
  clear_engine_leftovers "$d/exec" "$d/data" "$d/pid" "$d/docker.sock"
  [ -f "$d/dockerd.log" ] && mv -f "$d/dockerd.log" "$d/dockerd.log.1"
  log "starting node $n: dockerd in $(netns "$n") at $(addr "$n") (log $d/dockerd.log)"
  # nsenter --net, not `ip netns exec`: that remounts /sys, and dockerd then finds no devices cgroup.
  # A UTS namespace of its own gives the node its own hostname, as on a real cluster (else all three
  # nodes report this machine's). Own data, exec root (so its own containerd), socket and containerd
  # namespaces: nothing is shared with the private engine. setsid and no inherited fds, as in engine.sh.
  # shellcheck disable=SC2016  # $0 and $@ belong to the inner shell
  setsid unshare --uts sh -c 'hostname "$0" && exec "$@"' "$(netns "$n")" \
    nsenter --net="/var/run/netns/$(netns "$n")" dockerd \
    --data-root "$d/data" --exec-root "$d/exec" -H "$(host "$n")" --pidfile "$d/pid" \
    --containerd-namespace "ram-swarm-$n" --containerd-plugins-namespace "ram-swarm-$n-plugins" \
    --iptables=false --ip-masq=false --bip "10.215.$n.1/24" --insecure-registry "$REGISTRY" \
    </dev/null >>"$d/dockerd.log" 2>&1 9>&- &
  LAUNCHED[$n]=$!
}

# wait_launched: waits until every dockerd this run launched answers.
wait_launched() {
  local n
  for n in "${!LAUNCHED[@]}"; do
    wait_engine "$(host "$n")" "${LAUNCHED[$n]}" "$(dir "$n")/dockerd.log" "$START_TIMEOUT"
  done
}

# kill_shims N: kills node N's containerd shims and their containers (a killed dockerd leaves them running).
kill_shims() {
  local p kids
  for p in $(pgrep -x containerd-shim || true); do
    case "$(cmdline "$p")" in *"$(dir "$1")/exec/"*) ;; *) continue ;; esac
    kids=$(pgrep -P "$p" || true)
    # shellcheck disable=SC2086
    kill_pids KILL $kids "$p"
  done
}

# unmount_under DIR: unmounts everything mounted at or below DIR, deepest first.
unmount_under() {
  local m
  awk -v d="$1" '$5 == d || index($5, d "/") == 1 {print $5}' /proc/self/mountinfo | sort -r | while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || log "could not unmount $m"
  done
}

# remove_node N: node N's processes, mounts, namespace, veth and state are gone (its log stays).
remove_node() {
  local n=$1 d
  d=$(dir "$n")
  clear_engine_leftovers "$d/exec" "$d/data" "$d/pid" "$d/docker.sock"
  kill_shims "$n"
  unmount_under "$d"
  ip netns del "$(netns "$n")" 2>/dev/null || true
  ip link del "$(veth "$n")" 2>/dev/null || true
  rm -rf --one-file-system "$d/data" "$d/exec"
}

# ---- the swarm --------------------------------------------------------------------------------

# ready_count: how many nodes the manager reports Ready.
ready_count() { dk 1 node ls --format '{{.Status}}' 2>/dev/null | grep -cx Ready || true; }

wait_ready() {
  local deadline=$((SECONDS + START_TIMEOUT))
  until [ "$(ready_count)" = ${#NODES[@]} ]; do
    [ "$SECONDS" -lt "$deadline" ] || { dk 1 node ls >&2 || true; die "${#NODES[@]} nodes not Ready within ${START_TIMEOUT}s"; }
    sleep 0.2
  done
}

# ensure_manager: node 1 manages a swarm, initialising a new one unless it already does.
ensure_manager() {
  local state deadline=$((SECONDS + 20))
  state=$(swarm_info 1 LocalNodeState)
  # A manager restarted a moment ago may still be loading its raft state.
  while [ "$state" = pending ] && [ "$SECONDS" -lt "$deadline" ]; do
    sleep 0.2
    state=$(swarm_info 1 LocalNodeState)
  done
  [ "$state" = active ] && [ "$(swarm_info 1 ControlAvailable)" = true ] && return 0
  log "initialising the swarm on node 1 (its swarm state was $state)"
  [ "$state" = inactive ] || dk 1 swarm leave --force >/dev/null
  # A 2 s heartbeat (default 5 s) has the manager find a killed node Down in seconds, not 15.
  dk 1 swarm init --advertise-addr "$(addr 1)" --listen-addr "$(addr 1):2377" --dispatcher-heartbeat 2s >/dev/null
}

# join N TOKEN: node N leaves whatever swarm it knew and joins node 1's as a worker.
join() {
  [ "$(swarm_info "$1" LocalNodeState)" = inactive ] || dk "$1" swarm leave --force >/dev/null
  log "node $1 joins the swarm"
  dk "$1" swarm join --advertise-addr "$(addr "$1")" --listen-addr "$(addr "$1"):2377" --token "$2" "$(addr 1):2377" >/dev/null
}

# ensure_swarm: node 1 manages, the others are its workers, it knows no other node, all are active.
ensure_swarm() {
  ensure_manager
  local members token n id ids="" joins=()
  members=$(dk 1 node ls -q)
  token=$(dk 1 swarm join-token -q worker)
  for n in "${NODES[@]:1}"; do
    id=$(swarm_info "$n" NodeID)
    if [ -n "$id" ] && grep -qx "$id" <<<"$members"; then continue; fi
    join "$n" "$token" &
    joins+=($!)
  done
  for n in "${joins[@]}"; do wait "$n" || die "a node could not join the swarm (logs: $STATE/node*/dockerd.log)"; done
  for n in "${NODES[@]}"; do ids+="$(swarm_info "$n" NodeID)"$'\n'; done
  # Entries of nodes that joined the swarm in an earlier life; and nodes an interrupted test left drained.
  dk 1 node ls --format '{{.ID}} {{.Availability}}' | while read -r id availability; do
    if ! grep -qx "$id" <<<"$ids"; then
      log "removing stale node entry $id"
      dk 1 node rm --force "$id" >/dev/null
    elif [ "$availability" != Active ]; then
      log "node $id was $availability; making it active"
      dk 1 node update --availability active "$id" >/dev/null
    fi
  done
}

# publish_images: builds the test images on node 1 and pushes them to the registry on the bridge.
publish_images() {
  DOCKER_HOST=$(host 1) "$HERE/engine.sh" images
  DOCKER_HOST=$(host 1) push_images "$REGISTRY" "${IMAGES[@]}"
}

# node_arg N: N, if it names a node.
node_arg() {
  case " ${NODES[*]} " in *" ${1:-} "*) echo "$1" ;; *) die "no node '${1:-}': nodes are ${NODES[*]}" ;; esac
}

# ---- commands ---------------------------------------------------------------------------------

cmd_start() {
  lock_dir "$STATE"
  local ms0=${EPOCHREALTIME/./} n
  ensure_packages
  ensure_bridge "$BRIDGE" "$BRIDGE_ADDR/24"
  registry_config "$REGISTRY_DIR" "$REGISTRY"
  registry_start "$REGISTRY_DIR" "$REGISTRY"
  for n in "${NODES[@]}"; do launch_node "$n"; done
  wait_launched
  publish_images &   # needs node 1 only: build and push while the workers join
  local images=$!
  ensure_swarm
  wait "$images" || die "the test images could not be published to $REGISTRY"
  wait_ready
  log "swarm of ${#NODES[@]} Ready nodes up in $(elapsed "$ms0"); manager $(host 1), registry $REGISTRY"
}

cmd_stop() {
  lock_dir "$STATE"
  local ms0=${EPOCHREALTIME/./} n pid pids=()
  # Workers leave first, then the manager; their tasks' containers stop on the way.
  for n in "${NODES[@]:1}"; do
    if node_up "$n"; then dk "$n" swarm leave --force >/dev/null 2>&1 || true; fi &
  done
  wait
  if node_up 1; then dk 1 swarm leave --force >/dev/null 2>&1 || true; fi
  for n in "${NODES[@]}"; do
    if pid=$(node_pid "$n"); then pids+=("$pid"); fi
  done
  if [ ${#pids[@]} -gt 0 ]; then
    log "stopping dockerds ${pids[*]}"
    terminate 30 "${pids[@]}"
  fi
  for n in "${NODES[@]}"; do remove_node "$n"; done
  registry_stop "$REGISTRY_DIR"
  ip link del "$BRIDGE" 2>/dev/null || true
  # `ip netns add` made /run/netns a mount point; drop it when no namespace is left in it.
  if mountpoint -q /run/netns && [ -z "$(ls -A /run/netns)" ]; then umount /run/netns && rmdir /run/netns; fi
  log "swarm stopped in $(elapsed "$ms0")"
}

cmd_env() {
  local n sockets=() addrs=()
  for n in "${NODES[@]}"; do sockets+=("$(host "$n")"); addrs+=("$(addr "$n")"); done
  echo "export RAM_SWARM_DIR=$STATE"
  echo "export RAM_SWARM_MANAGER=$(host 1)"
  echo "export RAM_SWARM_REGISTRY=$REGISTRY"
  echo "export RAM_SWARM_NODE_SOCKETS='${sockets[*]}'"
  echo "export RAM_SWARM_NODE_ADDRS='${addrs[*]}'"
}

cmd_status() {
  local ready
  lock_dir "$STATE"
  engine_answers "$(host 1)" || { log "no manager answers at $(host 1)"; return 1; }
  ready=$(ready_count)
  log "manager answers at $(host 1); $ready of ${#NODES[@]} nodes Ready"
  [ "$ready" = ${#NODES[@]} ]
}

cmd_kill_node() {
  local n pid
  n=$(node_arg "$1")
  lock_dir "$STATE"
  pid=$(node_pid "$n") || die "node $n's dockerd is not running"
  kill -KILL "$pid"
  wait_gone 10 "$pid" || die "node $n's dockerd (pid $pid) survived SIGKILL"
  log "killed node $n's dockerd (pid $pid)"
}

cmd_start_node() {
  local n id deadline
  n=$(node_arg "$1")
  lock_dir "$STATE"
  ensure_bridge "$BRIDGE" "$BRIDGE_ADDR/24"
  launch_node "$n"
  wait_launched
  deadline=$((SECONDS + START_TIMEOUT))
  id=$(swarm_info "$n" NodeID)
  until [ "$(swarm_info "$n" LocalNodeState)" = active ] && [ "$(dk 1 node inspect -f '{{.Status.State}}' "$id" 2>/dev/null)" = ready ]; do
    [ "$SECONDS" -lt "$deadline" ] || die "node $n not back in the swarm within ${START_TIMEOUT}s"
    sleep 0.2
  done
  log "node $n Ready"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  status) cmd_status ;;
  kill-node) cmd_kill_node "${2:-}" ;;
  start-node) cmd_start_node "${2:-}" ;;
  *) echo "usage: $0 start|stop|env|status|kill-node N|start-node N" >&2; exit 2 ;;
esac
