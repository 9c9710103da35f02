# shellcheck shell=bash
# Helpers shared by the scripts in this folder; sourced, never run.

# log MSG...: progress to stderr, so stdout stays clean for callers that eval it.
log() { printf '%s: %s\n' "${RAM_LOG_TAG:-ram}" "$*" >&2; }

# die MSG...: report and exit non-zero.
die() { log "error: $*"; exit 1; }

# apt_install PKG...: installs Debian packages, running `apt-get update` at most once per script run.
_ram_apt_updated=0
apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found; install by hand: $*"
  # The scripts start services side by side (the swarm installs while the engine does), and `apt-get update`
  # fails at once on the lists lock that another run holds: our own runs take turns on one lock, and a foreign
  # apt/dpkg run is waited for on dpkg's lock.
  local lock=(-o DPkg::Lock::Timeout=600)
  (
    flock -w 900 8 || die "another install held /var/lock/remoteappmanager-apt.lock for over 900s"
    if [ "$_ram_apt_updated" = 0 ]; then
      log "apt-get update"
      apt-get "${lock[@]}" update -qq >&2
    fi
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" install -y -qq --no-install-recommends "$@" >&2
  ) 8>/var/lock/remoteappmanager-apt.lock
  _ram_apt_updated=1
}

# pkg_installed PKG: true if dpkg has PKG fully installed.
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# lock_dir DIR: holds DIR/lock on fd 9 until the script exits, so starts and stops of one state dir
# never interleave. Whatever the script launches to outlive it must close fd 9 (`9>&-`).
lock_dir() {
  mkdir -p "$1"
  exec 9>"$1/lock"
  flock -w 120 9 || die "another start or stop holds $1/lock for over 120s"
}

# ---- processes --------------------------------------------------------------------------------

# cmdline PID: the process's command line with spaces between arguments ("" if it is gone).
cmdline() { tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" || true; }

# alive PID: true if the process runs (a zombie counts as gone: this sandbox's PID 1 may not reap).
alive() { local st; st=$(awk '/^State:/ {print $2}' 2>/dev/null <"/proc/$1/status") || return 1; [ -n "$st" ] && [ "$st" != Z ]; }

# elapsed START_US: seconds since START_US (microseconds, from EPOCHREALTIME), as "1.234s".
elapsed() { local ms=$(( (${EPOCHREALTIME/./} - $1) / 1000 )); printf '%d.%03ds' $((ms / 1000)) $((ms % 1000)); }

# kill_pids SIGNAL PID...: signal the given processes, ignoring those already gone.
kill_pids() { local sig=$1; shift; [ $# -gt 0 ] && kill "-$sig" "$@" 2>/dev/null; return 0; }

# wait_gone SECONDS PID...: wait until all the processes have exited; false on timeout.
wait_gone() {
  local deadline=$((SECONDS + $1)) p running; shift
  while :; do
    running=0
    for p in "$@"; do alive "$p" && running=1; done
    [ "$running" = 0 ] && return 0
    [ "$SECONDS" -ge "$deadline" ] && return 1
    sleep 0.2
  done
}

# terminate SECONDS PID...: TERM the processes, then KILL those still running after SECONDS.
terminate() {
  local secs=$1; shift
  kill_pids TERM "$@"
  kill_pids CONT "$@"   # a stopped (hung) process only acts on TERM once continued
  wait_gone "$secs" "$@" || kill_pids KILL "$@"
}

# ---- private Docker engines (dockerd with its own state dirs) ------------------------------------

# engine_answers HOST: true if a Docker engine answers at HOST (bounded, so a hung socket cannot block us).
engine_answers() { timeout 10 docker -H "$1" version --format '{{.Server.Version}}' >/dev/null 2>&1; }

# engine_pid PID EXEC_ROOT DATA_ROOT: true if PID is a live dockerd or containerd of that engine.
engine_pid() {
  alive "$1" || return 1
  case "$(cat "/proc/$1/comm" 2>/dev/null || true)" in dockerd | containerd) ;; *) return 1 ;; esac
  case "$(cmdline "$1")" in *"$2"* | *"$3"*) return 0 ;; *) return 1 ;; esac
}

# engine_pids EXEC_ROOT DATA_ROOT: that engine's dockerd and containerd processes (matched by their paths).
# containerd shims are left alone: a new containerd reconnects to them and the new dockerd then
# stops their containers cleanly.
engine_pids() {
  local p
  for p in $(pgrep -x dockerd; pgrep -x containerd); do engine_pid "$p" "$1" "$2" && echo "$p"; done
  return 0
}

# orphan_proxies: docker-proxy processes whose dockerd is gone (they would keep holding host ports).
orphan_proxies() {
  local p ppid
  for p in $(pgrep -x docker-proxy || true); do
    alive "$p" || continue
    ppid=$(awk '/^PPid:/ {print $2}' 2>/dev/null <"/proc/$p/status" || true)
    [ -n "$ppid" ] && [ "$(cat "/proc/$ppid/comm" 2>/dev/null || true)" != dockerd ] && echo "$p"
  done
  return 0
}

# clear_engine_leftovers EXEC_ROOT DATA_ROOT PIDFILE SOCK: removes what a killed engine left behind.
clear_engine_leftovers() {
  local pids
  pids=$(engine_pids "$1" "$2")
  if [ -n "$pids" ]; then
    log "killing leftover engine processes: ${pids//$'\n'/ }"
    # shellcheck disable=SC2086
    terminate 10 $pids
  fi
  pids=$(orphan_proxies)
  if [ -n "$pids" ]; then
    log "killing orphaned docker-proxy processes: ${pids//$'\n'/ }"
    # shellcheck disable=SC2086
    kill_pids KILL $pids
  fi
  # dockerd refuses a pidfile naming a live process, and trusts containerd's pidfile: after a kill
  # the pids may have been reused by unrelated processes, so both files go.
  rm -f "$3" "$4" "$1/containerd/containerd.pid"
  # A dockerd stopped while it was starting containers leaves their containerd shims running, and
  # the next one then fails to start those containers ("task ... already exists"). With the engine
  # gone they are orphans (dockerd without live-restore stops every container it knows).
  pids=$(pgrep -f -- "containerd-shim-runc-v2 .*-address $1/containerd/containerd.sock" || true)
  if [ -n "$pids" ]; then
    log "killing $(echo "$pids" | wc -l) containerd shim(s) the engine left behind"
    # shellcheck disable=SC2086
    kill_pids KILL $pids
  fi
  unmount_leftovers "$2"
  # It also leaves their shims' task directories (each with a rootfs mount), and the next engine then cannot
  # start those containers either ("failed to start shim: mkdir .../io.containerd.runtime.v2.task/<ns>/<id>:
  # file exists"). With no engine and no shim left they are stale: they go, once nothing is mounted below them.
  local tasks="$1/containerd/daemon/io.containerd.runtime.v2.task"
  if [ -d "$tasks" ]; then
    unmount_leftovers "$tasks"
    if [ -z "$(mounts_under "$tasks")" ]; then
      rm -rf "$tasks"
    else
      log "left $tasks in place: something is still mounted below it"
    fi
  fi
}

# mounts_under DIR: the mount points at or below DIR, deepest first.
mounts_under() { findmnt -rn -o TARGET | awk -v root="$1" '$0 == root || index($0, root "/") == 1' | sort -r; }

# unmount_leftovers DATA_ROOT: drops every mount left under a stopped engine's DATA_ROOT. A dockerd
# stopped while it was starting containers can leave their root filesystems mounted; the next
# dockerd bind-mounts its data root over them, so it can never remove those containers ("device or
# resource busy", then "Removal In Progress" for good). Its own bind mount of the data root goes
# too: the next start makes it again.
unmount_leftovers() {
  local round target targets
  for round in 1 2 3 4 5 6 7 8; do   # a stacked mount hides the ones under it until it is gone
    targets=$(mounts_under "$1")
    [ -n "$targets" ] || return 0
    [ "$round" -gt 1 ] || log "unmounting $(echo "$targets" | wc -l) mount(s) a stopped engine left under $1"
    for target in $targets; do umount "$target" 2>/dev/null || umount -l "$target" 2>/dev/null || true; done
  done
  log "mounts still left under $1: $(mounts_under "$1" | wc -l)"
}

# wait_engine HOST PID LOG TIMEOUT: waits until the dockerd just launched as PID answers at HOST;
# dies with the log's tail if it exits or stays silent for TIMEOUT seconds.
wait_engine() {
  local host=$1 pid=$2 log=$3 deadline=$((SECONDS + $4))
  while ! engine_answers "$host"; do
    if ! alive "$pid"; then
      engine_answers "$host" && break
      tail -n 30 "$log" >&2 || true
      die "dockerd exited during start-up (log: $log)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail -n 30 "$log" >&2 || true
      die "dockerd did not answer within ${4}s (log: $log)"
    fi
    sleep 0.2
  done
}

# ensure_bridge NAME CIDR: creates the host bridge NAME (idempotent), gives it its address and brings it up.
ensure_bridge() {
  command -v ip >/dev/null || apt_install iproute2
  ip link show "$1" >/dev/null 2>&1 || ip link add "$1" type bridge
  ip -4 addr show dev "$1" | grep -q "inet $2" || ip addr add "$2" dev "$1"
  ip link set "$1" up
}

# ---- image registries (Debian's docker-registry, plain HTTP) -------------------------------------

# registry_answers ADDR: the registry's API root answers (401 counts: a registry behind a login asks for credentials).
registry_answers() {
  local code
  code=$(curl -sS -m 5 -o /dev/null -w '%{http_code}' "http://$1/v2/" 2>/dev/null) || return 1
  [ "$code" = 200 ] || [ "$code" = 401 ]
}

# registry_config DIR ADDR: writes DIR/config.yml, a registry on ADDR storing in DIR/data (callers may append to it).
registry_config() {
  mkdir -p "$1/data"
  cat >"$1/config.yml" <<CONF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $1/data
  delete:
    enabled: true
http:
  addr: $2
CONF
}

# registry_pid DIR: the pid in DIR's pidfile if it is a live docker-registry.
registry_pid() {
  local pid
  pid=$(cat "$1/registry.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" = docker-registry ] && echo "$pid"
}

# registry_start DIR ADDR: runs docker-registry with DIR/config.yml unless a registry answers on ADDR.
registry_start() {
  local dir=$1 addr=$2 log=$1/registry.log
  registry_answers "$addr" && return 0
  log "starting docker-registry on $addr (log $log)"
  setsid docker-registry serve "$dir/config.yml" >>"$log" 2>&1 </dev/null 9>&- &
  echo $! >"$dir/registry.pid"
  local deadline=$((SECONDS + 30))
  until registry_answers "$addr"; do
    [ "$SECONDS" -lt "$deadline" ] || die "registry did not answer on $addr within 30s; see $log"
    sleep 0.2
  done
}

# registry_stop DIR: stops the docker-registry that DIR's pidfile names.
registry_stop() {
  local pid
  if pid=$(registry_pid "$1"); then
    log "stopping docker-registry of $1 (pid $pid)"
    terminate 15 "$pid"
  fi
  rm -f "$1/registry.pid"
}

# registry_image_id REGISTRY NAME:TAG: the image id (the manifest's config digest) the registry holds, or nothing.
registry_image_id() {
  curl -fsS -m 5 -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$1/v2/${2%:*}/manifests/${2##*:}" 2>/dev/null | grep -o '"digest": *"sha256:[0-9a-f]*"' | head -n 1 \
    | grep -o 'sha256:[0-9a-f]*' || true
}

# push_images REGISTRY IMAGE...: pushes each local image of the engine DOCKER_HOST names as REGISTRY/IMAGE,
# unless the registry already holds that very image; the engine keeps no REGISTRY/... tag.
push_images() {
  local registry=$1 image id; shift
  for image in "$@"; do
    id=$(docker image inspect -f '{{.Id}}' "$image")
    [ "$(registry_image_id "$registry" "$image")" = "$id" ] && continue
    docker tag "$image" "$registry/$image"
    docker push -q "$registry/$image" >/dev/null
    docker rmi "$registry/$image" >/dev/null
    log "pushed $image to $registry"
  done
}
