#!/bin/sh
# Entry point of the ram-test/httpd images: a tiny web app for the controller's tests (busybox sh).
# Serves on port 8888: index.html (the image's version text, /etc/ram-test/index) and env.txt (the
# container's environment), at / and, when JPY_BASE_USER_URL and URL_ID are set, also under the
# app's urlpath $JPY_BASE_USER_URL/containers/$URL_ID/, as a reverse proxy forwards the full path
# (percent-decoded, as httpd decodes the request's path before it looks for the file).
set -eu

# busybox httpd ignores SIGTERM when it is PID 1, so it runs as our child and the trap stops it:
# the container then stops at once, with or without the engine's init (HostConfig.Init), or after STOP_DELAY
# seconds (fractions allowed) for tests of the stop timeout. The trap comes first: a stop that arrives while the
# pages are being written must end the same way (a CI run got exit code 143 from a TERM before the trap was set).
pid=
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; sleep "${STOP_DELAY:-0}"; exit 0' TERM INT

mkdir -p /www
cat /etc/ram-test/index >/www/index.html
env >/www/env.txt

if [ -n "${JPY_BASE_USER_URL:-}" ] && [ -n "${URL_ID:-}" ]; then
  base=${JPY_BASE_USER_URL%/}
  case "$base" in /*) ;; *) base=/$base ;; esac
  base=$(printf '%b' "$(echo "$base" | sed 's/%/\\x/g')")
  dir=/www$base/containers/$URL_ID
  mkdir -p "$dir"
  cp /www/index.html /www/env.txt "$dir/"
fi

/bin/httpd -f -p 8888 -h /www &
pid=$!
# `wait` returns early when a trapped signal arrives; if httpd dies on its own, so do we, with its code.
wait "$pid"
