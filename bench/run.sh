#!/usr/bin/env bash
# The portal's benchmark: bench/run.sh [ENTRIES]   (default 10000; see docs/performance.md)
#
# Starts a PostgreSQL server and the packaged portal on loopback, loads ENTRIES demonstration progress entries,
# then measures with wrk the dashboard, an area, a state, a commitment page and the progress per stakeholder at 16
# and 64 connections, two JSON API answers (the areas; the figures per stakeholder of the current cycle) likewise,
# the same bytes served as files by nginx in the same run, the progress per stakeholder
# rendered for every request (a new query string each time, so the page cache never answers), a signed-in
# (uncached) page, and 16 concurrent writers.
# Prints one table and ends with one machine-readable `summary:` line. Stops everything it started.
#
# Environment: BENCH_DURATION (seconds per wrk run, default 10), BENCH_WARMUP (seconds, default 5),
# BENCH_SKIP_BUILD=1 (reuse target/*.jar), BENCH_KEEP=1 (keep the work folder), BENCH_APP_ARGS (extra arguments
# for the portal under test, e.g. --portal.page-cache.enabled=false), BENCH_HEAP (default 192m, the portal under test; the data load gets 512m).
set -euo pipefail

ENTRIES=${1:-10000}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-5}
HEAP=${BENCH_HEAP:-192m}
BENCH_NAME=bench
. "$(dirname "$0")/lib.sh"

# --- tools ---------------------------------------------------------------------------------------------------
need_tools wrk=wrk nginx=nginx-light curl=curl

# --- build ---------------------------------------------------------------------------------------------------
build_jar

# --- PostgreSQL ----------------------------------------------------------------------------------------------
start_postgres "-c shared_buffers=256MB"

JAVA_OPTS=(-Xmx"$HEAP" -Xss512k -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000)
ADMIN_PASSWORD="bench-$(date +%s)-password"

# --- data ----------------------------------------------------------------------------------------------------
LOAD_START=$(date +%s)
load_demo "$ENTRIES"
LOAD_SECONDS=$(( $(date +%s) - LOAD_START ))
STORED=$(sql "select count(*) from progress_entry")
DB_MB=$(sql "select pg_database_size(current_database()) / 1048576")
log "stored $STORED entries in $LOAD_SECONDS s; database $DB_MB MB"

# --- the portal ----------------------------------------------------------------------------------------------
APP_PORT=$(free_port)
SPRING_DATASOURCE_URL="$DB_URL" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
PORTAL_ADMIN_USERNAME=bench-admin PORTAL_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
MALLOC_ARENA_MAX=2 java "${JAVA_OPTS[@]}" -jar "$JAR" --server.port="$APP_PORT" ${BENCH_APP_ARGS:-} >"$WORK/app.log" 2>&1 &
APP_PID=$!
PIDS+=("$APP_PID")
wait_http "http://127.0.0.1:$APP_PORT/actuator/health" 120 || { tail -n 40 "$WORK/app.log" >&2; exit 1; }
BASE="http://127.0.0.1:$APP_PORT"
log "portal on port $APP_PORT (pid $APP_PID, heap $HEAP)"

# The pages measured: name, path
PAGES=("dashboard /" "area /areas/PER" "state /stakeholders/PAK" "commitment /commitments/POL-5" "overview /stakeholders/progress")
# The JSON API measured the same way: name, path (the figures per stakeholder of the current cycle, first page)
CYCLE=$(sql "select code from reporting_cycle order by (state = 'OPEN') desc, period_start desc, id desc limit 1")
APIS=("api-areas /api/v1/areas" "api-figures /api/v1/figures?cycle=$CYCLE&by=stakeholder")

# --- nginx serving the same bytes ----------------------------------------------------------------------------
NGINX_PORT=$(free_port)
mkdir -p "$WORK/www"
for page in "${PAGES[@]}"; do
  set -- $page
  curl -fs -H 'Accept-Language: en' "$BASE$2" -o "$WORK/www/$1.html"
done
for api in "${APIS[@]}"; do
  set -- $api
  curl -fs -H 'Accept-Language: en' "$BASE$2" -o "$WORK/www/$1.json"
done
cat >"$WORK/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
daemon on;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000;
  types { text/html html; application/json json; }
  default_type text/html;
  client_body_temp_path $WORK/nginx-tmp;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
  }
}
EOF
mkdir -p "$WORK/nginx-tmp"
nginx -c "$WORK/nginx.conf"
wait_http "http://127.0.0.1:$NGINX_PORT/dashboard.html" 10

# --- measurements --------------------------------------------------------------------------------------------
run_wrk() { # url connections seconds [extra wrk args...]
  local url=$1 conns=$2 secs=$3
  shift 3
  wrk -t2 -c"$conns" -d"${secs}s" --timeout 5s -s "$ROOT/bench/report.lua" "$@" -H 'Accept-Language: en' "$url" \
    | awk '/^RESULT/ {sub(/^RESULT /, ""); print}'
}
field() { # "k=v k=v" key
  tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k {print $2}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "0" }'; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (a > b) ? a : b }'; }

RSS_MAX=0
sample_rss() {
  local rss
  rss=$(ps -o rss= -p "$APP_PID" 2>/dev/null | tr -d ' ')
  [ -n "$rss" ] && RSS_MAX=$(max "$RSS_MAX" "$rss")
}

log "warming up ($WARMUP s a page)"
for page in "${PAGES[@]}" "${APIS[@]}"; do
  set -- $page
  run_wrk "$BASE$2" 16 "$WARMUP" >/dev/null
done

TABLE="$WORK/table.txt"
printf '%-11s %5s %12s %12s %7s %9s %9s %9s %8s\n' page conns portal_rps nginx_rps ratio p50_ms p95_ms p99_ms errors >"$TABLE"
declare -A RATIO64
# measure NAME PATH EXT: the portal's PATH then nginx's NAME.EXT at 16 and 64 connections, one table row each;
# sets RATIO64[NAME] (64 connections) and MEASURED_P95 (the larger portal p95)
measure() {
  local name=$1 path=$2 ext=$3 conns portal nginx_result r
  MEASURED_P95=0
  for conns in 16 64; do
    portal=$(run_wrk "$BASE$path" "$conns" "$DURATION"); sample_rss
    nginx_result=$(run_wrk "http://127.0.0.1:$NGINX_PORT/$name.$ext" "$conns" "$DURATION")
    r=$(ratio "$(field "$portal" rps)" "$(field "$nginx_result" rps)")
    printf '%-11s %5s %12s %12s %7s %9s %9s %9s %8s\n' "$name" "$conns" "$(field "$portal" rps)" \
      "$(field "$nginx_result" rps)" "$r" "$(field "$portal" p50_ms)" "$(field "$portal" p95_ms)" \
      "$(field "$portal" p99_ms)" "$(field "$portal" errors)" >>"$TABLE"
    [ "$conns" = 64 ] && RATIO64[$name]=$r
    MEASURED_P95=$(max "$MEASURED_P95" "$(field "$portal" p95_ms)")
  done
}
READ_P95=0
for page in "${PAGES[@]}"; do
  set -- $page
  measure "$1" "$2" html
  READ_P95=$(max "$READ_P95" "$MEASURED_P95")
done

# The API: the same runs as the pages, against the bytes nginx serves as .json files.
API_P95=0
for api in "${APIS[@]}"; do
  set -- $api
  measure "$1" "$2" json
  API_P95=$(max "$API_P95" "$MEASURED_P95")
done

# The progress per stakeholder rendered for every request: each request adds a query parameter the page ignores
# (r=<thread>-<n>), so the page cache misses and the whole page is built (one aggregate query over the cycle's
# pairs and its previous cycle's, ~150 rows rendered). 16 connections: rendering is CPU-bound on two cores.
BENCH_UNIQUE_QUERY=1 run_wrk "$BASE/stakeholders/progress" 16 3 >/dev/null
rendered=$(BENCH_UNIQUE_QUERY=1 run_wrk "$BASE/stakeholders/progress" 16 "$DURATION"); sample_rss
nginx_overview=$(run_wrk "http://127.0.0.1:$NGINX_PORT/overview.html" 16 "$DURATION")
RENDER_RATIO=$(awk -v a="$(field "$rendered" rps)" -v b="$(field "$nginx_overview" rps)" 'BEGIN { if (b > 0) printf "%.4f", a / b; else print "0" }')
printf '%-11s %5s %12s %12s %7s %9s %9s %9s %8s\n' ov-rendered 16 "$(field "$rendered" rps)" \
  "$(field "$nginx_overview" rps)" "$RENDER_RATIO" "$(field "$rendered" p50_ms)" "$(field "$rendered" p95_ms)" \
  "$(field "$rendered" p99_ms)" "$(field "$rendered" errors)" >>"$TABLE"

# A signed-in page: the dashboard for an administrator, rendered on every request (never cached).
LOGIN_PAGE=$(curl -fs -c "$WORK/cookies" -b "$WORK/cookies" "$BASE/login")
CSRF=$(grep -o -m 1 'name="_csrf" value="[^"]*"' <<<"$LOGIN_PAGE" | sed 's/.*value="//; s/"$//')
LOGIN=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$WORK/cookies" -b "$WORK/cookies" \
  --data-urlencode "username=bench-admin" --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$CSRF" "$BASE/login")
SESSION=$(awk '$6 == "SESSION" {print $7}' "$WORK/cookies" | tail -n 1)
# (Into a file first: `curl | grep -q` fails under pipefail when grep stops reading early.)
curl -fs -b "SESSION=$SESSION" "$BASE/" -o "$WORK/signed-in.html" || true
grep -q 'action="/logout"' "$WORK/signed-in.html" \
  || { log "sign-in for the signed-in run failed (csrf ${#CSRF} chars, login answered: $LOGIN)"; exit 1; }
run_wrk "$BASE/" 64 3 -H "Cookie: SESSION=$SESSION" >/dev/null
signed=$(run_wrk "$BASE/" 64 "$DURATION" -H "Cookie: SESSION=$SESSION"); sample_rss
nginx_dash=$(run_wrk "http://127.0.0.1:$NGINX_PORT/dashboard.html" 64 "$DURATION")
# Four decimals: a rendered page is a small fraction of nginx's rate, and 0.00 would say nothing.
SIGNED_RATIO=$(awk -v a="$(field "$signed" rps)" -v b="$(field "$nginx_dash" rps)" 'BEGIN { if (b > 0) printf "%.4f", a / b; else print "0" }')
printf '%-11s %5s %12s %12s %7s %9s %9s %9s %8s\n' signed-in 64 "$(field "$signed" rps)" \
  "$(field "$nginx_dash" rps)" "$SIGNED_RATIO" "$(field "$signed" p50_ms)" "$(field "$signed" p95_ms)" \
  "$(field "$signed" p99_ms)" "$(field "$signed" errors)" >>"$TABLE"

# Writes: 16 concurrent delegates (of 16 endorsing states) saving drafts of their own states' entries in the
# open cycle, through the real sign-in and entry forms. Bench-only accounts with a {noop} password.
WRITER_PASSWORD="bench-writer-password"
sql "insert into app_user (username, display_name, password_hash, role, stakeholder_id)
     select 'bench-' || lower(s.code), 'Benchmark delegate ' || s.code, '{noop}$WRITER_PASSWORD', 'DELEGATE', s.id
     from stakeholder s
     where s.kind = 'MEMBER_STATE' and exists (select 1 from endorsement e where e.stakeholder_id = s.id and e.withdrawn_on is null)
     order by s.code limit 16" >/dev/null
sql "select 'bench-' || lower(s.code), '$WRITER_PASSWORD', rc.code, s.code, c.code
     from applicable_pair ap
     join reporting_cycle rc on rc.id = ap.cycle_id and rc.state = 'OPEN'
     join stakeholder s on s.id = ap.stakeholder_id
     join commitment c on c.id = ap.commitment_id
     join app_user u on u.username = 'bench-' || lower(s.code)
     left join progress_entry pe on pe.cycle_id = ap.cycle_id and pe.commitment_id = ap.commitment_id and pe.stakeholder_id = ap.stakeholder_id
     where pe.id is null or pe.workflow_state in ('DRAFT', 'RETURNED')
     order by s.code, c.code" | tr '|' ' ' >"$WORK/writes.txt"
WRITE_RESULT=$(java "$ROOT/bench/WriteLoad.java" "$BASE" "$WORK/writes.txt" "$DURATION" "$WORK/write-problems.log" \
  2>>"$WORK/write.err" | awk '/^RESULT/ {sub(/^RESULT /, ""); print}') || true
[ -s "$WORK/write-problems.log" ] && { log "write problems (first 5):"; head -n 5 "$WORK/write-problems.log" >&2; }
sample_rss
[ -n "$WRITE_RESULT" ] || { log "write test failed:"; tail -n 20 "$WORK/write.err" >&2; WRITE_RESULT="requests=0 p95_ms=0 errors=-1 lost=-1"; }

echo
echo "A4P portal benchmark: $STORED entries, $(nproc) cores, wrk ${DURATION}s per run, heap $HEAP, $(date -u +%Y-%m-%dT%H:%MZ)"
cat "$TABLE"
echo "writes: 16 clients, $(field "$WRITE_RESULT" requests) requests, p95 $(field "$WRITE_RESULT" p95_ms) ms, errors $(field "$WRITE_RESULT" errors), lost updates $(field "$WRITE_RESULT" lost)"
RSS_MB=$(awk -v k="$RSS_MAX" 'BEGIN { printf "%d", k / 1024 }')
echo "portal resident memory, max sampled under load: ${RSS_MB} MB; data load took ${LOAD_SECONDS} s; database ${DB_MB} MB"
echo "summary: size=$STORED dashboard_ratio=${RATIO64[dashboard]} area_ratio=${RATIO64[area]} state_ratio=${RATIO64[state]} commitment_ratio=${RATIO64[commitment]} overview_ratio=${RATIO64[overview]} overview_rendered_p95_ms=$(field "$rendered" p95_ms) signed_in_ratio=$SIGNED_RATIO p95_ms=$READ_P95 write_p95_ms=$(field "$WRITE_RESULT" p95_ms) write_errors=$(field "$WRITE_RESULT" errors) rss_mb=$RSS_MB api_p95_ms=$API_P95"
