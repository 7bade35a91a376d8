#!/usr/bin/env bash
# OKS benchmark (issue 3): 100 000 violations with ~1 000 000 journal rows generated in SQL, then the
# analytics page's queries and the map's bounding-box query timed through the real services.
# Writes bench/results/oks.md.
#
# Usage: bench/oks/run.sh [violations=100000] [runs=50] [warmup=10]
# Needs PostgreSQL + PostGIS at 127.0.0.1:5432 (user postgres, trust; HROMADA_TEST_PG* override) and Java 17.
# Uses a throw-away database (dropped at the end; BENCH_KEEP_DB=true keeps it for EXPLAIN).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
module=bundles/oks/oks-service
mvn_flags=(-B -q)
if [ "${BENCH_ONLINE:-0}" != 1 ]; then mvn_flags+=(-o); fi
mkdir -p bench/work
mvn "${mvn_flags[@]}" -pl "$module" -am install -DskipTests
mvn "${mvn_flags[@]}" -pl "$module" test-compile
mvn "${mvn_flags[@]}" -pl "$module" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$root/bench/work/oks.classpath"
pgv=$(psql -h 127.0.0.1 -U postgres -tAc 'SHOW server_version' 2>/dev/null || echo 15)
java -Xmx1g -Dbench.violations="${1:-100000}" -Dbench.runs="${2:-50}" -Dbench.warmup="${3:-10}" \
  -Dbench.out=bench/results/oks.md -Dbench.pgVersion="$pgv" -Dbench.keepDb="${BENCH_KEEP_DB:-false}" \
  -cp "$module/target/test-classes:$module/target/classes:$(cat bench/work/oks.classpath)" \
  ua.hromada.oks.service.OksBench
