# Sourced by bench/backup-database.sh and bench/restore-database.sh (see docs/operations.md): which database
# to work on, and PostgreSQL client tools of a version that can work on it.

die() { echo "$(basename "$0"): $*" >&2; exit 1; }

# The database, from the portal's own settings: SPRING_DATASOURCE_URL
# (jdbc:postgresql://host[:port]/database[?user=…&password=…&sslmode=…]), SPRING_DATASOURCE_USERNAME and
# SPRING_DATASOURCE_PASSWORD become libpq's PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (and PGSSLMODE).
# Without SPRING_DATASOURCE_URL, libpq's own PG* variables (or ~/.pgpass) apply unchanged.
database_from_environment() {
  local url=${SPRING_DATASOURCE_URL:-} hostport query pair
  if [ -n "$url" ]; then
    [[ $url =~ ^jdbc:postgresql://([^/?]+)/([^?]+)(\?(.*))?$ ]] \
      || die "cannot read SPRING_DATASOURCE_URL (expected jdbc:postgresql://host:port/database): $url"
    hostport=${BASH_REMATCH[1]}
    query=${BASH_REMATCH[4]}
    export PGDATABASE=${BASH_REMATCH[2]}
    if [[ $hostport =~ ^(.*):([0-9]+)$ ]]; then
      export PGHOST=${BASH_REMATCH[1]} PGPORT=${BASH_REMATCH[2]}
    else
      export PGHOST=$hostport PGPORT=5432
    fi
    PGHOST=${PGHOST#[}
    PGHOST=${PGHOST%]}
    IFS='&' read -ra pairs <<<"$query"
    for pair in "${pairs[@]}"; do
      case $pair in
        user=*) export PGUSER=${pair#user=} ;;
        password=*) export PGPASSWORD=${pair#password=} ;;
        sslmode=*) export PGSSLMODE=${pair#sslmode=} ;;
      esac
    done
  fi
  if [ -n "${SPRING_DATASOURCE_USERNAME:-}" ]; then export PGUSER=$SPRING_DATASOURCE_USERNAME; fi
  if [ -n "${SPRING_DATASOURCE_PASSWORD:-}" ]; then export PGPASSWORD=$SPRING_DATASOURCE_PASSWORD; fi
  DATABASE="${PGDATABASE:-?} on ${PGHOST:-local socket}:${PGPORT:-5432}"
}

# Where a client tool may be, in order: $PG_BIN, Debian's /usr/lib/postgresql/<major>/bin (every installed
# major), then PATH.
tool_candidates() { # tool
  local dir
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/$1" ]; then echo "$PG_BIN/$1"; fi
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/$1" ]; then echo "$dir/$1"; fi
  done
  command -v "$1" 2>/dev/null || true
}

major_of() { # tool path → its PostgreSQL major version ("pg_dump (PostgreSQL) 15.14 (Debian …)" → 15)
  "$1" --version | awk '{print $3}' | cut -d. -f1 | tr -cd '0-9'
}

# The client tool to use with a server (and archive) of major version MIN: the same major if installed, else
# the oldest newer one. pg_dump refuses a server newer than itself; pg_restore an archive newer than itself.
tool_for() { # tool min_major
  local candidate major best="" best_major=""
  while read -r candidate; do
    [ -n "$candidate" ] || continue
    major=$(major_of "$candidate") || continue
    [ -n "$major" ] && [ "$major" -ge "$2" ] || continue
    if [ -z "$best" ] || [ "$major" -lt "$best_major" ]; then best=$candidate best_major=$major; fi
  done < <(tool_candidates "$1" | awk '!seen[$0]++')
  [ -n "$best" ] || return 1
  echo "$best"
}

any_psql() {
  # awk reads every line: `head -n 1` would stop early and, under pipefail, fail the pipeline now and then (SIGPIPE)
  local first
  first=$(tool_candidates psql | awk 'NR == 1')
  [ -n "$first" ] || die "psql not found: install PostgreSQL's client tools (Debian: postgresql-client)"
  echo "$first"
}

sql() { # query → value(s), one row a line
  "$PSQL" -X -w -v ON_ERROR_STOP=1 -qAt -c "$1"
}

server_major() {
  local number
  number=$(sql "show server_version_num") || die "cannot reach the database $DATABASE"
  echo $((number / 10000))
}

missing_tool() { # tool major
  die "no $1 of PostgreSQL $2 or later here (found: $(tool_candidates "$1" | while read -r t; do printf '%s=%s ' "$t" "$(major_of "$t")"; done))
Install the client tools of that major version (Debian: postgresql-client-$2, from the PostgreSQL apt repository if
your Debian has no such package), set PG_BIN to their folder, or run the tool where the server runs (with Docker
Compose: docker compose exec db $1 …; see docs/operations.md)."
}
