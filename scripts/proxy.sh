#!/usr/bin/env bash
# configurable-http-proxy (CHP, JupyterHub's reverse proxy) on loopback, for tests and local runs.
# Usage: scripts/proxy.sh start|stop|env|status
#   start   install CHP 5.x into the state dir if missing, start it (idempotent), wait for its API
#   stop    stop the CHP this state dir started (the install stays)
#   env     print the variables tests read: eval "$(scripts/proxy.sh env)"
#   status  exit 0 if this instance's API answers
# Environment (one set per instance; tests that restart CHP use their own):
#   RAM_CHP_DIR          state dir: install, pidfile, log (default /tmp/ram-chp)
#   RAM_CHP_INSTALL_DIR  where npm installs CHP (default RAM_CHP_DIR; instances may share one install)
#   RAM_CHP_PORT         proxy port (default 8000); RAM_CHP_API_PORT API port (default 8001)
#   CONFIGPROXY_AUTH_TOKEN  the API token (default: a fixed test token)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RAM_LOG_TAG=proxy
# shellcheck source=scripts/lib.sh
. "$HERE/lib.sh"

STATE=${RAM_CHP_DIR:-/tmp/ram-chp}
INSTALL=${RAM_CHP_INSTALL_DIR:-$STATE}
PORT=${RAM_CHP_PORT:-8000}
API_PORT=${RAM_CHP_API_PORT:-8001}
TOKEN=${CONFIGPROXY_AUTH_TOKEN:-ram-test-token}
PIDFILE=$STATE/chp.pid
LOG=$STATE/chp.log
BIN=$INSTALL/node_modules/.bin/configurable-http-proxy
API_URL=http://127.0.0.1:$API_PORT
START_TIMEOUT=30

# answers: true if this instance's API answers our token.
answers() {
  curl -fsS -m 2 -o /dev/null -H "Authorization: token $TOKEN" "$API_URL/api/routes" 2>/dev/null
}

# running_pid: the pid in the pidfile if that process is a live CHP, else nothing.
running_pid() {
  local pid
  pid=$(cat "$PIDFILE" 2>/dev/null) || return 0
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q configurable-http-proxy "/proc/$pid/cmdline" 2>/dev/null \
    && echo "$pid"
  return 0
}

install_chp() {
  [ -x "$BIN" ] && return 0
  command -v npm >/dev/null || apt_install nodejs npm
  mkdir -p "$INSTALL"
  log "npm install configurable-http-proxy@5 into $INSTALL"
  # flock: two instances sharing one install dir must not run npm at once.
  flock "$INSTALL/.install.lock" sh -c "[ -x '$BIN' ] || npm install --silent --no-audit --no-fund --prefix '$INSTALL' configurable-http-proxy@5 >&2"
}

start() {
  command -v curl >/dev/null || apt_install curl
  install_chp
  mkdir -p "$STATE"
  if [ -n "$(running_pid)" ] && answers; then
    log "already running (pid $(running_pid)) on 127.0.0.1:$PORT, API $API_URL"
    return 0
  fi
  answers && die "another process already answers on $API_URL; set RAM_CHP_API_PORT"
  log "starting on 127.0.0.1:$PORT, API $API_URL (log $LOG)"
  CONFIGPROXY_AUTH_TOKEN=$TOKEN setsid "$BIN" --ip 127.0.0.1 --port "$PORT" \
    --api-ip 127.0.0.1 --api-port "$API_PORT" --log-level warn >"$LOG" 2>&1 </dev/null &
  local started=$!
  echo "$started" >"$PIDFILE"
  local waited=0
  until answers; do
    # kill -0, not running_pid: until the background job has exec'd, its command line is still this script's.
    kill -0 "$started" 2>/dev/null || { tail -n 20 "$LOG" >&2; die "CHP exited during start-up (log $LOG)"; }
    [ "$waited" -lt $((START_TIMEOUT * 10)) ] || die "CHP API did not answer within ${START_TIMEOUT}s (log $LOG)"
    sleep 0.1
    waited=$((waited + 1))
  done
  log "ready (pid $(cat "$PIDFILE"))"
}

stop() {
  local pid
  pid=$(running_pid)
  if [ -z "$pid" ]; then
    rm -f "$PIDFILE"
    return 0
  fi
  kill "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 100 ]; do sleep 0.1; waited=$((waited + 1)); done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$PIDFILE"
  log "stopped (pid $pid)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) answers ;;
  env)
    echo "export RAM_TEST_CHP_API_URL=$API_URL"
    echo "export RAM_TEST_CHP_PROXY_URL=http://127.0.0.1:$PORT"
    echo "export CONFIGPROXY_AUTH_TOKEN=$TOKEN"
    ;;
  *) die "usage: $0 start|stop|env|status" ;;
esac
