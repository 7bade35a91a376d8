// Faults under load (issue 17), against one portal on a PostgreSQL of this file's own (the shared
// one on 5432 serves other tests and is never stopped):
// - PostgreSQL stopped and started again under reads and writes: requests in flight fail cleanly
//   (JSON, no HTML error page or stack trace), health says the database is unreachable, then UP
//   again without restarting Karaf, and every write answered 201 is stored once, with its audit entry;
// - a module (GIS) restarted under load: the other modules' public APIs answer every request;
// - the document index folder deleted while the portal runs: rebuilt from the database by itself;
// - the index disk full (a 2 MB tmpfs mounted on the index folder): a document sent meanwhile is
//   stored (the database is the truth), the index is not corrupted and catches up once space returns.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Portal, until } from './lib/portal.mjs';

const API_KEY = 'e2e-faults-key-0123456789abcdef';
const PG = '/usr/lib/postgresql/15/bin';
const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hromada-faults-pg-'));
const pgData = path.join(pgDir, 'data');
let pgPort;
let portal;
let indexDir;   // <home>/data/docsearch-index, a 2 MB tmpfs

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

/** pg_ctl as the postgres user (initdb refuses root), on this file's cluster. */
function pgCtl(...args) {
  return execFileSync('runuser', ['-u', 'postgres', '--', `${PG}/pg_ctl`, '-D', pgData, '-w', '-t', '60', ...args],
    { encoding: 'utf8' });
}

before(async () => {
  pgPort = await freePort();
  execFileSync('chown', ['postgres', pgDir]);
  execFileSync('runuser', ['-u', 'postgres', '--', `${PG}/initdb`, '-D', pgData, '-A', 'trust', '-U', 'postgres',
    '-E', 'UTF8', '--locale', 'C.UTF-8'], { encoding: 'utf8' });
  pgCtl('-l', path.join(pgDir, 'log'), '-o', `-p ${pgPort} -k ${pgDir} -c listen_addresses=127.0.0.1`, 'start');
  portal = new Portal({ port: 18491, database: 'hromada_e2e_faults', dbServer: { host: '127.0.0.1', port: pgPort },
    config: { 'ua.hromada.docsearch.api.cfg': { 'api.key': API_KEY } },
    prepare: home => {
      indexDir = path.join(home, 'data/docsearch-index');
      fs.mkdirSync(indexDir, { recursive: true });
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', indexDir]);
    } });
  await portal.start();
  // the modules install after the platform is up: their APIs answer a little after health does
  await until('the modules\' APIs answer', async () => {
    for (const address of READS) if ((await fetch(portal.url + address)).status !== 200) return false;
    return true;
  }, { timeoutMs: 90_000 });
});

after(async () => {
  if (indexDir) {
    try { execFileSync('umount', ['-l', indexDir]); } catch { /* not mounted */ }
  }
  await portal?.stop();
  try { pgCtl('-m', 'immediate', 'stop'); } catch { /* not running */ }
  fs.rmSync(pgDir, { recursive: true, force: true });
});

let sent = 0;
function metadata(number, title) {
  return JSON.stringify({ kind: 'mayor-order', number, date: '2025-03-01', title, issuingBody: 'Полтавський міський голова',
    status: 'IN_FORCE' });
}

/** POST /api/documents with a small text file; the answer as { status, type, text, number }. */
async function sendAct(title, words = 'розпорядження про благоустрій') {
  const number = `F-${++sent}`;
  const form = new FormData();
  form.append('metadata', metadata(number, title));
  form.append('file', new Blob([`${title}. ${words}`], { type: 'text/plain' }), `${number}.txt`);
  const res = await fetch(`${portal.url}api/documents`, { method: 'POST', body: form, headers: { 'X-API-Key': API_KEY } });
  return { what: `POST act ${number}`, number, status: res.status, type: res.headers.get('content-type') ?? '',
    retryAfter: res.headers.get('retry-after'), text: await res.text() };
}

const READS = ['api/documents/search?q=благоустрій', 'api/3/action/package_search?q=', 'api/open311/v2/services.json',
  'api/open311/v2/requests.json'];

async function read(address) {
  const res = await fetch(portal.url + address);
  return { what: `GET ${address}`, status: res.status, type: res.headers.get('content-type') ?? '',
    retryAfter: res.headers.get('retry-after'), text: await res.text() };
}

/**
 * Runs `workers` loops of requests until stop() is called; each answer (or network failure) is kept.
 * `next(i)` makes worker i's next request.
 */
function load(workers, next) {
  const answers = [];
  let running = true;
  const loops = Array.from({ length: workers }, async (_, i) => {
    while (running) {
      try {
        answers.push(await next(i));
      } catch (e) {
        answers.push({ what: `worker ${i}`, status: 0, type: '', text: `network: ${e.message}` });
      }
    }
  });
  return { answers, stop: async () => { running = false; await Promise.all(loops); return answers; } };
}

/** A clean failure: a status the client can act on and a JSON body, no HTML page, no stack trace. */
function assertClean(answers) {
  const unclean = answers.filter(a => a.status === 0 || (a.status >= 400 && (!/json/.test(a.type)
    || /<html|Exception|\tat |at ua\.hromada/i.test(a.text))));
  assert.deepEqual(unclean.slice(0, 5).map(a => `${a.what}: ${a.status} ${a.type} ${a.text.slice(0, 300)}`), []);
}

test('PostgreSQL stopped and started under load: clean failures, health DOWN then UP, no write lost or half-done', async () => {
  assert.equal((await sendAct('Перший акт до збою')).status, 201);
  const traffic = load(4, i => (i === 0 ? sendAct(`Акт під навантаженням ${sent + 1}`) : read(READS[(i + sent) % READS.length])));
  try {
    await outage(traffic);
  } finally {
    await traffic.stop();
  }
  const answers = traffic.answers;
  assertClean(answers);
  const failed = answers.filter(a => a.status >= 500);
  assert.ok(failed.length > 0, 'requests failed while the database was down');
  // every API refuses the same way while PostgreSQL is out of reach: 503, try again after Retry-After —
  // the reads, and the writes too, a write caught mid-transaction by the stop included (its failure is
  // kept over the failed rollback's: portal-api Transactions)
  assert.deepEqual(answers.filter(a => (a.what.startsWith('GET') ? a.status >= 400 : a.status >= 500)
    && !(a.status === 503 && a.retryAfter))
    .slice(0, 5).map(a => `${a.what}: ${a.status} retry-after=${a.retryAfter} ${a.text.slice(0, 200)}`), []);
  // every write answered 201 is stored once, with its audit entry; nothing else is
  const accepted = answers.filter(a => a.status === 201).map(a => a.number);
  const stored = portal.sql(`select a.number || ' ' || (select count(*) from portal.audit_log l where l.module = 'docsearch'
    and l.entity_id = a.id::text) from docsearch.act a where a.number like 'F-%'`).split('\n').filter(Boolean);
  const byNumber = new Map(stored.map(s => s.split(' ')));
  for (const number of accepted) {
    assert.ok(byNumber.has(number), `act ${number} answered 201 is stored`);
    assert.ok(Number(byNumber.get(number)) >= 1, `act ${number} has its audit entry`);
  }
  assert.equal(stored.length, new Set(stored.map(s => s.split(' ')[0])).size, 'no act stored twice');
  assert.equal(portal.logErrors(/Exception in thread|OutOfMemoryError/).length, 0);
});

/** PostgreSQL stopped under the traffic, then started again; waits for each step's effect. */
async function outage(traffic) {
  await until('writes answered before the stop', () => traffic.answers.filter(a => a.status === 201).length >= 3,
    { timeoutMs: 20_000 });
  pgCtl('-m', 'fast', 'stop');
  const down = await until('health saying the database is unreachable', async () => {
    const h = await portal.health();
    return h.body.database?.reachable === false ? h : null;
  }, { timeoutMs: 30_000 });
  assert.notEqual(down.body.status, 'UP', JSON.stringify(down.body));
  const failedBefore = traffic.answers.filter(a => a.status >= 500).length;
  await until('requests answered while the database is down',
    () => traffic.answers.filter(a => a.status >= 500).length >= failedBefore + 5, { timeoutMs: 30_000 });
  pgCtl('-l', path.join(pgDir, 'log'), '-o', `-p ${pgPort} -k ${pgDir} -c listen_addresses=127.0.0.1`, 'start');
  let health;
  await until('health UP again without a restart', async () => {
    health = await portal.health();
    return health.body.status === 'UP';
  }, { timeoutMs: 60_000 }).catch(e => { throw new Error(`${e.message}\n${JSON.stringify(health?.body).slice(0, 3000)}`); });
  const writesAfter = traffic.answers.filter(a => a.status === 201).length;
  await until('writes accepted again', () => traffic.answers.filter(a => a.status === 201).length >= writesAfter + 3,
    { timeoutMs: 30_000 });
}

test('GIS restarted under load: the other modules answer every request', async () => {
  const traffic = load(3, i => read(READS[i]));
  await until('reads running', () => traffic.answers.length >= 10, { timeoutMs: 10_000 });
  try {
    portal.console('feature:stop hromada-gis');
    portal.console('feature:start hromada-gis');
    const during = traffic.answers.length;
    await until('reads after the restart', () => traffic.answers.length >= during + 10, { timeoutMs: 10_000 });
  } finally {
    await traffic.stop();
  }
  const answers = traffic.answers;
  assert.deepEqual(answers.filter(a => a.status !== 200).slice(0, 5).map(a => `${a.what}: ${a.status} ${a.text.slice(0, 200)}`), []);
  await until('GIS back', async () => (await fetch(`${portal.url}api/gis/ogc/collections`)).status === 200, { timeoutMs: 30_000 });
});

async function found(title) {
  const res = await fetch(`${portal.url}api/documents/search?q=${encodeURIComponent(title)}`);
  if (res.status !== 200) return false;
  return (await res.json()).hits.some(h => h.title === title);
}

async function indexedCount() {
  const res = await fetch(`${portal.url}api/documents/search?q=&limit=1`);
  return (await res.json()).total;
}

test('the index folder deleted while the portal runs: rebuilt from the database by itself', async () => {
  const title = 'Розпорядження про ремонт мосту через Ворсклу';
  assert.equal((await sendAct(title, 'міст Ворскла ремонт')).status, 201);
  await until('the act found', () => found(title), { timeoutMs: 10_000 });
  for (const name of fs.readdirSync(indexDir)) fs.rmSync(path.join(indexDir, name), { recursive: true, force: true });
  const later = 'Розпорядження про освітлення парку Перемоги';
  assert.equal((await sendAct(later, 'освітлення парк')).status, 201);
  await until('both acts found again', async () => (await found(title)) && (await found(later)), { timeoutMs: 30_000 });
  assert.ok(fs.readdirSync(indexDir).length > 0, 'the index is written again');
  assert.equal(await indexedCount(), Number(portal.sql('select count(*) from docsearch.act')));
});

test('the index disk full: the document is stored, the index is not corrupted and catches up when space returns', async () => {
  const filler = path.join(indexDir, 'filler');
  try {
    fs.writeFileSync(filler, Buffer.alloc(4 * 1024 * 1024, 1));
  } catch (e) {
    assert.equal(e.code, 'ENOSPC');
  }
  const title = 'Розпорядження про диск без місця';
  const sentWhileFull = await sendAct(title, 'місце диск');
  assertClean([sentWhileFull]);
  const before = await indexedCount();
  fs.rmSync(filler);
  if (sentWhileFull.status === 201) {
    await until('the act stored while the disk was full found once space returned', () => found(title), { timeoutMs: 30_000 });
  }
  const after = 'Розпорядження після звільнення місця';
  assert.equal((await sendAct(after, 'звільнення')).status, 201);
  await until('a new act found', () => found(after), { timeoutMs: 30_000 });
  assert.ok(await indexedCount() >= before);
  assert.equal(await indexedCount(), Number(portal.sql('select count(*) from docsearch.act')));
});
