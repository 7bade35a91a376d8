// Regional hosting benchmark (issue 18): 60 communities with data on one node. Clean start and
// restart with the communities configured, idle RSS, and the p95 / median of the modules' HTTP
// queries with row-level security against a baseline without it.
//
// Usage (after `mvn -B install`; on a shared machine inside the build lock, the report says whether
// it was held):
//   flock /tmp/hromada-build.lock node bench/regional.mjs [communities=60] [requests=300]
//       writes bench/results/regional.md
//   flock /tmp/hromada-build.lock node bench/regional.mjs --quick
//       5 communities, a tenth of the rows, 60 requests a query: a try of the script, no report
//
// What is compared (the "without" side, decided in bench/results/regional.md):
//  - regional node: the assembly with the communities as etc/ua.hromada.portal.community~<id>.cfg
//    files before its first start (the default community plus communities-1 added ones, each with
//    its own host name <id>.bench.test), every community holding the same amount of data written
//    with SQL (explicit community column); requests go to 127.0.0.1 with each community's Host
//    header, the community of each request drawn at random. The portal queries as hromada_app with
//    hromada.community set: RLS on every module table.
//  - baseline node: the same assembly with the default community only, holding ONE community's
//    worth of the same data, and row-level security disabled on every module table after the start
//    (ALTER TABLE … DISABLE ROW LEVEL SECURITY; the portal's role then reads the tables like any
//    single-community deployment before issue 18). Same requests, same answers (same rows per
//    community), same settings: what a community gets on a node of its own.
//  - both nodes run at the same time and are asked in rounds: each round sends every query once to
//    each node, the same query with the same parameters back to back, the node asked first
//    alternating from round to round; so a busy moment of the machine, a collection or a compile
//    falls on both sides alike.
//  - and, on the regional node's database, the module tables' typical statements run by psql once
//    as hromada_app with hromada.community set (RLS) and once as the owner with an explicit
//    `community = '<id>'` (no RLS): the cost of the policy itself, on identical rows and plans.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Portal, until } from '../karaf-assembly/src/test/e2e/lib/portal.mjs';
import { stats, karafPid, rssMb, heapMb, restart, machine, machineLoad } from './lib/karaf-process.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const RESULTS = path.join(here, 'results/regional.md');
const PORT = 19581;
const BASELINE_PORT = 19591;
const IDLE_MS = 15_000;

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const numbers = argv.filter(a => /^\d+$/.test(a)).map(Number);
const COMMUNITIES = numbers[0] ?? (QUICK ? 5 : 60);
const REQUESTS = numbers[1] ?? (QUICK ? 60 : 300);
const WARMUP = Math.max(20, Math.round(REQUESTS / 3));
/** Rows per community and module. */
const SIZE = QUICK ? { acts: 30, datasets: 10, violations: 30 } : { acts: 300, datasets: 100, violations: 300 };
const SQL_RUNS = QUICK ? 50 : 300;

/** The communities: the default one (host 127.0.0.1) and the added ones c02…cNN. */
const IDS = ['default', ...Array.from({ length: COMMUNITIES - 1 }, (_, i) => `c${String(i + 2).padStart(2, '0')}`)];
const hostOf = id => (id === 'default' ? '127.0.0.1' : `${id}.bench.test`);

/** Words the generated titles are made of, and that the searches ask for. */
const WORDS = ['бюджет', 'благоустрій', 'освіта', 'дороги', 'освітлення', 'парк', 'школа', 'лікарня', 'тариф',
  'оренда', 'земля', 'програма', 'транспорт', 'вода', 'енергоефективність', 'молодь', 'культура', 'спорт',
  'цифровізація', 'безпека'];

const round = v => (v >= 100 ? Math.round(v) : Math.round(v * 100) / 100);

/**
 * The publication's debug lines on both nodes: one line each time a community's copy of the open
 * data registry is read (a new copy, or "unchanged"), counted over the measured rounds.
 */
function publicationLog(home) {
  fs.appendFileSync(path.join(home, 'etc/org.ops4j.pax.logging.cfg'), [
    '', '# bench/regional.mjs: a line per read of a community\'s published registry',
    'log4j2.logger.benchpublication.name = ua.hromada.opendata.publication.Publication',
    'log4j2.logger.benchpublication.level = DEBUG', ''].join('\n'));
}

/** The publication's reads logged since `offset` of karaf.log: { fresh, unchanged, offset }. */
function publicationReads(portal, offset = 0) {
  const file = path.join(portal.home, 'data/log/karaf.log');
  const text = fs.readFileSync(file).subarray(offset).toString('utf8');
  const lines = text.split('\n').filter(l => /Open data publication of community .*published datasets read in/.test(l));
  const unchanged = lines.filter(l => /: unchanged, /.test(l)).length;
  return { fresh: lines.length - unchanged, unchanged, offset: fs.statSync(file).size };
}

/** etc/ files of the added communities, before the first start: one factory configuration each. */
function writeCommunities(home) {
  publicationLog(home);
  for (const [i, id] of IDS.entries()) {
    if (id === 'default') continue;
    fs.writeFileSync(path.join(home, 'etc', `ua.hromada.portal.community~${id}.cfg`), [
      `# bench/regional.mjs: community ${i + 1} of ${IDS.length}`,
      `hosts = ${hostOf(id)}`,
      `ua.hromada.portal/community.name = Громада ${id}`,
      '',
    ].join('\n'));
  }
}

/** One kept-alive connection per node. */
const agents = new Map();
const agentOf = portal => agents.get(portal) ?? agents.set(portal, new http.Agent({ keepAlive: true, maxSockets: 1 })).get(portal);

/** GET on the portal with a community's Host header: { status, ms, body }. */
function get(portal, host, pathAndQuery) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request({ host: '127.0.0.1', port: portal.port, path: pathAndQuery, agent: agentOf(portal),
      headers: { Host: `${host}:${portal.port}`, Accept: 'application/json' } }, res => {
      const chunks = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6,
        body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${host} ${pathAndQuery}`)));
    req.end();
  });
}

const list = ids => ids.map(id => `'${id}'`).join(', ');

/**
 * One community's worth of each module's rows for every community in `ids`, written as the owner
 * with the community column set explicitly (the superuser bypasses RLS; the policy's default would
 * need hromada.community). One psql command string per module: one transaction.
 */
function loadData(portal, ids) {
  const c = `unnest(ARRAY[${list(ids)}]) AS c(id)`;
  const word = i => `(ARRAY[${WORDS.map(w => `'${w}'`).join(',')}])[1 + (${i}) % ${WORDS.length}]`;
  const t = Date.now();
  portal.sql(`
    INSERT INTO docsearch.act_kind (community, code, name, sort_order)
      SELECT c.id, k.code, k.name, k.sort_order FROM ${c}, docsearch.shipped_act_kinds() k ON CONFLICT DO NOTHING;
    INSERT INTO docsearch.act (community, kind_code, number, normalized_number, act_date, title, issuing_body, status,
        created_at, updated_at)
      SELECT c.id, (ARRAY['council-decision','executive-decision','mayor-order'])[1 + g % 3], g::text, g::text,
        date '2020-01-01' + (g * 7) % 2190,
        'Про ' || ${word('g')} || ' та ' || ${word('g / 7')} || ' громади ' || c.id || ', акт ' || g,
        (ARRAY['Сесія ради','Виконавчий комітет','Голова громади'])[1 + g % 3], 'IN_FORCE', now(), now()
      FROM ${c}, generate_series(1, ${SIZE.acts}) g;
    INSERT INTO docsearch.act_tag (community, act_id, tag)
      SELECT community, id, ${word('id')} FROM docsearch.act a
      WHERE community IN (${list(ids)}) AND NOT EXISTS (SELECT 1 FROM docsearch.act_tag t WHERE t.act_id = a.id);
    ANALYZE docsearch.act; ANALYZE docsearch.act_tag`);
  portal.sql(`
    INSERT INTO opendata.data_manager (community, name, edrpou, responsible_person, email, phone)
      SELECT c.id, 'Управління ' || m || ' громади ' || c.id, lpad((10000000 + m)::text, 8, '0'), 'Відповідальна особа',
        'data' || m || '@example.org', '+380532000000'
      FROM ${c}, generate_series(1, 3) m;
    INSERT INTO opendata.dataset (community, identifier, title, description, language, formats, first_published_at,
        last_modified_at, actuality_date, frequency, keywords, links, responsible_person, responsible_email, legal_basis,
        purpose, manager_id, tags, published, search_text)
      SELECT c.id, 'nabir-' || g, 'Набір ' || ${word('g')} || ' ' || g, 'Дані громади про ' || ${word('g / 3')}, 'uk',
        '{CSV}', (date '2024-01-01' + g)::timestamp AT TIME ZONE 'Europe/Kyiv',
        current_date::timestamp AT TIME ZONE 'Europe/Kyiv', current_date, 'YEARLY', ARRAY[${word('g')}],
        ARRAY['https://example.org/' || c.id || '/' || g || '.csv'], 'Відповідальна особа', 'data@example.org',
        'Постанова КМУ від 21.10.2015 № 835', 'Прозорість', m.id, ARRAY[${word('g')}], g % 10 <> 0,
        lower('nabir-' || g || ' ' || ${word('g')})
      FROM ${c} CROSS JOIN generate_series(1, ${SIZE.datasets}) g
      JOIN opendata.data_manager m ON m.community = c.id AND m.edrpou = lpad((10000001 + g % 3)::text, 8, '0');
    ANALYZE opendata.dataset; ANALYZE opendata.data_manager`);
  // OKS: each community's shipped catalogue (as OKS gives a community at its first use), then
  // violations over the last 60 days with a journal of one or two steps
  portal.sql(`
    INSERT INTO oks.workflow_action (community, kind, code, name, status_group, responsible)
      SELECT c.id, w.kind, w.code, w.name, w.status_group, w.responsible FROM ${c}, oks.workflow_action w
      WHERE w.community = 'default' ON CONFLICT DO NOTHING;
    INSERT INTO oks.violation_type (community, code, name, description)
      SELECT c.id, t.code, t.name, t.description FROM ${c}, oks.violation_type t
      WHERE t.community = 'default' ON CONFLICT DO NOTHING;
    INSERT INTO oks.violation (community, inspector, inspector_name, created_at, type_id, description, address,
        location, urgency)
      SELECT c.id, 'insp' || g % 5, 'Інспектор ' || g % 5, now() - (g::float8 / ${SIZE.violations} * 60) * interval '1 day',
        (SELECT id FROM oks.violation_type t WHERE t.community = c.id ORDER BY id OFFSET g % 5 LIMIT 1),
        'Порушення ' || ${word('g')} || ' ' || g, 'вул. Тестова, ' || g % 100,
        ST_SetSRID(ST_MakePoint(34.45 + (g % 97) * 0.002, 49.55 + (g % 89) * 0.001), 4326),
        CASE WHEN g % 10 = 4 THEN 'URGENT' ELSE 'NORMAL' END
      FROM ${c}, generate_series(1, ${SIZE.violations}) g;
    INSERT INTO oks.journal (community, violation_id, at, author, author_name, action_kind, deadline)
      SELECT v.community, v.id, v.created_at + (s - 1) * interval '1 hour', 'insp1', 'Інспектор',
        CASE WHEN s = 1 THEN 'DETECTED' ELSE 'SENT' END, (v.created_at + interval '14 days')::date
      FROM oks.violation v CROSS JOIN generate_series(1, 1 + (v.id % 2)::int) s
      WHERE v.community IN (${list(ids)}) AND v.last_entry_id IS NULL;
    UPDATE oks.violation v SET last_entry_id = l.id, status_kind = l.action_kind, status_at = l.at, deadline = l.deadline
      FROM (SELECT DISTINCT ON (violation_id) violation_id, id, action_kind, at, deadline FROM oks.journal
            ORDER BY violation_id, at DESC, id DESC) l
      WHERE l.violation_id = v.id AND v.last_entry_id IS NULL;
    ANALYZE oks.violation; ANALYZE oks.journal`);
  return Date.now() - t;
}

/** The document-search index of every community rebuilt from the rows written with SQL. */
async function reindex(portal, ids) {
  const t = Date.now();
  const out = portal.console('docsearch:reindex --quiet');
  if (/error|exception|unknown|помилк/i.test(out)) throw new Error(`docsearch:reindex: ${out}`);
  // the last community's index answers with its acts
  const last = ids.at(-1);
  await until(`the index of ${last}`, async () => {
    const r = await get(portal, hostOf(last), `/api/documents/search?q=${encodeURIComponent(WORDS[0])}&limit=1`);
    return r.status === 200 && JSON.parse(r.body).total > 0;
  }, { timeoutMs: 300_000, intervalMs: 1_000 });
  return Date.now() - t;
}

/**
 * Waits until every community's APIs answer with its rows: its search index, its CKAN list (the
 * publication re-reads the registry when its snapshot is older than cache.max.age.seconds, 60 s as
 * shipped: the rows came by SQL) and its Open311 requests. Returns the ms waited.
 */
async function answering(portal, ids, hostFor) {
  const t = Date.now();
  const json = async (host, p) => {
    const r = await get(portal, host, p);
    return r.status === 200 ? JSON.parse(r.body) : null;
  };
  for (const id of ids) {
    await until(`${id}'s APIs answer with its rows`, async () => {
      const host = hostFor(id);
      const search = await json(host, `/api/documents/search?q=${encodeURIComponent(WORDS[1])}&limit=1`);
      const list = await json(host, '/api/3/action/package_list');
      const requests = await json(host, '/api/open311/v2/requests.json');
      // the list holds modules' live datasets (OKS violations) at once: wait for one of the registry's
      return search?.total > 0 && list?.result?.includes('nabir-1') && requests?.length > 0;
    }, { timeoutMs: 180_000, intervalMs: 2_000 });
  }
  return Date.now() - t;
}

/** Ids to ask for, per community: some acts, datasets and violations. */
function samples(portal, ids) {
  const rows = sql => portal.sql(sql).split('\n').filter(Boolean).map(l => l.split('|'));
  const of = {};
  for (const id of ids) of[id] = { acts: [], datasets: [], violations: [] };
  for (const [c, id] of rows(`SELECT community, id FROM (SELECT community, id, row_number() OVER (PARTITION BY community ORDER BY id) r
      FROM docsearch.act WHERE community IN (${list(ids)})) x WHERE r % 10 = 1`)) of[c].acts.push(id);
  // every fifth row of each community, in id order: some of every community however small
  const every5 = (table, column, where = 'true') => rows(`SELECT community, ${column} FROM (SELECT community, ${column},
      row_number() OVER (PARTITION BY community ORDER BY id) r FROM ${table} WHERE ${where} AND community IN (${list(ids)})) x
      WHERE r % 5 = 1`);
  for (const [c, name] of every5('opendata.dataset', 'identifier', 'published')) of[c].datasets.push(name);
  for (const [c, id] of every5('oks.violation', 'id')) of[c].violations.push(id);
  for (const id of ids) {
    if (!of[id].acts.length || !of[id].datasets.length || !of[id].violations.length) throw new Error(`no samples of ${id}`);
  }
  return of;
}

/** The HTTP queries the modules serve, each a function of (community's samples, i) → path. */
const QUERIES = [
  ['docsearch: search API (Lucene, the community\'s index)', (s, i) => `/api/documents/search?q=${encodeURIComponent(WORDS[i % WORDS.length])}&limit=20`],
  ['docsearch: an act by id (SQL: act, files, tags, links)', (s, i) => `/api/documents/${s.acts[i % s.acts.length]}`],
  ['open data: CKAN package_search', (s, i) => `/api/3/action/package_search?q=${encodeURIComponent(WORDS[i % WORDS.length])}&rows=20`],
  ['open data: CKAN package_show', (s, i) => `/api/3/action/package_show?id=${s.datasets[i % s.datasets.length]}`],
  ['OKS: Open311 requests.json (the window\'s requests, newest first)', () => '/api/open311/v2/requests.json'],
  ['OKS: Open311 one request', (s, i) => `/api/open311/v2/requests/${s.violations[i % s.violations.length]}.json`],
];

/**
 * A seeded generator of uniform 32-bit numbers (mulberry32): the same sequence on every run. (A
 * linear congruential generator modulo 2^31 taken `% n` repeats its low bits every few draws, so it
 * drew far fewer of the communities' distinct requests than its count.)
 */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Distinct parameter picks a query is asked with per community in the warming pass (WORDS.length words). */
const PICKS = WORDS.length;

/**
 * First a warming pass: every query with each of its first `PICKS` parameter picks for every
 * community, to both nodes (the baseline gets each from its one community): every community's
 * search index, copy of the open data registry and package_search answers have been asked for once,
 * as on a node that has run a while. Then `WARMUP` unmeasured and `REQUESTS` measured rounds. A
 * round draws a community from `IDS` and parameters (a seeded generator) for each query and sends it
 * to both nodes, one request at a time: the regional node with that community's Host and samples,
 * the baseline with its one community's (the same identifiers: every community holds the same rows).
 * Which node is asked first alternates from round to round. Returns per query the times of each
 * side; the regional node's package_search times in the warming pass (each answer asked for the
 * first time there); the size of each distinct package_search answer of the regional node (what its
 * answer caches hold); and the publication's reads of the registry during the measured rounds.
 */
async function measure(regional, baseline, of, ofBaseline) {
  const sides = [
    { name: 'regional', portal: regional, host: hostOf, samples: id => of[id] },
    { name: 'baseline', portal: baseline, host: () => '127.0.0.1', samples: () => ofBaseline.default },
  ];
  const searchAnswers = new Map();
  const firstSearches = [];
  const ask = async (side, name, id, pathOf, pick) => {
    const host = side.host(id);
    const p = pathOf(side.samples(id), pick);
    const r = await get(side.portal, host, p);
    if (r.status !== 200) throw new Error(`${name}: ${side.name} ${host} ${p} answered ${r.status}: ${r.body.slice(0, 300)}`);
    if (side.name === 'regional' && /package_search/.test(p)) {
      if (!searchAnswers.has(`${host} ${p}`)) firstSearches.push(r.ms);
      searchAnswers.set(`${host} ${p}`, Buffer.byteLength(r.body));
    }
    return r.ms;
  };
  let order = 0;
  for (const [name, pathOf] of QUERIES) {
    for (const id of IDS) {
      for (let pick = 0; pick < PICKS; pick++) {
        for (const side of order++ % 2 ? [...sides].reverse() : sides) await ask(side, name, id, pathOf, pick);
      }
    }
  }
  const times = QUERIES.map(() => ({ regional: [], baseline: [] }));
  const next = generator(42);
  let logs;
  let measuredAt;
  for (let round = 0; round < WARMUP + REQUESTS; round++) {
    if (round === WARMUP) {
      logs = sides.map(side => publicationReads(side.portal).offset);
      measuredAt = Date.now();
    }
    for (const [q, [name, pathOf]] of QUERIES.entries()) {
      const id = IDS[next() % IDS.length];
      const pick = next();
      for (const side of round % 2 ? [...sides].reverse() : sides) {
        const ms = await ask(side, name, id, pathOf, pick);
        if (round >= WARMUP) times[q][side.name].push(ms);
      }
    }
  }
  const ms = Date.now() - measuredAt;
  const reads = sides.map((side, i) => publicationReads(side.portal, logs[i]));
  const results = QUERIES.map(([name], q) => {
    const r = { name, regional: stats(times[q].regional), baseline: stats(times[q].baseline) };
    // the same p95 difference from each half of the rounds: how far the measurement itself moves it
    const half = (side, h) => stats(times[q][side].filter((t, i) => (i < REQUESTS / 2) === (h === 0)));
    r.halves = [0, 1].map(h => half('regional', h).p95 / half('baseline', h).p95 - 1);
    console.log(`${name}: regional ${JSON.stringify(r.regional)} baseline ${JSON.stringify(r.baseline)}`);
    return r;
  });
  const bytes = [...searchAnswers.values()];
  return {
    results,
    ms,
    reads: { regional: reads[0], baseline: reads[1] },
    search: { answers: bytes.length, bytes: bytes.reduce((a, b) => a + b, 0), largest: Math.max(...bytes),
      first: stats(firstSearches) },
  };
}

/** The module tables of the portal's database. */
function moduleTables(portal) {
  return portal.sql(`SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND c.relrowsecurity AND n.nspname NOT IN ('pg_catalog', 'information_schema')`)
    .split('\n').filter(Boolean);
}

/**
 * Typical statements of the modules, each timed by psql (\timing) `SQL_RUNS` times per side: as
 * hromada_app with hromada.community set (RLS) and as the owner with an explicit community filter.
 */
function sqlComparison(portal, ids, of) {
  const statements = [
    ['docsearch: an act by id', (c, s, i) => `SELECT * FROM docsearch.act WHERE id = ${s.acts[i % s.acts.length]}`],
    ['docsearch: acts of a year, newest first', (c, s, i) => `SELECT id, number, act_date, title FROM docsearch.act
      WHERE act_date >= date '${2020 + i % 6}-01-01' AND act_date < date '${2021 + i % 6}-01-01' ORDER BY act_date DESC, id DESC LIMIT 50`],
    ['open data: published datasets by title, a page', () => `SELECT id, identifier, title FROM opendata.dataset
      WHERE published ORDER BY title, id LIMIT 20`],
    ['open data: published count per manager', () => `SELECT manager_id, count(*) FROM opendata.dataset WHERE published
      GROUP BY manager_id`],
    ['OKS: latest violations with status, a page', () => `SELECT v.id, v.created_at, v.status_kind, t.name FROM oks.violation v
      JOIN oks.violation_type t ON t.id = v.type_id ORDER BY v.created_at DESC, v.id DESC LIMIT 50`],
    ['OKS: a violation\'s journal', (c, s, i) => `SELECT * FROM oks.journal WHERE violation_id = ${s.violations[i % s.violations.length]}
      ORDER BY at, id`],
  ];
  // the owner's explicit filter: the same statement with `community = '<id>'` on every table it reads
  const explicit = (sql, c) => sql
    .replace(/FROM (\w+\.\w+) (\w) JOIN (\w+\.\w+) (\w) ON ([^\n]*?)(\s+ORDER|\s+WHERE|$)/s,
      (m, t1, a1, t2, a2, on, rest) => `FROM ${t1} ${a1} JOIN ${t2} ${a2} ON ${on} AND ${a2}.community = '${c}' WHERE ${a1}.community = '${c}'${rest}`)
    .replace(/FROM (\w+\.\w+)\s+WHERE/s, (m, t) => `FROM ${t} WHERE community = '${c}' AND`)
    .replace(/FROM (\w+\.\w+)\s+(ORDER|GROUP)/s, (m, t, k) => `FROM ${t} WHERE community = '${c}' ${k}`);
  const results = [];
  for (const [name, sqlOf] of statements) {
    if (!/community = /.test(explicit(sqlOf(ids[0], of[ids[0]], 1).replace(/\s+/g, ' '), ids[0]))) {
      throw new Error(`no explicit filter for: ${name}`);
    }
    // one session, the two sides interleaved statement by statement (the same community and
    // arguments for both), so a busy moment of the machine falls on both alike
    const next = generator(7);
    const lines = ['\\timing off'];
    for (let i = 0; i < WARMUP + SQL_RUNS; i++) {
      const c = ids[next() % ids.length];
      const sql = sqlOf(c, of[c], next()).replace(/\s+/g, ' ');
      const timed = i >= WARMUP ? '\\timing on' : '\\timing off';
      lines.push('RESET ROLE;', timed, `${explicit(sql, c)};`, '\\timing off',
        'SET ROLE hromada_app;', `SET hromada.community = '${c}';`, timed, `${sql};`, '\\timing off');
    }
    const out = execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', portal.database, '-v', 'ON_ERROR_STOP=1',
      '-o', '/dev/null', '-qAt'], { input: lines.join('\n'), encoding: 'utf8', maxBuffer: 64 << 20 });
    const times = [...out.matchAll(/^Time: ([\d.]+) ms/gm)].map(m => Number(m[1]));
    if (times.length !== 2 * SQL_RUNS) throw new Error(`${name}: ${times.length} timings of ${2 * SQL_RUNS}`);
    const sides = { explicit: stats(times.filter((t, i) => i % 2 === 0)), rls: stats(times.filter((t, i) => i % 2 === 1)) };
    const c1 = ids[1] ?? ids[0];
    results.push({ name, ...sides, example: explicit(sqlOf(c1, of[c1], 1).replace(/\s+/g, ' '), c1) });
    console.log(`${name}: rls ${JSON.stringify(sides.rls)} explicit ${JSON.stringify(sides.explicit)}`);
  }
  return results;
}

const VIEWS = ['docs', 'oks/violations', 'vidkryti-dani'];

/**
 * Both nodes: the regional one started first, alone on the machine (its clean start is the
 * figure), the baseline one while it idles; data, indexes and answering on both; the interleaved
 * rounds; RSS of both after idling; the policy-alone statements on the regional database; then the
 * baseline node stopped and the regional one restarted alone.
 */
async function nodes() {
  const regional = new Portal({ port: PORT, database: 'hromada_bench_regional', prepare: writeCommunities });
  const baseline = new Portal({ port: BASELINE_PORT, database: 'hromada_bench_regional_single', prepare: publicationLog });
  try {
    await regional.start();
    const readyMs = regional.readyAfterMs;
    await regional.waitForViews(VIEWS, 120_000);
    const listed = regional.console('portal:communities');
    const missing = IDS.filter(id => !listed.includes(id));
    if (missing.length) throw new Error(`portal:communities does not list ${missing.join(', ')}:\n${listed}`);
    console.log(`regional node ready in ${readyMs} ms with ${IDS.length} communities`);
    await baseline.start();
    const baselineReadyMs = baseline.readyAfterMs;
    await baseline.waitForViews(VIEWS, 120_000);
    console.log(`baseline node ready in ${baselineReadyMs} ms`);

    const loadMs = loadData(regional, IDS);
    const indexMs = await reindex(regional, IDS);
    console.log(`data written in ${loadMs} ms, indexed in ${indexMs} ms`);
    loadData(baseline, ['default']);
    await reindex(baseline, ['default']);
    const baselineTables = moduleTables(baseline);
    baseline.sql(baselineTables.map(t => `ALTER TABLE ${t} DISABLE ROW LEVEL SECURITY`).join(';\n'));
    const rows = regional.sql(`SELECT (SELECT count(*) FROM docsearch.act) || ' acts, ' || (SELECT count(*) FROM opendata.dataset)
      || ' datasets, ' || (SELECT count(*) FROM oks.violation) || ' violations, ' || (SELECT count(*) FROM oks.journal) || ' journal rows'`);
    const of = samples(regional, IDS);
    const ofBaseline = samples(baseline, ['default']);
    const answeringMs = await answering(regional, IDS, hostOf);
    console.log(`every community answering after ${answeringMs} ms`);
    await answering(baseline, ['default'], () => '127.0.0.1');

    const http = await measure(regional, baseline, of, ofBaseline);
    await new Promise(r => setTimeout(r, IDLE_MS));
    const pids = [karafPid(regional), karafPid(baseline)];
    const [rss, baselineRss] = pids.map(rssMb);
    const [heap, baselineHeap] = pids.map(heapMb);
    const sql = sqlComparison(regional, IDS, of);
    const baselineErrors = baseline.logErrors();
    await baseline.stop();

    const restartMs = await restart(regional, { healthTimeoutMs: 180_000 });
    await regional.waitForViews(VIEWS, 120_000);
    await new Promise(r => setTimeout(r, IDLE_MS));
    const rssAfterRestart = rssMb(karafPid(regional));
    return {
      regional: { readyMs, restartMs, loadMs, indexMs, rows, rss, heap, rssAfterRestart, sql, answeringMs,
        errors: regional.logErrors(), tables: moduleTables(regional).length },
      baseline: { readyMs: baselineReadyMs, rss: baselineRss, heap: baselineHeap, tables: baselineTables.length,
        errors: baselineErrors },
      http,
    };
  } finally {
    await baseline.stop();
    await regional.stop();
  }
}

/** The package_search answer caches' shared budget (AnswerCache.MAX_BYTES in opendata-publication). */
const SEARCH_CACHE_BUDGET = 32 * 2 ** 20;

function report({ regional, baseline, http: measured }, startedAt) {
  const pct = (a, b) => `${a > b ? '+' : ''}${Math.round((a - b) / b * 100)} %`;
  const within = (a, b) => (a <= b * 1.1 ? 'within 10 %' : 'NOT within 10 %');
  const signed = f => `${f > 0 ? '+' : ''}${Math.round(f * 100)} %`;
  const httpRows = measured.results.map(({ name, regional: r, baseline: b, halves }) =>
    `| ${name} | ${round(r.median)} / ${round(r.p95)} | ${round(b.median)} / ${round(b.p95)} | ${pct(r.p95, b.p95)} (${within(r.p95, b.p95)}) | ${halves.map(signed).join(' / ')} |`);
  const sqlRows = regional.sql.map(r => `| ${r.name} | ${round(r.rls.median)} / ${round(r.rls.p95)} | ${round(r.explicit.median)} / ${round(r.explicit.p95)} | ${pct(r.rls.p95, r.explicit.p95)} (${within(r.rls.p95, r.explicit.p95)}) |`);
  const { reads, search } = measured;
  const mb = v => (v / 2 ** 20).toFixed(1);
  const rounds = WARMUP + REQUESTS;
  return `# Regional hosting benchmark

Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`node bench/regional.mjs ${argv.join(' ')}\`.
Machine: ${machine()}.
Load: ${machineLoad()}.
Goal (issue 18): the module benchmarks' p95 with row-level security within 10 % of without.

## Set-up

Regional node: the assembly as built (every module booted), ${IDS.length} communities: the default one
(host 127.0.0.1) and ${IDS.length - 1} more as etc/ua.hromada.portal.community~<id>.cfg files written
before the first start (host <id>.bench.test, own name). Each community holds ${SIZE.acts} acts (with a tag
each), ${SIZE.datasets} datasets of 3 data managers (90 % published) and ${SIZE.violations} OKS violations
over 60 days with 1–2 journal steps, written with SQL as the owner, community column explicit; then
\`docsearch:reindex\` rebuilt every community's index. In all: ${regional.rows}; ${regional.tables} module tables under RLS.
Writing the rows took ${regional.loadMs} ms, reindexing ${regional.indexMs} ms.
Baseline node, running beside it: the same assembly with the default community only, holding one
community's worth of the same rows, with row-level security disabled on its ${baseline.tables} module tables
(ALTER TABLE … DISABLE ROW LEVEL SECURITY after its start): what a community gets from a node of its own.

| measure | value | goal / reference |
|---|---|---|
| clean start (ms): empty data/ and database, ${IDS.length} communities configured, until /api/health is 200 and the portal page answers (nothing else of the bench running) | ${regional.readyMs} | platform: < 15 000 (bench/results/platform.md, one community) |
| clean start of the baseline node, one community (ms), the same way (the regional node idling beside it) | ${baseline.readyMs} | — |
| restart with the data (ms): SIGTERM, start on the same data/ and database until health 200 and the page answers (baseline node stopped) | ${regional.restartMs} | platform: < 8 000 |
| RSS (MB) of the regional node's Karaf process, ${IDLE_MS / 1000} s idle after the data load, indexing and the HTTP rounds below | ${regional.rss} (heap committed / used ${regional.heap.committed} / ${regional.heap.used}) | platform: ≤ 400 |
| RSS (MB) of the baseline node at the same moment | ${baseline.rss} (heap committed / used ${baseline.heap.committed} / ${baseline.heap.used}) | — |
| idle RSS (MB) of the regional node ${IDLE_MS / 1000} s after the restart (no request yet) | ${regional.rssAfterRestart} | — |

## Module queries over HTTP: ${IDS.length} communities with RLS against one community without, side by side

Both nodes running at once. First a warming pass, unmeasured: every query below with ${PICKS} different
parameters (words, ids) for each of the ${IDS.length} communities, to both nodes, so that every community's
search index, copy of the open data registry and package_search answers have been asked for once, as on
a node that has run a while (the baseline gets the same requests for its one community). Then ${rounds} rounds
(the first ${WARMUP} unmeasured); in each round every query is sent once to each node, back to back: the
same query with the same parameters (a community and parameters drawn from a seeded generator; the
baseline asks its one community for the same ids and words), the node asked first alternating from
round to round. One request at a time over a kept-alive connection per node to 127.0.0.1, times in ms
from sending to the last byte, ${REQUESTS} per query and side. On the regional node each request carries
the Host of its community, so every community's connection settings, caches and index are used; the
portal reads as hromada_app with hromada.community set (forced RLS on every module table). The
measured rounds took ${Math.round(measured.ms / 100) / 10} s.
The last column is the same p95 difference computed from each half of the rounds alone: how much
the measurement itself moves it.

| query | regional, RLS: median / p95 | own node, no RLS: median / p95 | p95 difference | first / second half |
|---|---|---|---|---|
${httpRows.join('\n')}

Open data's package_search is answered from the community's copy of the published registry and a
per-community cache of answers; what the measured rounds cost there:

- copies of the published registry read during the measured rounds (the publication's debug log;
  a copy older than 60 s is read again in the background): regional node ${reads.regional.fresh} new, ${reads.regional.unchanged} found
  unchanged; baseline node ${reads.baseline.fresh} new, ${reads.baseline.unchanged} unchanged. A new copy empties that community's
  answer cache; an unchanged one keeps the copy and its answers.
- the regional node's package_search answers in the warming pass, each asked for the first time
  (no cached answer: the search run and the answer written): median / p95 ${round(search.first.median)} / ${round(search.first.p95)} ms
  (${search.first.n} answers).
- distinct package_search answers the regional node gave: ${search.answers}, ${mb(search.bytes)} MB in all (largest
  ${Math.round(search.largest / 1024)} KB), against the answer caches' ${mb(SEARCH_CACHE_BUDGET)} MB shared by all communities
  (${Math.round(SEARCH_CACHE_BUDGET / IDS.length / 1024)} KB a community when all ${IDS.length} search).

## The policy alone: the same statements with RLS and with an explicit filter

On the regional node's database (all ${IDS.length} communities' rows; both nodes idle), each statement ${SQL_RUNS} times per
side after ${WARMUP} unmeasured ones, a community drawn at random each time, the two sides
interleaved in one psql session (the same community and arguments back to back), timed by psql's
\\timing (client round trip on loopback included). RLS: \`SET ROLE hromada_app\` and \`SET hromada.community\`,
the statement as the module writes it (no community in it). Without: as the owner (postgres, who
bypasses RLS), the same statement with \`community = '<id>'\` on every table it reads, e.g.
\`${regional.sql.find(r => /JOIN/.test(r.example))?.example ?? regional.sql[0].example}\`.
This isolates the policy's cost on identical rows and indexes; the HTTP table above is the whole
cost a request sees.

| statement | RLS (app role): median / p95 | owner, explicit filter: median / p95 | p95 difference |
|---|---|---|---|
${sqlRows.join('\n')}

Log errors during the run: regional node ${regional.errors.length}, baseline node ${baseline.errors.length}${regional.errors.length + baseline.errors.length
    ? `:\n\n\`\`\`\n${[...regional.errors, ...baseline.errors].slice(0, 5).join('\n\n')}\n\`\`\`` : '.'}
`;
}

export { loadData, sqlComparison, samples };

async function main() {
  const startedAt = new Date();
  console.log(`regional bench: ${IDS.length} communities, ${REQUESTS} requests a query${QUICK ? ' (quick try)' : ''}`);
  const text = report(await nodes(), startedAt);
  if (!QUICK) {
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, text);
  }
  console.log(text);
  for (const agent of agents.values()) agent.destroy();
}

// run as a script (imported, e.g. to try the data SQL on a scratch database, it only defines)
if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) await main();
