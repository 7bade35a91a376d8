// What the bench scripts measure of a running portal's Karaf process and of the machine they run
// on: percentiles, the process's RSS and heap, a restart on the same data, the machine and its
// load for the report. Shared by platform.mjs and regional.mjs.
import os from 'node:os';
import path from 'node:path';
import { execFileSync, execSync } from 'node:child_process';
import { java17 } from '../../karaf-assembly/src/test/e2e/lib/portal.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);

/** Count, median, p95 (nearest rank), min and max of the values. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = q => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}

/** The pid of the portal's Karaf JVM (the launcher script's child). */
export function karafPid(portal) {
  return execFileSync('pgrep', ['-f', `karaf.home=${portal.home}`], { encoding: 'utf8' }).trim().split('\n')[0];
}

export function rssMb(pid) {
  return Math.round(Number(execFileSync('ps', ['-o', 'rss=', '-p', pid], { encoding: 'utf8' }).trim()) / 1024);
}

/** Heap committed and used (MB) as the JVM reports them, for the explanation of the RSS. */
export function heapMb(pid) {
  const info = execFileSync(path.join(java17(), 'bin/jcmd'), [pid, 'GC.heap_info'], { encoding: 'utf8', timeout: 60_000 });
  // G1 has one "total …K, used …K" line, the serial collector one per generation
  const generations = [...info.matchAll(/total (\d+)K, used (\d+)K/g)];
  const sum = i => Math.round(generations.reduce((s, g) => s + Number(g[i]), 0) / 1024);
  const meta = /Metaspace\s+used (\d+)K, committed (\d+)K/.exec(info);
  return { committed: sum(1), used: sum(2), metaspace: meta ? Math.round(meta[2] / 1024) : NaN };
}

/**
 * Stops Karaf the way an operator does (SIGTERM to the JVM: Karaf stops the framework and every
 * bundle) and starts it again on the same home, data/ and database; ms until health is 200 (UP:
 * every booted module ACTIVE) and the portal page answers.
 */
export async function restart(portal, { healthTimeoutMs = 90_000 } = {}) {
  const exited = new Promise(r => portal.process.once('exit', r));
  process.kill(Number(karafPid(portal)), 'SIGTERM');
  let timer;
  const stopped = await Promise.race([exited.then(() => true), new Promise(r => { timer = setTimeout(r, 60_000, false); })]);
  clearTimeout(timer);
  if (!stopped) throw new Error('Karaf did not stop within 60 s of SIGTERM');
  const started = Date.now();
  // the harness's own spawn: a new process whose exit it records (the old one's exit would end the wait)
  portal.spawnKaraf();
  await portal.waitForHealth(healthTimeoutMs);
  return Date.now() - started;
}

/** Cores, memory, Java and PostgreSQL of the machine, for the report. */
export function machine() {
  const java = execSync(`${java17()}/bin/java -version 2>&1 | head -1`, { encoding: 'utf8' }).trim();
  let pg = 'PostgreSQL';
  try {
    pg = `PostgreSQL ${execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-Atc', 'SHOW server_version'], { encoding: 'utf8' }).trim()}`;
  } catch { /* the version is only for the report */ }
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, `
    + `${java}, ${pg} on loopback`;
}

/** What shared the machine: the build lock (bench/lock-status.sh), the load average, the other JVMs and browsers now. */
export function machineLoad() {
  const lock = execSync(`bash -c '. "${path.resolve(here, '../lock-status.sh')}"; lock_status'`, { encoding: 'utf8' }).trim();
  const others = execSync("ps -eo pid,args | grep -E '[j]ava |[c]hromium' | grep -v 'type=' | wc -l", { encoding: 'utf8' }).trim();
  return `${lock}; load average at the end ${os.loadavg().map(l => l.toFixed(1)).join(' / ')}; `
    + `${others} other JVM or browser processes running at the end`;
}
