#!/usr/bin/env bash
# Backs up the portal's database: bench/backup-database.sh FILE.dump   (see docs/operations.md)
#
# The database is the one the portal uses: SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and
# SPRING_DATASOURCE_PASSWORD (or libpq's PG* variables). Writes a pg_dump archive in custom format (compressed;
# restored with bench/restore-database.sh), made in one consistent snapshot while the portal keeps running.
# pg_dump must be of the server's major version or later: the script picks one (PG_BIN, Debian's
# /usr/lib/postgresql/*/bin, PATH) and says what to install if none fits. The file appears only once complete
# and readable; it is never left half-written.
set -euo pipefail
source "$(dirname "$0")/database-tools.sh"

[ $# -eq 1 ] || die "usage: bench/backup-database.sh FILE.dump"
OUT=$1
[ ! -e "$OUT" ] || die "$OUT exists: name a new file"
database_from_environment
PSQL=$(any_psql)
SERVER=$(server_major)
PG_DUMP=$(tool_for pg_dump "$SERVER") || missing_tool pg_dump "$SERVER"
PG_RESTORE=$(tool_for pg_restore "$(major_of "$PG_DUMP")") || missing_tool pg_restore "$(major_of "$PG_DUMP")"
SCHEMA=$(sql "select version from flyway_schema_history where success order by installed_rank desc limit 1" 2>/dev/null || echo "?")

START=$(date +%s)
PARTIAL="$OUT.partial"
trap 'rm -f "$PARTIAL"' EXIT
"$PG_DUMP" --no-password --format=custom --compress=6 --file="$PARTIAL"
"$PG_RESTORE" --list "$PARTIAL" >/dev/null
mv "$PARTIAL" "$OUT"
trap - EXIT

echo "backed up $DATABASE (PostgreSQL $SERVER, schema version $SCHEMA) with $("$PG_DUMP" --version | awk '{print $1, $3}')" \
  "to $OUT: $(du -h "$OUT" | cut -f1) in $(( $(date +%s) - START )) s"
