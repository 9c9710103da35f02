#!/usr/bin/env bash
# Git servers on loopback for the git spec source's tests, all serving the bare repositories in one folder:
#   daemon  `git daemon`, anonymous git://          127.0.0.1:$RAM_GIT_DAEMON_PORT (default 9418)
#   http    smart HTTP: Debian's git http-backend run as CGI by lighttpd, behind basic auth (a test-only
#           login, ram-git / ram-git-password)        http://127.0.0.1:$RAM_GIT_HTTP_PORT/git (default 8418)
#   ssh     Debian's openssh-server with a generated host key and client key; the key may only run git-shell
#           ssh://root@127.0.0.1:$RAM_GIT_SSH_PORT<repos>/ (default 2222)
#   file    file://<repos>/ needs no server
# Usage: scripts/git-servers.sh start|stop|env|status [daemon|http|ssh]...   (no name: all three)
#   start   install what is missing (apt), start each server unless ours already answers (a stale pidfile or
#           a dead server of ours is cleaned up first)
#   stop    stop the servers this state dir started (repositories stay)
#   env     print the RAM_GIT_* variables tests read: eval "$(scripts/git-servers.sh env)"
#   status  exit 0 if every named server of ours answers
# Environment: RAM_GIT_DIR (state dir, default /tmp/ram-git; repositories in $RAM_GIT_DIR/repos) and the
# three ports above, so a test can run an instance of its own beside the shared one.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RAM_LOG_TAG=git-servers
# shellcheck source=scripts/lib.sh
. "$HERE/lib.sh"

STATE=${RAM_GIT_DIR:-/tmp/ram-git}
REPOS=$STATE/repos
declare -A PORT=([daemon]=${RAM_GIT_DAEMON_PORT:-9418} [http]=${RAM_GIT_HTTP_PORT:-8418} [ssh]=${RAM_GIT_SSH_PORT:-2222})
declare -A COMM=([daemon]=git-daemon [http]=lighttpd [ssh]=sshd)
HTTP_USER=ram-git
HTTP_PASSWORD=ram-git-password
SSH_USER=root
GIT_CORE=/usr/lib/git-core

# listening PORT: something accepts TCP connections on 127.0.0.1:PORT.
listening() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# ours NAME: the pid in NAME's pidfile if it is a live process of the expected kind.
ours() {
  local pid comm
  pid=$(cat "$STATE/$1/pid" 2>/dev/null) || return 1
  [ -n "$pid" ] || return 1
  comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
  [ "$comm" = "${COMM[$1]}" ] || { [ "$1" = daemon ] && [ "$comm" = git ]; } || return 1
  grep -qa -- "$STATE" "/proc/$pid/cmdline" && echo "$pid"
}

ensure_packages() {
  local missing=()
  [ -x "$GIT_CORE/git-daemon" ] && [ -x "$GIT_CORE/git-http-backend" ] || missing+=(git)
  command -v lighttpd >/dev/null || missing+=(lighttpd)
  [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
  command -v ssh-keygen >/dev/null || missing+=(openssh-client)
  [ ${#missing[@]} -eq 0 ] && return 0
  # Installing must not start the system's own sshd or lighttpd (on all interfaces): policy-rc.d forbids it.
  local policy=/usr/sbin/policy-rc.d added=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; added=1; fi
  apt_install "${missing[@]}" || { [ "$added" = 0 ] || rm -f "$policy"; die "cannot install ${missing[*]}"; }
  [ "$added" = 0 ] || rm -f "$policy"
}

start_daemon() {
  setsid "$GIT_CORE/git-daemon" --reuseaddr --listen=127.0.0.1 --port="${PORT[daemon]}" --export-all \
    --base-path="$REPOS" "$REPOS" </dev/null >>"$STATE/daemon/log" 2>&1 &
  echo $! >"$STATE/daemon/pid"
}

start_http() {
  local dir=$STATE/http
  mkdir -p "$dir/www"
  printf '%s:%s\n' "$HTTP_USER" "$HTTP_PASSWORD" >"$dir/users"
  cat >"$dir/lighttpd.conf" <<CONF
server.modules = ("mod_alias", "mod_setenv", "mod_auth", "mod_authn_file", "mod_cgi")
server.bind = "127.0.0.1"
server.port = ${PORT[http]}
server.document-root = "$dir/www"
server.errorlog = "$dir/log"
alias.url = ("/git" => "$GIT_CORE/git-http-backend")
\$HTTP["url"] =~ "^/git" {
  cgi.assign = ("" => "")
  setenv.add-environment = ("GIT_PROJECT_ROOT" => "$REPOS", "GIT_HTTP_EXPORT_ALL" => "")
}
auth.backend = "plain"
auth.backend.plain.userfile = "$dir/users"
auth.require = ("/git" => ("method" => "basic", "realm" => "ram-git", "require" => "valid-user"))
CONF
  setsid lighttpd -D -f "$dir/lighttpd.conf" </dev/null >>"$dir/log" 2>&1 &
  echo $! >"$dir/pid"
}

start_ssh() {
  local dir=$STATE/ssh
  [ -f "$dir/host_key" ] || ssh-keygen -q -t ed25519 -N '' -C ram-git-host -f "$dir/host_key"
  [ -f "$dir/client_key" ] || ssh-keygen -q -t ed25519 -N '' -C ram-git-client -f "$dir/client_key"
  # The client key may run git-shell only (fetch and push), nothing else, even as root.
  printf 'command="git-shell -c \\"$SSH_ORIGINAL_COMMAND\\"",no-port-forwarding,no-agent-forwarding,no-X11-forwarding,no-pty %s\n' \
    "$(cat "$dir/client_key.pub")" >"$dir/authorized_keys"
  printf '[127.0.0.1]:%s %s\n' "${PORT[ssh]}" "$(cut -d' ' -f1,2 "$dir/host_key.pub")" >"$dir/known_hosts"
  chmod 600 "$dir/host_key" "$dir/client_key" "$dir/authorized_keys"
  cat >"$dir/sshd_config" <<CONF
ListenAddress 127.0.0.1:${PORT[ssh]}
HostKey $dir/host_key
PidFile none
AuthorizedKeysFile $dir/authorized_keys
AuthenticationMethods publickey
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin forced-commands-only
AllowUsers $SSH_USER
StrictModes no
UsePAM no
CONF
  mkdir -p /run/sshd
  setsid /usr/sbin/sshd -D -e -f "$dir/sshd_config" </dev/null >>"$dir/log" 2>&1 &
  echo $! >"$dir/pid"
}

start_one() {
  local name=$1
  mkdir -p "$STATE/$name" "$REPOS"
  if ours "$name" >/dev/null && listening "${PORT[$name]}"; then return 0; fi
  stop_one "$name"
  listening "${PORT[$name]}" && die "127.0.0.1:${PORT[$name]} is taken by another process; set RAM_GIT_${name^^}_PORT"
  log "starting $name on 127.0.0.1:${PORT[$name]} (log $STATE/$name/log)"
  "start_$name"
  local deadline=$((SECONDS + 20))
  until listening "${PORT[$name]}"; do
    # alive, not ours: right after the fork the process may not have exec'd the server yet
    kill -0 "$(cat "$STATE/$name/pid")" 2>/dev/null || { tail -n 20 "$STATE/$name/log" >&2 || true; die "$name exited during start-up"; }
    [ "$SECONDS" -lt "$deadline" ] || die "$name did not listen on 127.0.0.1:${PORT[$name]} within 20s"
    sleep 0.1
  done
}

stop_one() {
  local pid
  if pid=$(ours "$1"); then
    log "stopping $1 (pid $pid)"
    # The whole process group (each server was started with setsid): git daemon's children of the moment
    # inherit its listening socket and would keep the port.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 10))
    while ours "$1" >/dev/null; do
      [ "$SECONDS" -lt "$deadline" ] || { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; break; }
      sleep 0.1
    done
  fi
  rm -f "$STATE/$1/pid"
}

cmd_env() {
  echo "export RAM_GIT_ROOT=$REPOS"
  echo "export RAM_GIT_DAEMON_URL=git://127.0.0.1:${PORT[daemon]}"
  echo "export RAM_GIT_HTTP_URL=http://127.0.0.1:${PORT[http]}/git RAM_GIT_HTTP_USER=$HTTP_USER RAM_GIT_HTTP_PASSWORD=$HTTP_PASSWORD"
  echo "export RAM_GIT_SSH_URL=ssh://$SSH_USER@127.0.0.1:${PORT[ssh]}$REPOS RAM_GIT_SSH_KEY=$STATE/ssh/client_key RAM_GIT_KNOWN_HOSTS=$STATE/ssh/known_hosts"
}

command=${1:-}
shift || true
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(daemon http ssh)
for name in "${names[@]}"; do [ -n "${PORT[$name]:-}" ] || die "unknown server '$name' (daemon, http, ssh)"; done
case "$command" in
  start)
    ensure_packages
    for name in "${names[@]}"; do start_one "$name"; done ;;
  stop)
    for name in "${names[@]}"; do stop_one "$name"; done ;;
  env) cmd_env ;;
  status)
    rc=0
    for name in "${names[@]}"; do
      if ours "$name" >/dev/null && listening "${PORT[$name]}"; then log "$name answers on 127.0.0.1:${PORT[$name]}"
      else log "$name is not running"; rc=1; fi
    done
    exit "$rc" ;;
  *) echo "usage: $0 start|stop|env|status [daemon|http|ssh]..." >&2; exit 2 ;;
esac
