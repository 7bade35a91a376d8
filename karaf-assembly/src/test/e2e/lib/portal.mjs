// Starts a throw-away copy of the built Karaf assembly as a real process, with its own database
// and ports, so tests never touch a developer's portal or data.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const here = path.dirname(new URL(import.meta.url).pathname);
export const ASSEMBLY = process.env.HROMADA_ASSEMBLY ?? path.resolve(here, '../../../../target/assembly');
export const FIXTURE_JAR = process.env.FIXTURE_JAR ?? path.resolve(here,
  '../../../../../bundles/portal-fixture-module/target/portal-fixture-module-0.1.0-SNAPSHOT.jar');
export const FAILING_JAR = process.env.FAILING_JAR ?? path.resolve(here,
  '../../../../../bundles/portal-fixture-failing/target/portal-fixture-failing-0.1.0-SNAPSHOT.jar');

function java17() {
  for (const jdk of ['/usr/lib/jvm/java-17-openjdk-amd64', '/usr/lib/jvm/java-17-openjdk']) {
    if (fs.existsSync(`${jdk}/bin/java`)) return jdk;
  }
  return process.env.JAVA_HOME;
}

function psql(db, sql) {
  return execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', db, '-Atqc', sql], { encoding: 'utf8' });
}

function setCfg(file, values) {
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  for (const [key, value] of Object.entries(values)) {
    const line = `${key} = ${value}`;
    const re = new RegExp(`^${key.replace(/\./g, '\\.')}\\s*=.*$`, 'm');
    text = re.test(text) ? text.replace(re, line) : `${text}\n${line}\n`;
  }
  fs.writeFileSync(file, text);
}

export class Portal {
  constructor({ port = 18181, database = 'hromada_e2e' } = {}) {
    this.port = port;
    this.database = database;
    this.url = `http://127.0.0.1:${port}/`;
    this.home = fs.mkdtempSync(path.join(os.tmpdir(), 'hromada-e2e-'));
    this.deploy = path.join(this.home, 'deploy');
  }

  /** Copies the assembly, points it at a fresh database and free ports, starts it, waits for health. */
  async start() {
    if (!fs.existsSync(path.join(ASSEMBLY, 'bin/karaf'))) {
      throw new Error(`No assembly at ${ASSEMBLY}: build it first (mvn install)`);
    }
    execFileSync('cp', ['-a', `${ASSEMBLY}/.`, this.home]);
    fs.rmSync(path.join(this.home, 'data'), { recursive: true, force: true });
    psql('postgres', `drop database if exists ${this.database} with (force)`);
    psql('postgres', `create database ${this.database}`);
    try { psql(this.database, 'create extension if not exists postgis'); } catch { /* PostGIS optional for the platform */ }
    const etc = path.join(this.home, 'etc');
    setCfg(path.join(etc, 'org.ops4j.datasource-hromada.cfg'), { url: `jdbc:postgresql://127.0.0.1:5432/${this.database}?options=-c%20jit=off` });
    setCfg(path.join(etc, 'org.apache.felix.http.cfg'), { 'org.osgi.service.http.port': this.port });
    setCfg(path.join(etc, 'org.apache.karaf.shell.cfg'), { sshPort: this.port + 1 });
    setCfg(path.join(etc, 'org.apache.karaf.management.cfg'), {
      rmiRegistryPort: this.port + 2, rmiServerPort: this.port + 3,
    });
    setCfg(path.join(etc, 'ua.hromada.portal.cfg'), { 'public.url': this.url });
    // a console account for the ssh client the tests use (the shipped users.properties has none)
    fs.appendFileSync(path.join(etc, 'users.properties'),
      '\nkaraf = karaf,_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n');
    this.startedAt = Date.now();
    this.process = spawn(path.join(this.home, 'bin/karaf'), ['server'], {
      cwd: this.home, detached: true, stdio: 'ignore',
      env: { ...process.env, JAVA_HOME: java17() },
    });
    await this.waitForHealth(90_000);
    this.readyAfterMs = Date.now() - this.startedAt;
  }

  async waitForHealth(timeoutMs) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      try {
        // 503 while the database is unreachable or Karaf is still starting the boot features
        const res = await fetch(`${this.url}api/health`);
        if (res.status === 200) {
          // the portal page itself must answer too, not only the health servlet
          const page = await fetch(this.url, { redirect: 'manual' });
          if (page.status < 500) return;
        }
      } catch { /* not listening yet */ }
      await new Promise(r => setTimeout(r, 250));
    }
    throw new Error(`Portal not healthy within ${timeoutMs} ms; see ${this.home}/data/log/karaf.log`);
  }

  /**
   * Runs Karaf console commands over ssh (bin/client, batch mode) and returns the output.
   * Commands go in on stdin: the client's one-shot argument mode printed nothing here.
   */
  console(...commands) {
    return execFileSync(path.join(this.home, 'bin/client'),
      ['-a', String(this.port + 1), '-u', 'karaf', '-p', 'karaf', '-r', '5', '-d', '2', '-b'],
      { input: `${commands.join('\n')}\n`, encoding: 'utf8', env: { ...process.env, JAVA_HOME: java17() },
        timeout: 60_000 });
  }

  async health() {
    const res = await fetch(`${this.url}api/health`);
    return { status: res.status, body: await res.json() };
  }

  log() {
    return fs.readFileSync(path.join(this.home, 'data/log/karaf.log'), 'utf8');
  }

  /**
   * The portal's side of a failure report: health, the log's warnings and errors, and the stacks
   * of the threads that serve requests or run portal code (a stall shows there).
   */
  async diagnose() {
    const lines = [];
    try {
      const res = await fetch(`${this.url}api/health`, { signal: AbortSignal.timeout(5_000) });
      lines.push(`health: ${res.status} ${(await res.text()).slice(0, 300)}`);
    } catch (e) {
      lines.push(`health: ${e.message}`);
    }
    try {
      const entries = this.log().split(/\n(?=\d{4}-\d\d-\d\dT)/).filter(e => /\|\s*(WARN|ERROR)\s*\|/.test(e));
      lines.push(`karaf.log: ${entries.length} warnings/errors, the last ones:`,
        ...entries.slice(-8).map(e => e.split('\n').slice(0, 6).join('\n').slice(0, 1200)));
    } catch (e) {
      lines.push(`karaf.log unreadable: ${e.message}`);
    }
    try {
      const pid = execFileSync('pgrep', ['-f', `karaf.home=${this.home}`], { encoding: 'utf8' }).trim().split('\n')[0];
      const dump = execFileSync(path.join(java17(), 'bin/jstack'), [pid], { encoding: 'utf8', timeout: 20_000 });
      // idle pool threads, selectors and acceptors say nothing about a stall
      const idle = /idleJobPoll|ManagedSelector|Acceptor\.run|ReservedThread\.waitForTask|ThreadPoolExecutor\.getTask/;
      const threads = dump.split('\n\n').filter(t => (/^"(qtp|hromada|features)/.test(t) || /ua\.hromada|com\.vaadin/.test(t))
        && !idle.test(t));
      lines.push(`threads of interest: ${threads.length}`, ...threads.map(t => t.split('\n').slice(0, 30).join('\n')));
    } catch (e) {
      lines.push(`no thread dump: ${e.message.split('\n')[0]}`);
    }
    return lines.join('\n');
  }

  async stop() {
    if (this.process && this.process.exitCode === null) {
      const exited = new Promise(r => this.process.once('exit', r));
      try { process.kill(-this.process.pid, 'SIGTERM'); } catch { /* already gone */ }
      await Promise.race([exited, new Promise(r => setTimeout(r, 15_000))]);
      try { process.kill(-this.process.pid, 'SIGKILL'); } catch { /* gone */ }
    }
    if (!process.env.KEEP_PORTAL) fs.rmSync(this.home, { recursive: true, force: true });
    try { psql('postgres', `drop database if exists ${this.database} with (force)`); } catch { /* ignore */ }
  }
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/**
 * Signs in through the login form. A login page that has not shown its form within 20 s is
 * described (what the browser got, what the portal logged, what its request threads do) and
 * loaded once more: a CI run once saw the form never appear, and nothing else tells why.
 */
export async function signIn(page, portal, username, password) {
  const form = page.locator('vaadin-login-form input[name=username]');
  const seen = [];
  const onConsole = m => { if (/error|warn/.test(m.type())) seen.push(`console ${m.type()}: ${m.text().slice(0, 300)}`); };
  const onResponse = r => { if (r.status() >= 400) seen.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`); };
  const onFailed = r => seen.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`);
  page.on('console', onConsole);
  page.on('response', onResponse);
  page.on('requestfailed', onFailed);
  try {
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      let loaded = 'loaded';
      try {
        await page.goto(portal.url + 'login', { timeout: 30_000 });
      } catch (e) {
        loaded = `not loaded: ${e.message.split('\n')[0]}`;
      }
      const loadMs = Date.now() - started;
      try {
        await form.waitFor({ timeout: 20_000 });
        if (attempt > 1 || loadMs > 5_000) console.log(`signIn: login page ${loaded} in ${loadMs} ms (attempt ${attempt})`);
        break;
      } catch (e) {
        const report = [`signIn: no login form ${Date.now() - started} ms after opening ${portal.url}login `
          + `(attempt ${attempt}, page ${loaded} in ${loadMs} ms)`, await describePage(page), ...seen.splice(0),
          await portal.diagnose()].join('\n');
        if (attempt >= 2) throw new Error(report);
        console.log(report);
      }
    }
  } finally {
    page.off('console', onConsole);
    page.off('response', onResponse);
    page.off('requestfailed', onFailed);
  }
  await form.fill(username);
  await page.fill('vaadin-login-form input[name=password]', password);
  await page.click('vaadin-login-form vaadin-button[slot="submit"], vaadin-login-form vaadin-button');
}

/** What a page shows, for a failure report. */
async function describePage(page) {
  try {
    const state = await Promise.race([page.evaluate(() => ({
      title: document.title,
      readyState: document.readyState,
      body: (document.body?.innerText ?? '').slice(0, 400),
      tags: [...new Set([...document.querySelectorAll('body *')].map(e => e.localName))].slice(0, 40).join(' '),
      connection: document.querySelector('vaadin-connection-indicator')?.getAttribute('loading') ?? 'n/a',
    })), new Promise((_, fail) => setTimeout(() => fail(new Error('no answer in 5 s')), 5_000))]);
    return `page ${page.url()} title=${JSON.stringify(state.title)} readyState=${state.readyState} `
      + `connection-loading=${state.connection}\nelements: ${state.tags}\ntext: ${JSON.stringify(state.body)}`;
  } catch (e) {
    return `page ${page.url()} could not be read: ${e.message.split('\n')[0]}`;
  }
}

export function menuItem(page, route) {
  return page.locator(`vaadin-side-nav-item[data-route="${route}"]`);
}
