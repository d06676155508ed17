#!/usr/bin/env bash
# The heap a dataset ZIP needs: bench/dataset-heap.sh [ENTRIES]   (default 1000000)
#
# Starts PostgreSQL and the packaged portal on loopback like bench/run.sh, loads ENTRIES demonstration entries,
# runs the portal with -Xmx$BENCH_HEAP (default 192m) and a GC log, then downloads /data/cycles/CODE.zip of the
# cycle with the most applicable pairs and of the current cycle, checks each ZIP reads back, and prints their sizes,
# times and the most heap the portal held after a collection while it wrote them. Stops everything it started.
#
# Environment: BENCH_HEAP (default 192m), BENCH_SKIP_BUILD=1 (reuse target/*.jar), BENCH_KEEP=1 (keep the folder).
set -euo pipefail

ENTRIES=${1:-1000000}
HEAP=${BENCH_HEAP:-192m}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/a4p-dataset.XXXXXX)
chmod 755 "$WORK"
PIDS=()
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PG_HOME="$WORK/pg"
PG_DATA="$PG_HOME/data"

log() { printf '[dataset] %s\n' "$*" >&2; }

cleanup() {
  local status=$?
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  [ -d "$PG_DATA" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi
  exit $status
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

cd "$ROOT"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || ! ls target/a4p-portal-*.jar >/dev/null 2>&1; then
  log "packaging the portal"
  ./mvnw -B -q -ntp -DskipTests package
fi
JAR=$(ls target/a4p-portal-*.jar | grep -v original | head -n 1)

PG_PORT=$(free_port)
mkdir -p "$PG_DATA" && chown -R postgres:postgres "$PG_HOME"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_HOME/pg.log" -w \
  -o "-p $PG_PORT -k $PG_HOME -c listen_addresses=127.0.0.1 -c shared_buffers=256MB" start >/dev/null
DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA -c "$1"; }

log "loading $ENTRIES demonstration entries"
LOAD_START=$(date +%s)
SPRING_DATASOURCE_URL="$DB_URL" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
  java -Xmx512m -XX:+UseSerialGC -jar "$JAR" --server.port=0 --portal.page-cache.enabled=false \
  --portal.demo.action=generate --portal.demo.entries="$ENTRIES" --portal.demo.seed=42 --portal.demo.exit=true \
  >"$WORK/load.log" 2>&1 || { tail -n 40 "$WORK/load.log" >&2; exit 1; }
log "stored $(sql "select count(*) from progress_entry") entries in $(( $(date +%s) - LOAD_START )) s"

APP_PORT=$(free_port)
SPRING_DATASOURCE_URL="$DB_URL" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
MALLOC_ARENA_MAX=2 java -Xmx"$HEAP" -Xss512k -XX:MaxMetaspaceSize=160m -XX:+UseSerialGC \
  -Xlog:gc:file="$WORK/gc.log":uptime -jar "$JAR" --server.port="$APP_PORT" >"$WORK/app.log" 2>&1 &
APP_PID=$!
PIDS+=("$APP_PID")
for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/actuator/health" && break; sleep 0.2; done
curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/data"

LARGEST=$(sql "select rc.code from reporting_cycle rc join public_pair pp on pp.cycle_id = rc.id
               group by rc.code order by count(*) desc limit 1")
CURRENT=$(sql "select code from reporting_cycle order by (state = 'OPEN') desc, period_start desc limit 1")
printf 'entries=%s heap=%s\n' "$ENTRIES" "$HEAP"
for code in "$LARGEST" "$CURRENT"; do
  pairs=$(sql "select count(*) from public_pair pp join reporting_cycle rc on rc.id = pp.cycle_id where rc.code = '$code'")
  published=$(sql "select count(*) from public_entry pe join reporting_cycle rc on rc.id = pe.cycle_id where rc.code = '$code'")
  before=$(wc -l <"$WORK/gc.log")
  start=$(date +%s.%N)
  status=$(curl -s -o "$WORK/$code.zip" -w '%{http_code}' "http://127.0.0.1:$APP_PORT/data/cycles/$code.zip")
  seconds=$(python3 -c "import time; print(round(time.time() - $start, 1))")
  python3 - "$WORK/$code.zip" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
rows = {i.filename: sum(1 for _ in z.open(i)) - 1 for i in z.infolist() if i.filename.endswith('.csv')}
print('  rows per table (records incl. multi-line narratives counted as lines): ' + ', '.join(f'{k}={v}' for k, v in rows.items()))
PY
  # most heap held after a collection during this download (MB), from the GC log lines written meanwhile
  held=$(tail -n +"$((before + 1))" "$WORK/gc.log" | sed -nE 's/.*->([0-9]+)M\(([0-9]+)M\).*/\1/p' | sort -n | tail -n 1)
  peak=$(tail -n +"$((before + 1))" "$WORK/gc.log" | sed -nE 's/.* ([0-9]+)M->[0-9]+M\(([0-9]+)M\).*/\1/p' | sort -n | tail -n 1)
  gcs=$(( $(wc -l <"$WORK/gc.log") - before ))
  printf 'cycle=%s pairs=%s published_entries=%s http=%s bytes=%s seconds=%s gc_events=%s heap_after_gc_max_mb=%s heap_before_gc_max_mb=%s\n' \
    "$code" "$pairs" "$published" "$status" "$(stat -c %s "$WORK/$code.zip")" "$seconds" "$gcs" "${held:-none}" "${peak:-none}"
done
if grep -q OutOfMemoryError "$WORK/app.log"; then echo "OutOfMemoryError in the portal's log"; exit 1; fi
