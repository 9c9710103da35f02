#!/usr/bin/env bash
# promtool for the alerting rules' tests (deploy/prometheus): Debian's prometheus package ships it. Installing
# the package may start a Prometheus server (its maintainer scripts start the service where they can); that
# server is stopped at once, so nothing is left running. Usage: scripts/promtool.sh install|env|status
#   install  install the prometheus package if promtool is missing (idempotent)
#   env      print the variable the rules' test reads: eval "$(scripts/promtool.sh env)"
#   status   exit 0 if promtool is installed
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RAM_LOG_TAG=promtool
# shellcheck source=scripts/lib.sh
. "$HERE/lib.sh"

PROMTOOL=/usr/bin/promtool

installed() { [ -x "$PROMTOOL" ]; }

# servers: the pids of running prometheus servers, one a line.
servers() { pgrep -x prometheus || true; }

cmd_install() {
  if installed; then
    log "promtool present"
    return 0
  fi
  local before after p
  before=$(servers)
  apt_install prometheus
  installed || die "promtool still missing after apt-get install prometheus"
  # Stop only servers the installation started: those that were not running before it.
  after=$(servers)
  for p in $after; do
    if ! grep -qx "$p" <<<"$before"; then
      log "stopping the Prometheus server the package started (pid $p)"
      terminate 10 "$p"
    fi
  done
  log "installed $("$PROMTOOL" --version 2>&1 | head -n 1)"
}

cmd_env() {
  echo "export RAM_TEST_PROMTOOL=$PROMTOOL"
}

case "${1:-}" in
  install) cmd_install ;;
  env) cmd_env ;;
  status)
    if installed; then log "promtool present"; else log "promtool missing"; exit 1; fi ;;
  *) echo "usage: $0 install|env|status" >&2; exit 2 ;;
esac
