#!/usr/bin/env bash
# The Docker engine for tests and local runs: a private dockerd on its own socket, plus the offline
# test images. Usage: scripts/engine.sh start|stop|recover|env|status|images
#   start   reuse the engine DOCKER_HOST names if it answers, else start (or reuse) our private one;
#           then build the test images
#   stop    stop our private engine (its data dir stays); never touches a reused DOCKER_HOST engine
#   env     print `export DOCKER_HOST=...` for the engine in use: eval "$(scripts/engine.sh env)"
#   status  exit 0 if the engine in use answers
#   recover stop our private engine hard, its containers with it (their containerd shims are killed), and start it
#           again: for an engine that no longer stops or removes containers (dockerd 20.10 did, twice, while a
#           thousand containers were being removed); the benchmark runs it when its clean-up stalls
#   images  build the test images (ram-test/httpd:1, ram-test/httpd:2, ram-test/crash:1, ram-test/health:1,
#           ram-test/meta:1) if missing
# Environment: RAM_ENGINE_DIR (state dir, default /tmp/ram-engine), DOCKER_HOST (an engine to reuse),
# RAM_ENGINE_BRIDGE / RAM_ENGINE_BRIDGE_CIDR (the bridge taken when another engine owns docker0; default
# ram0, 172.29.0.1/24: give a second private engine beside the first one its own), RAM_ENGINE_ADDRESS_POOL (where
# the networks it creates get their subnets; default base=10.224.0.0/12,size=21: 512 networks of 2,046 addresses).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RAM_LOG_TAG=engine
# shellcheck source=scripts/lib.sh
. "$HERE/lib.sh"

STATE=${RAM_ENGINE_DIR:-/tmp/ram-engine}
SOCK=$STATE/docker.sock
PIDFILE=$STATE/docker.pid
EXEC_ROOT=$STATE/exec
DATA_ROOT=$STATE/data
LOG=$STATE/dockerd.log
OUR_HOST=unix://$SOCK
# Our own bridge, used only when another running engine owns docker0.
BRIDGE=${RAM_ENGINE_BRIDGE:-ram0}
BRIDGE_CIDR=${RAM_ENGINE_BRIDGE_CIDR:-172.29.0.1/24}
START_TIMEOUT=60
# The engine's own pools give each new network a /16 of 172.17-31 (or a /20 of 192.168): about 30 networks, fewer
# where host routes overlap them. ram.docker.networks and the benchmark's compose projects create networks, so give
# them many small ones, each still larger than a bridge's 1,023 ports. Takes effect when the engine (re)starts.
ADDRESS_POOL=${RAM_ENGINE_ADDRESS_POOL:-base=10.224.0.0/12,size=21}

# foreign_host: true if DOCKER_HOST names another engine than ours and it answers.
foreign_host() { [ -n "${DOCKER_HOST:-}" ] && [ "$DOCKER_HOST" != "$OUR_HOST" ] && engine_answers "$DOCKER_HOST"; }

# engine_host: the DOCKER_HOST of the engine in use.
engine_host() { if foreign_host; then echo "$DOCKER_HOST"; else echo "$OUR_HOST"; fi; }

# ours PID: true if PID is a live dockerd or containerd of our state dir.
ours() { engine_pid "$1" "$EXEC_ROOT" "$DATA_ROOT"; }

# foreign_dockerd: true if a dockerd that is not ours runs in our network namespace (so docker0 may be
# its own; the dockerds of scripts/swarm.sh have bridges of their own in their namespaces).
foreign_dockerd() {
  local p
  for p in $(pgrep -x dockerd || true); do
    alive "$p" || continue
    [ "$(readlink "/proc/$p/ns/net")" = "$(readlink /proc/self/ns/net)" ] || continue
    case "$(cmdline "$p")" in *"$EXEC_ROOT"*) ;; *) return 0 ;; esac
  done
  return 1
}

# ensure_packages [engine]: installs what the images (and, with "engine", a private engine) need.
ensure_packages() {
  local missing=() b
  if [ "${1:-}" = engine ] || ! command -v docker >/dev/null; then
    # docker.io brings dockerd, containerd, runc, docker-proxy, docker-init (tini) and a CLI.
    for b in docker dockerd containerd runc docker-proxy docker-init; do
      command -v "$b" >/dev/null || { missing+=(docker.io); break; }
    done
  fi
  # pgrep (procps) finds leftover engine processes; flock (util-linux) serialises starts.
  command -v pgrep >/dev/null || missing+=(procps)
  # The images need the static busybox: the plain `busybox` package's binary needs libc.
  pkg_installed busybox-static || missing+=(busybox-static)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

# cleanup_stale: removes what an engine of ours killed earlier left behind.
cleanup_stale() { clear_engine_leftovers "$EXEC_ROOT" "$DATA_ROOT" "$PIDFILE" "$SOCK"; }

start_private() {
  if engine_answers "$OUR_HOST"; then
    log "private engine already running at $OUR_HOST"
    return 0
  fi
  ensure_packages engine
  mkdir -p "$STATE" "$DATA_ROOT" "$EXEC_ROOT"
  cleanup_stale

  local args=(
    --iptables=false --ip-masq=false    # touch no host firewall
    --data-root "$DATA_ROOT" --exec-root "$EXEC_ROOT"
    -H "$OUR_HOST" --pidfile "$PIDFILE"
    # If a system containerd is running dockerd uses it; own namespaces keep our containers apart.
    --containerd-namespace ram --containerd-plugins-namespace ram-plugins
    --default-address-pool "$ADDRESS_POOL"
  )
  # Another live engine owns docker0: take our own bridge. (A docker0 left by a dead engine is reused.)
  if ip link show docker0 >/dev/null 2>&1 && foreign_dockerd; then
    ensure_bridge "$BRIDGE" "$BRIDGE_CIDR"
    args+=(-b "$BRIDGE")
    log "docker0 belongs to another engine; using bridge $BRIDGE ($BRIDGE_CIDR)"
  fi

  [ -f "$LOG" ] && mv -f "$LOG" "$LOG.1"   # keep the previous run's log for post-mortems
  log "starting dockerd (state $STATE, log $LOG)"
  local ms0=${EPOCHREALTIME/./}
  # setsid + no inherited fds: the engine outlives this script, never holds a caller's pipe open,
  # and never holds our start lock (fd 9).
  setsid dockerd "${args[@]}" </dev/null >>"$LOG" 2>&1 9>&- &
  local pid=$!
  wait_engine "$OUR_HOST" "$pid" "$LOG" "$START_TIMEOUT"
  log "private engine up in $(elapsed "$ms0") at $OUR_HOST (dockerd pid $pid)"
}

cmd_start() {
  lock_dir "$STATE"   # one start or stop at a time (e.g. test.sh and run.sh started together)
  if foreign_host; then
    log "reusing the engine at DOCKER_HOST=$DOCKER_HOST"
  else
    [ -z "${DOCKER_HOST:-}" ] || [ "$DOCKER_HOST" = "$OUR_HOST" ] ||
      log "no engine answers at DOCKER_HOST=$DOCKER_HOST; using our private one"
    start_private
  fi
  cmd_images
}

cmd_stop() {
  if foreign_host; then
    log "engine at DOCKER_HOST=$DOCKER_HOST is not ours; leaving it running"
    return 0
  fi
  lock_dir "$STATE"
  local pid=""
  [ -f "$PIDFILE" ] && pid=$(cat "$PIDFILE" 2>/dev/null || true)
  # The pidfile may name a reused pid after a crash: only signal it if it is our dockerd.
  if [ -n "$pid" ] && ours "$pid"; then
    log "stopping dockerd (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    # dockerd stops its containers first (up to 15 s each by default), then containerd.
    wait_gone 60 "$pid" || { log "dockerd still running after 60s; killing it"; kill_pids KILL "$pid"; }
  fi
  # Also drops the mounts dockerd leaves under its data root (see unmount_leftovers in lib.sh).
  cleanup_stale
  log "private engine stopped (data kept in $DATA_ROOT)"
}

cmd_recover() {
  foreign_host && die "the engine at DOCKER_HOST=$DOCKER_HOST is not ours; not touching it"
  cmd_stop   # also kills its containers' shims and unmounts their root filesystems (clear_engine_leftovers)
  cmd_start
}

cmd_env() { echo "export DOCKER_HOST=$(engine_host)"; }

cmd_status() {
  local host
  host=$(engine_host)
  if engine_answers "$host"; then log "engine answers at $host"; else log "no engine answers at $host"; return 1; fi
}

# ---- test images ------------------------------------------------------------------------------

# build_image NAME CMD_JSON [SRC DEST]...: imports a busybox rootfs plus the given files as NAME,
# unless an image with the same recipe (hash kept in the image's comment) already exists.
build_image() {
  local name=$1 cmd=$2 host hash rootfs
  shift 2
  host=$(engine_host)
  # The recipe: this function (the rootfs layout), busybox, the CMD, each added file and its path.
  hash=$({ declare -f build_image; sha256sum /bin/busybox; echo "$cmd"; while [ $# -gt 0 ]; do echo "$2"; cat "$1"; shift 2; done; } \
    | sha256sum | cut -c1-16)
  local have old_id
  have=$(docker -H "$host" image inspect -f '{{.Comment}} {{.Id}}' "$name" 2>/dev/null || true)
  [ "${have% *}" = "ram-test recipe $hash" ] && return 0
  old_id=${have##* }
  rootfs=$(mktemp -d)
  chmod 755 "$rootfs"   # mktemp makes it 0700, and it becomes the image's /
  # The busybox binary and a symlink per applet, at its usual path (/usr/bin/env, /usr/sbin/httpd)
  # and in /bin (/bin/httpd, as in the busybox image); --install needs the directories to exist.
  mkdir -p "$rootfs/bin" "$rootfs/sbin" "$rootfs/usr/bin" "$rootfs/usr/sbin" "$rootfs/etc" "$rootfs/tmp"
  chmod 1777 "$rootfs/tmp"
  cp /bin/busybox "$rootfs/bin/busybox"
  chroot "$rootfs" /bin/busybox --install -s
  chroot "$rootfs" /bin/busybox --install -s /bin
  while [ $# -gt 0 ]; do
    mkdir -p "$rootfs/$(dirname "$2")"
    cp "$1" "$rootfs/$2"
    shift 2
  done
  log "importing $name"
  tar -C "$rootfs" --numeric-owner --owner=0 --group=0 -cf - . \
    | docker -H "$host" import -m "ram-test recipe $hash" -c "CMD $cmd" - "$name" >/dev/null
  rm -rf "$rootfs"
  # Drop the outdated build unless a container still uses it.
  [ -z "$old_id" ] || docker -H "$host" rmi "$old_id" >/dev/null 2>&1 || true
}

# build_health_image: ram-test/health:1, the httpd app with a HEALTHCHECK that fails from the moment
# /tmp/unhealthy exists (a test runs `docker exec ... touch /tmp/unhealthy`); its 10 s timeout keeps a check
# that a loaded machine runs late from failing as "exceeded timeout" instead of exiting 1. A Dockerfile over
# ram-test/httpd:1, so the engine's build cache makes it again only when that image changed.
build_health_image() {
  local out
  # The classic builder needs nothing but the local base image (its deprecation notice is shown only on failure).
  out=$(printf '%s\n' 'FROM ram-test/httpd:1' \
    'HEALTHCHECK --interval=500ms --timeout=10s --retries=1 CMD ["/bin/sh", "-c", "test ! -e /tmp/unhealthy"]' \
    | DOCKER_BUILDKIT=0 docker -H "$(engine_host)" build -q -t ram-test/health:1 - 2>&1) || { echo "$out" >&2; return 1; }
}

# build_meta_image: ram-test/meta:1, the httpd app with the labels in which an image describes its app (under the
# default ram.images.label-prefix): a title, a description, its kind, a 128x128 PNG icon (images/meta-icon.png, as
# base64) and two settings, one written as the seed's images write them (x11-height). Built like the health image.
build_meta_image() {
  local out p=eu.simphony-project.docker.
  out=$(printf '%s\n' 'FROM ram-test/httpd:1' \
    "LABEL ${p}ui_name=\"Test Viewer\" ${p}type=webapp ${p}env.X11_WIDTH=\"\" ${p}env.x11-height=\"\"" \
    "LABEL ${p}description=\"A tiny web app that shows its version and its environment.\"" \
    "LABEL ${p}icon_128=$(base64 -w0 "$HERE/images/meta-icon.png")" \
    | DOCKER_BUILDKIT=0 docker -H "$(engine_host)" build -q -t ram-test/meta:1 - 2>&1) || { echo "$out" >&2; return 1; }
}

cmd_images() {
  ensure_packages
  local ms0=${EPOCHREALTIME/./} img=$HERE/images
  build_image ram-test/httpd:1 '["/bin/sh","/ram-httpd.sh"]' \
    "$img/httpd.sh" /ram-httpd.sh "$img/index-v1.txt" /etc/ram-test/index
  build_image ram-test/httpd:2 '["/bin/sh","/ram-httpd.sh"]' \
    "$img/httpd.sh" /ram-httpd.sh "$img/index-v2.txt" /etc/ram-test/index
  build_image ram-test/crash:1 '["/bin/sh","/ram-crash.sh"]' "$img/crash.sh" /ram-crash.sh
  build_health_image
  build_meta_image
  log "test images ready in $(elapsed "$ms0")"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  recover) cmd_recover ;;
  env) cmd_env ;;
  status) cmd_status ;;
  images) cmd_images ;;
  *) echo "usage: $0 start|stop|recover|env|status|images" >&2; exit 2 ;;
esac
