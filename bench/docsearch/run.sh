#!/usr/bin/env bash
# Document search benchmark (issue 5): 100 000 acts generated from real Ukrainian text, indexed by
# LegalActRegistryImpl.reindex(), queried through LegalActRegistryImpl.search() and, as the baseline, through
# PostgreSQL full-text search on the same rows. Writes bench/results/docsearch.md.
#
# Usage: bench/docsearch/run.sh [acts=100000] [runs=200] [warmup=50 runs at least; BENCH_WARMUP_SECONDS=5 at least]
# Two passes per query set: warm (30 queries cycled `runs` times after the warm-up) and cold
# (BENCH_COLD=runs new queries, each asked once per side). Before the timed cold queries each set gets a
# warm-up of as many OTHER new queries drawn the same way, on both sides alike, untimed, cycled for at least
# BENCH_WARMUP_SECONDS, so the JIT has compiled the code paths of those shapes (filter combinations the
# 30 warm queries never took) and 'cold' means a new query only; BENCH_COLD_WARMUP=0 leaves that warm-up
# out (the earlier measurement: the cold figures then include compiling). Both sides connect with the options of the
# portal's datasource URL (config/org.ops4j.datasource-hromada.cfg: -c jit=off; BENCH_DATASOURCE_CFG=another
# .cfg to compare other connection options).
# On the shared machine run it whole inside the build lock, so nothing else runs beside it:
#   flock /tmp/hromada-build.lock bench/docsearch/run.sh   (the report says whether the lock was held)
# PROFILE=1 records a JFR profile to bench/work/docsearch.jfr (it costs latency: compare figures
# only between runs with the same setting). BENCH_JAVA_OPTS adds JVM options.
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust; HROMADA_TEST_PG* override) and Java 17.
# Creates and drops the database hromada_bench_docsearch (BENCH_KEEP_DB=1 keeps it and the index;
# BENCH_REUSE=1 then queries the kept ones without loading and indexing again: for trying changes only,
# the report says so). BENCH_DB, BENCH_INDEX_DIR and BENCH_OUT choose another database, index folder and
# report file (e.g. a small trial run beside a kept database: BENCH_DB=hromada_bench_docsearch_try
# BENCH_INDEX_DIR=bench/work/docsearch-index-try BENCH_OUT=/tmp/docsearch-try.md run.sh 2000 20 5).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
acts=${1:-100000}
runs=${2:-200}
warmup=${3:-50}
module=bundles/docsearch/docsearch-service
# MVN="flock /tmp/some.lock mvn" when builds on the machine take turns
read -r -a mvn <<< "${MVN:-mvn}"
mvn_flags=(-B -q)
# offline when the local repository already has what the build needs
if [ "${BENCH_ONLINE:-0}" != 1 ]; then mvn_flags+=(-o); fi

[ -s bench/work/corpus.txt ] || "$here/make-corpus.sh"

# the service and its test classes (no tests run here: `mvn -pl $module -am install` runs them), in one
# reactor so the modules it needs come from their target/classes: nothing is installed into the local
# repository that other builds on the machine read
"${mvn[@]}" "${mvn_flags[@]}" -pl "$module" -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$root/bench/work/docsearch.classpath"

cmd="bench/docsearch/run.sh${1:+ $*}"
. "$root/bench/lock-status.sh"
lock=$(lock_status)
java_opts=(-Xms1g -Xmx2g)
if [ "${BENCH_REUSE:-0}" = 1 ]; then cmd="BENCH_REUSE=1 $cmd"; fi
if [ "${BENCH_COLD_WARMUP:-1}" = 0 ]; then cmd="BENCH_COLD_WARMUP=0 $cmd"; fi
if [ -n "${BENCH_DATASOURCE_CFG:-}" ]; then cmd="BENCH_DATASOURCE_CFG=$BENCH_DATASOURCE_CFG $cmd"; fi
if [ "${PROFILE:-0}" = 1 ]; then
  java_opts+=(-XX:StartFlightRecording=filename=bench/work/docsearch.jfr,settings=profile)
  cmd="PROFILE=1 $cmd"
fi
java "${java_opts[@]}" ${BENCH_JAVA_OPTS:-} \
  -Dbench.acts="$acts" -Dbench.runs="$runs" -Dbench.warmup="$warmup" -Dbench.warmupSeconds="${BENCH_WARMUP_SECONDS:-5}" \
  -Dbench.cold="${BENCH_COLD:-$runs}" -Dbench.coldWarmup="$([ "${BENCH_COLD_WARMUP:-1}" = 0 ] && echo false || echo true)" \
  -Dbench.datasourceCfg="${BENCH_DATASOURCE_CFG:-config/org.ops4j.datasource-hromada.cfg}" -Dbench.lock="$lock" \
  -Dbench.keepDb="$([ "${BENCH_KEEP_DB:-0}" = 1 ] && echo true || echo false)" \
  -Dbench.reuse="$([ "${BENCH_REUSE:-0}" = 1 ] && echo true || echo false)" \
  -Dbench.command="$cmd" \
  -Dbench.corpus=bench/work/corpus.txt -Dbench.out="${BENCH_OUT:-bench/results/docsearch.md}" \
  -Dbench.db="${BENCH_DB:-hromada_bench_docsearch}" -Dbench.indexDir="${BENCH_INDEX_DIR:-bench/work/docsearch-index}" \
  -Dbench.seeds="$module/src/test/resources/seeds" \
  -cp "$module/target/test-classes:$module/target/classes:$(cat bench/work/docsearch.classpath)" \
  ua.hromada.docsearch.service.DocsearchBench
