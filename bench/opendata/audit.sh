#!/usr/bin/env bash
# Open data audit benchmark (issue 4): 500 data managers × 10 000 datasets generated in SQL in the
# registry's schema, then the full audit (no link checks) timed through the real services, median
# of 3 runs after a warm-up. Writes the "Audit" section of bench/results/opendata.md.
#
# Usage: bench/opendata/audit.sh [managers=500] [datasets=10000] [runs=3]
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust; HROMADA_TEST_PG* override) and Java 17.
# Uses a throw-away database (dropped at the end). BENCH_REUSE=1 skips the Maven build (already built).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
module=bundles/opendata/opendata-audit
mvn_flags=(-B -q)
if [ "${BENCH_ONLINE:-0}" != 1 ]; then mvn_flags+=(-o); fi
mkdir -p bench/work
if [ "${BENCH_REUSE:-0}" != 1 ]; then
mvn "${mvn_flags[@]}" -pl "$module" -am install -DskipTests
mvn "${mvn_flags[@]}" -pl "$module" test-compile
mvn "${mvn_flags[@]}" -pl "$module" dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$root/bench/work/opendata-audit.classpath"
fi
pgv=$(psql -h 127.0.0.1 -U postgres -tAc 'SHOW server_version' 2>/dev/null || echo '?')
java -Xmx1g -Dbench.managers="${1:-500}" -Dbench.datasets="${2:-10000}" -Dbench.runs="${3:-3}" \
  -Dbench.out=bench/results/opendata.md -Dbench.pgVersion="$pgv" \
  -cp "$module/target/test-classes:$module/target/classes:$(cat bench/work/opendata-audit.classpath)" \
  ua.hromada.opendata.audit.AuditBench
