// Starts a throw-away copy of the built Karaf assembly as a real process, with its own database
// and ports, so tests never touch a developer's portal or data.
import { spawn, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const here = path.dirname(new URL(import.meta.url).pathname);
export const ASSEMBLY = process.env.HROMADA_ASSEMBLY ?? path.resolve(here, '../../../../target/assembly');
export const FIXTURE_JAR = process.env.FIXTURE_JAR ?? path.resolve(here,
  '../../../../../bundles/portal-fixture-module/target/portal-fixture-module-0.1.0-SNAPSHOT.jar');
export const FAILING_JAR = process.env.FAILING_JAR ?? path.resolve(here,
  '../../../../../bundles/portal-fixture-failing/target/portal-fixture-failing-0.1.0-SNAPSHOT.jar');

export function java17() {
  for (const jdk of ['/usr/lib/jvm/java-17-openjdk-amd64', '/usr/lib/jvm/java-17-openjdk']) {
    if (fs.existsSync(`${jdk}/bin/java`)) return jdk;
  }
  return process.env.JAVA_HOME;
}

function psql(db, sql, server = DEFAULT_DB_SERVER) {
  return execFileSync('psql', ['-h', server.host, '-p', String(server.port), '-U', 'postgres', '-d', db,
    '-v', 'ON_ERROR_STOP=1', '-Atqc', sql], { encoding: 'utf8' });
}

/** The shared PostgreSQL of the tests; a file that stops its database brings its own (dbServer). */
const DEFAULT_DB_SERVER = { host: '127.0.0.1', port: 5432 };

/**
 * Layers a community folder over etc/ as start-portal.sh --config does: each key of its .cfg files
 * is set in etc/'s file of the same name, other files except *.md (the logo) are copied.
 */
function layerConfig(dir, etc) {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (!fs.statSync(file).isFile() || name.endsWith('.md')) continue;
    if (!name.endsWith('.cfg')) {
      fs.copyFileSync(file, path.join(etc, name));
      continue;
    }
    const values = {};
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const m = /^\s*([^#!\s][^=]*?)\s*=\s*(.*?)\s*$/.exec(line);
      if (m) values[m[1]] = m[2];
    }
    setCfg(path.join(etc, name), values);
  }
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

/**
 * Waits for a condition: calls check() until it returns something truthy (returned) or the time is
 * up (throws, naming what was awaited and the last answer or error). A poll on a condition, not a sleep.
 */
export async function until(what, check, { timeoutMs = 60_000, intervalMs = 250 } = {}) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() >= end) throw new Error(`${what}: not within ${timeoutMs} ms (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise(r => setTimeout(r, intervalMs));
  }
}

/** Whether something accepts connections on 127.0.0.1:port. */
function listening(port) {
  return new Promise(resolve => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(2_000);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Atmosphere (Vaadin's push library) logs an ERROR when a browser drops a long-polling request
 * that Jetty 12 has already recycled: a closed tab, not a fault of the portal. Only that exact
 * case is tolerated by the log checks; every other error fails a run.
 */
export function benignPushDisconnect(entry) {
  const disconnect = /OnDisconnectInterceptor|EofException|ClosedChannelException|Broken pipe|Connection reset/;
  // the same drop seen from Vaadin's side: its connection-lost handler reads the request Jetty recycled
  const lostRecycled = /PushHandler\.handleConnectionLost/.test(entry)
    && /Request object no longer valid\. This object has been cancelled/.test(entry);
  return /Failed to cancel resource|Exception in push connection/.test(entry) && (disconnect.test(entry) || lostRecycled);
}

/**
 * A log-entry filter for one module: logged by one of its bundles (the bundle column holds the
 * symbolic name, e.g. "ua.hromada.oks-ui") or with a stack trace through its code (a view's
 * exception logged by the shell). The key is the package segment: oks, opendata, docsearch.
 */
export function fromModule(key) {
  const bundle = new RegExp(`\\|\\s*\\d+ - ua\\.hromada\\.${key}-[\\w-]+ - `);
  const code = new RegExp(`\\bua\\.hromada\\.${key}\\.`);
  return entry => bundle.test(entry.split('\n')[0]) || code.test(entry);
}

/** Health's view entries as { route, permission, public, module }, whatever shape the servlet uses. */
function viewOf(v, module) {
  if (typeof v === 'string') return { route: v, permission: undefined, public: undefined, module };
  return {
    route: v.route,
    permission: v.permission !== undefined ? v.permission : v.requiredPermission,
    public: v.public !== undefined ? v.public : v.isPublic,
    module: v.module ?? module,
  };
}

export class Portal {
  /**
   * @param config settings written into etc/ before the start, { 'file.cfg': { key: value } }
   *               (e.g. an Open311 API key: the shipped config has none)
   * @param configDir a community folder (e.g. config/examples/horishni-plavni) layered over etc/
   *               like start-portal.sh --config does, before the harness's own database and ports
   * @param prepare  called with the copy's home folder after etc/ is written and before the start,
   *               to change what the copy carries (e.g. take module artifacts out of system/)
   * @param dbServer the PostgreSQL to use, { host, port } (the shared one on 5432 unless a file runs its own)
   * @param joinDatabase a second node of a portal already started on `database`: its database is
   *               used as it is (neither made afresh at the start nor dropped at the stop)
   */
  constructor({ port = 18181, database = 'hromada_e2e', config = {}, configDir, prepare = () => {},
    dbServer = DEFAULT_DB_SERVER, joinDatabase = false } = {}) {
    this.port = port;
    this.joinDatabase = joinDatabase;
    this.dbServer = dbServer;
    this.database = database;
    this.config = config;
    this.configDir = configDir;
    this.prepare = prepare;
    this.url = `http://127.0.0.1:${port}/`;
    this.home = fs.mkdtempSync(path.join(os.tmpdir(), 'hromada-e2e-'));
    this.deploy = path.join(this.home, 'deploy');
  }

  /**
   * Starts the portal once however many parts of a test file ask (a file that runs the tests of
   * another part, e.g. gis.test.mjs with gis-viewer.mjs, against one portal: each start of a test
   * portal costs CI 15-25 s). Every part's before() awaits this; the file's own after() stops it.
   */
  ready() {
    this.starting ??= this.start();
    return this.starting;
  }

  /** Copies the assembly, points it at a fresh database and free ports, starts it, waits for health. */
  async start() {
    if (!fs.existsSync(path.join(ASSEMBLY, 'bin/karaf'))) {
      throw new Error(`No assembly at ${ASSEMBLY}: build it first (mvn install)`);
    }
    // a portal left running by an interrupted run would answer in this one's place: the tests
    // would pass or fail against the wrong process, so a taken port stops the start
    for (const port of [this.port, this.port + 1, this.port + 2, this.port + 3]) {
      if (await listening(port)) {
        throw new Error(`port ${port} is already in use (a portal left over from an interrupted run? see ss -ltnp)`);
      }
    }
    execFileSync('cp', ['-a', `${ASSEMBLY}/.`, this.home]);
    fs.rmSync(path.join(this.home, 'data'), { recursive: true, force: true });
    if (!this.joinDatabase) {
      psql('postgres', `drop database if exists ${this.database} with (force)`, this.dbServer);
      psql('postgres', `create database ${this.database}`, this.dbServer);
      try { psql(this.database, 'create extension if not exists postgis', this.dbServer); } catch { /* PostGIS optional for the platform */ }
    }
    const etc = path.join(this.home, 'etc');
    if (this.configDir) layerConfig(this.configDir, etc);
    setCfg(path.join(etc, 'org.ops4j.datasource-hromada.cfg'), {
      url: `jdbc:postgresql://${this.dbServer.host}:${this.dbServer.port}/${this.database}?options=-c%20jit=off`,
    });
    setCfg(path.join(etc, 'org.apache.felix.http.cfg'), { 'org.osgi.service.http.port': this.port });
    setCfg(path.join(etc, 'org.apache.karaf.shell.cfg'), { sshPort: this.port + 1 });
    setCfg(path.join(etc, 'org.apache.karaf.management.cfg'), {
      rmiRegistryPort: this.port + 2, rmiServerPort: this.port + 3,
    });
    setCfg(path.join(etc, 'ua.hromada.portal.cfg'), { 'public.url': this.url });
    for (const [file, values] of Object.entries(this.config)) setCfg(path.join(etc, file), values);
    // a console account for the ssh client the tests use (the shipped users.properties has none)
    fs.appendFileSync(path.join(etc, 'users.properties'),
      '\nkaraf = karaf,_g_:admingroup\n_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n');
    this.prepare(this.home);
    this.startedAt = Date.now();
    this.spawnKaraf();
    await this.waitForHealth(90_000);
    this.readyAfterMs = Date.now() - this.startedAt;
  }

  /**
   * Starts bin/karaf server in the copy. What Karaf and its JVM print before the log is set up
   * (a JVM that cannot start, a script error) goes to console.log in the home, and the exit is
   * recorded, so a start that fails says why instead of only that nothing listens.
   */
  spawnKaraf() {
    const out = fs.openSync(path.join(this.home, 'console.log'), 'a');
    this.exit = null;
    // HROMADA_E2E_JAVA_OPTS (set by the e2e run in karaf-assembly/pom.xml): a test portal lives a
    // minute or two, and C2's compile threads competed with Chromium for the 2 cores; with C1 only
    // (-XX:TieredStopAtLevel=1) a start took 12–13 s instead of 18 s here and the access matrix ran
    // no slower. The bench scripts start the portal without it: their figures are the product's.
    const extra = [process.env.EXTRA_JAVA_OPTS, process.env.HROMADA_E2E_JAVA_OPTS].filter(Boolean).join(' ');
    this.process = spawn(path.join(this.home, 'bin/karaf'), ['server'], {
      cwd: this.home, detached: true, stdio: ['ignore', out, out],
      env: { ...process.env, JAVA_HOME: java17(), ...(extra ? { EXTRA_JAVA_OPTS: extra } : {}) },
    });
    fs.closeSync(out);
    const started = this.process;
    started.once('exit', (code, signal) => {
      if (this.process === started) this.exit = { code, signal, afterMs: Date.now() - this.startedAt };
    });
  }

  /** What a failed start leaves to read: the exit, the console, the log's end, the JVM's main threads. */
  startDiagnosis() {
    const tail = (file, lines) => {
      try {
        return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') || '(empty)';
      } catch {
        return '(not written)';
      }
    };
    let threads = '(no JVM)';
    try {
      const pid = execFileSync('pgrep', ['-f', `karaf.home=${this.home}`], { encoding: 'utf8' }).trim().split('\n')[0];
      const dump = execFileSync(`${java17()}/bin/jcmd`, [pid, 'Thread.print'], { encoding: 'utf8', timeout: 30_000 });
      // the start-up threads: where a boot that hangs is waiting
      threads = dump.split(/\n(?=")/).filter(t => /^"(main|FelixStartLevel|FelixDispatchQueue|fileinstall|features-)/.test(t))
        .map(t => t.split('\n').slice(0, 12).join('\n')).join('\n') || dump.slice(0, 3000);
    } catch (e) {
      threads = `(no JVM found or no dump: ${e.message.split('\n')[0]})`;
    }
    let disk = '';
    try { disk = execFileSync('df', ['-h', this.home, os.tmpdir()], { encoding: 'utf8' }).trim(); } catch { /* no df */ }
    return `\nKaraf process: ${this.exit ? `exited ${JSON.stringify(this.exit)}` : 'running'}`
      + `\nconsole.log (last 20 lines):\n${tail(path.join(this.home, 'console.log'), 20)}`
      + `\nkaraf.log (last 15 lines):\n${tail(path.join(this.home, 'data/log/karaf.log'), 15)}`
      + `\nstart-up threads:\n${threads}\ndisk:\n${disk}`;
  }

  async waitForHealth(timeoutMs) {
    const until = Date.now() + timeoutMs;
    let last = 'nothing listening';
    while (Date.now() < until && !this.exit) {
      try {
        // 503 while the database is unreachable or Karaf is still starting the boot features
        const res = await fetch(`${this.url}api/health`);
        last = `health ${res.status}: ${(await res.text()).slice(0, 600)}`;
        if (res.status === 200) {
          // the portal page itself must answer too, not only the health servlet
          const page = await fetch(this.url, { redirect: 'manual' });
          if (page.status < 500) return;
          last = `health 200, portal page ${page.status}`;
        }
      } catch { /* not listening yet */ }
      await new Promise(r => setTimeout(r, 250));
    }
    // the log is gone with the run's temp folder: what the portal said goes into the failure
    let errors = [];
    try { errors = this.logErrors().slice(0, 3); } catch { /* no log written */ }
    throw new Error(`Portal not healthy within ${timeoutMs} ms; last answer: ${last}; `
      + `see ${this.home}/data/log/karaf.log${errors.length ? `; first errors:\n${errors.join('\n')}` : ''}`
      + this.startDiagnosis());
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

  /** Runs SQL in the portal's database (one psql command string = one transaction); trimmed output. */
  sql(query) {
    return psql(this.database, query, this.dbServer).trim();
  }

  log() {
    return fs.readFileSync(path.join(this.home, 'data/log/karaf.log'), 'utf8');
  }

  /** The log as entries: a line with a time stamp and the stack-trace lines under it. */
  logEntries() {
    return this.log().split(/\n(?=\d{4}-\d\d-\d\dT)/);
  }

  /**
   * The log entries that fail a run, each cut to its first lines: every ERROR/FATAL entry that
   * `filter` selects (a RegExp tried on the whole entry, a function, or none for all), except
   * Atmosphere's dropped push connection (benignPushDisconnect), and always Vaadin's "Unexpected
   * message id" whatever its level (WARN): a page whose messages went out of order lost the
   * user's action.
   */
  logErrors(filter = () => true) {
    const selected = filter instanceof RegExp ? e => filter.test(e) : filter;
    return this.logEntries()
      .filter(e => (/^\S+ \|\s*(ERROR|FATAL)\s*\|/.test(e) && selected(e) && !benignPushDisconnect(e))
        || (/^\S+ \|\s*(WARN|ERROR|FATAL)\s*\|/.test(e) && /Unexpected message id/.test(e)))
      .map(e => e.split('\n').slice(0, 6).join('\n'));
  }

  /**
   * The administrator the tests sign in as. The first administrator's password comes from a file
   * (and must be changed at its first sign-in), so the harness sets its own, once, the way an
   * operator would: over the console.
   */
  admin() {
    if (!this.adminAccount) {
      const password = `E2e-${crypto.randomBytes(12).toString('base64url')}!`;
      const out = this.console(`portal:user-passwd --password '${password}' admin`);
      if (!/змінено|changed/i.test(out)) throw new Error(`the console did not set the admin password: ${out}`);
      this.adminAccount = { username: 'admin', password };
    }
    return this.adminAccount;
  }

  /**
   * What the portal has registered, from the localhost (full-detail) health answer:
   * views: [{ route, permission (null = any signed-in user, "a|b" = any of them; undefined when
   * the servlet does not say), public, module }], apis: [{ patterns, permissions: [{ method,
   * permission }] }] for the servlets of the hromada context, and the raw body.
   */
  async contributions() {
    const { status, body } = await this.health();
    if (status !== 200) throw new Error(`health answered ${status}: ${JSON.stringify(body)}`);
    const views = new Map();
    for (const m of body.modules ?? []) {
      for (const v of m.views ?? []) {
        const view = viewOf(v, m.key);
        views.set(view.route, { ...views.get(view.route), ...view });
      }
    }
    for (const v of body.views ?? []) {
      const view = viewOf(v, undefined);
      const known = views.get(view.route);
      views.set(view.route, { ...known, ...view, module: view.module ?? known?.module });
    }
    const apis = (body.apis ?? body.servlets ?? []).map(a => {
      const patterns = [a.patterns ?? a.pattern ?? []].flat();
      const declared = [a.permission ?? a.permissions ?? a['hromada.api.permission'] ?? []].flat().filter(Boolean);
      const permissions = declared.map(d => {
        const m = /^([A-Z]+)=(.*)$/.exec(String(d).trim());
        return m ? { method: m[1], permission: m[2].trim() } : { method: 'GET', permission: String(d).trim() };
      });
      return { patterns, permissions, bundle: a.bundle };
    });
    return { views: [...views.values()], apis, body };
  }

  /**
   * Waits for views of the booted features to be registered (they come a moment after health
   * says UP) and fails with what is missing, the health answer and the log's last errors.
   */
  async waitForViews(routes, timeoutMs = 60_000) {
    const end = Date.now() + timeoutMs;
    let missing = routes;
    let last = '';
    for (;;) {
      try {
        const { views, body } = await this.contributions();
        const registered = new Set(views.map(v => v.route));
        missing = routes.filter(r => !registered.has(r));
        last = JSON.stringify(body);
        if (missing.length === 0) return;
      } catch (e) {
        last = e.message;
      }
      if (Date.now() >= end) {
        throw new Error(`views not registered ${timeoutMs} ms after start: ${missing.join(', ')}\n`
          + `health: ${last}\n${await this.diagnose()}`);
      }
      await new Promise(r => setTimeout(r, 250));
    }
  }

  /**
   * The portal's side of a failure report: health, the log's warnings and errors, and the stacks
   * of the threads that serve requests or run portal code (a stall shows there).
   */
  async diagnose() {
    const lines = [];
    try {
      const res = await fetch(`${this.url}api/health`, { signal: AbortSignal.timeout(5_000) });
      lines.push(`health: ${res.status} ${(await res.text()).slice(0, 3000)}`);
    } catch (e) {
      lines.push(`health: ${e.message}`);
    }
    try {
      const entries = this.logEntries().filter(e => /\|\s*(WARN|ERROR)\s*\|/.test(e));
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
    // a process that ended (an exit code) or was killed (a signal: its exitCode stays null) needs no stop
    if (this.process && this.process.exitCode === null && this.process.signalCode === null) {
      const exited = new Promise(r => this.process.once('exit', r));
      try { process.kill(-this.process.pid, 'SIGTERM'); } catch { /* already gone */ }
      // the timer is cleared: a pending one kept each test file's process alive 15 s after its last test
      let timer;
      await Promise.race([exited, new Promise(r => { timer = setTimeout(r, 15_000); })]);
      clearTimeout(timer);
      try { process.kill(-this.process.pid, 'SIGKILL'); } catch { /* gone */ }
    }
    if (!process.env.KEEP_PORTAL) fs.rmSync(this.home, { recursive: true, force: true });
    if (this.joinDatabase) return;
    try { psql('postgres', `drop database if exists ${this.database} with (force)`, this.dbServer); } catch { /* ignore */ }
  }
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/**
 * Signs in through the login form. A login page that has not shown its form within 20 s fails
 * the test with a description of what the browser got, what the portal logged and what its
 * request threads do: no second attempt, a page that does not come up is a fault to see.
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
    } catch {
      throw new Error([`signIn: no login form ${Date.now() - started} ms after opening ${portal.url}login `
        + `(page ${loaded} in ${loadMs} ms)`, await describePage(page), ...seen.splice(0),
        await portal.diagnose()].join('\n'));
    }
    if (loadMs > 5_000) console.log(`signIn: login page ${loaded} in ${loadMs} ms`);
  } finally {
    page.off('console', onConsole);
    page.off('response', onResponse);
    page.off('requestfailed', onFailed);
  }
  await form.fill(username);
  await page.fill('vaadin-login-form input[name=password]', password);
  await page.click('vaadin-login-form vaadin-button[slot="submit"], vaadin-login-form vaadin-button');
}

/**
 * Waits until the page's Vaadin UI is up and has no request in flight or queued: what the last
 * server round trip changed is on the page. (TestBench waits on the same isActive().) The
 * "TypeScript" entry is the router's, there from the start; the UI's own client registers once
 * the first answer of the server has been applied.
 */
export async function vaadinIdle(page, timeout = 15_000) {
  await page.waitForFunction(() => {
    const clients = window.Vaadin?.Flow?.clients ?? {};
    const ui = Object.keys(clients).filter(k => k !== 'TypeScript');
    return ui.length > 0 && Object.values(clients).every(c => typeof c.isActive !== 'function' || !c.isActive());
  }, null, { timeout });
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
