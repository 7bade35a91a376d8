#!/usr/bin/env bash
# E-services benchmark (issue 13): the public home page and the service catalogue under 200
# concurrent anonymous users, and the appeal API under 1 000 bot submissions a minute from one
# address; writes bench/results/eservices.md (run.mjs says how).
#   flock /tmp/hromada-build.lock bench/eservices/run.sh [--quick]
# Needs the built assembly (mvn -B install), PostgreSQL at 127.0.0.1:5432 and wrk (Debian package
# "wrk": installed here when run as root).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "wrk missing: installing the Debian package"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk missing: run 'apt-get install -y wrk' as root, then this script again" >&2
    exit 1
  fi
fi
e2e="$here/../../karaf-assembly/src/test/e2e"
[ -d "$e2e/node_modules" ] || (cd "$e2e" && npm ci --no-audit --no-fund)
exec node "$here/run.mjs" "$@"
