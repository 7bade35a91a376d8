// Platform benchmark (issue 11): clean start with every module booted, restart with existing data,
// idle RSS after start and a page load, KAR hot deploy of a module into a portal that has only the
// platform, and hot deploy/undeploy of a single-bundle module.
//
// Usage (after `mvn -B install`; on a shared machine inside the build lock, the report says whether
// it was held):
//   flock /tmp/hromada-build.lock node bench/platform.mjs [runs=5] [deploys=10]
//       writes bench/results/platform.md, keeping its "JVM options" section
//   flock /tmp/hromada-build.lock node bench/platform.mjs --jvm [runs=3] [variant ...]
//       start time and idle RSS for each JVM option variant below; writes that section only
import fs from 'node:fs';
import path from 'node:path';
import { Portal, launchBrowser, signIn, menuItem, FIXTURE_JAR, ASSEMBLY } from '../karaf-assembly/src/test/e2e/lib/portal.mjs';
import { stats, karafPid, rssMb, heapMb, restart, machine, machineLoad } from './lib/karaf-process.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const RESULTS = path.join(here, 'results/platform.md');
// the modules' KARs: features/<module>/target/hromada-<module>-*.kar of the build
const FEATURES = process.env.HROMADA_FEATURES ?? path.resolve(here, '../features');
const PORT = 19181;
const DATABASE = 'hromada_bench';
const IDLE_MS = 15_000;
const MODULE_MENU = { oks: 'oks/violations', docsearch: 'docs', opendata: 'opendata/datasets' };

/**
 * JVM option variants for --jvm, tried on top of the shipped bin/setenv (its -Xms/-Xmx stay):
 * options go to the portal JVM through EXTRA_JAVA_OPTS, `env` into its environment.
 */
const VARIANTS = {
  shipped: {},
  serialgc: { opts: '-XX:+UseSerialGC' },
  'malloc-arenas-2': { env: { MALLOC_ARENA_MAX: '2' } },
  'c1-only': { opts: '-XX:TieredStopAtLevel=1' },
  'codecache-64m': { opts: '-XX:ReservedCodeCacheSize=64m' },
  'xss-512k': { opts: '-Xss512k' },
  'metaspace-256m': { opts: '-XX:MaxMetaspaceSize=256m' },
  'serialgc+arenas': { opts: '-XX:+UseSerialGC', env: { MALLOC_ARENA_MAX: '2' } },
  // the serial collector gives memory back after a collection when more than 30 % of the heap is free
  'serialgc+arenas+shrink': { opts: '-XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30', env: { MALLOC_ARENA_MAX: '2' } },
};

/** A signed-in administrator's page on the dashboard. */
async function adminPage(browser, portal) {
  const page = await (await browser.newContext({ locale: 'uk-UA' })).newPage();
  const { username, password } = portal.admin();
  await signIn(page, portal, username, password);
  await page.locator('#dashboard').waitFor({ timeout: 60_000 });
  return page;
}

/**
 * One clean start with every module booted (the shipped boot list): ms to ready, then a signed-in
 * page load and IDLE_MS without requests, the Karaf process's RSS; optionally a restart.
 */
async function startAndIdle(browser, { withRestart = false } = {}) {
  const portal = new Portal({ port: PORT, database: DATABASE });
  try {
    await portal.start();
    const page = await adminPage(browser, portal);
    await page.context().close();
    await new Promise(r => setTimeout(r, IDLE_MS));
    const pid = karafPid(portal);
    const rss = rssMb(pid);
    const heap = heapMb(pid);
    const restartMs = withRestart ? await restart(portal) : undefined;
    return { readyMs: portal.readyAfterMs, rss, heap, restartMs };
  } finally {
    await portal.stop();
  }
}

/**
 * The copy becomes a portal with the platform only, as a community that never had the module:
 * no module in system/ and none in the features repositories, no Maven repository to fetch from;
 * only the KAR can bring the module and everything it needs.
 */
function platformOnly(home) {
  const system = path.join(home, 'system/ua/hromada');
  const isModule = name => Object.keys(MODULE_MENU).some(m => name === `hromada-${m}` || name.startsWith(`${m}-`));
  for (const dir of fs.readdirSync(system).filter(isModule)) fs.rmSync(path.join(system, dir), { recursive: true });
  const rewrite = (file, edit) => fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
  // featuresRepositories is one logical line continued with backslashes: drop the modules' entries
  rewrite(path.join(home, 'etc/org.apache.karaf.features.cfg'), text => text.replace(
    /^featuresRepositories\s*=(?:.*\\\n)*.*$/m, line => `featuresRepositories = ${line.replace(/^[^=]*=|\\\n/g, '')
      .split(',').map(r => r.trim()).filter(r => r && !/\/hromada-(oks|docsearch|opendata)\//.test(r)).join(', ')}`));
  const emptyRepo = path.join(home, 'no-local-repository');
  fs.mkdirSync(emptyRepo);
  rewrite(path.join(home, 'etc/org.ops4j.pax.url.mvn.cfg'), text => text
    .replace(/^org\.ops4j\.pax\.url\.mvn\.repositories\s*=(?:.*\\\n)*.*$/m, 'org.ops4j.pax.url.mvn.repositories =')
    + `\norg.ops4j.pax.url.mvn.localRepository = ${emptyRepo}\n`);
}

/** A KAR dropped into deploy/ of a platform-only portal: ms until its menu entry is in the open page, then removed. */
async function karDeploy(browser, module) {
  const kar = fs.readdirSync(path.join(FEATURES, module, 'target')).find(f => /^hromada-.*\.kar$/.test(f));
  if (!kar) throw new Error(`no KAR in features/${module}/target: mvn install first`);
  const portal = new Portal({
    port: PORT, database: DATABASE, config: { 'ua.hromada.portal.modules.cfg': { boot: '' } }, prepare: platformOnly,
  });
  try {
    await portal.start();
    const page = await adminPage(browser, portal);
    const menu = menuItem(page, MODULE_MENU[module]);
    if (await menu.count() !== 0) throw new Error(`${module} is in the menu before its KAR is deployed`);
    const target = path.join(portal.deploy, kar);
    let t = Date.now();
    fs.copyFileSync(path.join(FEATURES, module, 'target', kar), target);
    await menu.waitFor({ timeout: 120_000 });
    const deployMs = Date.now() - t;
    t = Date.now();
    fs.unlinkSync(target);
    await menu.waitFor({ state: 'detached', timeout: 120_000 });
    const undeployMs = Date.now() - t;
    await page.context().close();
    return { deployMs, undeployMs, kar, mb: fs.statSync(path.join(FEATURES, module, 'target', kar)).size / 2 ** 20 };
  } finally {
    await portal.stop();
  }
}

/** The single-bundle fixture module: jar copied/deleted in deploy/ of a running portal, `deploys` times. */
async function jarDeploys(browser, deploys) {
  const portal = new Portal({ port: PORT, database: DATABASE });
  const deployMs = [];
  const undeployMs = [];
  if (deploys === 0) return { deployMs, undeployMs };
  try {
    await portal.start();
    const page = await adminPage(browser, portal);
    const target = path.join(portal.deploy, 'fixture-module.jar');
    for (let i = 0; i < deploys; i++) {
      let t = Date.now();
      fs.copyFileSync(FIXTURE_JAR, target);
      await menuItem(page, 'fixture/greeting').waitFor({ timeout: 30_000 });
      deployMs.push(Date.now() - t);
      t = Date.now();
      fs.unlinkSync(target);
      await menuItem(page, 'fixture/greeting').waitFor({ state: 'detached', timeout: 30_000 });
      undeployMs.push(Date.now() - t);
      console.log(`jar deploy ${i + 1}: ${deployMs.at(-1)} ms, undeploy ${undeployMs.at(-1)} ms`);
    }
  } finally {
    await portal.stop();
  }
  return { deployMs, undeployMs };
}

const row = (name, s, goal) => `| ${name} | ${s.n} | ${s.median} | ${s.p95} | ${s.min} | ${s.max} | ${goal} |`;
const failedRow = (name, error) => `| ${name} | FAILED: ${error.replace(/\|/g, '/')} | | | | | |`;
const met = (s, ok) => (ok(s.p95) ? 'met' : ok(s.median) ? 'median met, p95 not' : 'NOT met');
const JVM_HEADING = '## JVM options and the idle RSS';

function jvmSectionOf(text) {
  const at = text.indexOf(JVM_HEADING);
  return at < 0 ? '' : text.slice(at);
}

async function main(runs, deploys) {
  const browser = await launchBrowser();
  const starts = [];
  const karOks = [];
  const karDocsearch = [];
  let jars;
  try {
    for (let i = 0; i < runs; i++) {
      starts.push(await startAndIdle(browser, { withRestart: true }));
      console.log(`start ${i + 1}: ${JSON.stringify(starts.at(-1))}`);
    }
    for (let i = 0; i < runs; i++) {
      karOks.push(await karDeploy(browser, 'oks'));
      karDocsearch.push(await karDeploy(browser, 'docsearch'));
      console.log(`KAR ${i + 1}: oks ${JSON.stringify(karOks.at(-1))}, docsearch ${JSON.stringify(karDocsearch.at(-1))}`);
    }
    // a failed part is reported as such (and fails the run) without losing the others' numbers
    jars = await jarDeploys(browser, deploys).catch(e => ({ error: e.message.split('\n')[0] }));
  } finally {
    await browser.close();
  }
  const modulesCfg = fs.readFileSync(path.join(ASSEMBLY, 'etc/ua.hromada.portal.modules.cfg'), 'utf8');
  const boot = /^boot\s*=\s*(.*)$/m.exec(modulesCfg)?.[1] ?? '(none)';
  const ready = stats(starts.map(s => s.readyMs));
  const restarted = stats(starts.map(s => s.restartMs));
  const rss = stats(starts.map(s => s.rss));
  const oks = stats(karOks.map(k => k.deployMs));
  const args = process.argv.slice(2).join(' ');
  const previous = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '';
  const report = `# Platform benchmark

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`node bench/platform.mjs${args ? ` ${args}` : ''}\`.
Assembly as built: platform feature hromada-core, modules booted from etc/ua.hromada.portal.modules.cfg: boot = ${boot}.
Portal JVM as shipped (bin/setenv): ${shippedJvm()}.
Machine: ${machine()}.
Load: ${machineLoad()}.

| measure | runs | median | p95 | min | max | goal |
|---|---|---|---|---|---|---|
${row('clean start (ms): empty data/ and database until /api/health is 200 (UP: every booted module ACTIVE, its views registered) and the portal page answers', ready, `< 15 000 (${met(ready, v => v < 15_000)})`)}
${row('restart with existing data (ms): Karaf stopped (SIGTERM), started on the same data/ and database until health 200 and the page answers', restarted, `< 8 000 (${met(restarted, v => v < 8_000)})`)}
${row(`idle RSS (MB) of the Karaf process, all modules, ${IDLE_MS / 1000} s after start and a signed-in page load`, rss, `≤ 400 (${met(rss, v => v <= 400)})`)}
${row(`KAR hot deploy (ms), OKS (${karOks[0]?.kar}, ${karOks[0]?.mb.toFixed(1)} MB, 7 bundles and its libraries): dropped into deploy/ of a platform-only portal until its menu entry is in the open page`, oks, `< 10 000 (${met(oks, v => v < 10_000)})`)}
${row('KAR undeploy (ms), OKS: KAR deleted until the menu entry is gone from the open page', stats(karOks.map(k => k.undeployMs)), '—')}
${row(`KAR hot deploy (ms), document search (${karDocsearch[0]?.kar}, ${karDocsearch[0]?.mb.toFixed(1)} MB: Lucene, Tika), the same way`, stats(karDocsearch.map(k => k.deployMs)), '—')}
${row('KAR undeploy (ms), document search', stats(karDocsearch.map(k => k.undeployMs)), '—')}
${jars.error ? failedRow('hot deploy of a single-bundle module jar', jars.error)
    : `${row('hot deploy (ms): single-bundle module jar copied into deploy/ of a running portal until its menu entry is in an open page (push)', stats(jars.deployMs), '< 3 000')}
${row('hot undeploy (ms): that jar deleted until the menu entry is gone from the open page', stats(jars.undeployMs), '—')}`}

Heap at the RSS sample (MB, median of committed / used / metaspace committed): ${stats(starts.map(s => s.heap.committed)).median} / ${stats(starts.map(s => s.heap.used)).median} / ${stats(starts.map(s => s.heap.metaspace)).median}.

Clean start includes Karaf provisioning hromada-core from system/, ModuleBoot installing the boot
modules' features, Flyway creating each module's schema in the empty database, and the Vaadin
servlet initialising; /api/health answers 503 STARTING until all of it is done. A platform-only
portal for the KAR runs has no module in system/, none in its feature repositories and no Maven
repository, so the KAR carries everything; each KAR run is a fresh portal and database. Hot
deploy includes the deploy folder poll (felix.fileinstall.poll = 500 ms in config/), Karaf's
feature installation, bundle resolution and start, the module's migrations, the DS components and
the coalesced push of the new menu (150 ms settle time in the shell).

${jvmSectionOf(previous)}`;
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, report.trimEnd() + '\n');
  console.log(report);
  if (jars.error) process.exitCode = 1;
}

function shippedJvm() {
  const setenv = fs.readFileSync(path.join(ASSEMBLY, 'bin/setenv'), 'utf8');
  const mem = v => new RegExp(`${v}:-(\\w+)`).exec(setenv)?.[1];
  const opts = /HROMADA_JAVA_OPTS="([^"]*)"/.exec(setenv)?.[1] ?? '';
  return `-Xms${mem('JAVA_MIN_MEM')} -Xmx${mem('JAVA_MAX_MEM')} ${opts.split(' ').filter(o => o.startsWith('-XX')).join(' ')}`.trim();
}

async function jvm(runs, names) {
  const browser = await launchBrowser();
  const results = [];
  try {
    for (const name of names) {
      const variant = VARIANTS[name];
      if (!variant) throw new Error(`unknown variant ${name}: ${Object.keys(VARIANTS).join(', ')}`);
      const saved = { ...process.env };
      process.env.EXTRA_JAVA_OPTS = variant.opts ?? '';
      Object.assign(process.env, variant.env ?? {});
      const samples = [];
      try {
        for (let i = 0; i < runs; i++) {
          samples.push(await startAndIdle(browser));
          console.log(`${name} ${i + 1}: ${JSON.stringify(samples.at(-1))}`);
        }
      } finally {
        for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
        Object.assign(process.env, saved);
      }
      results.push({ name, variant, ready: stats(samples.map(s => s.readyMs)), rss: stats(samples.map(s => s.rss)),
        committed: stats(samples.map(s => s.heap.committed)).median, used: stats(samples.map(s => s.heap.used)).median });
    }
  } finally {
    await browser.close();
  }
  const shipped = results.find(r => r.name === 'shipped');
  const signed = v => (v > 0 ? `+${v}` : `${v}`);
  const delta = r => (shipped && r !== shipped ? `${signed(r.rss.median - shipped.rss.median)} MB / ${signed(r.ready.median - shipped.ready.median)} ms` : '');
  const what = v => [v.opts, ...Object.entries(v.env ?? {}).map(([k, val]) => `${k}=${val}`)].filter(Boolean).join(' ') || 'bin/setenv as shipped';
  const section = `${JVM_HEADING}

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`node bench/platform.mjs ${process.argv.slice(2).join(' ')}\`:
each variant ${runs} clean starts with every module booted, a signed-in page load, ${IDLE_MS / 1000} s idle, then the
RSS of the Karaf process. Options on top of the shipped bin/setenv (${shippedJvm()}).
Machine: ${machine()}.
Load: ${machineLoad()}.

| variant | options | start median / p95 (ms) | RSS median / min / max (MB) | heap committed / used (MB) | vs shipped: RSS / start (median) |
|---|---|---|---|---|---|
${results.map(r => `| ${r.name} | ${what(r.variant)} | ${r.ready.median} / ${r.ready.p95} | ${r.rss.median} / ${r.rss.min} / ${r.rss.max} | ${r.committed} / ${r.used} | ${delta(r)} |`).join('\n')}
`;
  const previous = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '# Platform benchmark\n';
  const at = previous.indexOf(JVM_HEADING);
  const head = (at < 0 ? previous : previous.slice(0, at)).trimEnd();
  fs.writeFileSync(RESULTS, `${head}\n\n${section}`);
  console.log(section);
}

const argv = process.argv.slice(2);
if (argv[0] === '--jvm') {
  await jvm(Number(argv[1] ?? 3), argv.length > 2 ? argv.slice(2) : Object.keys(VARIANTS));
} else {
  await main(Number(argv[0] ?? 5), Number(argv[1] ?? 10));
}
