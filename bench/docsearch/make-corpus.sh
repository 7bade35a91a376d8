#!/usr/bin/env bash
# Builds bench/work/corpus.txt: one paragraph of real Ukrainian text per line, from the
# seed documents and Debian's Ukrainian manual pages (package manpages-uk).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/bench/work/corpus.txt"
mkdir -p "$(dirname "$out")"
# other packages also put pages under /usr/share/man/uk: ask dpkg, not the folder
if ! dpkg -s manpages-uk >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq manpages-uk >/dev/null
fi
seeds="$root/bundles/docsearch/docsearch-service/src/test/resources/seeds"
[ -d "$seeds" ] || seeds="$root/../shared/seeds"
{
  # seeds: blank-line separated paragraphs joined into single lines
  for f in "$seeds"/*.txt; do
    awk 'BEGIN{RS=""} {gsub(/[ \t\r\n]+/, " "); if (length($0) > 60) print}' "$f"
  done
  # man pages rendered to plain text
  find /usr/share/man/uk -type f -name '*.gz' | sort | while read -r page; do
    MANWIDTH=200 man -l "$page" 2>/dev/null | col -bx | awk 'BEGIN{RS=""} {gsub(/[ \t\r\n]+/, " "); if (length($0) > 60) print}'
  done
} | grep -P '[\x{0400}-\x{04FF}]' > "$out"
echo "$(wc -l < "$out") paragraphs, $(wc -c < "$out") bytes in $out"
