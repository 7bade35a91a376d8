#!/usr/bin/env bash
# Sessions benchmark: heap after full GC before and after 100 000 anonymous GETs of public pages
# (bench/results/sessions.md). Usage: bench/sessions/run.sh [requests=100000]
# Needs the built assembly (mvn -B install) and wrk (Debian package "wrk").
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
exec node "$here/run.mjs" "${1:-100000}"
