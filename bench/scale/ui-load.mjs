// Signed-in UI sessions on one node with a 1 GiB heap: virtual users that sign in through the
// login form and then change page (dashboard, document list, OKS list, in turn) with a think time,
// each a VaadinTab speaking Flow's protocol (no browser per user: 2 cores cannot run hundreds of
// Chromium pages). For each number of sessions: the page change's round trip (median, p95) and the
// heap after a full GC. Called by run.mjs (part "ui").
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Portal, java17 } from '../../karaf-assembly/src/test/e2e/lib/portal.mjs';
import { stats, karafPid, rssMb } from '../lib/karaf-process.mjs';
import { cpuSeconds, postAct, DOCS_KEY } from './api.mjs';
import { VaadinTab } from './vaadin-client.mjs';

/** The employee views a user goes through, in turn (the menu's routes; '' is the dashboard). */
export const ROUTES = ['docs', 'oks/violations', ''];
/** Think time between two page changes of one user: uniform in [min, max] ms (the default; run.mjs think=a-b). */
export const THINK_MS = [5_000, 15_000];
const SIGN_IN_CONCURRENCY = 4;
/** An element id each view puts into the UI: the navigation's answer must carry it (the view was really built). */
const VIEW_IDS = { docs: 'docs-page', 'oks/violations': 'oks-list', '': 'dashboard' };
const OPEN311_KEY = 'bench-scale-open311-0123456789abcd';
const SEED = { acts: 200, violations: 100 };

/** Acts for the document list and violations for the OKS list, through the public APIs. */
async function seed(portal) {
  for (let i = 0; i < SEED.acts; i += 4) {
    await Promise.all([0, 1, 2, 3].map(k => postAct(portal.url, i + k, `благоустрій ${i + k}`)));
  }
  for (let i = 0; i < SEED.violations; i++) {
    const res = await fetch(`${portal.url}api/open311/v2/requests.json`, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams({ api_key: OPEN311_KEY, service_code: 'trees', lat: String(49.58 + (i % 10) / 1000),
        long: String(34.55 + (i % 7) / 1000), address_string: `вул. Соборності, ${i + 1}`,
        description: `Гілля на тротуарі № ${i}`, email: `resident${i}@example.org` }).toString(),
    });
    if (res.status !== 200) throw new Error(`Open311 POST: ${res.status} ${await res.text()}`);
  }
}

const jcmd = (pid, ...args) => execFileSync(path.join(java17(), 'bin/jcmd'), [pid, ...args], { encoding: 'utf8', timeout: 120_000 });

/** Heap used after a full GC, MB (two collections: the first may leave what finalizers free). */
function heapAfterGc(pid) {
  jcmd(pid, 'GC.run');
  jcmd(pid, 'GC.run');
  const info = jcmd(pid, 'GC.heap_info');
  const generations = [...info.matchAll(/total (\d+)K, used (\d+)K/g)];
  if (!generations.length) throw new Error(`GC.heap_info unreadable:\n${info}`);
  return generations.reduce((s, g) => s + Number(g[2]), 0) / 1024;
}

/** One employee in one browser tab. */
class VirtualUser {
  constructor(base, account, device, push) {
    this.tab = new VaadinTab(base);
    this.push = push;
    if (device) this.tab.cookies.set('hromada-device', device);
    this.account = account;
    this.next = 0;
  }

  /** The login page, the form's login event, then the dashboard the portal sends the browser to. */
  async signIn() {
    const tab = this.tab;
    await followUps(tab, await tab.open('login'));
    await tab.rpc(loginEvent(tab, this.account));
    const target = redirectOf(tab);
    if (target === null) throw new Error(`no redirect after sign-in: ${JSON.stringify(tab.executed).slice(0, 300)}`);
    await followUps(tab, await tab.open(''));
    if (!tab.ids.has('dashboard')) throw new Error('signed in, but the dashboard is not in the UI');
    if (this.push) await tab.openPush();
  }

  /**
   * One page change through the menu: ms until the view's answer is back (the view can be shown)
   * and until the follow-up request Flow's client sends right after it is answered too (settled).
   */
  async pageChange() {
    const route = ROUTES[this.next++ % ROUTES.length];
    const started = performance.now();
    const answer = await this.tab.navigate(route);
    const shown = performance.now() - started;
    if (!answer.changes?.some(c => c.key === 'id' && c.value === VIEW_IDS[route])) {
      throw new Error(`navigation to /${route}: the answer has no #${VIEW_IDS[route]}`);
    }
    await followUps(this.tab, answer);
    return { shown, settled: performance.now() - started };
  }
}

// ---- the shape of Flow's messages, as bench/scale/capture.json recorded them ----

/** The login form's submit: the form turns itself disabled (synchronised), then its `login` event. */
function loginEvent(tab, { username, password }) {
  const form = tab.nodeOf('vaadin-login-form');
  return [{ type: 'mSync', node: form, feature: 1, property: 'disabled', value: true },
    { type: 'event', node: form, event: 'login', data: { 'event.detail.username': username, 'event.detail.password': password } }];
}

function redirectOf(tab) {
  for (const e of tab.executed) {
    if (e.some(x => typeof x === 'string' && /location|window\.open/.test(x))) return e[0];
  }
  return null;
}

/**
 * The property-change events the web components of a new view fire once upgraded (the only
 * `-changed` events the browser sent in the capture: grid columns' listeners stay silent), and the
 * grids' confirmation of their first data; Flow's client sends them in one request after the view's.
 */
const FOLLOW_UP_EVENTS = new Set(['error-changed', 'primary-section-changed', 'drawer-opened-changed', 'overlay-changed',
  'collapsed-changed', 'expanded-changed', 'opened-changed', 'value-changed', 'checked-changed',
  'indeterminate-changed', 'selected-items-changed', 'filter-changed']);

async function followUps(tab, answer) {
  const rpc = [];
  const created = new Set(answer.changes?.filter(c => c.type === 'put' && c.key === 'tag').map(c => c.node));
  for (const c of answer.changes ?? []) {
    if (c.feat === 4 && c.type === 'put' && created.has(c.node) && FOLLOW_UP_EVENTS.has(c.key)) {
      rpc.push({ type: 'event', node: c.node, event: c.key, data: {} });
    }
    if (c.type === 'put' && c.key === 'tag' && c.value === 'vaadin-grid') {
      rpc.push({ type: 'publishedEventHandler', node: c.node, templateEventMethodName: 'confirmUpdate', templateEventMethodArgs: [0], promise: 0 });
    }
  }
  if (rpc.length) await tab.rpc(rpc);
  return rpc.length;
}

/** The portal's own count of live sessions (localhost health answer). */
async function liveSessions(portal) {
  const body = await (await fetch(`${portal.url}api/health`)).json();
  return body.sessions?.live;
}

export async function uiBench({ levels = [50, 100, 200, 500], seconds = 60, push = false, think: thinkMs = THINK_MS, log = console.log } = {}) {
  process.env.JAVA_MAX_MEM = '1g';
  const portal = new Portal({ port: 19391, database: 'hromada_bench_scale_ui', config: {
    'ua.hromada.docsearch.api.cfg': { 'api.key': DOCS_KEY }, 'ua.hromada.oks.open311.cfg': { apiKeys: OPEN311_KEY,
      // the seed is one address sending 100 reports at once: above the shipped limit for one address
      'rateLimit.address.burst': 1000, 'rateLimit.address.perHour': 100000 } } });
  const users = [];
  const rows = [];
  let heartbeats;
  let stopReason = null;
  try {
    await portal.start();
    const pid = karafPid(portal);
    const xmx = /\s(-Xmx\S+)/.exec(execFileSync('ps', ['-o', 'args=', '-p', pid], { encoding: 'utf8' }))?.[1];
    await seed(portal);
    const account = portal.admin();
    // the first sign-in forces nothing (the harness set the password over the console); its device
    // cookie is the browser's token every user then carries, as one office's browsers would each have theirs
    const first = new VirtualUser(portal.url, account, undefined, push);
    await first.signIn();
    const device = first.tab.cookies.get('hromada-device');
    // warm-up: a few users through every view, then the baseline with no session open but this one
    for (let i = 0; i < 3 * ROUTES.length; i++) await first.pageChange();
    const baseline = { heap: heapAfterGc(pid), live: await liveSessions(portal), rss: rssMb(pid) };
    users.push(first);
    // every tab's heartbeat, all the time (sign-ins, measurements, heap readings), as browsers send them
    let beats = 0;
    let beatErrors = 0;
    let beatError = null;
    heartbeats = setInterval(() => {
      for (const u of users) {
        if (Date.now() - u.tab.lastBeat >= u.tab.heartbeatMs && !u.tab.beating) {
          u.tab.beating = true;
          u.tab.heartbeat().then(() => { beats++; }, e => { beatErrors++; beatError ??= e.message; }).finally(() => { u.tab.beating = false; });
        }
      }
    }, 2_000);
    log(`baseline: ${JSON.stringify(baseline)} ${xmx}`);

    for (const target of levels) {
      // more users sign in
      const signInMs = [];
      let signInErrors = 0;
      const signInStarted = Date.now();
      const toAdd = target - users.length;
      let made = 0;
      await Promise.all(Array.from({ length: SIGN_IN_CONCURRENCY }, async () => {
        while (made < toAdd) {
          made++;
          const u = new VirtualUser(portal.url, account, device, push);
          const t0 = performance.now();
          try {
            await u.signIn();
            signInMs.push(performance.now() - t0);
            users.push(u);
          } catch (e) {
            signInErrors++;
            if (signInErrors <= 3) log(`sign-in failed: ${e.message}`);
          }
        }
      }));
      const rampS = (Date.now() - signInStarted) / 1000;
      // every user changes page, with a think time, for the measured time
      const samples = [];
      let errors = 0;
      const errorKinds = new Map();
      let running = true;
      const cpu0 = cpuSeconds(pid);
      const self0 = process.cpuUsage();
      const t0 = Date.now();
      const think = () => thinkMs[0] + Math.random() * (thinkMs[1] - thinkMs[0]);
      const wakers = new Set();
      const sleep = ms => new Promise(r => { const t = setTimeout(() => { wakers.delete(w); r(); }, ms); const w = () => { clearTimeout(t); r(); }; wakers.add(w); });
      const loops = users.map(async (u, i) => {
        await sleep(Math.random() * thinkMs[1]); // spread the users' first changes
        while (running) {
          try {
            const ms = await u.pageChange();
            if (running) samples.push(ms);
          } catch (e) {
            errors++;
            const kind = e.message.slice(0, 120);
            errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
            // a broken tab is opened again, as a user would reload the page
            try {
              // the page the user was leaving: the next change goes on from there
              await u.tab.open(ROUTES[(u.next - 1) % ROUTES.length]);
              if (push) await u.tab.openPush();
            } catch { /* counted above */ }
          }
          await sleep(think());
        }
      });
      await new Promise(r => setTimeout(r, seconds * 1000));
      running = false;
      const wall = (Date.now() - t0) / 1000;
      const cpu = cpuSeconds(pid) - cpu0;
      const self = process.cpuUsage(self0);
      for (const w of wakers) w();
      await Promise.all(loops);
      const live = await liveSessions(portal);
      const heap = heapAfterGc(pid);
      const s = stats(samples.map(x => x.shown));
      const settled = stats(samples.map(x => x.settled));
      const row = {
        sessions: users.length, live, signIns: signInMs.length, signInErrors, signIn: stats(signInMs), rampS,
        changes: samples.length, errors, errorKinds: Object.fromEntries(errorKinds), ...s, settled,
        rate: samples.length / wall, portalCpu: cpu / wall, generatorCpu: (self.user + self.system) / 1e6 / wall,
        heartbeats: beats, heartbeatErrors: beatErrors, heartbeatError: beatError,
        heap, heapPerSessionKb: ((heap - baseline.heap) * 1024) / (users.length - 1), rss: rssMb(pid),
      };
      rows.push(row);
      log(`${users.length} sessions: ${JSON.stringify(row)}`);
      if (s.p95 > 5_000 || errors > samples.length * 0.1 || signInErrors > toAdd * 0.1) {
        stopReason = `stopped after ${users.length} sessions: p95 ${Math.round(s.p95)} ms, ${errors} page-change errors, ${signInErrors} sign-in errors`;
        break;
      }
    }
    const logErrors = portal.logErrors();
    return { xmx, push, seed: SEED, baseline, rows, stopReason, seconds, think: thinkMs, routes: ROUTES, logErrors: logErrors.slice(0, 5), logErrorCount: logErrors.length };
  } finally {
    clearInterval(heartbeats);
    for (const u of users) u.tab.close();
    await portal.stop();
  }
}
