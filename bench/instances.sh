#!/usr/bin/env bash
# Two instances, one killed: bench/instances.sh [USERS]   (default 20; docs/operations.md, "Two or more instances")
#
# Starts a PostgreSQL server and two instances of the packaged portal (A and B) on loopback, signs USERS users in
# through A (each with its own cookie jar, each reading a private page there), kills A with SIGKILL, then has each
# user go on with the same cookie on B: read /account and post a form A rendered. Prints one line and exits non-zero
# unless every user is still signed in on B. Stops everything it started.
#
# Environment: BENCH_SKIP_BUILD=1 (reuse target/*.jar), BENCH_KEEP=1 (keep the work folder).
set -euo pipefail

USERS=${1:-20}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/a4p-instances.XXXXXX)
chmod 755 "$WORK"
PIDS=()
PG_BIN=""
PG_HOME="$WORK/pg"
PG_DATA="$PG_HOME/data"

log() { printf '[instances] %s\n' "$*" >&2; }

cleanup() {
  local status=$?
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  if [ -n "$PG_BIN" ] && [ -d "$PG_DATA" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
  fi
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi
  exit $status
}
trap cleanup EXIT INT TERM

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

PG_PORT=$(free_port)
mkdir -p "$PG_DATA" && chown -R postgres:postgres "$PG_HOME"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_HOME/pg.log" -w \
  -o "-p $PG_PORT -k $PG_HOME -c listen_addresses=127.0.0.1 -c max_connections=60" start >/dev/null
DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA -c "$1"; }

PASSWORD="instances-$(date +%s)-passphrase"
start_instance() { # name port
  SPRING_DATASOURCE_URL="$DB_URL" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD= \
  PORTAL_ADMIN_USERNAME=instances-admin PORTAL_ADMIN_PASSWORD="$PASSWORD" MALLOC_ARENA_MAX=2 \
    java -Xmx192m -Xss512k -XX:+UseSerialGC -jar "$JAR" --server.port="$2" >"$WORK/$1.log" 2>&1 &
  PIDS+=("$!")
  echo "$!"
}
PORT_A=$(free_port)
PORT_B=$(free_port)
PID_A=$(start_instance a "$PORT_A")
start_instance b "$PORT_B" >/dev/null
wait_http "http://127.0.0.1:$PORT_A/actuator/health" 180 || { tail -n 40 "$WORK/a.log" >&2; exit 1; }
wait_http "http://127.0.0.1:$PORT_B/actuator/health" 180 || { tail -n 40 "$WORK/b.log" >&2; exit 1; }
log "instance A on $PORT_A (pid $PID_A), B on $PORT_B, PostgreSQL on $PG_PORT"

# Users: delegates of Pakistan with the administrator's password hash (made by the portal at start).
HASH=$(sql "select password_hash from app_user where username = 'instances-admin'")
for ((i = 1; i <= USERS; i++)); do
  sql "insert into app_user (username, display_name, password_hash, role, stakeholder_id)
       select 'instances-user-$i', 'Instances User $i', '$HASH', 'DELEGATE', id from stakeholder where code = 'PAK'" >/dev/null
done

csrf() { grep -o -m 1 'name="_csrf" value="[^"]*"' "$1" | sed 's/.*value="//; s/"$//'; }
signed_in=0
for ((i = 1; i <= USERS; i++)); do
  jar="$WORK/cookies-$i"
  curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$PORT_A/login" -o "$WORK/login-$i.html"
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=instances-user-$i" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$(csrf "$WORK/login-$i.html")" \
    "http://127.0.0.1:$PORT_A/login"
  curl -fs -b "$jar" "http://127.0.0.1:$PORT_A/account/password" -o "$WORK/form-$i.html"
  grep -q 'action="/logout"' "$WORK/form-$i.html" && signed_in=$((signed_in + 1))
done
log "$signed_in of $USERS users signed in through A; killing A (SIGKILL)"
kill -9 "$PID_A"
wait "$PID_A" 2>/dev/null || true

going_on=0
forms=0
for ((i = 1; i <= USERS; i++)); do
  jar="$WORK/cookies-$i"
  if curl -fs -b "$jar" "http://127.0.0.1:$PORT_B/account" | grep -q 'action="/logout"'; then
    going_on=$((going_on + 1))
  fi
  # A form A rendered, posted to B (a wrong current password: refused on the form, not by CSRF or sign-in)
  code=$(curl -s -o "$WORK/posted-$i.html" -w '%{http_code}' -b "$jar" --data-urlencode "currentPassword=wrong" \
    --data-urlencode "newPassword=another passphrase $i" --data-urlencode "confirmPassword=another passphrase $i" \
    --data-urlencode "_csrf=$(csrf "$WORK/form-$i.html")" "http://127.0.0.1:$PORT_B/account/password")
  [ "$code" = 200 ] && grep -q 'action="/logout"' "$WORK/posted-$i.html" && forms=$((forms + 1))
done
signed_out=$((USERS - going_on))
echo "instances: $USERS users signed in through A ($signed_in confirmed), A killed with SIGKILL; on B: $going_on still signed in, $signed_out signed out, $forms of $USERS forms rendered by A accepted by B"
[ "$signed_in" = "$USERS" ] && [ "$signed_out" = 0 ] && [ "$forms" = "$USERS" ]
