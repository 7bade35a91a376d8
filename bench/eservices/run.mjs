// E-services benchmark (issue 13), on a fresh copy of the built assembly with its shipped settings
// (every module booted; the e-services module's shipped catalogue and topics):
//  1. 200 concurrent anonymous visitors viewing the public home page (/) and the service catalogue
//     (/posluhy) for PAGE_SECONDS, each pausing THINK_MS between views and keeping its session
//     cookie: each view is what a browser sends, the page's bootstrap GET and then the UI's start
//     (v-r=init) that builds the view on the server; the time of a view is the two requests one
//     after the other. Goal: p95 < 300 ms on 2 cores. Then, as a stress figure only, the same 200
//     without pauses or cookies (it fills the heap with UIs: it runs last).
//  2. Bots: 1 000 appeal submissions a minute from one address for BOT_SECONDS through the public
//     appeal API, each as a naive bot makes it (open a form, answer the question, send at once);
//     every one must be refused (no appeal stored), while 20 visitors keep viewing the home page:
//     their p95 with the bots is compared with the same 20 visitors' p95 without them. The bots run
//     first, on a portal in its ordinary state.
// Usage: flock /tmp/hromada-build.lock bench/eservices/run.sh [--quick]; writes bench/results/eservices.md.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Portal } from '../../karaf-assembly/src/test/e2e/lib/portal.mjs';
import { stats, machine, machineLoad } from '../lib/karaf-process.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const RESULTS = path.resolve(here, '../results/eservices.md');
const quick = process.argv.includes('--quick');
const VISITORS = 200;
const PAGE_SECONDS = quick ? 15 : 60;
const WARMUP_SECONDS = quick ? 10 : 20;
const BOT_SECONDS = quick ? 20 : 60;
const BOTS_PER_MINUTE = 1000;
const QUIET_VISITORS = 20;
const GOAL_P95_MS = 300;
/** A person's pause between two page views (reading); the stress run has none. */
const THINK_MS = 2000;
const STRESS_SECONDS = quick ? 10 : 30;

const portal = new Portal({ port: 19381, database: 'hromada_bench_eservices' });
const agent = new http.Agent({ keepAlive: true, maxSockets: VISITORS + 50 });

/** One HTTP request; resolves with status, headers and body. */
function request(method, url, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers, timeout: 30_000 }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/**
 * A page view: bootstrap then UI start; ms for both, or throws on an error answer. A visitor with a
 * jar ({cookie}) keeps its session as a browser does; without one every view is a new visitor.
 */
async function view(route, jar) {
  const headers = jar?.cookie ? { Cookie: jar.cookie } : {};
  const started = performance.now();
  const page = await request('GET', `${portal.url}${route}`, null, headers);
  if (page.status !== 200) throw new Error(`GET /${route}: ${page.status}`);
  const init = await request('GET', `${portal.url}?v-r=init&location=${encodeURIComponent(route)}&query=`, null, headers);
  if (init.status !== 200 || !init.body.includes('uidl')) {
    throw new Error(`UI start of /${route}: ${init.status} ${init.body.slice(0, 200)}`);
  }
  const elapsed = performance.now() - started;
  const set = init.headers['set-cookie'];
  if (jar && set) jar.cookie = set.map(c => c.split(';')[0]).join('; ');
  return elapsed;
}

/**
 * `count` visitors viewing the routes in turn for `seconds`, each pausing `thinkMs` between views
 * (a person reading) and keeping its session cookie unless `cookies` is false; the views' times.
 */
async function visitors(count, seconds, routes, { thinkMs = 0, cookies = true } = {}) {
  const until = Date.now() + seconds * 1000;
  const times = [];
  const errors = [];
  await Promise.all(Array.from({ length: count }, async (_, i) => {
    let n = i;
    const jar = cookies ? {} : null;
    // visitors arrive spread over the first pause, not all in the same millisecond
    if (thinkMs) await new Promise(r => setTimeout(r, Math.random() * thinkMs));
    while (Date.now() < until) {
      try {
        times.push(await view(routes[n++ % routes.length], jar));
      } catch (e) {
        errors.push(e.message);
      }
      if (thinkMs) await new Promise(r => setTimeout(r, thinkMs));
    }
  }));
  return { ...stats(times), perSecond: times.length / seconds, errors: errors.length, firstError: errors[0] };
}

/** BOTS_PER_MINUTE naive bots for `seconds`: form, answer, send at once. Statuses counted. */
async function bots(seconds) {
  const statuses = {};
  const count = (k) => { statuses[k] = (statuses[k] ?? 0) + 1; };
  const gap = 60_000 / BOTS_PER_MINUTE;
  const until = Date.now() + seconds * 1000;
  const running = [];
  let sent = 0;
  for (let next = Date.now(); next < until; next += gap) {
    await new Promise(r => setTimeout(r, Math.max(0, next - Date.now())));
    sent++;
    running.push((async () => {
      try {
        const form = await request('GET', `${portal.url}api/eservices/appeals/form`);
        let ticket = {};
        try { ticket = JSON.parse(form.body); } catch { /* a refusal's body */ }
        const topicId = ticket.topics?.[0]?.id ?? 1;
        const body = JSON.stringify({
          token: ticket.token ?? 'none', answer: String((ticket.question?.left ?? 0) + (ticket.question?.right ?? 0)),
          topicId, text: `Бот ${sent}: купуйте дешеві товари на нашому сайті`, name: 'Бот', email: 'bot@example.org',
          phone: '+380500000000', public: true, consent: true,
        });
        const res = await request('POST', `${portal.url}api/eservices/appeals`, body, { 'Content-Type': 'application/json' });
        let code = '';
        try { code = JSON.parse(res.body).error?.code ?? ''; } catch { /* not JSON */ }
        count(`${res.status}${code ? ` ${code}` : ''}`);
      } catch (e) {
        count(`error ${e.message}`);
      }
    })());
  }
  await Promise.all(running);
  return { sent, statuses };
}

function appealsStored() {
  return Number(execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', portal.database, '-Atc',
    'SELECT count(*) FROM eservices.appeal'], { encoding: 'utf8' }).trim());
}

let r;
try {
  await portal.start();
  await visitors(20, WARMUP_SECONDS, ['', 'posluhy'], { thinkMs: 100 });   // JIT and Vaadin's caches
  // the bots first, on a portal in its ordinary state; the same visitors with and without them
  const quiet = await visitors(QUIET_VISITORS, BOT_SECONDS, [''], { thinkMs: THINK_MS });
  console.log('quiet', JSON.stringify(quiet));
  const [withBots, botRun] = await Promise.all([visitors(QUIET_VISITORS, BOT_SECONDS, [''], { thinkMs: THINK_MS }),
    bots(BOT_SECONDS)]);
  console.log('with bots', JSON.stringify(withBots), JSON.stringify(botRun));
  const pages = await visitors(VISITORS, PAGE_SECONDS, ['', 'posluhy'], { thinkMs: THINK_MS });
  console.log('pages', JSON.stringify(pages));
  const stress = await visitors(VISITORS, STRESS_SECONDS, ['', 'posluhy'], { cookies: false });
  console.log('stress', JSON.stringify(stress));
  r = { pages, stress, quiet, withBots, botRun, stored: appealsStored(), machine: machine(), load: machineLoad() };
} finally {
  await portal.stop();
  agent.destroy();
}

const ms = v => v.toFixed(1);
const accepted = Object.entries(r.botRun.statuses).filter(([k]) => k.startsWith('201')).reduce((s, [, n]) => s + n, 0);
const statusRows = Object.entries(r.botRun.statuses).sort((a, b) => b[1] - a[1])
  .map(([k, n]) => `| ${k} | ${n} |`).join('\n');
const report = `# E-services benchmark: public pages under load, the appeal form under bots

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`bench/eservices/run.sh${quick ? ' --quick' : ''}\`.
Machine: ${r.machine}. ${r.load}.
The portal: a fresh copy of the built assembly with its shipped settings (every module booted, JVM
options of bin/setenv, product JIT), its own database; the load generator (Node, keep-alive
connections) runs on the same 2 cores.

## 1. ${VISITORS} concurrent anonymous visitors: the home page and the service catalogue

Each visitor views \`/\` and \`/posluhy\` in turn for ${PAGE_SECONDS} s, pausing ${THINK_MS / 1000} s between views (a
person reading; visitors arrive spread over the first pause) and keeping its session cookie, as a
browser does: a view is the page's bootstrap GET and then the UI's start (\`v-r=init\`, the server
builds the view), one after the other; the time is both requests. (After ${WARMUP_SECONDS} s of warm-up with 20.)

| measure | value | goal |
|---|---|---|
| page views | ${r.pages.n} (${r.pages.perSecond.toFixed(0)}/s) | |
| errors | ${r.pages.errors}${r.pages.firstError ? ` (first: ${r.pages.firstError})` : ''} | 0 |
| view time median / p95 / max (ms) | ${ms(r.pages.median)} / ${ms(r.pages.p95)} / ${ms(r.pages.max)} | p95 < ${GOAL_P95_MS} (${r.pages.p95 < GOAL_P95_MS ? 'met' : 'NOT met'}) |

**Stress, not the goal's case:** the same ${VISITORS} visitors for ${STRESS_SECONDS} s with no pause and no cookies (every
view a new visitor, as a crawler): ${r.stress.n} views (${r.stress.perSecond.toFixed(0)}/s), errors ${r.stress.errors},
median / p95 / max ${ms(r.stress.median)} / ${ms(r.stress.p95)} / ${ms(r.stress.max)} ms. Every such view leaves a UI
on the server until its heartbeat expires (a browser leaving the page ends it; this load generator
cannot), so the heap fills and the times grow with the run's length: it shows the ceiling, and it
runs last so that it does not touch the other figures.

## 2. ${BOTS_PER_MINUTE} bot submissions a minute from one address

For ${BOT_SECONDS} s, one submission every ${(60_000 / BOTS_PER_MINUTE).toFixed(0)} ms from 127.0.0.1 through the public API
(\`GET /api/eservices/appeals/form\`, then \`POST /api/eservices/appeals\` with the question answered
right and every field valid, at once). Meanwhile ${QUIET_VISITORS} visitors view the home page; the same ${QUIET_VISITORS}
visitors ran the same ${BOT_SECONDS} s before without bots.

| answer to the bots | count |
|---|---|
${statusRows}

| measure | value | goal |
|---|---|---|
| submissions sent | ${r.botRun.sent} | |
| accepted (201) / appeals stored | ${accepted} / ${r.stored} | 0 / 0 (${accepted === 0 && r.stored === 0 ? 'met' : 'NOT met'}) |
| home page view p95 without bots / with bots (ms) | ${ms(r.quiet.p95)} / ${ms(r.withBots.p95)} | responsive |
| home page view median without / with bots (ms) | ${ms(r.quiet.median)} / ${ms(r.withBots.median)} | |
| visitors' errors without / with bots | ${r.quiet.errors} / ${r.withBots.errors} | 0 |
`;
fs.writeFileSync(RESULTS, report);
console.log(report);
