#!/usr/bin/env bash
# What bench/run.sh, bench/instances.sh and bench/faults.sh share: sourced by them, not run on its own.
#
# The sourcing script sets BENCH_NAME (its log prefix) before sourcing. This file then makes the work folder
# ($WORK, removed at exit unless BENCH_KEEP=1), stops at exit every process listed in PIDS and the PostgreSQL
# server it started, and gives: log, free_port, wait_http, need_tools PACKAGE-TESTS…, build_jar (sets JAR),
# start_postgres [EXTRA_OPTIONS] (sets PG_PORT, PG_OPTIONS, DB_URL; the server's settings are durable, as in
# production) and sql STATEMENT.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d "/tmp/a4p-$BENCH_NAME.XXXXXX")
chmod 755 "$WORK"
PIDS=()
PG_BIN=""
PG_HOME="$WORK/pg"
PG_DATA="$PG_HOME/data"

log() { printf '[%s] %s\n' "$BENCH_NAME" "$*" >&2; }

bench_cleanup() {
  local status=$?
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  if [ -n "$PG_BIN" ] && [ -d "$PG_DATA" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
  fi
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi
  exit $status
}
trap bench_cleanup EXIT INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

wait_http() { # url seconds
  local i
  for ((i = 0; i < $2 * 5; i++)); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 0.2
  done
  log "no answer from $1 after $2 s"; return 1
}

# need_tools COMMAND=PACKAGE…: installs (apt) the packages whose command is missing; PostgreSQL's server always.
need_tools() {
  local need=() pair
  for pair in "$@"; do
    command -v "${pair%%=*}" >/dev/null || need+=("${pair#*=}")
  done
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
}

build_jar() {
  cd "$ROOT"
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || ! ls target/a4p-portal-*.jar >/dev/null 2>&1; then
    log "packaging the portal"
    ./mvnw -B -q -ntp -DskipTests package
  fi
  JAR=$(ls target/a4p-portal-*.jar | grep -v original | head -n 1)
}

start_postgres() { # [extra server options]
  PG_PORT=$(free_port)
  PG_OPTIONS="-p $PG_PORT -k $PG_HOME -c listen_addresses=127.0.0.1 -c max_connections=60 ${1:-}"
  mkdir -p "$PG_DATA" && chown -R postgres:postgres "$PG_HOME"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_HOME/pg.log" -w -t 120 -o "$PG_OPTIONS" start >/dev/null
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PG_PORT"
  DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
}

sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA -c "$1"; }

load_demo() { # entries: the demonstration data, loaded by the portal itself (seed 42), then it exits
  log "loading $1 demonstration entries"
  SPRING_DATASOURCE_URL="$DB_URL" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
    java -Xmx512m -XX:+UseSerialGC -jar "$JAR" --server.port=0 --portal.page-cache.enabled=false \
    --portal.demo.action=generate --portal.demo.entries="$1" --portal.demo.seed=42 --portal.demo.exit=true \
    >"$WORK/load.log" 2>&1 || { tail -n 40 "$WORK/load.log" >&2; exit 1; }
}
