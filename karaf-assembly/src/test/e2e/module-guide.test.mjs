// docs/module-guide.md followed to the letter: the guide's example module (docs/example-module,
// «Телефонний довідник») is copied out of the repository, built with Maven offline as a newcomer
// would, and its KAR hot-deployed into a portal that booted with only hromada-core; then the KAR of
// a newer version with one more migration is dropped next to it (upgrade in place: the portal keeps
// the newest version, same Karaf process), the old file is tidied away, and deleting the KAR removes
// the module but keeps its data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Portal, launchBrowser, signIn, menuItem, until, java17 } from './lib/portal.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const EXAMPLE = path.resolve(here, '../../../../docs/example-module');
const BSN = 'ua.hromada.example.phonebook';

const portal = new Portal({
  port: 19381,
  database: 'hromada_e2e_guide',
  // only the platform boots: the module arrives as a KAR
  config: { 'ua.hromada.portal.modules.cfg': { boot: '' } },
});
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hromada-guide-'));
const kars = {};
let browser;
let admin;
let karafPid;

/** The guide's build command in a copy of the example folder: `mvn -B -q -o package [-Drevision=…]`. */
async function build(name, { revision, extraMigration } = {}) {
  const dir = path.join(work, name);
  fs.cpSync(EXAMPLE, dir, { recursive: true, filter: src => !src.split(path.sep).includes('target') });
  if (extraMigration) {
    fs.writeFileSync(path.join(dir, 'src/main/resources/db/migration/phonebook', extraMigration.file),
      extraMigration.sql);
  }
  const args = ['-B', '-q', '-o', ...(revision ? [`-Drevision=${revision}`] : []), 'package'];
  try {
    await promisify(execFile)('mvn', args, {
      cwd: dir, env: { ...process.env, JAVA_HOME: java17() }, maxBuffer: 16 * 1024 * 1024, timeout: 120_000,
    });
  } catch (e) {
    throw new Error(`mvn ${args.join(' ')} failed in ${dir}:\n${e.stdout}\n${e.stderr}`);
  }
  const kar = fs.readdirSync(path.join(dir, 'target')).find(f => f.endsWith('.kar'));
  assert.ok(kar, `the build made a KAR in ${dir}/target`);
  return path.join(dir, 'target', kar);
}

/** Puts a file into deploy/ in one step (written beside it, then renamed), as a finished copy would land. */
function drop(source, name) {
  const partial = path.join(portal.home, `${name}.part`);
  fs.copyFileSync(source, partial);
  fs.renameSync(partial, path.join(portal.deploy, name));
}

/** The Karaf JVM's process id (pgrep answers 1, i.e. throws, when there is none). */
function karafJavaPid() {
  const pid = execFileSync('pgrep', ['-f', `karaf.home=${portal.home}`], { encoding: 'utf8' }).trim().split('\n')[0];
  assert.match(pid, /^\d+$/, 'the Karaf JVM runs');
  return pid;
}

async function phonebookModule() {
  const { body } = await portal.health();
  return (body.modules ?? []).find(m => m.key === 'phonebook');
}

/** The phonebook bundles Karaf has installed, as "version state" from the console. */
function installedBundles() {
  // columns: ID │ State │ Lvl │ Version │ Symbolic name (│ or | depending on the terminal)
  return portal.console('bundle:list -s -t 0').split('\n')
    .filter(l => l.includes(BSN))
    .map(l => l.split(/[│|]/).map(c => c.trim()))
    .map(cols => `${cols[3]} ${cols[1]}`);
}

before(async () => {
  const started = portal.start();
  // the builds run while Karaf boots; the second is the next release with one more migration
  kars.v1 = await build('v1');
  kars.v2 = await build('v2', {
    revision: '1.1.0',
    extraMigration: {
      file: 'V2__room.sql',
      sql: '-- written by module-guide.test.mjs: the next release keeps each number\'s room\n'
        + 'ALTER TABLE entry ADD COLUMN room varchar(20);\n',
    },
  });
  await started;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

test('the example module builds offline into one bundle and a KAR with the feature hromada-phonebook', () => {
  assert.match(path.basename(kars.v1), /^phonebook-1\.0\.0\.kar$/);
  assert.match(path.basename(kars.v2), /^phonebook-1\.1\.0\.kar$/);
  const listing = execFileSync('unzip', ['-l', kars.v1], { encoding: 'utf8' });
  assert.match(listing, /repository\/ua\/hromada\/example\/phonebook\/1\.0\.0\/phonebook-1\.0\.0\.jar/);
  assert.match(listing, /phonebook-1\.0\.0-features\.xml/);
  // nothing outside repository/: Karaf would unpack it into its own home folder
  const outside = listing.split('\n').map(l => l.trim().split(/\s+/)[3]).filter(Boolean)
    .filter(n => !/^(META-INF\/|repository\/|Name$|----$)/.test(n));
  assert.deepEqual(outside, []);
  const features = execFileSync('unzip', ['-p', kars.v1, 'repository/ua/hromada/example/phonebook/1.0.0/phonebook-1.0.0-features.xml'],
    { encoding: 'utf8' });
  assert.match(features, /<feature name="hromada-phonebook" version="1\.0\.0"/);
  assert.match(features, /<feature>hromada-core<\/feature>/);
});

test('dropped into deploy/, the KAR adds the menu entry to an open session and runs the migration', async () => {
  karafPid = karafJavaPid();
  const { username, password } = portal.admin();
  admin = await (await browser.newContext({ locale: 'uk-UA' })).newPage();
  await signIn(admin, portal, username, password);
  await admin.locator('#dashboard').waitFor();
  assert.equal(await menuItem(admin, 'phonebook').count(), 0, 'no directory before the KAR');

  const droppedAt = Date.now();
  drop(kars.v1, path.basename(kars.v1));
  // pushed into the page that is already open: no reload
  await menuItem(admin, 'phonebook').waitFor({ timeout: 30_000 });
  console.log(`example KAR: menu entry after ${Date.now() - droppedAt} ms`);

  const module = await until('health lists the phonebook module ACTIVE', async () => {
    const m = await phonebookModule();
    return m?.state === 'ACTIVE' && m;
  });
  assert.equal(module.name, 'Телефонний довідник');
  assert.deepEqual(module.bundles.map(b => `${b.symbolicName} ${b.version}`), [`${BSN} 1.0.0`]);
  assert.equal(portal.sql("select count(*) from information_schema.tables where table_schema = 'phonebook' and table_name = 'entry'"), '1');
  assert.equal(portal.sql('select max(version) from phonebook.flyway_schema_history where success'), '1');
});

test('the directory page: empty state, a refused number with its message, an entry added and listed', async () => {
  await menuItem(admin, 'phonebook').click();
  await admin.locator('#phonebook-view').waitFor();
  await admin.getByText('У довіднику ще немає жодного номера.', { exact: false }).waitFor();

  await admin.fill('#phonebook-unit input', 'Центр надання адміністративних послуг');
  await admin.fill('#phonebook-person input', 'Олена Петренко');
  await admin.fill('#phonebook-phone input', '56-12');
  await admin.click('#phonebook-save');
  await admin.locator('#phonebook-phone').getByText('Номер телефону — від 5 до 20 цифр', { exact: false }).waitFor();
  assert.equal(portal.sql('select count(*) from phonebook.entry'), '0', 'nothing stored from a refused form');

  await admin.fill('#phonebook-phone input', '+380 532 56-12-34');
  await admin.click('#phonebook-save');
  await admin.locator('#phonebook-grid vaadin-grid-cell-content', { hasText: '+380 532 56-12-34' }).waitFor();
  await admin.locator('#phonebook-phone[invalid]').waitFor({ state: 'detached' });
  assert.equal(portal.sql('select unit || \'|\' || person || \'|\' || phone from phonebook.entry'),
    'Центр надання адміністративних послуг|Олена Петренко|+380 532 56-12-34');
  assert.equal(portal.sql("select count(*) from portal.audit_log where module = 'phonebook' and action = 'create'"), '1');
});

test('the newer KAR dropped next to the old one upgrades in place: its migration runs, one bundle version, same Karaf', async () => {
  drop(kars.v2, path.basename(kars.v2));
  await until('the 1.1.0 migration ran', () => portal.sql(
    'select coalesce(max(version::int), 0) from phonebook.flyway_schema_history where success') === '2',
  { timeoutMs: 60_000 });
  assert.equal(portal.sql("select count(*) from information_schema.columns where table_schema = 'phonebook' "
    + "and table_name = 'entry' and column_name = 'room'"), '1');
  const module = await until('health lists only phonebook 1.1.0, ACTIVE', async () => {
    const m = await phonebookModule();
    return m?.state === 'ACTIVE' && m.bundles.length === 1 && m.bundles[0].version === '1.1.0' && m;
  }, { timeoutMs: 60_000 });
  assert.equal(module.bundles[0].symbolicName, BSN);
  assert.deepEqual(installedBundles(), ['1.1.0 Active'], 'Karaf has only the new bundle installed');
  assert.equal(karafJavaPid(), karafPid, 'the same Karaf process: no restart');
  assert.equal(portal.process.exitCode, null);

  // the old file is no longer used: removing it from deploy/ leaves the module at 1.1.0
  fs.unlinkSync(path.join(portal.deploy, path.basename(kars.v1)));
  await until('Karaf forgot the old KAR', () => !portal.console('kar:list').includes('phonebook-1.0.0'));
  assert.deepEqual(installedBundles(), ['1.1.0 Active']);

  // the page works on the new version, with the data of the old one
  await menuItem(admin, 'phonebook').waitFor({ timeout: 30_000 });
  await admin.goto(portal.url + 'phonebook');
  await admin.locator('#phonebook-grid vaadin-grid-cell-content', { hasText: '+380 532 56-12-34' }).waitFor();
  await admin.fill('#phonebook-unit input', 'Приймальня міського голови');
  await admin.fill('#phonebook-phone input', '(0532) 56-00-01');
  await admin.click('#phonebook-save');
  await admin.locator('#phonebook-grid vaadin-grid-cell-content', { hasText: '(0532) 56-00-01' }).waitFor();
  assert.equal(portal.sql('select count(*) from phonebook.entry'), '2');
});

test('the KAR deleted from deploy/: the menu entry leaves the open page, the data stays', async () => {
  await admin.goto(portal.url);
  await admin.locator('#dashboard').waitFor();
  await menuItem(admin, 'phonebook').waitFor();
  fs.unlinkSync(path.join(portal.deploy, path.basename(kars.v2)));
  await menuItem(admin, 'phonebook').waitFor({ state: 'detached', timeout: 30_000 });
  await until('health no longer lists the phonebook module', async () => !(await phonebookModule()));
  assert.deepEqual(installedBundles(), [], 'no phonebook bundle left in Karaf');
  assert.equal(portal.sql('select count(*) from phonebook.entry'), '2', 'the module\'s data stays in the database');
  assert.equal(karafJavaPid(), karafPid);
  // the portal itself carries on
  await menuItem(admin, 'admin/modules').click();
  await admin.locator('#modules-view').waitFor();
});

test('the portal log has no errors from the example module', () => {
  assert.deepEqual(portal.logErrors(e => e.includes('ua.hromada.example')), []);
});
