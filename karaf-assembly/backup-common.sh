# Shared by backup-portal.sh and restore-portal.sh (sourced, not run): the portal's connection
# settings and the row count of every table.

# The portal's data source: the assembly's etc/ (what the running portal reads), else config/.
etc="$root/karaf-assembly/target/assembly/etc"
[ -f "$etc/org.ops4j.datasource-hromada.cfg" ] || etc="$root/config"

cfg_value() { # file key: the value of key in a .cfg (empty when absent)
  [ -f "$1" ] || return 0
  sed -n "s/^[[:space:]]*$2[[:space:]]*=[[:space:]]*//p" "$1" | tail -1 | sed 's/[[:space:]]*$//'
}

# host, port, db and user from the data source's url (jdbc:postgresql://host:port/db?...) and user
url=$(cfg_value "$etc/org.ops4j.datasource-hromada.cfg" url)
hostport=$(printf '%s' "$url" | sed -n 's#^jdbc:postgresql://\([^/]*\)/.*#\1#p')
db=$(printf '%s' "$url" | sed -n 's#^jdbc:postgresql://[^/]*/\([^?]*\).*#\1#p')
host=${hostport%%:*}
port=5432
case "$hostport" in *:*) port=${hostport##*:} ;; esac
user=$(cfg_value "$etc/org.ops4j.datasource-hromada.cfg" user)

# --host, --port, --user (each with its value) and --help of either script; fail() is the script's
common_option() {
  case "$1" in
    --host) host=${2:?--host needs a value} ;;
    --port) port=${2:?--port needs a value} ;;
    --user) user=${2:?--user needs a value} ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown argument '$1' (see --help)" ;;
  esac
}

# psql input printing "schema.table<TAB>rows" for every table outside PostgreSQL's own schemas,
# with row-level security off (an error, never too few rows, when it would hide some)
COUNT_ROWS_SQL="SET row_security = off;
SELECT format('SELECT %L, count(*) FROM %s;', n.nspname || '.' || c.relname, c.oid::regclass)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1 \\gexec"
