#!/usr/bin/env bash
# GIS benchmark (issue 12): OGC API – Features against QGIS Server on the same 100 000 points and
# 10 000 polygons, and the map viewer's per-move query; writes bench/results/gis.md (run.mjs says how).
#   flock /tmp/hromada-build.lock bench/gis/run.sh [--quick]
# Needs the built assembly (karaf-assembly/target/assembly) and gis-service's target/classes (mvn -B
# install), PostgreSQL + PostGIS at 127.0.0.1:5432, root for apt-get (wrk, and QGIS Server through
# ../shared/bench/qgis-server/qgis-server.sh install). No Maven build here, only an offline
# dependency:build-classpath: run it inside the build lock as above.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
e2e="$root/karaf-assembly/src/test/e2e"
[ -d "$e2e/node_modules" ] || (cd "$e2e" && npm ci --no-audit --no-fund)

# ViewerBench against gis-service's own classes and test classpath (portal-testing, pgjdbc) plus the
# HikariCP of the assembly (the portal's pool)
module="$root/bundles/gis/gis-service"
work="$root/bench/work"
mkdir -p "$work/gis-classes"
(cd "$root" && mvn -B -q -o -pl bundles/gis/gis-service dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/gis.classpath" >/dev/null)
hikari=$(find "$root/karaf-assembly/target/assembly/system/com/zaxxer" -name 'HikariCP-*.jar' | head -1)
cp="$work/gis-classes:$module/target/classes:$(cat "$work/gis.classpath"):$hikari"
"$JAVA_HOME/bin/javac" -nowarn -d "$work/gis-classes" -cp "$cp" "$here/ViewerBench.java"
GIS_BENCH_CP=$cp exec node "$here/run.mjs" "$@"
