// Two nodes on one database behind HAProxy (issue 17, docs/cluster.md): two portals from the same
// build share one PostgreSQL; Debian's haproxy runs the documented docs/cluster/haproxy.cfg (only
// its addresses changed) in front of them.
// - an act, a dataset and a violation made on node A are found through node B's document search,
//   CKAN API and OKS map: the change log and LISTEN/NOTIFY carry them (B's publication cache keeps
//   its copy 60 s, so a fresh answer within seconds is the feed's doing);
// - a module stopped in node A's Modules page is stopped on node B within 2 s (its health API, its menu
//   by push) and started again there (portal.module_state + the change log's topic portal.module);
// - the scheduled open-data audit runs once for the two nodes' schedules;
// - node A killed: the balancer sends everything to node B, a user signed in on A gets a clean sign-in
//   page, the public APIs answer, and the next scheduled audit runs on B.
// The time each write took to show on B is printed (test diagnostics); it is a figure, not an assert.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Portal, launchBrowser, menuItem, signIn, until } from './lib/portal.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const HAPROXY_CFG = path.resolve(here, '../../../../docs/cluster/haproxy.cfg');
const DATABASE = 'hromada_e2e_two_nodes';
const DOCS_KEY = 'e2e-two-nodes-docs-0123456789abcdef';
const OPEN311_KEY = 'e2e-two-nodes-open311-0123456789ab';
const EDRPOU = '12345675';

function nodeConfig(node) {
  return {
    'ua.hromada.portal.cluster.cfg': { node },
    'ua.hromada.docsearch.api.cfg': { 'api.key': DOCS_KEY },
    'ua.hromada.oks.open311.cfg': { apiKeys: OPEN311_KEY },
    // the shortest interval the audit takes: each node's schedule ticks every minute
    'ua.hromada.opendata.audit.cfg': { schedule: 'interval', 'schedule.interval': 'PT1M' },
  };
}

const nodeA = new Portal({ port: 18601, database: DATABASE, config: nodeConfig('node-a') });
const nodeB = new Portal({ port: 18611, database: DATABASE, config: nodeConfig('node-b'), joinDatabase: true });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hromada-two-nodes-'));
let haproxy;
let haproxyLog = '';
let lb;          // the balancer's address, http://127.0.0.1:<port>/
let browser;
let admin;       // the administrator's account (one database: the same on both nodes)

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

async function json(url, options) {
  const res = await fetch(url, options);
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** Waits for check() as until() does and returns how long it took, in ms. */
async function timed(what, check, timeoutMs = 30_000) {
  const started = Date.now();
  await until(what, check, { timeoutMs, intervalMs: 100 });
  return Date.now() - started;
}

/** Node B's karaf.log lines saying when its next scheduled audit is, as [time of the line, delay ms]. */
function auditSchedules(portal) {
  return portal.log().split('\n').filter(l => l.includes('Next scheduled open data audit in'))
    .map(l => [Date.parse(l.slice(0, 23).replace(',', '.') + 'Z'), Number(/PT(\d+)M/.exec(l)?.[1] ?? 0) * 60_000]);
}

/** The last start of the scheduled audit as portal.job_runs keeps it: "node started". */
function lastAuditRun() {
  return nodeA.sql("select node || ' ' || started from portal.job_runs where name = 'opendata.scheduled-audit'");
}

/** Waits for the dashboard after a sign-in through the balancer; a failure says what the page and HAProxy saw. */
async function dashboard(page) {
  try {
    await page.locator('#dashboard').waitFor();
  } catch (e) {
    const text = await page.locator('body').innerText().catch(() => '(no body)');
    throw new Error(`${e.message.split('\n')[0]}\npage ${page.url()}: ${text.slice(0, 600)}\nHAProxy:\n${haproxyLog.slice(-2500)}`);
  }
}

before(async () => {
  await nodeA.start();
  await nodeB.start();
  const port = await freePort();
  lb = `http://127.0.0.1:${port}/`;
  // the documented set-up, only its addresses changed; a quick health check keeps the test short
  const cfg = fs.readFileSync(HAPROXY_CFG, 'utf8')
    .replace(/^(\s*)bind :8080$/m, `$1bind 127.0.0.1:${port}`)
    .replaceAll('127.0.0.1:8181', `127.0.0.1:${nodeA.port}`)
    .replaceAll('127.0.0.1:8182', `127.0.0.1:${nodeB.port}`)
    .replace(/default-server inter 2s fall 2 rise 2/g, 'default-server inter 500ms fall 2 rise 1');
  assert.notEqual(cfg, fs.readFileSync(HAPROXY_CFG, 'utf8'));
  const file = path.join(work, 'haproxy.cfg');
  fs.writeFileSync(file, cfg);
  execFileSync('haproxy', ['-c', '-q', '-f', file]);
  haproxy = spawn('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  haproxy.stdout.on('data', d => { haproxyLog += d; });
  haproxy.stderr.on('data', d => { haproxyLog += d; });
  await until('the balancer answers health', async () => (await fetch(lb + 'api/health')).status === 200,
    { timeoutMs: 30_000 });
  admin = nodeA.admin();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  haproxy?.kill('SIGTERM');
  await nodeB.stop();
  await nodeA.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

test('an act sent to node A is found by node B\'s document search', async t => {
  const word = 'кластерозавр';
  const search = () => json(`${nodeB.url}api/documents/search?q=${encodeURIComponent(word)}`);
  assert.equal((await search()).body.total, 0, 'nothing yet: node B has read its index');
  const form = new FormData();
  form.append('metadata', JSON.stringify({ kind: 'mayor-order', number: 'N-1', date: '2025-03-01',
    title: 'Про вузли порталу', issuingBody: 'Полтавський міський голова', status: 'IN_FORCE' }));
  form.append('file', new Blob([`Розпорядження про ${word} і благоустрій.`], { type: 'text/plain' }), 'n-1.txt');
  const sent = await fetch(`${nodeA.url}api/documents`, { method: 'POST', body: form, headers: { 'X-API-Key': DOCS_KEY } });
  assert.equal(sent.status, 201, await sent.text());
  const ms = await timed('the act in node B\'s search', async () => (await search()).body.total === 1);
  t.diagnostic(`act on A -> B's search: ${ms} ms`);
});

test('a dataset saved on node A is in node B\'s CKAN API', async t => {
  nodeA.sql(`SET hromada.community = 'default'; INSERT INTO opendata.data_manager (name, edrpou, responsible_person,
    email, phone) VALUES ('Департамент фінансів', '${EDRPOU}', 'Олена Фінансистка', 'finance@example.org', '+380532000000')`);
  const managerId = nodeA.sql(`SELECT id FROM opendata.data_manager WHERE edrpou = '${EDRPOU}'`);
  const show = () => json(`${nodeB.url}api/3/action/package_show?id=vuzly-e2e`);
  assert.equal((await show()).status, 404, 'node B has read its publication: the dataset is not there');

  const context = await browser.newContext({ locale: 'uk-UA' });
  const page = await context.newPage();
  await signIn(page, nodeA, admin.username, admin.password);
  await page.locator('#dashboard').waitFor();
  await page.goto(`${nodeA.url}opendata/dataset/new?manager=${managerId}`);
  await page.locator('#opendata-dataset-form').waitFor();
  await page.fill('#opendata-f-identifier input', 'vuzly-e2e');
  await page.fill('#opendata-f-title input', 'Вузли порталу громади');
  await page.click('#opendata-f-frequency');
  await page.locator('vaadin-select-item').filter({ hasText: 'Щороку' }).click();
  await page.locator('#opendata-f-published input').check();
  await page.click('#opendata-dataset-save');
  await page.waitForURL(/\/opendata\/dataset\/\d+$/);
  const saved = Date.now();
  await until('the dataset in node B\'s package_show', async () => (await show()).status === 200,
    { timeoutMs: 30_000, intervalMs: 100 });
  t.diagnostic(`dataset on A -> B's CKAN API: ${Date.now() - saved} ms`);
  assert.equal((await show()).body.result.title, 'Вузли порталу громади');
  await context.close();
});

test('a violation reported to node A is on node B\'s OKS map', async t => {
  const res = await fetch(`${nodeA.url}api/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams({ api_key: OPEN311_KEY, service_code: 'trees', lat: '49.5890', long: '34.5520',
      address_string: 'вул. Соборності, 10', description: 'Гілля на тротуарі біля вузла Б', email: 'resident@example.org' }).toString(),
  });
  assert.equal(res.status, 200, await res.text());
  const saved = Date.now();
  const context = await browser.newContext({ locale: 'uk-UA' });
  const page = await context.newPage();
  await signIn(page, nodeB, admin.username, admin.password);
  await page.locator('#dashboard').waitFor();
  await page.goto(`${nodeB.url}oks/map`);
  await page.locator('#oks-map .hromada-map-host[data-state="ready"]').waitFor();
  await page.locator('#oks-map-count[data-count="1"]').waitFor();
  await page.locator('#oks-map path.hromada-map-point').first().waitFor();
  t.diagnostic(`violation on A -> B's map page shown: ${Date.now() - saved} ms (sign-in included)`);
  await context.close();
});

test('a module stopped in node A\'s Modules page is stopped on node B within 2 s and started again there', async t => {
  const CRM_MENU = 'tsnap/spravy';
  const crmOnB = async () => (await nodeB.health()).body.modules.find(m => m.key === 'crm')?.state;
  const contextA = await browser.newContext({ locale: 'uk-UA' });
  const onA = await contextA.newPage();
  await signIn(onA, nodeA, admin.username, admin.password);
  await onA.locator('#dashboard').waitFor();
  // a user of node B with the ЦНАП menu open: it follows by push, without a reload
  const contextB = await browser.newContext({ locale: 'uk-UA' });
  const onB = await contextB.newPage();
  await signIn(onB, nodeB, admin.username, admin.password);
  await onB.locator('#dashboard').waitFor();
  await menuItem(onB, CRM_MENU).waitFor({ state: 'attached' }); // in its section, open or not
  assert.equal(await crmOnB(), 'ACTIVE');

  await onA.goto(`${nodeA.url}admin/modules`);
  await onA.locator('#module-crm-state[data-state="ACTIVE"]').waitFor();
  await onA.click('#module-crm-stop');
  await onA.click('#module-confirm-yes');
  await onA.locator('#module-crm-state[data-state="STOPPED"]').waitFor({ timeout: 30_000 });
  const stopped = Date.now();
  // what each node's log says of the change, for the figures and a failure's message
  const moduleLines = portal => portal.log().split('\n')
    .filter(l => /ModuleFollower|FeaturesServiceImpl.*(Changes to perform|Stopping bundles|Done)/.test(l)).slice(-8).join('\n');
  try {
    await until('crm STOPPED in node B\'s health', async () => await crmOnB() === 'STOPPED', { timeoutMs: 30_000, intervalMs: 50 });
  } catch (e) {
    const rows = nodeA.sql("select module_key || ' ' || wanted || ' ' || node from portal.module_state");
    const log = nodeB.log().split('\n').filter(l => /ModuleFollower|module-sync|portal\.module| WARN /.test(l)).slice(-15).join('\n');
    throw new Error(`${e.message}\nmodule_state: ${rows}\nnode B:\n${log}`);
  }
  const apiMs = Date.now() - stopped;
  await menuItem(onB, CRM_MENU).waitFor({ state: 'detached', timeout: 10_000 });
  t.diagnostic(`crm stopped on A -> B's health: ${apiMs} ms, B's menu: ${Date.now() - stopped} ms`);
  t.diagnostic(`node A:\n${moduleLines(nodeA)}\nnode B:\n${moduleLines(nodeB)}`);
  assert.ok(apiMs <= 2_000, `B's health showed crm STOPPED ${apiMs} ms after A's page did`);
  assert.equal(nodeA.sql("select wanted || ' ' || node from portal.module_state where module_key = 'crm'"), 'stopped node-a');

  await onA.click('#module-crm-start');
  await onA.locator('#module-crm-state[data-state="ACTIVE"]').waitFor({ timeout: 30_000 });
  const started = Date.now();
  await until('crm ACTIVE in node B\'s health', async () => await crmOnB() === 'ACTIVE', { timeoutMs: 30_000, intervalMs: 50 });
  await menuItem(onB, CRM_MENU).waitFor({ state: 'attached', timeout: 30_000 });
  t.diagnostic(`crm started on A -> ACTIVE on B with its menu: ${Date.now() - started} ms`);
  // node B made each change once; node A made its own changes only itself (the feed does not tell a node its own)
  assert.equal(nodeB.log().match(/Module crm stopped as on another node/g)?.length, 1);
  assert.equal(nodeB.log().match(/Module crm started as on another node/g)?.length, 1);
  assert.doesNotMatch(nodeA.log(), /Module crm (stopped|started) as on another node/);
  await contextA.close();
  await contextB.close();
});

test('the scheduled audit runs once for the two nodes\' schedules', async () => {
  // node B's first tick comes after node A's (B started later): A runs, B finds the run and skips
  const [[at, delay]] = auditSchedules(nodeB);
  await until('node A\'s scheduled audit', () => lastAuditRun().startsWith('node-a '), { timeoutMs: 90_000 });
  const first = lastAuditRun();
  await until('node B\'s first tick passed', () => Date.now() > at + delay + 3_000, { timeoutMs: 90_000 });
  assert.equal(lastAuditRun(), first, 'node B did not run the audit again');
  assert.equal(nodeA.sql('select count(*) from opendata_audit.run'), '1');
});

test('node A killed: the balancer serves everything from node B; a user of node A signs in again', async () => {
  // a user whose session lives on node A (the balancer's sticky cookie names it)
  const context = await browser.newContext({ locale: 'uk-UA' });
  await context.addCookies([{ name: 'HROMADA_NODE', value: 'node1', url: lb }]);
  const page = await context.newPage();
  await signIn(page, { url: lb, diagnose: () => nodeA.diagnose() }, admin.username, admin.password);
  await dashboard(page);

  process.kill(-nodeA.process.pid, 'SIGKILL');
  await until('node A gone', async () => {
    try { await fetch(`${nodeA.url}api/health`); return false; } catch { return true; }
  }, { timeoutMs: 30_000 });

  // the page again: node B has no session for this browser, so the sign-in form, no error page
  const responses = [];
  page.on('response', r => { if (r.url().startsWith(lb)) responses.push(r.status()); });
  await page.goto(lb + 'oks/map');
  await page.locator('vaadin-login-form input[name=username]').waitFor({ timeout: 30_000 });
  assert.deepEqual(responses.filter(s => s >= 500), [], 'no error answers');
  await signIn(page, { url: lb, diagnose: () => nodeB.diagnose() }, admin.username, admin.password);
  // signed in on node B, the page asked for opens
  await page.locator('#oks-map .hromada-map-host[data-state="ready"]').waitFor();
  assert.match(page.url(), /\/oks\/map$/);
  await context.close();

  // the public APIs through the balancer: every answer from node B
  for (let i = 0; i < 6; i++) {
    assert.equal((await fetch(lb + 'api/health')).status, 200);
    assert.equal((await json(`${lb}api/documents/search?q=${encodeURIComponent('кластерозавр')}`)).body.total, 1);
    assert.equal((await json(`${lb}api/3/action/package_show?id=vuzly-e2e`)).status, 200);
    const open311 = await json(`${lb}api/open311/v2/requests.json`);
    assert.equal(open311.status, 200);
    assert.equal(open311.body.length, 1);
  }
});

test('after node A\'s death the next scheduled audit runs on node B', async () => {
  const first = lastAuditRun();
  // node B's second tick is a minute after its first; node A's last run is more than half an interval old by then
  await until('the scheduled audit run by node B', () => lastAuditRun().startsWith('node-b '), { timeoutMs: 120_000 });
  assert.notEqual(lastAuditRun(), first);
  await until('its run recorded', () => nodeB.sql('select count(*) from opendata_audit.run') === '2', { timeoutMs: 60_000 });
});

test('node B\'s log has no errors; the balancer took node A out', () => {
  assert.deepEqual(nodeB.logErrors(), []);
  assert.match(haproxyLog, /node1 is DOWN/, haproxyLog.slice(-2000));
});
