#!/usr/bin/env bash
# Restores a backup written by backup-portal.sh onto a fresh node (docs/admin-guide.md, «Резервна
# копія») and proves it: into a NEW database and EMPTY file folders only (it never overwrites), then
# every table's row count and every file's SHA-256 and size are compared with the backup's manifest;
# any difference — a changed, missing or extra file, a table with other rows — is listed and the
# script exits 1 («ВІДНОВЛЕННЯ НЕ ЗБІГАЄТЬСЯ З КОПІЄЮ»). Lucene indexes are not in a backup: the
# portal rebuilds them from PostgreSQL on its first start.
#
#   ./karaf-assembly/restore-portal.sh --from <backup folder> --db <new database>
#       [--files-into <folder>] [--host <host>] [--port <port>] [--user <user>]
#
# Files go back to the folders they were taken from (open data's resource.storage, --files folders),
# or with --files-into <folder> to <folder>/<name> each (then point resource.storage there). Host,
# port and user default to the portal's data source, as in backup-portal.sh; the user becomes the
# owner of everything restored (run the portal as that user). The role hromada_app is created when
# the server lacks it (as the portal's first start does).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

fail() {
  printf 'restore-portal: %s\n' "$@" >&2
  exit 1
}

# shellcheck source=backup-common.sh
. "$root/karaf-assembly/backup-common.sh"
from=""; db=""; into=""
while [ $# -gt 0 ]; do
  case "$1" in
    --from) from=${2:?--from needs the backup folder}; shift 2 ;;
    --db) db=${2:?--db needs the new database name}; shift 2 ;;
    --files-into) into=${2:?--files-into needs a folder}; shift 2 ;;
    *) common_option "$@"; shift 2 ;;
  esac
done
[ -n "$from" ] && [ -n "$db" ] || fail "usage: $0 --from <backup folder> --db <new database> [--files-into <folder>]"
manifest="$from/manifest.tsv"
[ "$(head -1 "$manifest" 2>/dev/null)" = $'hromada-backup\t1' ] || fail "$from is not a backup of backup-portal.sh (no manifest.tsv)"
export PGHOST=${host:-127.0.0.1} PGPORT=$port PGUSER=${user:-postgres} PGDATABASE=postgres
psql -X -qAt -c 'select 1' >/dev/null 2>&1 || fail "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER"

problems=$(mktemp)
trap 'rm -f "$problems"' EXIT
problem() { printf '  %s\n' "$@" >> "$problems"; }
verdict() { # fails listing the problems, if any
  if [ -s "$problems" ]; then
    { echo "restore-portal: ВІДНОВЛЕННЯ НЕ ЗБІГАЄТЬСЯ З КОПІЄЮ / the restore does not match the backup ($1):"
      cat "$problems"; } >&2
    exit 1
  fi
}

# --- the backup itself ------------------------------------------------------------------------
[ "$(sha256sum "$from/database.dump" 2>/dev/null | cut -d' ' -f1)" = "$(awk -F'\t' '$1 == "dump" {print $2}' "$manifest")" ] \
  || problem "database.dump: missing or its SHA-256 differs from the manifest"
verdict "nothing was restored"
[ -z "$(psql -X -qAt -c "select 1 from pg_database where datname = '${db//\'/\'\'}'")" ] \
  || fail "database '$db' exists already: restore into a new database name"

# --- the files: into empty folders, then compared file by file ---------------------------------
declare -A target=()
while IFS=$'\t' read -r kind name dir; do
  [ "$kind" = folder ] || continue
  t=${into:+$into/$name}
  t=${t:-$dir}
  if [ -d "$t" ] && [ -n "$(ls -A "$t")" ]; then fail "the files folder '$t' ($name) is not empty: restore into an empty folder (--files-into)"; fi
  [ -f "$from/files/$name.tar" ] || { problem "files/$name.tar: missing"; continue; }
  mkdir -p "$t"
  tar -C "$t" -xf "$from/files/$name.tar" || problem "files/$name.tar: cannot be read"
  target[$name]=$(cd "$t" && pwd)
done < "$manifest"
expected=$(mktemp); actual=$(mktemp)
awk -F'\t' '$1 == "file" {print $2 "/" $3 "\t" $4 ":" $5}' "$manifest" | LC_ALL=C sort > "$expected"
for name in "${!target[@]}"; do
  (cd "${target[$name]}" && find . -type f -printf '%P\n' | while IFS= read -r f; do
    printf '%s/%s\t%s:%s\n' "$name" "$f" "$(sha256sum -- "$f" | cut -d' ' -f1)" "$(stat -c %s -- "$f")"
  done)
done | LC_ALL=C sort > "$actual"
LC_ALL=C join -t $'\t' -a1 -a2 -e - -o '0,1.2,2.2' "$expected" "$actual" | while IFS=$'\t' read -r f want got; do
  if [ "$want" = - ]; then problem "file $f: not in the backup's manifest (extra)"
  elif [ "$got" = - ]; then problem "file $f: missing"
  elif [ "$want" != "$got" ]; then problem "file $f: SHA-256 or size differs from the manifest"
  fi
done
rm -f "$expected" "$actual"
verdict "the files were extracted, the database was not created"

# --- the database ------------------------------------------------------------------------------
psql -X -qAt -v ON_ERROR_STOP=1 -c "do \$\$ begin if not exists (select 1 from pg_roles where rolname = 'hromada_app')
  then create role hromada_app nologin; end if; end \$\$" >/dev/null || fail "cannot create the role hromada_app"
createdb "$db" || fail "cannot create database '$db'"
pg_restore --no-owner --exit-on-error --dbname="$db" "$from/database.dump" \
  || fail "pg_restore into '$db' failed (see above); drop it before trying again"
counts=$(mktemp)
printf '%s\n' "$COUNT_ROWS_SQL" | PGDATABASE=$db psql -X -qAt -v ON_ERROR_STOP=1 -F $'\t' > "$counts" || fail "cannot count the rows of '$db'"
LC_ALL=C join -t $'\t' -a1 -a2 -e '-' -o '0,1.2,2.2' <(awk -F'\t' '$1 == "table" {print $2 "\t" $3}' "$manifest" | LC_ALL=C sort) \
  <(LC_ALL=C sort "$counts") | while IFS=$'\t' read -r t want got; do
  [ "$want" = "$got" ] || problem "table $t: $got rows, the backup has $want"
done
rm -f "$counts"
verdict "database '$db' and the files are kept for inspection"

tables=$(grep -c '^table' "$manifest" || true)
files=$(grep -c '^file' "$manifest" || true)
echo "Restored into database '$db' and verified: $tables tables and $files files match the manifest."
