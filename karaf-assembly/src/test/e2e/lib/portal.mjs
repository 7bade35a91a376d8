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

/** Signs in through the login form and waits for the portal frame. */
export async function signIn(page, portal, username, password) {
  await page.goto(portal.url + 'login');
  await page.fill('vaadin-login-form input[name=username]', username);
  await page.fill('vaadin-login-form input[name=password]', password);
  await page.click('vaadin-login-form vaadin-button[slot="submit"], vaadin-login-form vaadin-button');
}

export function menuItem(page, route) {
  return page.locator(`vaadin-side-nav-item[data-route="${route}"]`);
}
