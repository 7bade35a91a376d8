// Modules as KAR files end to end (issue 11). The portal boots only hromada-core and carries no
// module at all: the module artifacts are taken out of its system/ folder, their feature
// repositories out of its features configuration, and no remote Maven repository (nor ~/.m2) is
// reachable, so a module installs only if its KAR holds everything it needs. Two signed-in
// sessions stay open throughout: the docsearch KAR dropped into deploy/ shows its menu entries in
// them without a reload and its search works; a KAR with a higher version replaces it in place;
// the KARs removed take the module away while the other session and the rest of the portal run on; the OKS KAR uploaded in the Modules view installs OKS
// with its database schema; the GIS KAR in deploy/ installs GIS on a portal without open data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Portal, launchBrowser, signIn, menuItem, until } from './lib/portal.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const features = path.resolve(here, '../../../../features');
const DOCSEARCH_KAR = process.env.DOCSEARCH_KAR ?? path.join(features, 'docsearch/target/hromada-docsearch-0.1.0-SNAPSHOT.kar');
const OKS_KAR = process.env.OKS_KAR ?? path.join(features, 'oks/target/hromada-oks-0.1.0-SNAPSHOT.kar');
const GIS_KAR = process.env.GIS_KAR ?? path.join(features, 'gis/target/hromada-gis-0.1.0-SNAPSHOT.kar');
const ESERVICES_KAR = process.env.ESERVICES_KAR ?? path.join(features, 'eservices/target/hromada-eservices-0.1.0-SNAPSHOT.kar');
const CRM_KAR = process.env.CRM_KAR ?? path.join(features, 'crm/target/hromada-crm-0.1.0-SNAPSHOT.kar');
const MODULES = ['docsearch', 'oks', 'opendata', 'gis', 'eservices', 'crm'];

/** Sets a property in a Karaf .cfg file, replacing a value continued over several lines too. */
function setProperty(file, key, value) {
  const text = fs.readFileSync(file, 'utf8');
  const re = new RegExp(`^${key.replace(/\./g, '\\.')}\\s*=(?:.*\\\\\\n)*.*$`, 'm');
  assert.ok(re.test(text), `${key} in ${file}`);
  fs.writeFileSync(file, text.replace(re, `${key} = ${value}`));
}

/** The copy becomes a portal that has never seen a module: only the KARs can bring them. */
function withoutModules(home) {
  const system = path.join(home, 'system/ua/hromada');
  for (const dir of fs.readdirSync(system)) {
    if (MODULES.some(m => dir === `hromada-${m}` || dir.startsWith(`${m}-`))) {
      fs.rmSync(path.join(system, dir), { recursive: true });
    }
  }
  const featuresCfg = path.join(home, 'etc/org.apache.karaf.features.cfg');
  const text = fs.readFileSync(featuresCfg, 'utf8');
  const repos = /^featuresRepositories\s*=((?:.*\\\n)*.*)$/m.exec(text)[1]
    .split(',').map(r => r.replace(/\\\n|\\$/g, '').trim()).filter(Boolean);
  const platform = repos.filter(r => !MODULES.some(m => r.includes(`/hromada-${m}/`)));
  assert.equal(platform.length, repos.length - MODULES.length, `module repositories in ${repos}`);
  setProperty(featuresCfg, 'featuresRepositories', platform.join(', '));
  const mvn = path.join(home, 'etc/org.ops4j.pax.url.mvn.cfg');
  setProperty(mvn, 'org.ops4j.pax.url.mvn.repositories', '');
  const emptyLocal = path.join(home, 'no-local-repository');
  fs.mkdirSync(emptyLocal);
  fs.appendFileSync(mvn, `\norg.ops4j.pax.url.mvn.localRepository = ${emptyLocal}\n`);
}

const portal = new Portal({
  port: 19181, database: 'hromada_e2e_kar',
  config: { 'ua.hromada.portal.modules.cfg': { boot: '' } },
  prepare: withoutModules,
});

let browser;
let first;    // the administrator's first session: installs and uses the modules
let second;   // another signed-in session that stays open and must not notice the changes

async function session() {
  const context = await browser.newContext({ locale: 'uk-UA' });
  const page = await context.newPage();
  const { username, password } = portal.admin();
  await signIn(page, portal, username, password);
  await page.locator('#dashboard').waitFor();
  return page;
}

function moduleState(body, key) {
  return body.modules?.find(m => m.key === key)?.state;
}

before(async () => {
  assert.ok(fs.existsSync(DOCSEARCH_KAR), `no ${DOCSEARCH_KAR}: build features/ first (mvn install)`);
  assert.ok(fs.existsSync(OKS_KAR), `no ${OKS_KAR}: build features/ first (mvn install)`);
  assert.ok(fs.existsSync(GIS_KAR), `no ${GIS_KAR}: build features/ first (mvn install)`);
  await portal.start();
  browser = await launchBrowser();
  first = await session();
  second = await session();
});

after(async () => {
  await browser?.close();
  await portal.stop();
});

test('a module KAR holds its feature repository and its own bundles, no platform bundle', () => {
  for (const [key, kar] of [['docsearch', DOCSEARCH_KAR], ['oks', OKS_KAR], ['gis', GIS_KAR], ['eservices', ESERVICES_KAR], ['crm', CRM_KAR]]) {
    const entries = execFileSync('jar', ['tf', kar], { encoding: 'utf8' }).split('\n');
    const jars = entries.filter(e => e.endsWith('.jar'));
    assert.ok(jars.length >= 3, `${kar}: ${jars}`);
    assert.deepEqual(jars.filter(j => !j.startsWith(`repository/ua/hromada/${key}-`)), [], `${kar} holds only ${key}-* bundles`);
    assert.equal(entries.filter(e => /^repository\/ua\/hromada\/hromada-[a-z]+\/[^/]+\/hromada-[a-z]+-[^/]+-features\.xml$/.test(e)).length, 1);
  }
});

test('the portal boots the platform only: no module, health UP', async () => {
  const { status, body } = await portal.health();
  assert.equal(status, 200);
  assert.equal(body.status, 'UP', JSON.stringify(body));
  for (const key of MODULES) assert.equal(moduleState(body, key), undefined, `${key} is not installed`);
  assert.equal(await menuItem(first, 'docs').count(), 0);
  assert.equal(await menuItem(first, 'oks/violations').count(), 0);
});

test('the docsearch KAR dropped into deploy/ installs the module live: its menu in the open sessions, a search finds an act', async () => {
  fs.copyFileSync(DOCSEARCH_KAR, path.join(portal.deploy, path.basename(DOCSEARCH_KAR)));
  // pushed to both open pages: neither reloads
  await menuItem(first, 'docs').waitFor({ timeout: 60_000 });
  await menuItem(second, 'docs').waitFor({ timeout: 15_000 });
  await until('docsearch ACTIVE and the portal UP', async () => {
    const { body } = await portal.health();
    return moduleState(body, 'docsearch') === 'ACTIVE' && body.status === 'UP';
  });
  assert.equal(portal.sql("select count(*) from information_schema.schemata where schema_name = 'docsearch'"), '1',
    'its migrations ran');

  const text = 'Рішення про облаштування велосипедних доріжок на вулицях Соборності та Шевченка.';
  const created = await first.context().request.post(`${portal.url}api/documents`, {
    multipart: {
      metadata: JSON.stringify({
        kind: 'council-decision', number: '455', date: '2026-02-12', title: 'Про велосипедні доріжки',
        issuingBody: 'Полтавська міська рада', status: 'IN_FORCE', tags: ['kar'],
      }),
      file: { name: 'rishennia-455.txt', mimeType: 'text/plain', buffer: Buffer.from(text) },
    },
  });
  const body = await created.text();
  assert.equal(created.status(), 201, body);
  const act = JSON.parse(body);
  const search = await (await fetch(`${portal.url}api/documents/search?q=${encodeURIComponent('велосипедних доріжок')}`)).json();
  assert.ok(search.hits.some(h => h.id === act.id), `the act is found: ${JSON.stringify(search)}`);

  // and in the module's own page
  await menuItem(first, 'docs').click();
  await first.fill('#docs-q input', 'велосипедні');
  await first.press('#docs-q input', 'Enter');
  await first.locator(`.docsearch-hit[data-id="${act.id}"]`).waitFor();
});

/**
 * The docsearch KAR as its next release would be: feature hromada-docsearch version 0.1.1 in its
 * own repository (mvn:ua.hromada/hromada-docsearch/0.1.1/xml/features), the same bundles.
 */
function nextRelease(kar, version) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kar-next-'));
  execFileSync('jar', ['xf', kar], { cwd: dir });
  const repo = path.join(dir, 'repository/ua/hromada/hromada-docsearch');
  const [current] = fs.readdirSync(repo);
  const xml = fs.readFileSync(path.join(repo, current, `hromada-docsearch-${current}-features.xml`), 'utf8');
  const next = xml.replace(/(<feature name="hromada-docsearch" version=")[^"]+"/, `$1${version}"`)
    .replace(/<features name="hromada-docsearch-[^"]+"/, `<features name="hromada-docsearch-${version}"`);
  assert.notEqual(next, xml);
  fs.rmSync(path.join(repo, current), { recursive: true });
  fs.mkdirSync(path.join(repo, version));
  fs.writeFileSync(path.join(repo, version, `hromada-docsearch-${version}-features.xml`), next);
  const out = path.join(dir, `hromada-docsearch-${version}.kar`);
  execFileSync('jar', ['cfM', out, '-C', dir, 'META-INF', '-C', dir, 'repository']);
  return out;
}

function installedVersions(name) {
  return portal.console('feature:list -i').split('\n')
    .filter(l => l.split('|')[0].replace(/\x1b\[[0-9;]*m/g, '').trim() === name)
    .map(l => l.split('|')[1].trim());
}

test('a KAR with a higher version dropped into deploy/ replaces the module in place; the older file deleted leaves it', async () => {
  const next = nextRelease(DOCSEARCH_KAR, '0.1.1');
  fs.copyFileSync(next, path.join(portal.deploy, path.basename(next)));
  await until('only hromada-docsearch 0.1.1 installed', () => {
    const versions = installedVersions('hromada-docsearch');
    return versions.length === 1 && versions[0] === '0.1.1';
  });
  await until('docsearch ACTIVE and the portal UP', async () => {
    const { body } = await portal.health();
    return moduleState(body, 'docsearch') === 'ACTIVE' && body.status === 'UP';
  });
  await menuItem(second, 'docs').waitFor();
  // the older release's file goes: its feature is no longer installed, so nothing is taken away
  fs.unlinkSync(path.join(portal.deploy, path.basename(DOCSEARCH_KAR)));
  await until('the older KAR forgotten by the deployer', () => !/hromada-docsearch-0\.1\.0/.test(portal.console('kar:list')));
  assert.deepEqual(installedVersions('hromada-docsearch'), ['0.1.1']);
  const search = await (await fetch(`${portal.url}api/documents/search?q=${encodeURIComponent('велосипедних доріжок')}`)).json();
  assert.equal(search.total, 1, 'the upgraded module finds the act');
  fs.rmSync(path.dirname(next), { recursive: true });
});

test('the KAR removed from deploy/ uninstalls the module: entries gone, the other session and health unharmed, data kept', async () => {
  fs.unlinkSync(path.join(portal.deploy, 'hromada-docsearch-0.1.1.kar'));
  await first.goto(portal.url);
  await first.locator('#dashboard').waitFor();
  await menuItem(first, 'docs').waitFor({ state: 'detached', timeout: 60_000 });
  await menuItem(second, 'docs').waitFor({ state: 'detached', timeout: 15_000 });
  await until('docsearch gone from health, the portal UP', async () => {
    const { status, body } = await portal.health();
    return status === 200 && body.status === 'UP' && moduleState(body, 'docsearch') === undefined;
  });
  // its bundles are uninstalled, not just stopped
  assert.doesNotMatch(portal.console('bundle:list -s -t 0'), /docsearch/);
  // the session that was open all along still works
  await menuItem(second, 'admin/users').click();
  await second.locator('#users-view').waitFor();
  // the module's data stays in the database for a later install
  assert.equal(portal.sql("select count(*) from information_schema.schemata where schema_name = 'docsearch'"), '1');
});

test('the OKS KAR uploaded in the Modules view installs OKS: its views open and work, its schema exists', async () => {
  await first.goto(portal.url + 'admin/modules');
  await first.locator('#modules-view').waitFor();
  await first.setInputFiles('#modules-view input[type=file]', OKS_KAR);
  await menuItem(first, 'oks/violations').waitFor({ timeout: 60_000 });
  await menuItem(second, 'oks/violations').waitFor({ timeout: 15_000 });
  await until('OKS ACTIVE and the portal UP', async () => {
    const { body } = await portal.health();
    return moduleState(body, 'oks') === 'ACTIVE' && body.status === 'UP';
  });
  assert.equal(portal.sql("select count(*) from information_schema.schemata where schema_name = 'oks'"), '1');

  await menuItem(second, 'oks/violations').click();
  await second.locator('#oks-list-count[data-count="0"]').waitFor();
  await first.goto(portal.url + 'oks/admin/types');
  await first.locator('#oks-types-view').waitFor();
  await first.locator('#oks-types-grid').waitFor();
});

test('the GIS KAR dropped into deploy/ installs GIS without open data: its libraries come in its bundles, its schema is made', async () => {
  fs.copyFileSync(GIS_KAR, path.join(portal.deploy, path.basename(GIS_KAR)));
  await menuItem(first, 'gis/objects').waitFor({ timeout: 60_000 });
  await until('GIS ACTIVE and the portal UP', async () => {
    const { body } = await portal.health();
    return moduleState(body, 'gis') === 'ACTIVE' && body.status === 'UP';
  });
  const { body } = await portal.health();
  assert.equal(moduleState(body, 'opendata'), undefined, 'open data is not needed');
  assert.equal(portal.sql("select count(*) from information_schema.schemata where schema_name = 'gis'"), '1',
    'its migrations ran');
  const collections = await fetch(`${portal.url}api/gis/ogc/collections`);
  assert.equal(collections.status, 200);
  assert.ok(Array.isArray((await collections.json()).collections));
  // the layer registry opens (JTS and the exchange libraries load from gis-exchange's own jar)
  await menuItem(second, 'gis/layers').click();
  await second.locator('#gis-layer-grid').waitFor();
});

test('no errors in the log', () => {
  assert.deepEqual(portal.logErrors(), []);
});
