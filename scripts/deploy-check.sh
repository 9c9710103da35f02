#!/usr/bin/env bash
# Checks deploy/ for real, with no image registry: builds a Java 17 base image from Debian packages (debootstrap of a
# minimal bookworm plus openjdk-17-jre-headless, then `docker import`), builds deploy/Dockerfile on it against the
# private engine, runs deploy/docker-compose.git.yml (the controller as a container beside the apps it manages, with
# the built-in git source) on a repository served by git daemon, and waits until the app of that repository answers
# with the commit's revision. Slow (the base image takes minutes the first time); not part of scripts/test.sh.
# Usage: scripts/deploy-check.sh            Environment: RAM_BASE_IMAGE (default ram-base/jre17:bookworm; built when
# missing), DOCKER_HOST or RAM_ENGINE_DIR (the engine, as scripts/engine.sh).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
RAM_LOG_TAG=deploy-check
# shellcheck source=scripts/lib.sh
. "$HERE/lib.sh"
cd "$ROOT"

BASE_IMAGE=${RAM_BASE_IMAGE:-ram-base/jre17:bookworm}
ID=$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')
PROJECT=ramcheck$ID
REALM=deploycheck$ID
T0=$SECONDS
STOPS=()
# shellcheck disable=SC2317  # called by the trap
cleanup() {
  local i
  for ((i = ${#STOPS[@]} - 1; i >= 0; i--)); do eval "${STOPS[i]}" || log "cleanup failed: ${STOPS[i]}"; done
}
trap cleanup EXIT

# The mirror this machine's apt already uses, so no host is named here.
debian_mirror() {
  cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
    awk '/^URIs:/ || /^deb / {print $2}' | grep -v security | head -n1 || true
}

build_base_image() {
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then log "base image $BASE_IMAGE exists"; return 0; fi
  command -v debootstrap >/dev/null || apt_install debootstrap
  local rootfs mirror
  mirror=$(debian_mirror)
  [ -n "$mirror" ] || die "no Debian mirror found in /etc/apt/sources.list(.d)"
  rootfs=$(mktemp -d /tmp/ram-base-rootfs.XXXXXX)
  STOPS+=("rm -rf '$rootfs'")
  log "debootstrap bookworm + openjdk-17-jre-headless into $rootfs (minutes)"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$rootfs" "$mirror" >"$rootfs.log" 2>&1 ||
    { tail -n 30 "$rootfs.log" >&2; die "debootstrap failed (log $rootfs.log)"; }
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs.log"
  "$rootfs/usr/bin/java" -version >/dev/null 2>&1 || chroot "$rootfs" java -version >/dev/null 2>&1 ||
    die "no java in the base image's root file system"
  tar -C "$rootfs" --numeric-owner -cf - . | docker import -c 'ENV LANG=C.UTF-8' - "$BASE_IMAGE" >/dev/null
  log "imported $BASE_IMAGE ($(docker image inspect -f '{{.Size}}' "$BASE_IMAGE") bytes)"
}

# A repository on git daemon with one app under apps/; prints the commit id.
make_repository() {
  local work=$1 repo=$2
  git init -q --bare -b main "$repo"
  git init -q -b main "$work"
  mkdir -p "$work/apps"
  cat >"$work/apps/check.yaml" <<SPEC
apiVersion: remoteappmanager/v1
kind: RemoteApp
metadata:
  name: deploy-check
spec:
  user: checker
  image: ram-test/httpd:1
SPEC
  git -C "$work" add -A
  git -C "$work" -c user.name=deploy-check -c user.email=check@localhost commit -q -m "deploy-check app"
  git -C "$work" push -q "$repo" main
  git -C "$work" rev-parse HEAD
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# 1. Engine (test images included) and git daemon.
"$HERE/engine.sh" start
eval "$("$HERE/engine.sh" env)"
export DOCKER_HOST
"$HERE/git-servers.sh" status daemon 2>/dev/null || STOPS+=("'$HERE/git-servers.sh' stop daemon")
"$HERE/git-servers.sh" start daemon
eval "$("$HERE/git-servers.sh" env)"
if command -v docker-compose >/dev/null; then COMPOSE=(docker-compose)
elif docker compose version >/dev/null 2>&1; then COMPOSE=(docker compose)
else apt_install docker-compose; COMPOSE=(docker-compose); fi

# 2. Base image, application, controller image.
build_base_image
log "mvn package"
mvn -B -q package -DskipTests
log "docker build deploy/Dockerfile on $BASE_IMAGE"
docker build -q -f deploy/Dockerfile --build-arg BASE_IMAGE="$BASE_IMAGE" -t remoteappmanager:0.1.0 . >/dev/null

# 3. A repository, and the compose file with the controller reading it.
WORK=$(mktemp -d /tmp/ram-deploy-check.XXXXXX)
STOPS+=("rm -rf '$WORK'")
REPO=$RAM_GIT_ROOT/deploy-check-$ID.git
STOPS+=("rm -rf '$REPO'")
COMMIT=$(make_repository "$WORK/tree" "$REPO")
PORT=$(free_port)
export RAM_GIT_URL=$RAM_GIT_DAEMON_URL/deploy-check-$ID.git RAM_GIT_PATH=apps RAM_GIT_INTERVAL=2s RAM_REALM=$REALM \
  RAM_HTTP_PORT=$PORT RAM_BASE_IMAGE=$BASE_IMAGE RAM_LOG_JSON=false RAM_DOCKER_SOCKET=${DOCKER_HOST#unix://}
STOPS+=("docker ps -aq --filter label=remoteappmanager.realm=$REALM | xargs -r docker rm -f >/dev/null")
STOPS+=("${COMPOSE[*]} -p $PROJECT -f deploy/docker-compose.git.yml down -v >/dev/null 2>&1")
log "compose up: controller on 127.0.0.1:$PORT, $RAM_GIT_URL at $COMMIT"
T_UP=$SECONDS
"${COMPOSE[@]}" -p "$PROJECT" -f deploy/docker-compose.git.yml up -d --no-build

# 4. The app of the repository runs, with the commit's revision, and answers.
deadline=$((SECONDS + 180))
until curl -fsS -m 2 "http://127.0.0.1:$PORT/api/v1/apps/deploy-check" 2>/dev/null |
  python3 -c "import json,sys; a=json.load(sys.stdin); sys.exit(0 if a['phase']=='Running' and a['revision']=='$COMMIT' else 1)" 2>/dev/null; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    "${COMPOSE[@]}" -p "$PROJECT" -f deploy/docker-compose.git.yml logs --tail 40 >&2 || true
    die "the app did not run at revision $COMMIT within 180s"
  fi
  sleep 1
done
APP=$(curl -fsS "http://127.0.0.1:$PORT/api/v1/apps/deploy-check")
URL=$(python3 -c "import json,sys; a=json.loads(sys.argv[1]); print(a['hostUrl'] + a['urlpath'] + '/')" "$APP")
curl -fsS -m 5 -o /dev/null "$URL" || die "the app does not answer at $URL"
CONTROLLER=$("${COMPOSE[@]}" -p "$PROJECT" -f deploy/docker-compose.git.yml ps -q controller)
log "controller container $(docker inspect -f '{{.Name}} {{.Config.Image}} {{.State.Status}}' "$CONTROLLER")"
log "app answers at $URL, revision $COMMIT; compose up -> running in $((SECONDS - T_UP))s, whole check $((SECONDS - T0))s"
log "OK"
