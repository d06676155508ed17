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
BENCH_NAME=faults
. "$(dirname "$0")/lib.sh"

# --- tools and the jar ------------------------------------------------------------------------------------
need_tools curl=curl
build_jar
unzip -q -j -o "$JAR" 'BOOT-INF/lib/postgresql-*.jar' -d "$WORK/jdbc"
JDBC_JAR=$(ls "$WORK"/jdbc/postgresql-*.jar)

# --- PostgreSQL (durable settings: fsync and synchronous commit on, as in production) ---------------------
start_postgres "-c shared_buffers=256MB"
PG_START="runuser -u postgres -- $PG_BIN/pg_ctl -D $PG_DATA -l $PG_HOME/pg.log -w -t 120 -o '$PG_OPTIONS' start >/dev/null"
PG_STOP="runuser -u postgres -- $PG_BIN/pg_ctl -D $PG_DATA -m $STOP_MODE -w stop >/dev/null"

# --- data and the portal ----------------------------------------------------------------------------------
load_demo "$ENTRIES"
APP_PORT=$(free_port)
SPRING_DATASOURCE_URL="$DB_URL" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= MALLOC_ARENA_MAX=2 \
  java -Xmx192m -Xss512k -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000 \
  -jar "$JAR" --server.port="$APP_PORT" >"$WORK/app.log" 2>&1 &
APP_PID=$!
PIDS+=("$APP_PID")
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
