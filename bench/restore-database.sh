#!/usr/bin/env bash
# Restores a backup into an EMPTY database: bench/restore-database.sh FILE.dump   (see docs/operations.md)
#
# The database is named as for the portal (SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD, or libpq's PG*
# variables) and must exist and be empty: create it first (createdb, or CREATE DATABASE … OWNER …). A database
# holding any table, sequence, view or function is refused, so that a restore can never mix with, or
# overwrite, live data. The restore is one transaction: all of it or nothing. Objects belong to the user
# restoring (--no-owner, --no-privileges): restore as the user the portal connects with. Then start the portal
# on that database: Flyway finds its history in the backup and migrates further if the jar is newer.
set -euo pipefail
source "$(dirname "$0")/database-tools.sh"

[ $# -eq 1 ] || die "usage: bench/restore-database.sh FILE.dump"
IN=$1
[ -r "$IN" ] || die "cannot read $IN"
database_from_environment
PSQL=$(any_psql)
SERVER=$(server_major)

# Which pg_dump wrote the archive ("; Dumped by pg_dump version: 15.14 (…)"): pg_restore must be as new.
LISTER=$(tool_candidates pg_restore | tail -n 1)
[ -n "$LISTER" ] || missing_tool pg_restore "$SERVER"
for candidate in $(tool_candidates pg_restore); do
  if "$candidate" --list "$IN" >/dev/null 2>&1; then LISTER=$candidate; break; fi
done
HEADER=$("$LISTER" --list "$IN" 2>/dev/null) || die "$IN is not a pg_dump archive in custom format (or it is newer than every pg_restore here)"
ARCHIVE=$(sed -n 's/^; *Dumped by pg_dump version: \([0-9]*\).*/\1/p' <<<"$HEADER")
SOURCE=$(sed -n 's/^; *Dumped from database version: \([0-9]*\).*/\1/p' <<<"$HEADER")
NEED=$(( ${ARCHIVE:-0} > SERVER ? ${ARCHIVE:-0} : SERVER ))
PG_RESTORE=$(tool_for pg_restore "$NEED") || missing_tool pg_restore "$NEED"
if [ -n "$SOURCE" ] && [ "$SOURCE" -gt "$SERVER" ]; then
  die "the backup comes from PostgreSQL $SOURCE; $DATABASE is PostgreSQL $SERVER: restore into $SOURCE or later"
fi

OBJECTS=$(sql "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp)'")
FUNCTIONS=$(sql "select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                 where n.nspname not in ('pg_catalog', 'information_schema')")
if [ "$OBJECTS" != 0 ] || [ "$FUNCTIONS" != 0 ]; then
  die "refused: $DATABASE is not empty ($OBJECTS tables, indexes, sequences or views; $FUNCTIONS functions).
Restore only into an empty database: create one (createdb NAME, or CREATE DATABASE NAME OWNER portal_user) and
point SPRING_DATASOURCE_URL at it."
fi

START=$(date +%s)
"$PG_RESTORE" --no-password --exit-on-error --single-transaction --no-owner --no-privileges \
  --dbname="${PGDATABASE:-${PGUSER:-$(id -un)}}" "$IN"
sql "analyze" >/dev/null
SCHEMA=$(sql "select version from flyway_schema_history where success order by installed_rank desc limit 1")
COUNTS="$(sql "select count(*) from progress_entry") entries, $(sql "select count(*) from progress_entry_revision") revisions, $(sql "select count(*) from audit_event") audit events"
echo "restored $IN into $DATABASE (PostgreSQL $SERVER) with $("$PG_RESTORE" --version | awk '{print $1, $3}') in $(( $(date +%s) - START )) s: schema version $SCHEMA, $COUNTS"
