// Platform benchmark: start-to-ready of a clean portal and hot-deploy-to-view of a module.
// Usage: node bench/platform.mjs [starts=5] [deploys=10]   (after `mvn -B install`)
// Writes bench/results/platform.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { Portal, launchBrowser, signIn, menuItem, FIXTURE_JAR, ASSEMBLY } from '../karaf-assembly/src/test/e2e/lib/portal.mjs';

const starts = Number(process.argv[2] ?? 5);
const deploys = Number(process.argv[3] ?? 10);
const here = path.dirname(new URL(import.meta.url).pathname);

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = q => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}

const readyMs = [];
for (let i = 0; i < starts; i++) {
  const portal = new Portal({ port: 19181, database: 'hromada_bench' });
  await portal.start();
  readyMs.push(portal.readyAfterMs);
  console.log(`start ${i + 1}: ready after ${portal.readyAfterMs} ms`);
  await portal.stop();
}

const portal = new Portal({ port: 19181, database: 'hromada_bench' });
await portal.start();
const browser = await launchBrowser();
const page = await (await browser.newContext({ locale: 'uk-UA' })).newPage();
await signIn(page, portal, 'admin', 'admin');
await page.locator('#dashboard').waitFor();
const deployMs = [];
const undeployMs = [];
try {
  for (let i = 0; i < deploys; i++) {
    const target = path.join(portal.deploy, 'fixture-module.jar');
    let t = Date.now();
    fs.copyFileSync(FIXTURE_JAR, target);
    await menuItem(page, 'fixture/greeting').waitFor({ timeout: 30_000 });
    deployMs.push(Date.now() - t);
    t = Date.now();
    fs.unlinkSync(target);
    await menuItem(page, 'fixture/greeting').waitFor({ state: 'detached', timeout: 30_000 });
    undeployMs.push(Date.now() - t);
    console.log(`deploy ${i + 1}: ${deployMs.at(-1)} ms, undeploy ${undeployMs.at(-1)} ms`);
  }
} finally {
  await browser.close();
  await portal.stop();
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const java = execSync('ls /usr/lib/jvm | grep 17 | head -1').toString().trim();
const featuresCfg = fs.readFileSync(path.join(ASSEMBLY, 'etc/org.apache.karaf.features.cfg'), 'utf8');
const booted = [...new Set(featuresCfg.match(/hromada-[a-z-]+/g) ?? [])].filter(f => f !== 'hromada-features').join(', ');
const row = (name, s, goal) => `| ${name} | ${s.n} | ${s.median} | ${s.p95} | ${s.min} | ${s.max} | ${goal} |`;
const report = `# Platform benchmark

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`node bench/platform.mjs ${starts} ${deploys}\`.
Assembly as built, Hromada boot features: ${booted}.
Machine: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${java}, PostgreSQL on loopback.

| measure (ms) | runs | median | p95 | min | max | goal |
|---|---|---|---|---|---|---|
${row('start to ready: clean Karaf start (empty data/) until /api/health is 200 (every boot feature started) and the portal page answers', stats(readyMs), '< 15 000')}
${row('hot deploy: jar copied into deploy/ until its menu entry is in an open page (push)', stats(deployMs), '< 3 000')}
${row('hot undeploy: jar deleted until the menu entry is gone from the open page', stats(undeployMs), '—')}

Start-to-ready includes Karaf provisioning and starting every boot feature from system/ (health
answers 503 "STARTING" until Karaf's BootFinished service is there), Flyway creating each module's
schema in the empty database, and the Vaadin servlet initialising. Hot deploy includes the deploy folder poll
(felix.fileinstall.poll = 500 ms in config/), bundle resolution and start, the DS components and
the coalesced push of the new menu (150 ms settle time in the shell).
`;
fs.mkdirSync(path.join(here, 'results'), { recursive: true });
fs.writeFileSync(path.join(here, 'results/platform.md'), report);
console.log(report);
