#!/usr/bin/env bash
# The browser for the dashboard's tests: Debian's chromium and chromium-driver, installed with apt (nothing
# downloads a browser build of its own). Usage: scripts/browser.sh install|env|status
#   install  install chromium and chromium-driver if missing (idempotent)
#   env      print the variables the browser tests read: eval "$(scripts/browser.sh env)"
#   status   exit 0 if both are installed
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RAM_LOG_TAG=browser
# shellcheck source=scripts/lib.sh
. "$HERE/lib.sh"

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

installed() { [ -x "$CHROMIUM" ] && [ -x "$CHROMEDRIVER" ]; }

cmd_install() {
  if installed; then
    log "chromium and chromedriver present"
    return 0
  fi
  apt_install chromium chromium-driver
  installed || die "chromium or chromedriver still missing after apt-get install"
  log "installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)"
}

cmd_env() {
  echo "export RAM_TEST_CHROMIUM=$CHROMIUM"
  echo "export RAM_TEST_CHROMEDRIVER=$CHROMEDRIVER"
}

case "${1:-}" in
  install) cmd_install ;;
  env) cmd_env ;;
  status)
    if installed; then log "chromium and chromedriver present"; else log "chromium or chromedriver missing"; exit 1; fi ;;
  *) echo "usage: $0 install|env|status" >&2; exit 2 ;;
esac
