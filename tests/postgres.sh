#!/usr/bin/env bash
# Starts (or stops) a throw-away PostgreSQL server for the tests, on a private port and socket folder.
#   tests/postgres.sh start   -> prints the connection string on its last line
#   tests/postgres.sh stop
#   tests/postgres.sh crash   -> stops at once, without a checkpoint, as a power cut or an OOM kill would
# SAFECHAT_PG_ROOT and SAFECHAT_PG_PORT choose another server (the fault tests start a private one to restart).
# The shared test server trades durability for speed (fsync and synchronous_commit off): a crash may lose the last
# commits. SAFECHAT_PG_DURABLE=1 keeps PostgreSQL's defaults, as production must: the crash test needs that, since
# SafeChat acknowledges a message only once its commit returned.
# Installs PostgreSQL from Debian's packages if it is missing. Never touches a system cluster.
set -euo pipefail

root="${SAFECHAT_PG_ROOT:-/tmp/safechat-test-postgres}"
port="${SAFECHAT_PG_PORT:-55432}"
data="$root/data"
connection="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"

bin_dir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$found" ]; then
    echo "Installing PostgreSQL from Debian's packages..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
    found=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$found"
}

# initdb and postgres refuse to run as root; run them as the postgres account when we are root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    bin=$(bin_dir)
    if [ -f "$data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      echo "$connection"; exit 0
    fi
    mkdir -p "$root"
    [ "$(id -u)" = 0 ] && chown postgres "$root"
    if [ ! -f "$data/PG_VERSION" ]; then
      pwfile="$root/pw"; echo postgres > "$pwfile"; [ "$(id -u)" = 0 ] && chown postgres "$pwfile"
      as_owner "$bin/initdb" -D "$data" -U postgres --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${SAFECHAT_PG_DURABLE:-0}" = 1 ] && fast=""
    as_owner "$bin/pg_ctl" -D "$data" -l "$root/server.log" -w -t 60 \
      -o "-p $port -k $root -c listen_addresses=127.0.0.1 -c max_connections=300 $fast" start >/dev/null
    echo "$connection"
    ;;
  stop)
    bin=$(bin_dir)
    [ -d "$data" ] && as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  crash)
    bin=$(bin_dir)
    as_owner "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null
    ;;
  *)
    echo "usage: $0 start|stop|crash" >&2; exit 2 ;;
esac
