// The portal's HTTP edge against the real process: browser-protection headers on every response,
// no framing by foreign pages, no CSP violations while the portal is used, TRACE refused, the
// health detail only for local callers and administrators, 404 for unknown addresses, no
// session-cookie authentication of cross-site API writes (CSRF), SameSite session cookie,
// anonymous page views that leave no sessions behind, and the heap cap on the java command line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { Portal, launchBrowser, signIn, vaadinIdle, until } from './lib/portal.mjs';

// 18391..18394: the e2e files run two at a time, so no two files share a port (18381 is oks's)
const portal = new Portal({ port: 18391, database: 'hromada_e2e_http' });
/** A second local web server on another port: the "foreign" site of the framing and CSRF tests. */
const FOREIGN_PORT = 18389;
const foreignOrigin = `http://127.0.0.1:${FOREIGN_PORT}`;
const JDK = ['/usr/lib/jvm/java-17-openjdk-amd64', '/usr/lib/jvm/java-17-openjdk'].find(d => {
  try { execFileSync(`${d}/bin/jcmd`, ['-h']); return true; } catch { return false; }
});

let browser;
let foreign;
let adminContext;   // a browser context signed in as the administrator
let adminCookie;    // its session cookie as a Cookie header

function foreignPages(req, res) {
  const login = `${portal.url}login`;
  const pages = {
    '/frame.html': `<!doctype html><title>foreign</title><iframe id="f" src="${login}" width="800" height="600"></iframe>`,
    // the classic CSRF: a form on another site posting to the portal's API in a hidden frame
    '/csrf.html': `<!doctype html><title>csrf</title><iframe name="sink"></iframe>
      <form id="x" method="post" enctype="multipart/form-data" action="${portal.url}api/documents" target="sink">
      <input name="title" value="CSRF"></form><script>document.getElementById('x').submit()</script>`,
  };
  const body = pages[req.url];
  res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(body ?? 'not found');
}

function karafPid() {
  return execFileSync('pgrep', ['-f', `karaf.home=${portal.home}`], { encoding: 'utf8' }).trim().split('\n')[0];
}

/** Live instances after a full GC (the class histogram collects first) of the session classes. */
function liveSessionObjects() {
  const histogram = execFileSync(`${JDK}/bin/jcmd`, [karafPid(), 'GC.class_histogram'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  const count = name => {
    const line = histogram.split('\n').find(l => l.trim().split(/\s+/)[3] === name);
    return line ? Number(line.trim().split(/\s+/)[1]) : 0;
  };
  // the portal's VaadinSessions are its per-community subclass (issue 18)
  return {
    vaadin: count('com.vaadin.flow.server.VaadinSession') + count('ua.hromada.portal.vaadin.CommunitySessions$CommunitySession'),
    jetty: count('org.eclipse.jetty.session.ManagedSession'),
  };
}

/** A raw request (fetch refuses TRACE): status and headers. */
function rawRequest(method, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${portal.url}${path}`, { method, headers }, res => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** POST /api/documents as a browser would send it, with the given session cookie and headers. */
async function postDocument(cookie, headers) {
  const form = new FormData();
  form.append('title', 'CSRF probe');
  const res = await fetch(`${portal.url}api/documents`, { method: 'POST', body: form, headers: { Cookie: cookie, ...headers } });
  return { status: res.status, body: await res.text() };
}

before(async () => {
  assert.ok(JDK, 'a JDK 17 with jcmd is needed to count sessions and read the heap flags');
  await portal.start();
  browser = await launchBrowser();
  foreign = http.createServer(foreignPages);
  await new Promise(r => foreign.listen(FOREIGN_PORT, '127.0.0.1', r));
  adminContext = await browser.newContext({ locale: 'uk-UA' });
  const page = await adminContext.newPage();
  const { username, password } = portal.admin();
  await signIn(page, portal, username, password);
  await page.locator('#dashboard').waitFor();
  const session = (await adminContext.cookies(portal.url)).find(c => c.name === 'JSESSIONID');
  assert.ok(session, 'the signed-in browser holds a session cookie');
  adminCookie = `JSESSIONID=${session.value}`;
});

after(async () => {
  await browser?.close();
  await new Promise(r => (foreign ? foreign.close(r) : r()));
  await portal.stop();
});

test('every response carries the browser-protection headers', async () => {
  const loginHtml = await (await fetch(`${portal.url}login`)).text();
  const script = /src="\.\/(VAADIN\/build\/[^"]+\.js)"/.exec(loginHtml)?.[1];
  assert.ok(script, 'the login page loads a script from VAADIN/build');
  const urls = ['login', 'dokumenty', 'no-such-page', 'api/health', 'api/3/action/package_list',
    'api/documents/search?q=x', script, 'api/no-such-api', 'sw.js'];
  for (const url of urls) {
    const res = await fetch(portal.url + url, { headers: { Cookie: adminCookie } });
    const h = res.headers;
    const where = `${url} (${res.status})`;
    assert.ok(res.status < 500, where);
    assert.match(h.get('content-security-policy') ?? '', /frame-ancestors 'self'/, `CSP on ${where}`);
    assert.match(h.get('content-security-policy') ?? '', /default-src 'self'/, `CSP on ${where}`);
    assert.equal(h.get('x-frame-options'), 'SAMEORIGIN', `X-Frame-Options on ${where}`);
    assert.equal(h.get('x-content-type-options'), 'nosniff', `nosniff on ${where}`);
    assert.equal(h.get('referrer-policy'), 'strict-origin-when-cross-origin', `Referrer-Policy on ${where}`);
  }
});

test('TRACE is refused on every path', async () => {
  for (const path of ['', 'login', 'api/health', 'api/documents', 'api/3/action/package_list', 'VAADIN/x']) {
    const { status, headers } = await rawRequest('TRACE', path, { Cookie: adminCookie });
    assert.equal(status, 405, `TRACE /${path}`);
    assert.doesNotMatch(headers['content-type'] ?? '', /message\/http/, `TRACE /${path} echoes nothing`);
  }
});

test('a foreign page cannot frame the login page', async () => {
  const page = await browser.newPage();
  const refused = [];
  page.on('console', m => { if (/frame-ancestors|X-Frame-Options/.test(m.text())) refused.push(m.text()); });
  try {
    const loginLoaded = page.waitForResponse(r => r.url() === `${portal.url}login`);
    await page.goto(`${foreignOrigin}/frame.html`);
    assert.equal((await loginLoaded).status(), 200, 'the portal answered the framed request');
    const frame = await (await page.$('#f')).contentFrame();
    // Chromium replaces a refused frame by its error page; the login form never renders there
    await until('the browser refuses the frame', () => frame.url().startsWith('chrome-error:') || refused.length > 0,
      { timeoutMs: 10_000 });
    assert.equal(await frame.locator('vaadin-login-form').count(), 0, 'no login form inside a foreign frame');
    assert.notEqual(frame.url(), `${portal.url}login`);
  } finally {
    await page.close();
  }
});

test('the portal pages run under the CSP without violations', async () => {
  const page = await adminContext.newPage();
  const violations = [];
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation',
      e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  page.on('console', m => { if (/Content Security Policy|Refused to (load|execute|apply|connect|evaluate)/i.test(m.text())) violations.push(m.text()); });
  const { body } = await portal.health();
  const routes = body.views.map(v => v.route).filter(r => !r.includes(':') && r !== 'login');
  assert.ok(routes.includes('') && routes.includes('admin/users') && routes.some(r => r.startsWith('oks/map')),
    `the tour covers the shell, the admin views and the map: ${routes.join(', ')}`);
  try {
    for (const route of routes) {
      const res = await page.goto(portal.url + route);
      assert.match(res.headers()['content-security-policy'] ?? '', /script-src/, `/${route} is delivered with a CSP`);
      await vaadinIdle(page, 30_000);
      assert.equal(await page.locator('#server-error-view').count(), 0, `/${route} renders`);
      violations.push(...(await page.evaluate(() => window.__csp)).map(v => `/${route}: ${v}`));
    }
    assert.deepEqual(violations, [], 'no Content-Security-Policy violations');
  } finally {
    await page.close();
  }
});

test('health: status only for remote callers, full detail for localhost and administrators', async () => {
  const proxied = { 'X-Forwarded-For': '203.0.113.7' };   // as a reverse proxy on this machine forwards
  const anon = await fetch(`${portal.url}api/health`, { headers: proxied });
  const anonBody = await anon.json();
  assert.equal(anon.status, 200);
  assert.deepEqual(Object.keys(anonBody).sort(), ['database', 'status']);
  assert.deepEqual(anonBody.database, { reachable: true });
  assert.doesNotMatch(JSON.stringify(anonBody), /version|route|views|SNAPSHOT|modules/);

  const local = await portal.health();
  assert.ok(local.body.modules.length > 0 && local.body.modules.every(m => m.version), 'localhost sees the modules');
  const login = local.body.views.find(v => v.route === 'login');
  assert.deepEqual(login, { route: 'login', permission: null, public: true, module: 'portal' });
  assert.equal(local.body.views.find(v => v.route === 'admin/users').permission, 'portal.admin');
  const health = local.body.apis.find(a => a.patterns.includes('/api/health'));
  assert.equal(health.bundle, 'ua.hromada.portal-shell');
  assert.ok(local.body.apis.every(a => !a.patterns.includes('/*')), 'the Vaadin servlet is not an API');
  assert.equal(typeof local.body.sessions.live, 'number');

  const asAdmin = await (await fetch(`${portal.url}api/health`, { headers: { ...proxied, Cookie: adminCookie } })).json();
  assert.ok(asAdmin.modules?.length > 0 && asAdmin.views?.length > 0, 'an administrator sees the detail from anywhere');
});

test('unknown API addresses answer 404 in the API error format', async () => {
  for (const [method, path] of [['GET', 'api/gis/layers'], ['GET', 'api/documentz'], ['GET', 'api/'],
    ['POST', 'api/no-such/thing'], ['GET', 'api/3/actionx/package_list']]) {
    const res = await fetch(portal.url + path, { method });
    assert.equal(res.status, 404, `${method} /${path}`);
    assert.match(res.headers.get('content-type'), /application\/json/, `${method} /${path}`);
    assert.deepEqual((await res.json()).error, { status: 404, code: 'not_found', message: 'No API answers at this address.' });
  }
  // the real APIs are untouched
  assert.equal((await fetch(`${portal.url}api/3/action/package_list`)).status, 200);
});

test('an unknown page answers HTTP 404 and shows the not-found view; known pages stay 200', async () => {
  for (const path of ['no-such-page', 'dokumenty/1/extra', 'admin/nothing-here']) {
    assert.equal((await fetch(portal.url + path)).status, 404, `/${path}`);
  }
  for (const path of ['', 'login', 'dokumenty', 'vidkryti-dani', 'admin/users', 'dokumenty/12345']) {
    assert.equal((await fetch(portal.url + path, { redirect: 'manual' })).status, 200, `/${path}`);
  }
  const page = await browser.newPage();
  try {
    const res = await page.goto(`${portal.url}no-such-page`);
    assert.equal(res.status(), 404);
    await page.locator('#not-found-view').waitFor();
  } finally {
    await page.close();
  }
});

test('Set-Cookie of the session is HttpOnly and SameSite=Lax', async () => {
  // a Vaadin request that keeps its session: the UI's start (v-r=init)
  const res = await fetch(`${portal.url}?v-r=init&location=login`);
  const cookie = res.headers.getSetCookie().find(c => c.startsWith('JSESSIONID='));
  assert.ok(cookie, 'the UI start sets a session cookie');
  assert.match(cookie, /;\s*HttpOnly/i);
  assert.match(cookie, /;\s*SameSite=Lax/i);
  assert.doesNotMatch(cookie, /;\s*Secure/i, 'no Secure flag on an http public URL');
  const browserCookie = (await adminContext.cookies(portal.url)).find(c => c.name === 'JSESSIONID');
  assert.equal(browserCookie.sameSite, 'Lax');
});

test('a cross-site API write is not authenticated by the session cookie (CSRF)', async () => {
  // same origin: authenticated, the request itself is incomplete (no file) -> 4xx other than 401/403
  const own = await postDocument(adminCookie, { Origin: portal.url.replace(/\/$/, ''), 'Sec-Fetch-Site': 'same-origin' });
  assert.ok(own.status >= 400 && own.status < 500 && ![401, 403].includes(own.status), `same origin: ${own.status} ${own.body}`);
  for (const headers of [{ Origin: 'https://evil.example' }, { Origin: foreignOrigin, 'Sec-Fetch-Site': 'same-site' },
    { 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'null' }]) {
    const res = await postDocument(adminCookie, headers);
    assert.equal(res.status, 401, `${JSON.stringify(headers)}: ${res.body}`);
    assert.equal(JSON.parse(res.body).error.code, 'unauthorized');
  }
  // the same in a real browser: a page on another port (same site, other origin) posts a form
  const page = await adminContext.newPage();
  try {
    const answer = page.waitForResponse(r => r.url() === `${portal.url}api/documents` && r.request().method() === 'POST');
    await page.goto(`${foreignOrigin}/csrf.html`);
    const res = await answer;
    assert.equal(res.status(), 401, 'the browser sent the cookie, the portal did not take it');
  } finally {
    await page.close();
  }
  // the employee's own session still works afterwards
  const again = await postDocument(adminCookie, { Origin: portal.url.replace(/\/$/, '') });
  assert.notEqual(again.status, 401);
});

test('anonymous page views leave no sessions behind; a visitor\'s page still works', async () => {
  const before = liveSessionObjects();
  const paths = ['', 'dokumenty', 'dokumenty?q=x', 'vidkryti-dani', 'no-such-page', 'login'];
  for (let i = 0; i < 2000; i += 20) {
    await Promise.all(Array.from({ length: 20 }, (_, k) => fetch(portal.url + paths[(i + k) % paths.length])
      .then(r => r.arrayBuffer())));
  }
  const afterGets = liveSessionObjects();
  assert.ok(afterGets.jetty - before.jetty <= 5 && afterGets.vaadin - before.vaadin <= 5,
    `2 000 GETs left sessions: before ${JSON.stringify(before)}, after ${JSON.stringify(afterGets)}`);
  const { body } = await portal.health();
  assert.ok(body.sessions.live <= before.jetty + 5, `live sessions by the portal's count: ${body.sessions.live}`);
  // a real visitor: the page starts its UI (and its session) and answers clicks
  const page = await browser.newPage();
  try {
    await page.goto(`${portal.url}vidkryti-dani`);
    await page.locator('#opendata-public-view').waitFor();
    await page.fill('#opendata-search input', 'бюджет');
    await vaadinIdle(page);
    assert.ok(liveSessionObjects().vaadin >= afterGets.vaadin + 1, 'the open page has its session');
  } finally {
    await page.close();
  }
});

test('the heap cap is on the java command line', () => {
  const pid = karafPid();
  const args = execFileSync('ps', ['-o', 'args=', '-p', pid], { encoding: 'utf8' });
  assert.match(args, /\s-Xmx768M(\s|$)/, 'default JAVA_MAX_MEM from bin/setenv');
  assert.match(args, /\s-Xms128M(\s|$)/, 'default JAVA_MIN_MEM from bin/setenv');
  const flags = execFileSync(`${JDK}/bin/jcmd`, [pid, 'VM.flags'], { encoding: 'utf8' });
  assert.match(flags, /-XX:MaxHeapSize=805306368\b/, 'the JVM runs with 768 MB max heap');
});
