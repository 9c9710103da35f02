#!/usr/bin/env bash
# A local image registry for pull tests: Debian's docker-registry on 127.0.0.1:5000 (plain HTTP, which
# Docker allows for loopback), with the test images pushed as 127.0.0.1:5000/ram-test/httpd:1 and :2.
# Usage: scripts/registry.sh start|stop|env|status
#   start   install docker-registry if missing, start it unless it answers, push the test images
#   stop    stop the registry this script started (its storage stays in the state dir)
#   env     print `export RAM_REGISTRY=127.0.0.1:5000`
#   status  exit 0 if the registry answers
# Environment: RAM_REGISTRY_DIR (state dir, default /tmp/ram-registry); DOCKER_HOST or RAM_ENGINE_DIR
# choose the engine that pushes (as scripts/engine.sh).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RAM_LOG_TAG=registry
# shellcheck source=scripts/lib.sh
. "$HERE/lib.sh"

STATE=${RAM_REGISTRY_DIR:-/tmp/ram-registry}
ADDR=127.0.0.1:5000
PIDFILE=$STATE/registry.pid
CONFIG=$STATE/config.yml
LOG=$STATE/registry.log
IMAGES=(ram-test/httpd:1 ram-test/httpd:2)

answers() { curl -fsS -m 5 "http://$ADDR/v2/" >/dev/null 2>&1; }

# ours: the pid in the pidfile if it is a live docker-registry.
ours() {
  local pid
  pid=$(cat "$PIDFILE" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" = docker-registry ] && echo "$pid"
}

write_config() {
  mkdir -p "$STATE/data"
  cat >"$CONFIG" <<CONF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE/data
  delete:
    enabled: true
http:
  addr: $ADDR
CONF
}

push_images() {
  eval "$("$HERE/engine.sh" env)"
  export DOCKER_HOST
  "$HERE/engine.sh" images
  local image
  for image in "${IMAGES[@]}"; do
    docker tag "$image" "$ADDR/$image"
    docker push -q "$ADDR/$image" >/dev/null
    docker rmi "$ADDR/$image" >/dev/null
  done
  log "pushed ${IMAGES[*]} to $ADDR"
}

cmd_start() {
  command -v docker-registry >/dev/null || apt_install docker-registry
  command -v curl >/dev/null || apt_install curl
  if ! answers; then
    write_config
    log "starting docker-registry on $ADDR (log $LOG)"
    setsid docker-registry serve "$CONFIG" >>"$LOG" 2>&1 </dev/null &
    echo $! >"$PIDFILE"
    local deadline=$((SECONDS + 30))
    until answers; do
      [ "$SECONDS" -lt "$deadline" ] || die "registry did not answer on $ADDR within 30s; see $LOG"
      sleep 0.2
    done
  fi
  push_images
}

cmd_stop() {
  local pid
  if pid=$(ours); then
    log "stopping docker-registry (pid $pid)"
    kill -TERM "$pid"
    local deadline=$((SECONDS + 15))
    while [ -d "/proc/$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" = docker-registry ]; do
      [ "$SECONDS" -lt "$deadline" ] || { kill -KILL "$pid" 2>/dev/null || true; break; }
      sleep 0.2
    done
  fi
  rm -f "$PIDFILE"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) echo "export RAM_REGISTRY=$ADDR" ;;
  status) if answers; then log "registry answers at $ADDR"; else log "no registry at $ADDR"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|env|status" >&2; exit 2 ;;
esac
