#!/usr/bin/env bash
# Writes a consistent backup of the Hromada portal (docs/admin-guide.md, «Резервна копія»):
#   database.dump   pg_dump of the portal database, custom format, taken in one snapshot;
#   files/<name>.tar the folders of uploaded files (open data's resource.storage when it is a folder,
#                   plus every --files folder);
#   manifest.tsv    the row count of every table (read in the dump's own snapshot), the SHA-256 of
#                   the dump, and the SHA-256 and size of every file; restore-portal.sh checks them.
# Lucene indexes (document search) and other derived stores are not saved: they are rebuilt from
# PostgreSQL when the portal starts.
#
#   ./karaf-assembly/backup-portal.sh [--out <folder>] [--files <folder>]... [--db <name>]
#       [--host <host>] [--port <port>] [--user <user>]
#
# The database, host, port and user default to the portal's data source
# (karaf-assembly/target/assembly/etc/org.ops4j.datasource-hromada.cfg, else config/'s). Run it as
# the portal's database owner when that is a superuser (the default postgres) or has BYPASSRLS:
# row-level security must not hide rows from the dump (the counts run with row_security = off and
# stop with an error rather than count too few). The backup goes to <out>/hromada-<date-time>/
# (out: ./backups). The portal may keep running: open data's files are named by their SHA-256 and
# written before their row commits, so files archived after the snapshot are at worst some the
# dump does not reference yet (unfinished *.part uploads are left out); a file released between
# the snapshot and the archive would be missing (docs/admin-guide.md says when to stop the portal).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

fail() {
  printf 'backup-portal: %s\n' "$@" >&2
  exit 1
}

# --- settings -----------------------------------------------------------------------------------
# shellcheck source=backup-common.sh
. "$root/karaf-assembly/backup-common.sh"
out=./backups
folders=()
storage=$(cfg_value "$etc/ua.hromada.opendata.cfg" resource.storage)
if [ -n "$storage" ] && [ "$storage" != database ]; then folders+=("opendata=$storage"); fi

while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=${2:?--out needs a folder}; shift 2 ;;
    --files) [ -d "${2:-}" ] || fail "--files needs an existing folder (got '${2:-}')"
             folders+=("$(basename "$2")=$(cd "$2" && pwd)"); shift 2 ;;
    --db) db=${2:?--db needs a name}; shift 2 ;;
    *) common_option "$@"; shift 2 ;;
  esac
done
[ -n "$db" ] || fail "no database name: give --db or set url in $etc/org.ops4j.datasource-hromada.cfg"
export PGHOST=${host:-127.0.0.1} PGPORT=$port PGUSER=${user:-postgres} PGDATABASE=$db
psql -X -qAt -c 'select 1' >/dev/null 2>&1 || fail "cannot connect to database '$db' at $PGHOST:$PGPORT as $PGUSER"

dest="$out/hromada-$(date +%Y%m%d-%H%M%S)"
[ ! -e "$dest" ] || fail "$dest exists already"
mkdir -p "$dest/files"
manifest="$dest/manifest.tsv"
printf 'hromada-backup\t1\ndatabase\t%s\ncreated\t%s\n' "$db" "$(date -u +%FT%TZ)" > "$manifest"

# --- the database: one snapshot for the dump and the counts ------------------------------------
# A psql session holds a repeatable-read transaction, exports its snapshot to pg_dump, and counts
# every table's rows in that same snapshot.
coproc SNAP { psql -X -qAt -v ON_ERROR_STOP=1 -F $'\t' 2>&1; }
send() { printf '%s\n' "$@" >&"${SNAP[1]}"; }
reply=$(mktemp)
trap 'rm -f "$reply"' EXIT
read_until_end() { # the session's lines up to the marker into $reply (coproc fds stay in this shell)
  local line
  : > "$reply"
  while IFS= read -r -t 600 line <&"${SNAP[0]}"; do
    [ "$line" = __END__ ] && return 0
    case "$line" in ERROR:*|FATAL:*|psql:*) fail "database: $line" ;; esac
    printf '%s\n' "$line" >> "$reply"
  done
  fail "database: the snapshot session ended unexpectedly"
}
send "SET row_security = off;" "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;" \
  "SELECT pg_export_snapshot();" '\echo __END__'
read_until_end
snapshot=$(cat "$reply")
pg_dump --format=custom --snapshot="$snapshot" --file="$dest/database.dump" "$db" \
  || fail "pg_dump failed (see above)"
send "$COUNT_ROWS_SQL" '\echo __END__'
read_until_end
sed 's/^/table\t/' "$reply" >> "$manifest"
send "COMMIT;" '\q'
wait "$SNAP_PID" 2>/dev/null || true
printf 'dump\t%s\n' "$(sha256sum "$dest/database.dump" | cut -d' ' -f1)" >> "$manifest"

# --- the files ----------------------------------------------------------------------------------
# Each folder is archived, then its checksums are taken from the archive's own content (what a
# restore will find), not from the live folder.
declare -A seen=()
for entry in "${folders[@]}"; do
  name=${entry%%=*}
  dir=${entry#*=}
  [ -d "$dir" ] || fail "the files folder '$dir' ($name) does not exist"
  n=1; base=$name
  while [ -n "${seen[$name]:-}" ]; do n=$((n + 1)); name="$base-$n"; done
  seen[$name]=1
  if find "$dir" -name $'*[\t\n]*' | grep -q .; then fail "a file name in $dir holds a tab or a line break"; fi
  tar -C "$dir" --exclude='*.part' -cf "$dest/files/$name.tar" .
  check=$(mktemp -d)
  tar -C "$check" -xf "$dest/files/$name.tar"
  printf 'folder\t%s\t%s\n' "$name" "$dir" >> "$manifest"
  (cd "$check" && find . -type f -printf '%P\n' | LC_ALL=C sort | while IFS= read -r f; do
    printf 'file\t%s\t%s\t%s\t%s\n' "$name" "$f" "$(sha256sum -- "$f" | cut -d' ' -f1)" "$(stat -c %s -- "$f")"
  done) >> "$manifest"
  rm -rf "$check"
done

tables=$(grep -c '^table' "$manifest" || true)
files=$(grep -c '^file' "$manifest" || true)
echo "Backup written to $dest: database '$db' ($tables tables), ${#folders[@]} file folder(s), $files file(s)."
