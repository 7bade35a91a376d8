# Sourced by the bench scripts. lock_status prints, for the report, whether the shared build lock
# was held by a process the script runs under (`flock /tmp/hromada-build.lock bench/...`): then no
# build or e2e test of the others who share the machine ran beside the measurement.
lock_status() {
  local lockfile=${BENCH_LOCK_FILE:-/tmp/hromada-build.lock} inode holder p
  if [ -e "$lockfile" ]; then
    inode=$(stat -c %i "$lockfile")
    # /proc/locks: "1: FLOCK ADVISORY WRITE <pid> <major>:<minor>:<inode> 0 EOF"
    for holder in $(awk -v i=":$inode" 'substr($6, length($6) - length(i) + 1) == i {print $5}' /proc/locks); do
      p=$$
      while [ "$p" -gt 1 ]; do
        if [ "$p" = "$holder" ]; then
          echo "run inside the shared build lock ($lockfile, held by the flock this run was started under): no build or e2e test of others ran beside it"
          return
        fi
        p=$(awk '/^PPid:/ {print $2}' "/proc/$p/status")
      done
    done
  fi
  echo "the shared build lock ($lockfile) was not held: others' builds and tests may have run beside it"
}
