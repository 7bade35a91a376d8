#!/usr/bin/env bash
# Starts the Hromada portal in the foreground (Ctrl+D or "shutdown" stops it; without a terminal it
# runs as "bin/karaf server"). What it makes sure of first, stopping with the exact fix when it can't:
#   - Java 17 (JAVA_HOME, then /usr/lib/jvm or $HROMADA_JVM_DIR, then `java` on PATH);
#   - PostgreSQL reachable as config/org.ops4j.datasource-hromada.cfg says, the database there
#     (created on first start) with PostGIS enabled. PostGIS missing for the running server: as
#     root on Debian/Ubuntu (apt-get) this installs postgresql-<major>-postgis-3 for the server's
#     major version; otherwise it stops and prints the command to run. The portal never starts
#     without it (OKS's tables need it, also when OKS is installed later as a KAR);
#   - tesseract with Ukrainian data for the CRM's OCR of scans: installed as root on Debian/Ubuntu,
#     else a warning with the command (the portal starts without it; scans are reported unread);
#   - the portal built (mvn install) when the assembly is missing or older than the sources.
#
# Settings: config/*.cfg are copied into the assembly's etc/ at every start, so edits apply without
# a rebuild. With a community folder
#     ./karaf-assembly/start-portal.sh --config config/examples/horishni-plavni
# (or HROMADA_CONFIG=<folder>) that folder is layered over config/: for each of its .cfg files, every
# key it lists replaces that key in config/'s file of the same name (the other keys keep config/'s
# values); a .cfg config/ lacks, and any other file there except *.md (e.g. the logo), is copied
# into etc/ as it is. One setting per line. A relative folder is looked up from the current
# directory, then from the repository's root.
#
# HROMADA_START_DRY_RUN=1 does all of the above except starting Karaf: it prints the command it
# would run (used by the script's own test, karaf-assembly/src/test/e2e/start-portal.test.mjs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
assembly="$root/karaf-assembly/target/assembly"

fail() {
  printf '%s\n' "$@" >&2
  exit 1
}

config_dir=${HROMADA_CONFIG:-}
while [ $# -gt 0 ]; do
  case "$1" in
    --config) [ $# -ge 2 ] || fail "--config needs a folder, e.g. --config config/examples/horishni-plavni"
              config_dir=$2; shift 2 ;;
    --config=*) config_dir=${1#--config=}; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) fail "Unknown argument '$1'. Usage: $0 [--config <community folder>]" ;;
  esac
done
if [ -n "$config_dir" ]; then
  if [ -d "$config_dir" ]; then config_dir=$(cd "$config_dir" && pwd)
  elif [ -d "$root/$config_dir" ]; then config_dir=$(cd "$root/$config_dir" && pwd)
  else fail "The configuration folder '$config_dir' does not exist (looked in $(pwd) and $root)."
  fi
fi

# --- Java 17 ------------------------------------------------------------------------------------
# Karaf 4.4 needs Java 17 (its scripts enable the Security Manager, which JDK 24+ refuses).
is_java17() { [ -x "$1/bin/java" ] && "$1/bin/java" -version 2>&1 | grep -q 'version "17[."]'; }
if [ -z "${JAVA_HOME:-}" ] || ! is_java17 "$JAVA_HOME"; then
  JAVA_HOME=
  for jdk in "${HROMADA_JVM_DIR:-/usr/lib/jvm}"/{java-17-openjdk*,temurin-17*,jdk-17*}; do
    if is_java17 "$jdk"; then JAVA_HOME=$jdk; break; fi
  done
  if [ -z "$JAVA_HOME" ] && command -v java >/dev/null 2>&1; then
    jdk=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if is_java17 "$jdk"; then JAVA_HOME=$jdk; fi
  fi
fi
[ -n "$JAVA_HOME" ] || fail "Java 17 was not found (looked at JAVA_HOME, ${HROMADA_JVM_DIR:-/usr/lib/jvm} and java on PATH)." \
  "Install it, then run this again:" \
  "  sudo apt-get install -y openjdk-17-jdk-headless      (Debian 12, Ubuntu)" \
  "Elsewhere (e.g. Debian 13, which has no Java 17 package) install Eclipse Temurin 17 (https://adoptium.net)" \
  "and set JAVA_HOME to it."
export JAVA_HOME

# --- Settings: config/, with the community folder layered over it --------------------------------
# Sets every key of the overlay file ($1) in the target file ($2): a listed key replaces the line
# of the same key (its comments above stay), a key the target lacks is appended.
layer_cfg() {
  awk -v from="$3" '
    function key_of(line,   k) {
      if (line ~ /^[ \t]*([#!]|$)/ || line !~ /=/) return ""
      k = line; sub(/[ \t]*=.*/, "", k); sub(/^[ \t]+/, "", k); return k
    }
    NR == FNR { k = key_of($0); if (k != "") { if (!(k in value)) order[++n] = k; value[k] = $0 } next }
    { k = key_of($0) }
    k != "" && (k in value) { if (!(k in done)) print value[k]; done[k] = 1; next }
    { print }
    END {
      for (i = 1; i <= n; i++) if (!(order[i] in done)) {
        if (!added++) { print ""; print "# set by " from }
        print value[order[i]]
      }
    }' "$1" "$2" > "$2.layered"
  mv "$2.layered" "$2"
}
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$root"/config/*.cfg "$stage/"
if [ -n "$config_dir" ]; then
  for file in "$config_dir"/*; do
    name=$(basename "$file")
    if [ ! -f "$file" ] || [[ "$name" == *.md ]]; then continue; fi
    if [[ "$name" == *.cfg ]] && [ -f "$stage/$name" ]; then
      layer_cfg "$file" "$stage/$name" "${file#"$root"/}"
    else
      cp "$file" "$stage/$name"
    fi
  done
  echo "Settings: config/ with $config_dir over it"
fi
cfg_value() { sed -n "s/^$2 *= *//p" "$stage/$1" | tail -n 1 | tr -d '\r'; }

# --- PostgreSQL: reachable? database there? PostGIS? -----------------------------------------------
command -v psql >/dev/null 2>&1 || fail "psql (the PostgreSQL client) is needed: sudo apt-get install -y postgresql-client"
url=$(cfg_value org.ops4j.datasource-hromada.cfg url)
dbuser=$(cfg_value org.ops4j.datasource-hromada.cfg user)
dbpassword=$(cfg_value org.ops4j.datasource-hromada.cfg password)
hostport=${url#jdbc:postgresql://}; hostport=${hostport%%/*}
dbname=${url##*/}; dbname=${dbname%%\?*}
host=${hostport%%:*}; port=${hostport##*:}; [ "$port" = "$hostport" ] && port=5432
export PGHOST=$host PGPORT=$port PGUSER=${dbuser:-postgres}
if [ -n "$dbpassword" ]; then export PGPASSWORD=$dbpassword; fi
if ! psql -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
  fail "PostgreSQL is not reachable at $host:$port as user '$PGUSER'." \
    "Start it (e.g. 'pg_ctlcluster 15 main start') or change org.ops4j.datasource-hromada.cfg, then run this again."
fi
if [ "$(psql -d postgres -Atqc "select 1 from pg_database where datname = '$dbname'")" != "1" ]; then
  echo "Creating database '$dbname'..."
  psql -d postgres -qc "create database \"$dbname\""
fi
postgis_available() {
  [ "$(psql -d "$dbname" -Atqc "select count(*) from pg_available_extensions where name = 'postgis'")" = "1" ]
}
if ! postgis_available; then
  version_num=$(psql -d postgres -Atqc 'show server_version_num')
  major=$((version_num / 10000))
  package="postgresql-$major-postgis-3"
  case "$host" in 127.0.0.1|localhost|::1|/*) local_server=1 ;; *) local_server= ;; esac
  if [ -n "$local_server" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "PostGIS is not installed for PostgreSQL $major: installing $package..."
    export DEBIAN_FRONTEND=noninteractive
    # an old or empty package list (a fresh machine) does not know the package yet: refresh once
    apt-get install -y "$package" || { apt-get update && apt-get install -y "$package"; } \
      || fail "Installing $package failed (see apt-get's messages above)." \
              "Install PostGIS 3 for PostgreSQL $major yourself, then run this again."
    postgis_available || fail "$package is installed, but PostgreSQL $major on $host:$port still offers no postgis extension." \
      "Is the server on $host:$port the PostgreSQL $major of this machine?"
  elif [ -n "$local_server" ]; then
    fail "PostGIS is not installed for PostgreSQL $major (the server at $host:$port); the portal needs it." \
      "Install it, then run this again:" \
      "  sudo apt-get install -y $package" \
      "(Debian/Ubuntu, as root; on other systems install PostGIS 3 for PostgreSQL $major.)"
  else
    fail "PostGIS is not installed for PostgreSQL $major on the database server $host; the portal needs it." \
      "Install it on that server, then run this again:" \
      "  sudo apt-get install -y $package"
  fi
fi
psql -d "$dbname" -v ON_ERROR_STOP=1 -qc 'create extension if not exists postgis' >/dev/null \
  || fail "PostGIS is installed but could not be enabled in database '$dbname' as '$PGUSER' (see the error above)." \
          "A superuser can enable it: psql -d $dbname -c 'create extension postgis'"

# --- OCR of scans (the ЦНАП CRM's verification): tesseract with its Ukrainian data -------------
# Not a condition of starting: without it the portal runs and the verification reports each scan
# as unread, saying why. As root on Debian/Ubuntu it is installed; otherwise the command is printed.
ocr_ready() { command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx ukr; }
if ! ocr_ready; then
  ocr_packages=(tesseract-ocr tesseract-ocr-ukr)
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Tesseract with Ukrainian data is missing (the CRM reads scans with it): installing ${ocr_packages[*]}..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y "${ocr_packages[@]}" || { apt-get update && apt-get install -y "${ocr_packages[@]}"; } \
      || printf '%s\n' "Warning: installing ${ocr_packages[*]} failed (see apt-get's messages above);" \
           "the portal starts, and the CRM reports scans as unread until it is installed." >&2
  else
    printf '%s\n' "Warning: tesseract with Ukrainian data is missing; the CRM reports scans as unread until it is installed:" \
      "  sudo apt-get install -y ${ocr_packages[*]}" >&2
  fi
fi

# --- Build when the assembly is missing or older than the sources -----------------------------
# config/ is not a source of the build: it is copied below at every start
if [ ! -x "$assembly/bin/karaf" ] || [ -n "$(find "$root/bundles" "$root/features" "$root/pom.xml" \
      -newer "$assembly/bin/karaf" -type f -not -path '*/target/*' -not -path '*/node_modules/*' -print -quit)" ]; then
  command -v mvn >/dev/null 2>&1 || fail "The portal is not built and Maven is missing: sudo apt-get install -y maven"
  echo "Building the portal (mvn install -DskipTests)..."
  (cd "$root" && mvn -B -q install -DskipTests)
  touch "$assembly/bin/karaf"
fi
cp "$stage"/* "$assembly/etc/"
# etc/ holds passwords and keys: readable by this account only
chmod 600 "$assembly"/etc/*.cfg "$assembly/etc/users.properties" "$assembly/etc/keys.properties"

echo "Starting Hromada portal: $(cfg_value ua.hromada.portal.cfg public.url)"
rm -rf "$stage"
cd "$assembly"
if [ -t 0 ]; then command=(bin/karaf); else command=(bin/karaf server); fi
if [ -n "${HROMADA_START_DRY_RUN:-}" ]; then
  echo "Dry run: would run '${command[*]}' in $assembly with JAVA_HOME=$JAVA_HOME"
  exit 0
fi
exec "${command[@]}"
