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
  # Wait for a concurrent apt/dpkg run instead of failing on its lock.
  local lock=(-o DPkg::Lock::Timeout=600)
  if [ "$_ram_apt_updated" = 0 ]; then
    log "apt-get update"
    apt-get "${lock[@]}" update -qq >&2
    _ram_apt_updated=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" install -y -qq --no-install-recommends "$@" >&2
}

# pkg_installed PKG: true if dpkg has PKG fully installed.
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
