#!/usr/bin/env bash
# What the system and its tests need outside the JVM: PostgreSQL, a Docker Engine (Debian's docker.io) with
# its own socket, the CSFR registry (Debian's docker-registry) on 127.0.0.1:5000, and the local Java base
# image ME App images are built on. Every function is idempotent: it installs what is missing, starts what
# is stopped, and leaves alone what already runs. Sourced by ./mec; also runnable: runtime/infra.sh FUNCTION.
set -euo pipefail

EDGESLICE_STATE=${EDGESLICE_STATE:-/var/lib/edgeslice}
EDGESLICE_RUN=${EDGESLICE_RUN:-/run/edgeslice}
DOCKER_SOCK=${EDGESLICE_DOCKER_SOCK:-$EDGESLICE_RUN/docker.sock}
DOCKER_HOST_URL="unix://$DOCKER_SOCK"
REGISTRY_ADDR=${EDGESLICE_REGISTRY:-127.0.0.1:5000}
BASE_IMAGE=${EDGESLICE_BASE_IMAGE:-edgeslice/jre17:2}
PG_DB=${EDGESLICE_PG_DB:-edgeslice}
PG_USER=${EDGESLICE_PG_USER:-edgeslice}
PG_PASSWORD=${EDGESLICE_PG_PASSWORD:-edgeslice}

infra_log() { printf '[infra] %s\n' "$*" >&2; }
infra_die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    infra_die "'$*' needs root (no sudo available)"; fi
}

APT_UPDATED=""
apt_install() {
  command -v apt-get >/dev/null || infra_die "apt-get not found: install $* by hand"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq >/dev/null || infra_die "apt-get update failed"; APT_UPDATED=1; fi
  infra_log "installing $* (Debian packages)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || infra_die "could not install $*"
}

wait_until() { # seconds command...
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

# ---------------------------------------------------------------- PostgreSQL
ensure_postgres() {
  command -v pg_ctlcluster >/dev/null || apt_install postgresql
  local cluster version
  cluster=$(pg_lsclusters -h 2>/dev/null | head -n1)
  if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -n1)
    as_root pg_createcluster "$version" main >/dev/null
    cluster=$(pg_lsclusters -h | head -n1)
  fi
  version=$(echo "$cluster" | awk '{print $1}')
  local name status
  name=$(echo "$cluster" | awk '{print $2}'); status=$(echo "$cluster" | awk '{print $4}')
  if [ "$status" != "online" ]; then
    infra_log "starting PostgreSQL $version/$name"
    as_root pg_ctlcluster "$version" "$name" start
  fi
  wait_until 30 su postgres -c "psql -qAtc 'select 1'" || infra_die "PostgreSQL did not start"
  su postgres -c "psql -qAtc \"select 1 from pg_roles where rolname='$PG_USER'\"" | grep -q 1 \
    || su postgres -c "psql -qc \"create user $PG_USER with password '$PG_PASSWORD'\"" >/dev/null
  su postgres -c "psql -qAtc \"select 1 from pg_database where datname='$PG_DB'\"" | grep -q 1 \
    || su postgres -c "psql -qc 'create database $PG_DB owner $PG_USER'" >/dev/null
  PGPASSWORD=$PG_PASSWORD psql -h 127.0.0.1 -U "$PG_USER" -d "$PG_DB" -qAtc 'select 1' >/dev/null \
    || infra_die "cannot log in to PostgreSQL as $PG_USER on 127.0.0.1"
}

# Creates (or empties) a database for one test run.
fresh_postgres_db() { # name
  su postgres -c "psql -qc 'drop database if exists $1'" >/dev/null
  su postgres -c "psql -qc 'create database $1 owner $PG_USER'" >/dev/null
}

# ---------------------------------------------------------------- Docker Engine
docker_cli() { docker -H "$DOCKER_HOST_URL" "$@"; }

docker_available() { [ -S "$DOCKER_SOCK" ] && docker_cli version >/dev/null 2>&1; }

# Starts one dockerd with its own socket, data root, exec root and pid file, never a bridge or iptables rule.
start_dockerd() { # socket data-root exec-root pidfile logfile
  local sock=$1 data=$2 exec=$3 pid=$4 log=$5
  mkdir -p "$(dirname "$sock")" "$data" "$exec" "$(dirname "$log")"
  if [ -S "$sock" ] && docker -H "unix://$sock" version >/dev/null 2>&1; then return 0; fi
  if [ -f "$pid" ] && kill -0 "$(cat "$pid")" 2>/dev/null; then kill "$(cat "$pid")" 2>/dev/null || true; sleep 1; fi
  rm -f "$sock" "$pid"
  infra_log "starting dockerd on unix://$sock"
  setsid nohup dockerd --host "unix://$sock" --data-root "$data" --exec-root "$exec" --pidfile "$pid" \
    --bridge=none --iptables=false --ip6tables=false --ip-masq=false \
    --insecure-registry "$REGISTRY_ADDR" >"$log" 2>&1 < /dev/null &
  wait_until 60 docker -H "unix://$sock" version || { tail -20 "$log" >&2; infra_die "dockerd did not start (log: $log)"; }
}

ensure_dockerd() {
  command -v dockerd >/dev/null || apt_install docker.io
  command -v containerd >/dev/null || apt_install containerd
  start_dockerd "$DOCKER_SOCK" "$EDGESLICE_STATE/docker" "$EDGESLICE_RUN/docker-exec" \
    "$EDGESLICE_RUN/docker.pid" "$EDGESLICE_STATE/logs/dockerd.log"
}

# Only when a Docker Engine is there or can be had without installing anything (./mec up).
maybe_dockerd() {
  if docker_available; then return 0; fi
  command -v dockerd >/dev/null || return 1
  ensure_dockerd
}

# ---------------------------------------------------------------- CSFR registry
registry_up() { curl -fsS "http://$REGISTRY_ADDR/v2/" >/dev/null 2>&1; }

ensure_registry() {
  command -v curl >/dev/null || apt_install curl ca-certificates
  registry_up && return 0
  command -v docker-registry >/dev/null || apt_install docker-registry
  local dir="$EDGESLICE_STATE/registry"
  mkdir -p "$dir/storage" "$EDGESLICE_STATE/logs"
  # Our own configuration: the packaged one listens on all interfaces and wants htpasswd.
  cat >"$dir/config.yml" <<YAML
version: 0.1
log: {level: warn}
storage:
  filesystem: {rootdirectory: $dir/storage}
  delete: {enabled: true}
http:
  addr: $REGISTRY_ADDR
YAML
  infra_log "starting the CSFR registry on $REGISTRY_ADDR"
  setsid nohup docker-registry serve "$dir/config.yml" >"$EDGESLICE_STATE/logs/registry.log" 2>&1 < /dev/null &
  echo $! >"$EDGESLICE_RUN/registry.pid" 2>/dev/null || { mkdir -p "$EDGESLICE_RUN"; echo $! >"$EDGESLICE_RUN/registry.pid"; }
  wait_until 30 registry_up || infra_die "the registry did not start (log: $EDGESLICE_STATE/logs/registry.log)"
}

# ---------------------------------------------------------------- base image
# No image can be pulled from the internet: the base image is made here, from the machine's own JDK, with
# jlink (a minimal Java runtime) and the shared libraries it needs, imported as a single-layer image.
ensure_base_image() {
  if docker_cli image inspect "$BASE_IMAGE" >/dev/null 2>&1; then return 0; fi
  local jdk; jdk=$(dirname "$(dirname "$(readlink -f "$(command -v javac || command -v java)")")")
  [ -d "$jdk/jmods" ] || infra_die "the JDK at $jdk has no jmods: jlink cannot build the base image (install openjdk-17-jdk)"
  local work; work=$(mktemp -d)
  infra_log "building base image $BASE_IMAGE from $jdk"
  # :2 added jdk.httpserver (for the slice's CDS training, whose stand-in platform now runs on Netty; kept so that
  # images built before stay valid) and the JDK's default
  # class-data-sharing archive (lib/server/classes.jsa), which every JVM in these images maps at start
  "$jdk/bin/jlink" --add-modules java.base,java.logging,java.net.http,java.management,jdk.crypto.ec,jdk.unsupported,java.naming,jdk.naming.dns,java.xml,java.sql,jdk.httpserver \
    --generate-cds-archive --strip-debug --no-man-pages --no-header-files --compress=2 \
    --output "$work/rootfs/opt/jre" >/dev/null
  local lib
  for lib in $(ldd "$work/rootfs/opt/jre/bin/java" "$work"/rootfs/opt/jre/lib/*.so "$work"/rootfs/opt/jre/lib/server/*.so 2>/dev/null \
               | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// && $2 ~ /^\(/ {print $1}' | sort -u); do
    mkdir -p "$work/rootfs$(dirname "$lib")"; cp -L "$lib" "$work/rootfs$lib"
  done
  for lib in /lib64/ld-linux-x86-64.so.2 /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libresolv.so.2; do
    [ -e "$lib" ] && { mkdir -p "$work/rootfs$(dirname "$lib")"; cp -L "$lib" "$work/rootfs$lib"; }
  done
  mkdir -p "$work/rootfs/tmp" "$work/rootfs/etc" "$work/rootfs/app"; chmod 1777 "$work/rootfs/tmp"
  printf 'root:x:0:0:root:/root:/bin/false\n' >"$work/rootfs/etc/passwd"
  printf '127.0.0.1 localhost\n' >"$work/rootfs/etc/hosts"
  tar -C "$work/rootfs" -c . | docker_cli import -c 'ENV PATH=/opt/jre/bin' -c 'WORKDIR /app' - "$BASE_IMAGE" >/dev/null
  rm -rf "$work"
  docker_cli tag "$BASE_IMAGE" "$REGISTRY_ADDR/$BASE_IMAGE"
  registry_up && docker_cli push "$REGISTRY_ADDR/$BASE_IMAGE" >/dev/null || true
}

ensure_all() {
  ensure_postgres
  ensure_dockerd
  ensure_registry
  ensure_base_image
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  "${1:-ensure_all}" "${@:2}"
fi
