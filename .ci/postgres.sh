#!/usr/bin/env bash
# Starts a local PostgreSQL from Debian's packages for perfgate's database integration test and prints
# its JDBC URL on stdout (everything else goes to stderr). CI uses it as:
#   PERFGATE_POSTGRES_URL="$(bash .ci/postgres.sh)"; export PERFGATE_POSTGRES_URL
# Idempotent: installs, creates the cluster, role and database only when missing. Runs as root (CI does);
# initdb refuses root, so clusters are made with Debian's pg_createcluster and started with pg_ctlcluster.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  log "run as root (it installs packages and acts as the postgres user)"
  exit 1
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters --no-header | awk '{print $1 "/" $2}' | grep -qx "$version/main"; then
  log "creating cluster $version/main"
  pg_createcluster "$version" main >&2
fi
port="$(pg_lsclusters --no-header | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')"
status="$(pg_lsclusters --no-header | awk -v v="$version" '$1 == v && $2 == "main" {print $4}')"
if [ "$status" != "online" ]; then
  log "starting cluster $version/main on port $port"
  pg_ctlcluster "$version" main start >&2
fi

for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p "$port"; then
    break
  fi
  sleep 1
done
if ! pg_isready -q -h 127.0.0.1 -p "$port"; then
  log "PostgreSQL $version did not accept connections on 127.0.0.1:$port within 60 s; see /var/log/postgresql/"
  exit 1
fi

psql_admin() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_admin -c "select 1 from pg_roles where rolname = 'perfgate'")" != "1" ]; then
  log "creating role perfgate"
  psql_admin -c "create role perfgate login password 'perfgate'" >&2
fi
if [ "$(psql_admin -c "select 1 from pg_database where datname = 'perfgate'")" != "1" ]; then
  log "creating database perfgate"
  psql_admin -c "create database perfgate owner perfgate" >&2
fi

log "PostgreSQL $version ready on 127.0.0.1:$port, database perfgate"
echo "jdbc:postgresql://127.0.0.1:$port/perfgate?user=perfgate&password=perfgate"
