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

# answers NAME: the registry NAME answers.
answers() { registry_answers "${ADDR[$1]}"; }

write_config() {
  registry_config "$STATE/$1" "${ADDR[$1]}"
  if [ "$1" = login ]; then
    printf '%s:%s\n' "$LOGIN_USER" "$LOGIN_HASH" >"$STATE/$1/htpasswd"
    cat >>"$STATE/$1/config.yml" <<CONF
auth:
  htpasswd:
    realm: ram-test
    path: $STATE/$1/htpasswd
CONF
  fi
}

start_one() {
  write_config "$1"
  registry_start "$STATE/$1" "${ADDR[$1]}"
}

push_test_images() {
  eval "$("$HERE/engine.sh" env)"
  export DOCKER_HOST
  "$HERE/engine.sh" images
  push_images "${ADDR[open]}" "${IMAGES[@]}"
}

cmd_start() {
  command -v docker-registry >/dev/null || apt_install docker-registry
  command -v curl >/dev/null || apt_install curl
  start_one open
  start_one login
  push_test_images
}

cmd_env() {
  echo "export RAM_REGISTRY=${ADDR[open]}"
  echo "export RAM_REGISTRY_LOGIN=${ADDR[login]} RAM_REGISTRY_USER=$LOGIN_USER RAM_REGISTRY_PASSWORD=$LOGIN_PASSWORD"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) registry_stop "$STATE/login"; registry_stop "$STATE/open" ;;
  env) cmd_env ;;
  status)
    if answers open && answers login; then log "registries answer at ${ADDR[open]} and ${ADDR[login]}"
    else log "no registries at ${ADDR[open]} and ${ADDR[login]}"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|env|status" >&2; exit 2 ;;
esac
