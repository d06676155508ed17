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
BENCH_NAME=instances
. "$(dirname "$0")/lib.sh"

need_tools curl=curl

build_jar

start_postgres

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
