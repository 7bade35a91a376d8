#!/usr/bin/env bash
# Builds the portal if needed and starts it in the foreground (Ctrl+D or "shutdown" stops it).
# Database settings come from config/org.ops4j.datasource-hromada.cfg; the database is created
# on first start, with PostGIS enabled.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
assembly="$root/karaf-assembly/target/assembly"

# Karaf 4.4 needs Java 17 (its scripts enable the Security Manager, which JDK 24+ refuses).
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"17'; then
  for jdk in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk /usr/lib/jvm/temurin-17*; do
    if [ -x "$jdk/bin/java" ]; then export JAVA_HOME="$jdk"; break; fi
  done
fi

# --- PostgreSQL: reachable? database there? ---------------------------------------------------
cfg="$root/config/org.ops4j.datasource-hromada.cfg"
url=$(sed -n 's/^url *= *//p' "$cfg" | tr -d '\r')
dbuser=$(sed -n 's/^user *= *//p' "$cfg" | tr -d '\r')
hostport=${url#jdbc:postgresql://}; hostport=${hostport%%/*}
dbname=${url##*/}; dbname=${dbname%%\?*}
host=${hostport%%:*}; port=${hostport##*:}; [ "$port" = "$hostport" ] && port=5432
export PGHOST=$host PGPORT=$port PGUSER=${dbuser:-postgres}
if ! psql -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
  echo "PostgreSQL is not reachable at $host:$port as user '$PGUSER'." >&2
  echo "Start it (e.g. 'pg_ctlcluster 15 main start') or change $cfg, then run this again." >&2
  exit 1
fi
if [ "$(psql -d postgres -Atqc "select 1 from pg_database where datname = '$dbname'")" != "1" ]; then
  echo "Creating database '$dbname'..."
  psql -d postgres -qc "create database \"$dbname\""
fi
if ! psql -d "$dbname" -qc 'create extension if not exists postgis' >/dev/null 2>&1; then
  echo "Warning: PostGIS is not installed for PostgreSQL here (apt-get install postgresql-15-postgis-3);" >&2
  echo "the portal starts, but map features of modules will not work." >&2
fi

# --- Build when the assembly is missing or older than the sources -----------------------------
if [ ! -x "$assembly/bin/karaf" ] || [ -n "$(find "$root/bundles" "$root/features" "$root/config" "$root/pom.xml" \
      -newer "$assembly/bin/karaf" -type f -not -path '*/target/*' -not -path '*/node_modules/*' -print -quit)" ]; then
  echo "Building the portal (mvn install -DskipTests)..."
  (cd "$root" && mvn -B -q install -DskipTests)
  touch "$assembly/bin/karaf"
fi
# settings edited after the build still apply
cp "$root"/config/*.cfg "$assembly/etc/"
# etc/ holds passwords and keys: readable by this account only
chmod 600 "$assembly"/etc/*.cfg "$assembly/etc/users.properties" "$assembly/etc/keys.properties"

echo "Starting Hromada portal: $(sed -n 's/^public.url *= *//p' "$root/config/ua.hromada.portal.cfg")"
cd "$assembly"
if [ -t 0 ]; then exec bin/karaf; else exec bin/karaf server; fi
