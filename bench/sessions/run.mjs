// Heap after a full GC before and after N anonymous GETs of public pages (wrk, 8 connections),
// on a fresh copy of the built assembly with its shipped settings (heap cap from bin/setenv).
// Called by run.sh; writes bench/results/sessions.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Portal } from '../../karaf-assembly/src/test/e2e/lib/portal.mjs';

const total = Number(process.argv[2] ?? 100000);
const here = path.dirname(new URL(import.meta.url).pathname);
const JDK = '/usr/lib/jvm/java-17-openjdk-amd64';
const GOAL_MB = 50;

const portal = new Portal({ port: 19281, database: 'hromada_bench_sessions' });
const jcmd = (pid, ...args) => execFileSync(`${JDK}/bin/jcmd`, [pid, ...args], { encoding: 'utf8', timeout: 120_000 });

/** Heap used after a full GC, in MB (G1: "garbage-first heap total N, used M" in KB). */
function heapAfterGc(pid) {
  jcmd(pid, 'GC.run');
  const info = jcmd(pid, 'GC.heap_info');
  const used = /used (\d+)K/.exec(info);
  if (!used) throw new Error(`GC.heap_info unreadable:\n${info}`);
  return Math.round(Number(used[1]) / 1024);
}

/** Live sessions by the portal's own count; curl, so no pooled connection idles through the load. */
function liveSessions() {
  const body = execFileSync('curl', ['-sf', `${portal.url}api/health`], { encoding: 'utf8', timeout: 30_000 });
  return JSON.parse(body).sessions?.live;
}

function rssMb(pid) {
  return Math.round(Number(execFileSync('ps', ['-o', 'rss=', '-p', pid], { encoding: 'utf8' }).trim()) / 1024);
}

/**
 * wrk runs for its whole -d even when every thread has stopped at its share of the requests, so
 * the duration is sized from the rate seen so far (half again as long, to be sure to get there).
 */
function wrk(requests, seconds) {
  const perThread = Math.ceil(requests / 2);
  const out = execFileSync('wrk', ['-t2', '-c8', `-d${seconds}s`, '--timeout', '10s', '-s', path.join(here, 'public-pages.lua'),
    portal.url.replace(/\/$/, ''), '--', String(perThread)], { encoding: 'utf8', timeout: (seconds + 60) * 1000 });
  const line = out.split('\n').find(l => l.startsWith('WRK-JSON '));
  if (!line) throw new Error(`no summary from wrk:\n${out}`);
  return JSON.parse(line.slice('WRK-JSON '.length));
}

let result;
try {
  await portal.start();
  const pid = execFileSync('pgrep', ['-f', `karaf.home=${portal.home}`], { encoding: 'utf8' }).trim().split('\n')[0];
  const args = execFileSync('ps', ['-o', 'args=', '-p', pid], { encoding: 'utf8' });
  const xmx = /\s(-Xmx\S+)/.exec(args)?.[1] ?? 'no -Xmx';
  // warm-up (JIT, Vaadin's caches) and the rate the load's duration is sized from
  const warm = wrk(1_000_000, 15);
  const rate = warm.requests / (warm.duration_us / 1e6);
  const live0 = liveSessions();
  const before = heapAfterGc(pid);
  const rss0 = rssMb(pid);
  const load = wrk(total, Math.ceil((total / rate) * 1.5) + 5);
  if (load.requests < total) throw new Error(`only ${load.requests} of ${total} requests in the time given`);
  const after = heapAfterGc(pid);
  console.log(`heap after GC: ${before} -> ${after} MB; load ${JSON.stringify(load)}`);
  const live1 = liveSessions();
  result = { xmx, before, after, rss0, rss1: rssMb(pid), live0, live1, load, rate };
  console.log(JSON.stringify(result));
} finally {
  await portal.stop();
}

const { xmx, before, after, rss0, rss1, live0, live1, load, rate } = result;
const ms = us => (us / 1000).toFixed(1);
const growth = after - before;
const report = `# Sessions benchmark: anonymous page views and the heap

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`bench/sessions/run.sh ${total}\`.
Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, OpenJDK 17, PostgreSQL on loopback; portal JVM ${xmx} (bin/setenv).
Load: wrk, 2 threads, 8 connections, ${load.requests} GETs cycling /dokumenty, /dokumenty?q=x, /vidkryti-dani, /no-such-page, /login
(no cookies kept, as a crawler or a flood sends them); 15 s of the same load as warm-up first.

| measure | value | goal |
|---|---|---|
| heap used after full GC before the load (MB) | ${before} | |
| heap used after full GC after the load (MB) | ${after} | |
| growth (MB) | ${growth} | ≤ +${GOAL_MB} ${growth <= GOAL_MB ? '(met)' : '(NOT met)'} |
| live HTTP sessions before / after (portal's count, /api/health) | ${live0} / ${live1} | no growth |
| process RSS before / after (MB) | ${rss0} / ${rss1} | |
| requests / errors / non-2xx (the 404 page is 1 in 5) | ${load.requests} / ${load.errors} / ${load.non2xx} | |
| throughput (requests/s, the 15 s warm-up run at full load) | ${Math.round(rate)} | |
| latency median / p95 / p99 / max (ms) | ${ms(load.p50)} / ${ms(load.p95)} / ${ms(load.p99)} / ${ms(load.max)} | |

Before the change (issue 10, finding 12) every such GET left an HTTP session with a Vaadin
session for 30 minutes: 80 000 GETs raised the heap after GC from 208 to 411 MB. Now the session
that Vaadin's page bootstrap creates for a visitor who is not signed in is ended as soon as the
page is written (the browser's UI start, \`v-r=init\`, makes the session it really uses), and
sessions without sign-in expire after \`session.anonymous.timeout.minutes\`.
`;
fs.mkdirSync(path.join(here, '../results'), { recursive: true });
fs.writeFileSync(path.join(here, '../results/sessions.md'), report);
console.log(report);
if (growth > GOAL_MB) process.exitCode = 1;
