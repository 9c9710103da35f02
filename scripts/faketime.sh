#!/usr/bin/env bash
# libfaketime for the wall-clock step test (reconcile/WallClockStepIT): Debian's faketime package ships the
# preload library that lets a test move a controller's wall clock while its monotonic clock runs on.
# Usage: scripts/faketime.sh install|env|status
#   install  install the faketime package if the library is missing (idempotent)
#   env      print the variable the test reads: eval "$(scripts/faketime.sh env)"
#   status   exit 0 if the library is installed
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RAM_LOG_TAG=faketime
# shellcheck source=scripts/lib.sh
. "$HERE/lib.sh"

# library: the path of libfaketime.so.1 for this machine's architecture ("" if it is not installed).
library() { dpkg -L libfaketime 2>/dev/null | grep '/libfaketime\.so\.1$' | head -n 1 || true; }

installed() { local lib; lib=$(library); [ -n "$lib" ] && [ -f "$lib" ]; }

cmd_install() {
  if installed; then
    log "libfaketime present"
    return 0
  fi
  apt_install faketime
  installed || die "libfaketime.so.1 still missing after apt-get install faketime"
  log "installed $(library)"
}

cmd_env() {
  echo "export RAM_TEST_LIBFAKETIME=$(library)"
}

case "${1:-}" in
  install) cmd_install ;;
  env) cmd_env ;;
  status)
    if installed; then log "libfaketime present: $(library)"; else log "libfaketime missing"; exit 1; fi ;;
  *) echo "usage: $0 install|env|status" >&2; exit 2 ;;
esac
