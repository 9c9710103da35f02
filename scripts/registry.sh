#!/usr/bin/env bash
# Local image registries for pull tests, Debian's docker-registry on loopback (plain HTTP, which Docker
# allows for loopback):
#   127.0.0.1:5000  anonymous; the test images are pushed as 127.0.0.1:5000/ram-test/httpd:1 and :2
#   127.0.0.1:5001  htpasswd login, user ram-test, password ram-test-password (a test-only credential)
# Usage: scripts/registry.sh start|stop|env|status
#   start   install docker-registry if missing, start each registry unless it answers, push the test images
#   stop    stop the registries this script started (their storage stays in the state dir)
#   env     print the addresses and the login as `export RAM_REGISTRY...=` lines
#   status  exit 0 if both registries answer
# Environment: RAM_REGISTRY_DIR (state dir, default /tmp/ram-registry); DOCKER_HOST or RAM_ENGINE_DIR
# choose the engine that pushes (as scripts/engine.sh).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RAM_LOG_TAG=registry
# shellcheck source=scripts/lib.sh
. "$HERE/lib.sh"

STATE=${RAM_REGISTRY_DIR:-/tmp/ram-registry}
declare -A ADDR=([open]=127.0.0.1:5000 [login]=127.0.0.1:5001)
LOGIN_USER=ram-test
LOGIN_PASSWORD=ram-test-password
# bcrypt of LOGIN_PASSWORD, the only hash docker-registry's htpasswd accepts.
# shellcheck disable=SC2016  # the $ signs are the hash's own
LOGIN_HASH='$2b$10$C2X2ZDk.zyk7wLsM37VAn.fZ.kOYoEY.tjtVZ6laHc7DQHXffflYW'
IMAGES=(ram-test/httpd:1 ram-test/httpd:2)

# answers NAME: the registry's API root answers (401 counts: the login registry asks for credentials).
answers() {
  local code
  code=$(curl -sS -m 5 -o /dev/null -w '%{http_code}' "http://${ADDR[$1]}/v2/" 2>/dev/null) || return 1
  [ "$code" = 200 ] || [ "$code" = 401 ]
}

# ours NAME: the pid in NAME's pidfile if it is a live docker-registry.
ours() {
  local pid
  pid=$(cat "$STATE/$1/registry.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" = docker-registry ] && echo "$pid"
}

write_config() {
  local dir=$STATE/$1
  mkdir -p "$dir/data"
  cat >"$dir/config.yml" <<CONF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: ${ADDR[$1]}
CONF
  if [ "$1" = login ]; then
    printf '%s:%s\n' "$LOGIN_USER" "$LOGIN_HASH" >"$dir/htpasswd"
    cat >>"$dir/config.yml" <<CONF
auth:
  htpasswd:
    realm: ram-test
    path: $dir/htpasswd
CONF
  fi
}

start_one() {
  local name=$1 log=$STATE/$1/registry.log
  answers "$name" && return 0
  write_config "$name"
  log "starting docker-registry on ${ADDR[$name]} (log $log)"
  setsid docker-registry serve "$STATE/$name/config.yml" >>"$log" 2>&1 </dev/null &
  echo $! >"$STATE/$name/registry.pid"
  local deadline=$((SECONDS + 30))
  until answers "$name"; do
    [ "$SECONDS" -lt "$deadline" ] || die "registry did not answer on ${ADDR[$name]} within 30s; see $log"
    sleep 0.2
  done
}

stop_one() {
  local pid
  if pid=$(ours "$1"); then
    log "stopping docker-registry on ${ADDR[$1]} (pid $pid)"
    kill -TERM "$pid"
    local deadline=$((SECONDS + 15))
    while [ -d "/proc/$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" = docker-registry ]; do
      [ "$SECONDS" -lt "$deadline" ] || { kill -KILL "$pid" 2>/dev/null || true; break; }
      sleep 0.2
    done
  fi
  rm -f "$STATE/$1/registry.pid"
}

push_images() {
  eval "$("$HERE/engine.sh" env)"
  export DOCKER_HOST
  "$HERE/engine.sh" images
  local image open=${ADDR[open]}
  for image in "${IMAGES[@]}"; do
    docker tag "$image" "$open/$image"
    docker push -q "$open/$image" >/dev/null
    docker rmi "$open/$image" >/dev/null
  done
  log "pushed ${IMAGES[*]} to $open"
}

cmd_start() {
  command -v docker-registry >/dev/null || apt_install docker-registry
  command -v curl >/dev/null || apt_install curl
  start_one open
  start_one login
  push_images
}

cmd_env() {
  echo "export RAM_REGISTRY=${ADDR[open]}"
  echo "export RAM_REGISTRY_LOGIN=${ADDR[login]} RAM_REGISTRY_USER=$LOGIN_USER RAM_REGISTRY_PASSWORD=$LOGIN_PASSWORD"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) stop_one login; stop_one open ;;
  env) cmd_env ;;
  status)
    if answers open && answers login; then log "registries answer at ${ADDR[open]} and ${ADDR[login]}"
    else log "no registries at ${ADDR[open]} and ${ADDR[login]}"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|env|status" >&2; exit 2 ;;
esac
