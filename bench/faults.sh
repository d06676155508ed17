#!/usr/bin/env bash
# The database-outage test at scale: bench/faults.sh   (see docs/operations.md, "When PostgreSQL goes away")
#
# Starts a PostgreSQL server and the packaged portal as bench/run.sh does, loads FAULTS_ENTRIES demonstration
# entries (default 10000), then runs 8 readers and 4 writers over HTTP (the clients of DatabaseOutageTest:
# src/test/java/org/a4p/portal/support/OutageLoad.java, run here as a single-file program), stops PostgreSQL for
# FAULTS_OUTAGE seconds (default 30) and starts it again on the same port and data. Prints a table per kind of
# client and one line:
#   faults: requests=… errors_during=… errors_after=… recover_s=… committed_writes_checked=… lost=… half_written=…
# and the issue's targets, met or not. Exits non-zero if a confirmed write was lost or a write half-written.
#
# Environment: FAULTS_ENTRIES, FAULTS_OUTAGE, FAULTS_WARMUP (s, default 10), FAULTS_AFTER (s after the restart,
# default 20), FAULTS_READERS (8), FAULTS_WRITERS (4), FAULTS_STOP_MODE (pg_ctl's: fast, the default, or
# immediate: a crash, the server recovers from its WAL at start), BENCH_SKIP_BUILD=1 (reuse target/*.jar),
# BENCH_KEEP=1 (keep the work folder and its logs). Run as root on Debian or Ubuntu, like bench/run.sh.
set -euo pipefail

ENTRIES=${FAULTS_ENTRIES:-10000}
OUTAGE=${FAULTS_OUTAGE:-30}
WARMUP=${FAULTS_WARMUP:-10}
AFTER=${FAULTS_AFTER:-20}
READERS=${FAULTS_READERS:-8}
WRITERS=${FAULTS_WRITERS:-4}
STOP_MODE=${FAULTS_STOP_MODE:-fast}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/a4p-faults.XXXXXX)
chmod 755 "$WORK"
APP_PID=""
PG_BIN=""
PG_HOME="$WORK/pg"
PG_DATA="$PG_HOME/data"

log() { printf '[faults] %s\n' "$*" >&2; }

cleanup() {
  local status=$?
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  if [ -n "$PG_BIN" ] && [ -d "$PG_DATA" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
  fi
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi
  exit $status
}
trap cleanup EXIT INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# --- tools and the jar ------------------------------------------------------------------------------------
need=()
command -v curl >/dev/null || need+=(curl)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
cd "$ROOT"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || ! ls target/a4p-portal-*.jar >/dev/null 2>&1; then
  log "packaging the portal"
  ./mvnw -B -q -ntp -DskipTests package
fi
JAR=$(ls target/a4p-portal-*.jar | grep -v original | head -n 1)
unzip -q -j -o "$JAR" 'BOOT-INF/lib/postgresql-*.jar' -d "$WORK/jdbc"
JDBC_JAR=$(ls "$WORK"/jdbc/postgresql-*.jar)

# --- PostgreSQL (durable settings: fsync and synchronous commit on, as in production) ---------------------
PG_PORT=$(free_port)
PG_OPTIONS="-p $PG_PORT -k $PG_HOME -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_connections=60"
mkdir -p "$PG_DATA" && chown -R postgres:postgres "$PG_HOME"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
PG_START="runuser -u postgres -- $PG_BIN/pg_ctl -D $PG_DATA -l $PG_HOME/pg.log -w -t 120 -o '$PG_OPTIONS' start >/dev/null"
PG_STOP="runuser -u postgres -- $PG_BIN/pg_ctl -D $PG_DATA -m $STOP_MODE -w stop >/dev/null"
bash -c "$PG_START"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PG_PORT"
DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"

# --- data and the portal ----------------------------------------------------------------------------------
log "loading $ENTRIES demonstration entries"
SPRING_DATASOURCE_URL="$DB_URL" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
  java -Xmx512m -XX:+UseSerialGC -jar "$JAR" --server.port=0 --portal.page-cache.enabled=false \
  --portal.demo.action=generate --portal.demo.entries="$ENTRIES" --portal.demo.seed=42 --portal.demo.exit=true \
  >"$WORK/load.log" 2>&1 || { tail -n 40 "$WORK/load.log" >&2; exit 1; }
APP_PORT=$(free_port)
SPRING_DATASOURCE_URL="$DB_URL" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= MALLOC_ARENA_MAX=2 \
  java -Xmx192m -Xss512k -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:+UseSerialGC \
  -jar "$JAR" --server.port="$APP_PORT" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/actuator/health/readiness" && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$WORK/app.log" >&2; exit 1; }
  sleep 0.2
done
log "portal on port $APP_PORT; $READERS readers and $WRITERS writers, ${WARMUP} s, then PostgreSQL stopped ($STOP_MODE) for ${OUTAGE} s, then ${AFTER} s"

# --- the run ----------------------------------------------------------------------------------------------
java -cp "$JDBC_JAR" "$ROOT/src/test/java/org/a4p/portal/support/OutageLoad.java" "http://127.0.0.1:$APP_PORT" \
  "$DB_URL" postgres "" "$READERS" "$WRITERS" "$WARMUP" "$OUTAGE" "$AFTER" "$PG_STOP" "$PG_START" | tee "$WORK/report.txt"

SUMMARY=$(grep '^faults: ' "$WORK/report.txt") || { log "no summary line"; exit 1; }
value() { tr ' ' '\n' <<<"$SUMMARY" | awk -F= -v k="$1" '$1 == k {print $2}'; }
check() { # description condition
  if awk "BEGIN { exit !($2) }"; then echo "  met:    $1"; else echo "  missed: $1"; fi
}
echo "targets (issue 13, ${OUTAGE} s outage, $READERS readers, $WRITERS writers, $(nproc) cores):"
check "0 committed writes lost (lost=$(value lost), duplicated=$(value duplicated))" "$(value lost) == 0 && $(value duplicated) == 0"
check "0 half-written (half_written=$(value half_written))" "$(value half_written) == 0"
check "recovery <= 5 s after the database answers again (recover_s=$(value recover_s))" "$(value recover_s) <= 5"
check "no response slower than 10 s during the outage (slowest_during_ms=$(value slowest_during_ms))" "$(value slowest_during_ms) <= 10000"
check "no server error but 503, every request answered (other_5xx_or_no_answer=$(value other_5xx_or_no_answer))" "$(value other_5xx_or_no_answer) == 0"
[ "$(value lost)" = 0 ] && [ "$(value duplicated)" = 0 ] && [ "$(value half_written)" = 0 ]
