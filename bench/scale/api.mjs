// Public API throughput on one node and on two nodes behind HAProxy (docs/cluster/haproxy.cfg, only
// its addresses changed), the CPU each request costs, and the time node B takes to see node A's
// write. Called by run.mjs (part "api"); returns the figures for the report.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { Portal, until } from '../../karaf-assembly/src/test/e2e/lib/portal.mjs';
import { stats, karafPid } from '../lib/karaf-process.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const HAPROXY_CFG = path.resolve(here, '../../docs/cluster/haproxy.cfg');
const DATABASE = 'hromada_bench_scale_api';
export const DOCS_KEY = 'bench-scale-docs-0123456789abcdef';
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
const WORDS = ['бюджет', 'освіта', 'транспорт', 'екологія', 'земля', 'житло', 'медицина', 'культура',
  'спорт', 'торгівля', 'реклама', 'закупівлі', 'паркування', 'водопостачання', 'енергетика', 'дороги'];

function nodeConfig(node) {
  return {
    'ua.hromada.portal.cluster.cfg': { node },
    'ua.hromada.docsearch.api.cfg': { 'api.key': DOCS_KEY },
    // the CKAN answer cache off: every query searched, as for queries nobody asked since the registry
    // last changed (with it, the 32 repeated queries would measure the cache: bench/opendata has both)
    'ua.hromada.opendata.publication.cfg': { 'search.cache.entries': 0 },
  };
}

/** CPU seconds a process has used (user + system, all its threads), from /proc/<pid>/stat. */
export function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/** The machine's busy and total CPU time (all cores), from /proc/stat, for its share used. */
function machineCpu() {
  const [, ...v] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = v[3] + v[4];
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / CLK_TCK, total: total / CLK_TCK };
}

/** 2 000 published datasets of 50 managers in the registry's schema, as bench/opendata/package-search.sh makes them. */
function seedDatasets(portal) {
  portal.sql(`SET hromada.community = 'default';
INSERT INTO opendata.data_manager (name, edrpou, responsible_person, email, phone)
SELECT 'Управління № ' || g || ' міської ради', lpad((20000000 + g)::text, 8, '0'), 'Особа ' || g,
       'manager' || g || '@example.org', '+380532' || lpad(g::text, 6, '0') FROM generate_series(1, 50) g;
CREATE TEMP TABLE w AS SELECT array[${WORDS.map(w => `'${w}'`).join(',')}] AS w,
  (SELECT array_agg(id ORDER BY id) FROM opendata.data_manager) AS m;
INSERT INTO opendata.dataset (identifier, title, description, language, formats, first_published_at, last_modified_at,
  actuality_date, frequency, keywords, links, responsible_person, responsible_email, legal_basis, purpose,
  manager_id, tags, published, search_text, updated_at)
SELECT 'dataset-' || g, initcap(w[1 + g % 16]) || ': ' || (array['реєстр','перелік','звіт','показники','довідник'])[1 + g % 5]
    || ' (' || w[1 + (g / 16) % 16] || ') № ' || g,
  'Набір даних № ' || g || ' про ' || w[1 + g % 16] || ' і ' || w[1 + (g * 7) % 16] || ': щорічні показники та адреси.',
  'uk', array[(array['CSV','XLSX','JSON','XML','CSV'])[1 + g % 5]],
  (date '2019-01-01' + (g % 2000))::timestamp AT TIME ZONE 'Europe/Kyiv',
  (date '2024-01-01' + (g % 700))::timestamp AT TIME ZONE 'Europe/Kyiv', date '2024-01-01' + (g % 700),
  (array['DAILY','WEEKLY','MONTHLY','QUARTERLY','YEARLY','ON_CHANGE'])[1 + g % 6],
  array[w[1 + g % 16], w[1 + (g * 3) % 16], 'Полтава'], array['https://example.org/data/dataset-' || g || '.csv'],
  'Особа ' || (g % 50), 'person' || (g % 50) || '@example.org', 'Постанова КМУ від 21.10.2015 № 835',
  'Оприлюднення у формі відкритих даних', m[1 + g % 50], array[w[1 + g % 16], w[1 + (g * 5) % 16]], true,
  lower('dataset-' || g || ' ' || w[1 + g % 16]), now() - (g || ' minutes')::interval
FROM generate_series(1, 2000) g, w;
INSERT INTO opendata.resource (dataset_id, name, format, media_type, url)
SELECT id, 'Дані через API', 'JSON', 'application/json', 'https://example.org/api/' || identifier || '.json'
FROM opendata.dataset WHERE identifier LIKE 'dataset-%';
ANALYZE;`);
}

export async function postAct(url, i, word) {
  const form = new FormData();
  form.append('metadata', JSON.stringify({ kind: 'mayor-order', number: `B-${i}`, date: '2025-03-01',
    title: `Про ${word} і ${WORDS[i % 16]} № ${i}`, issuingBody: 'Полтавський міський голова', status: 'IN_FORCE' }));
  form.append('file', new Blob([`Розпорядження № ${i} про ${word}, ${WORDS[(i * 3) % 16]} і ${WORDS[(i * 5) % 16]} громади.`],
    { type: 'text/plain' }), `b-${i}.txt`);
  const res = await fetch(`${url}api/documents`, { method: 'POST', body: form, headers: { 'X-API-Key': DOCS_KEY } });
  if (res.status !== 201) throw new Error(`POST /api/documents: ${res.status} ${await res.text()}`);
}

/** The public API mix: CKAN package_search and document search with the seeded words. */
function mixPaths() {
  const q = (p, params) => `${p}?${new URLSearchParams(params)}`;
  const paths = [];
  for (let i = 0; i < 8; i++) {
    paths.push(q('/api/3/action/package_search', { q: WORDS[i] }));
    paths.push(q('/api/3/action/package_search', { q: `${WORDS[i + 8]} звіт`, rows: '20' }));
    paths.push(q('/api/documents/search', { q: WORDS[i] }));
    paths.push(q('/api/documents/search', { q: `${WORDS[i + 8]} громади`, limit: '10' }));
  }
  return paths;
}

function wrk(base, pathsFile, seconds, connections) {
  const out = execFileSync('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s',
    '-s', path.join(here, 'mix.lua'), base.replace(/\/$/, ''), '--', pathsFile],
  { encoding: 'utf8', timeout: (seconds + 60) * 1000 });
  const line = out.split('\n').find(l => l.startsWith('WRK-JSON '));
  if (!line) throw new Error(`no summary from wrk:\n${out}`);
  return JSON.parse(line.slice('WRK-JSON '.length));
}

/** A measured wrk run: throughput, latency and the CPU seconds the given processes used per request. */
function measure(base, pathsFile, pids, { seconds, connections }) {
  const cpu0 = pids.map(cpuSeconds);
  const m0 = machineCpu();
  const r = wrk(base, pathsFile, seconds, connections);
  const cpu = pids.map((p, i) => cpuSeconds(p) - cpu0[i]);
  const m1 = machineCpu();
  const secs = r.duration_us / 1e6;
  return {
    ...r, rate: r.requests / secs, cpuMsPerRequest: cpu.map(c => (c * 1000) / r.requests),
    cpuShare: cpu.map(c => c / secs), machineBusy: (m1.busy - m0.busy) / (m1.total - m0.total),
  };
}

export async function apiBench({ seconds = 20, warmSeconds = 10, connections = 16, writes = 30, log = console.log } = {}) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hromada-bench-scale-'));
  const pathsFile = path.join(work, 'paths.txt');
  fs.writeFileSync(pathsFile, mixPaths().join('\n') + '\n');
  const nodeA = new Portal({ port: 19401, database: DATABASE, config: nodeConfig('node-a') });
  const nodeB = new Portal({ port: 19411, database: DATABASE, config: nodeConfig('node-b'), joinDatabase: true });
  let haproxy;
  try {
    await nodeA.start();
    seedDatasets(nodeA);
    // SQL writes tell the publication nothing: a configuration change makes it read the registry again
    fs.appendFileSync(path.join(nodeA.home, 'etc/ua.hromada.opendata.publication.cfg'), '\ncache.max.age.seconds = 600\n');
    for (let i = 0; i < 200; i += 4) await Promise.all([0, 1, 2, 3].map(k => postAct(nodeA.url, i + k, WORDS[(i + k) % 16])));
    await until('2 000 datasets published on node A', async () =>
      (await (await fetch(`${nodeA.url}api/3/action/package_search?rows=0`)).json()).result?.count >= 2000, { timeoutMs: 60_000 });
    await until('200 acts found on node A', async () =>
      (await (await fetch(`${nodeA.url}api/documents/search?q=${encodeURIComponent('громади')}&limit=1`)).json()).total >= 200,
    { timeoutMs: 60_000 });
    const pidA = karafPid(nodeA);
    log('one node: warm-up');
    wrk(nodeA.url, pathsFile, warmSeconds, connections);
    const one = measure(nodeA.url, pathsFile, [pidA], { seconds, connections });
    log(`one node: ${JSON.stringify(one)}`);

    await nodeB.start();
    const port = 19421;
    const lb = `http://127.0.0.1:${port}/`;
    const cfg = fs.readFileSync(HAPROXY_CFG, 'utf8')
      .replace(/^(\s*)bind :8080$/m, `$1bind 127.0.0.1:${port}`)
      .replaceAll('127.0.0.1:8181', `127.0.0.1:${nodeA.port}`)
      .replaceAll('127.0.0.1:8182', `127.0.0.1:${nodeB.port}`)
      // no access log line per request: its writing would be measured as the balancer's cost
      .replace(/^(\s*)log stdout .*$/m, '$1# (log off for the bench)');
    const file = path.join(work, 'haproxy.cfg');
    fs.writeFileSync(file, cfg);
    execFileSync('haproxy', ['-c', '-q', '-f', file]);
    haproxy = spawn('haproxy', ['-db', '-f', file], { stdio: 'ignore' });
    await until('the balancer answers health', async () => (await fetch(lb + 'api/health')).status === 200, { timeoutMs: 30_000 });
    await until('node B has the datasets and acts', async () =>
      (await (await fetch(`${nodeB.url}api/3/action/package_search?rows=0`)).json()).result?.count >= 2000
      && (await (await fetch(`${nodeB.url}api/documents/search?q=${encodeURIComponent('громади')}&limit=1`)).json()).total >= 200,
    { timeoutMs: 90_000 });
    const pidB = karafPid(nodeB);
    log('two nodes: warm-up (node B is fresh)');
    wrk(lb, pathsFile, warmSeconds * 2, connections);
    const two = measure(lb, pathsFile, [pidA, pidB, haproxy.pid], { seconds, connections });
    log(`two nodes: ${JSON.stringify(two)}`);

    // node B seeing node A's writes: the act's 201 on A until B's search finds its word
    const seen = [];
    const posts = [];
    const letters = 'абвгдежзиклмнопрстуфхцчшщюя';
    for (let i = 0; i < writes; i++) {
      const word = `${letters[i % 27]}${letters[Math.floor(i / 27) % 27]}${letters[(i * 7) % 27]}вузлозавр`;
      const sent = Date.now();
      await postAct(nodeA.url, 1000 + i, word);
      const answered = Date.now();
      posts.push(answered - sent);
      const url = `${nodeB.url}api/documents/search?q=${encodeURIComponent(word)}`;
      await until(`act ${i} on node B`, async () => (await (await fetch(url)).json()).total >= 1, { timeoutMs: 30_000, intervalMs: 20 });
      seen.push(Date.now() - answered);
      await new Promise(r => setTimeout(r, 200));
    }
    log(`B sees A's act after (ms): ${seen.join(' ')}`);
    const errors = [...nodeA.logErrors(), ...nodeB.logErrors()];
    return { one, two, sync: stats(seen), post: stats(posts), syncRaw: seen, seconds, connections, writes,
      answerCacheOff: true, logErrors: errors.length,
      logErrorsHangUp: errors.filter(e => /EofException: Broken pipe|Connection reset/.test(e)).length,
      logErrorSamples: [...errors.filter(e => !/EofException: Broken pipe|Connection reset/.test(e)), ...errors].slice(0, 4), paths: mixPaths().length };
  } finally {
    haproxy?.kill('SIGTERM');
    await nodeB.stop();
    await nodeA.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
