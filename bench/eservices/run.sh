#!/usr/bin/env bash
# E-services benchmark (issue 13): the public home page and the service catalogue under 200
# concurrent anonymous users, and the appeal API under 1 000 bot submissions a minute from one
# address; writes bench/results/eservices.md (run.mjs says how).
#   flock /tmp/hromada-build.lock bench/eservices/run.sh [--quick]
# Needs the built assembly (mvn -B install; HROMADA_ASSEMBLY=<folder> for another one), PostgreSQL
# at 127.0.0.1:5432 and Node (the load generator is run.mjs itself: a page view is two requests in
# turn, which wrk's scripts cannot pair).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
e2e="$here/../../karaf-assembly/src/test/e2e"
[ -d "$e2e/node_modules" ] || (cd "$e2e" && npm ci --no-audit --no-fund)
exec node "$here/run.mjs" "$@"
