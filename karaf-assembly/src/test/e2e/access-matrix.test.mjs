// The access matrix: every page route the running portal has registered × every role it ships
// (plus one probe role per permission those routes and APIs name), and every API servlet that
// declares the permission it needs (service property hromada.api.permission) × the same roles.
// Nothing here names a route, a role or a permission: the routes and APIs come from /api/health
// (full detail from localhost), the roles and their grants from the portal's database. A module
// that adds a view or an API is covered by the next run without an edit to this file.
//
// Expected, for a signed-in user: a page opens (no ForbiddenView, no error view) iff the role's
// permissions satisfy the route's required permission with PortalUser's rules (null = any
// signed-in user, "a|b" = any one of them, portal.admin = everything) or the page is public; else
// the friendly 403 (ForbiddenView). Anonymous: public pages open, every other goes to the login
// form. An API: 401 without a session, 403 with a session lacking the permission, neither with it.
// Never a 5xx or the server-error view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Portal, launchBrowser, signIn, vaadinIdle, until, FIXTURE_JAR } from './lib/portal.mjs';

// 18701..18704: no other file uses them (files run two at a time; 18681 and 18691 are opendata.test.mjs's)
const portal = new Portal({ port: 18701, database: 'hromada_e2e_matrix' });
/** Stands for every route parameter (:id): an id nothing has, the page must say so, not fail. */
const MISSING_ID = '999999999';
const ADMIN_PERMISSION = 'portal.admin';
/** The shell's own 403 page: for a signed-in user its content is the ForbiddenView. */
const FORBIDDEN_PAGE = 'forbidden';

let browser;
let views;      // [{ route, permission, public, module }]
let apis;       // [{ patterns, permissions: [{ method, permission }], bundle }]
let allApis;    // every servlet of the portal's context, declared permission or not
let roles;      // [{ name, permissions, shipped, username, password }]
const sessions = new Map();   // role name -> its signed-in browser context (cookies for the API calls)

/** A browser context signed in as the role's user, made once and kept for the API side. */
async function sessionOf(role) {
  if (!sessions.has(role.name)) {
    const context = await browser.newContext({ locale: 'uk-UA' });
    const page = await context.newPage();
    await signIn(page, portal, role.username, role.password);
    await page.locator('#dashboard').waitFor();
    await vaadinIdle(page);
    sessions.set(role.name, { context, page });
  }
  return sessions.get(role.name);
}

/** A regional administrator's permission: whoever holds it has every permission in every community. */
const COMMUNITIES_PERMISSION = 'portal.communities.manage';

/** PortalUser.hasPermission, for the expectation. */
function satisfies(permissions, required) {
  if (required == null || required.trim() === '' || permissions.includes(ADMIN_PERMISSION)
    || permissions.includes(COMMUNITIES_PERMISSION)) return true;
  return required.split('|').map(p => p.trim()).filter(Boolean).some(p => permissions.includes(p));
}

/** The address of a route, every parameter replaced by an id that does not exist. */
function pathOf(route) {
  return '/' + route.split('/').map(s => (s.startsWith(':') ? MISSING_ID : s)).join('/');
}

/** A request path for a servlet pattern: an exact pattern as it is, a prefix pattern with a missing id. */
function apiPath(patterns) {
  const exact = patterns.find(p => !p.includes('*'));
  return exact ?? patterns[0].replace(/\*$/, MISSING_ID).replace(/^\*\./, `${MISSING_ID}.`);
}

/** Roles as the database has them: [{ name, permissions }]. */
function rolesInDatabase() {
  const rows = portal.sql(`SELECT r.name, coalesce(string_agg(p.permission, ',' ORDER BY p.permission), '')
    FROM portal.roles r LEFT JOIN portal.role_permissions p ON p.role = r.name GROUP BY r.name ORDER BY r.name`);
  return rows.split('\n').filter(Boolean).map(line => {
    const [name, permissions] = line.split('|');
    return { name, permissions: permissions ? permissions.split(',') : [] };
  });
}

/**
 * Opens a page as a person would and reports what it shows. The first page of a context is a full
 * load; later ones go through the router in the open page (a router link, as the menu does), which
 * runs the same access check and is much faster than a reload per cell of the matrix. The router
 * announces a finished server navigation with "vaadin-navigated"; a redirect (a signed-in user
 * opening the login page goes to the dashboard) is one more round trip, over when the UI is idle.
 */
async function open(page, pathname, { fullLoad }) {
  let status;
  try {
    if (fullLoad) {
      const response = await page.goto(portal.url + pathname.slice(1));
      status = response?.status();
    } else {
      await page.evaluate(href => new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the router announced no navigation within 15 s')), 15_000);
        window.addEventListener('vaadin-navigated', () => { clearTimeout(timer); resolve(); }, { once: true });
        const a = document.createElement('a');
        a.setAttribute('router-link', '');
        a.href = href;
        document.body.appendChild(a);
        a.click();
        a.remove();
      }), pathname);
    }
    await vaadinIdle(page);
  } catch (e) {
    return { stuck: `${e.message.split('\n')[0]} at ${new URL(page.url()).pathname}`, status };
  }
  const shown = await page.evaluate(() => ({
    path: location.pathname,
    forbidden: document.querySelector('#forbidden-view') !== null,
    notFound: document.querySelector('#not-found-view') !== null,
    error: document.querySelector('#server-error-view') !== null,
    login: document.querySelector('vaadin-login-form') !== null,
  }));
  return { ...shown, status };
}

/** What a page showed, as the matrix's cell: allowed, forbidden, login, or what went wrong. */
function outcome(shown, { hasParameter, route }) {
  if (shown.stuck) return `no answer: ${shown.stuck}`;
  if (shown.error) return 'server-error';
  if (shown.status !== undefined && shown.status >= 500) return `HTTP ${shown.status}`;
  if (shown.forbidden) return 'forbidden';
  if (shown.login && shown.path === '/login' && route !== 'login') return 'login';
  // a page without parameters that shows "not found" is a route the router does not know
  if (shown.notFound && !hasParameter) return 'not-found';
  return 'allowed';
}

before(async () => {
  await portal.start();
  // the shipped roles: what the database holds before anyone has made one
  const shipped = rolesInDatabase();
  // the fixture module: a view and an HTTP API behind its own permission (fixture.use), so the
  // API side of the matrix has a GET to check besides the booted modules' writes
  fs.copyFileSync(FIXTURE_JAR, path.join(portal.deploy, 'fixture-module.jar'));
  await portal.waitForViews(['fixture/greeting']);
  // views register as their bundles start; the routes of every module health lists must be in
  // the view list (and have the access fields the matrix is generated from)
  const registered = await until('every module\'s routes listed with their permissions', async () => {
    const c = await portal.contributions();
    const routes = new Set(c.views.map(v => v.route));
    const moduleRoutes = (c.body.modules ?? []).flatMap(m => (m.views ?? []).map(v => (typeof v === 'string' ? v : v.route)));
    const fixtureApi = c.apis.some(a => a.patterns.includes('/api/fixture/greeting'));
    return moduleRoutes.every(r => routes.has(r)) && fixtureApi ? c : null;
  }, { timeoutMs: 30_000 });
  views = registered.views;
  allApis = registered.apis;
  const undescribed = views.filter(v => v.permission === undefined || v.public === undefined).map(v => v.route);
  assert.deepEqual(undescribed, [], '/api/health must give each view its permission and public flag');
  for (const key of ['docsearch', 'oks', 'opendata', 'gis', 'eservices', 'crm', 'fixture']) {
    assert.ok(views.some(v => v.module === key), `the booted module ${key} has views in the matrix`);
  }
  apis = allApis.filter(a => a.permissions.length > 0);
  assert.ok(apis.length >= 2, `APIs that declare their permission: ${JSON.stringify(allApis)}`);

  // one probe role per permission named by a route or an API: each alternative of "a|b" alone
  const named = new Set([...views.map(v => v.permission), ...apis.flatMap(a => a.permissions.map(p => p.permission))]
    .filter(Boolean).flatMap(p => p.split('|').map(x => x.trim())).filter(p => p && p !== ADMIN_PERMISSION));
  const probes = [...named].sort().map(p => ({ name: `probe-${p}`, permissions: [p] }));
  // no console command or API makes roles; the roles view does, and is covered by the oks and
  // open-data tests: here the rows go straight into the tables the Roles service reads
  portal.sql(probes.map(r => `INSERT INTO portal.roles (name, description) VALUES ('${r.name}', 'access matrix');
    INSERT INTO portal.role_permissions (role, permission) VALUES ('${r.name}', '${r.permissions[0]}')`).join(';\n'));
  roles = [...shipped.map(r => ({ ...r, shipped: true })), ...probes.map(r => ({ ...r, shipped: false }))];
  for (const r of roles) {
    r.username = `m-${r.name}`.toLowerCase().replace(/[^a-z0-9._-]/g, '-').slice(0, 64);
    r.password = `Matrix-${crypto.randomBytes(9).toString('base64url')}!`;
  }
  const out = portal.console(...roles.map(r =>
    `portal:user-add --name 'Матриця ${r.name}' --role ${r.name} --password '${r.password}' ${r.username}`));
  for (const r of roles) assert.match(out, new RegExp(`\\b${r.username.replace(/\./g, '\\.')}\\b`), out);
  console.log(`matrix: ${views.length} routes: ${views.map(v => `${v.route}${v.public ? ' (public)' : ''} [${v.permission ?? 'signed-in'}]`).join(', ')}`);
  console.log(`matrix: APIs: ${allApis.map(a => `${a.patterns.join(' ')} [${a.permissions.map(p => `${p.method}=${p.permission}`).join(', ')}]`).join('; ')}`);
  console.log(`matrix: ${views.length} routes, ${apis.length} APIs with a declared permission, roles: `
    + roles.map(r => `${r.name}${r.shipped ? ' (shipped)' : ''} [${r.permissions.join(', ')}]`).join('; '));
  browser = await launchBrowser();
});

after(async () => {
  for (const { context } of sessions.values()) await context.close().catch(() => {});
  await browser?.close();
  await portal.stop();
});

test('anonymous: public pages open, every other page goes to the login form', async () => {
  const context = await browser.newContext({ locale: 'uk-UA' });
  const page = await context.newPage();
  const wrong = [];
  try {
    // by address first, then through the router as the signed-in roles below: both run the same
    // access check (the shell's before-enter listener), the router without reloading the page
    let first = true;
    for (const view of views) {
      const shown = await open(page, pathOf(view.route), { fullLoad: first });
      first = false;
      const got = outcome(shown, { hasParameter: view.route.includes(':'), route: view.route });
      const expected = view.public ? 'allowed' : 'login';
      if (got !== expected) wrong.push(`${view.route} (${view.public ? 'public' : view.permission ?? 'signed-in'}): ${got}, expected ${expected}`);
      if (got === 'server-error' || got.startsWith('HTTP') || got.startsWith('no answer')) first = true;
    }
  } finally {
    await context.close();
  }
  assert.deepEqual(wrong, []);
});

/**
 * The pages a role walks. A shipped role and the anonymous walk open every route. A probe role (one
 * permission) opens the routes its permission grants, and a route none of the shipped roles is
 * refused is also walked by the first probe it refuses: so every route behind a permission is seen
 * opened by a role that holds it and refused to one that does not. A public page, or one for any
 * signed-in user, opens whatever the permissions (AccessDecision decides "public" first;
 * AccessDecisionTest): the shipped roles open those.
 * The whole walk of every probe over every route was 1 000 of the matrix's 1 300 navigations and
 * said nothing more: the refusal is the same before-enter check whichever permission is missing.
 */
function walkOf(role) {
  if (role.shipped) return views;
  const shipped = roles.filter(r => r.shipped);
  const probes = roles.filter(r => !r.shipped);
  return views.filter(v => {
    // a page for any signed-in user: every shipped role opens it already
    if (v.public || v.permission == null || v.permission.trim() === '') return false;
    // the routes that name the probe's permission (a regional administrator's satisfies every
    // route: the shipped regional-admin role walks them all)
    if (v.permission.split('|').map(p => p.trim()).includes(role.permissions[0])) return true;
    if (satisfies(role.permissions, v.permission)) return false;
    const refusedToShipped = shipped.some(r => !satisfies(r.permissions, v.permission));
    return !refusedToShipped && probes.find(r => !satisfies(r.permissions, v.permission)) === role;
  });
}

test('each role opens exactly the pages its permissions allow, and its menu offers only those', async t => {
  for (const role of roles) {
    await t.test(`${role.name} [${role.permissions.join(', ') || 'no permissions'}]`, async () => {
      const wrong = [];
      const { page } = await sessionOf(role);
      const menu = await page.locator('vaadin-side-nav-item[data-route]')
        .evaluateAll(items => items.map(i => i.getAttribute('data-route')));
      for (const route of menu) {
        const view = views.find(v => v.route === route);
        if (view && !view.public && !satisfies(role.permissions, view.permission)) {
          wrong.push(`menu offers ${route} (needs ${view.permission})`);
        }
      }
      let first = true;
      for (const view of walkOf(role)) {
        const shown = await open(page, pathOf(view.route), { fullLoad: first });
        first = false;
        const got = outcome(shown, { hasParameter: view.route.includes(':'), route: view.route });
        const expected = view.route !== FORBIDDEN_PAGE && (view.public || satisfies(role.permissions, view.permission))
          ? 'allowed' : 'forbidden';
        if (got !== expected) wrong.push(`${view.route} (${view.permission ?? 'signed-in'}): ${got}, expected ${expected}`);
        // an error page would leave the UI in a state that says nothing about the next cell
        if (got === 'server-error' || got.startsWith('HTTP') || got.startsWith('no answer')) first = true;
      }
      assert.deepEqual(wrong, []);
    });
  }
});

test('each API that declares its permission: 401 anonymous, 403 without it, served with it', async t => {
  for (const api of apis) {
    for (const { method, permission } of api.permissions) {
      const url = portal.url + apiPath(api.patterns).slice(1);
      await t.test(`${method} ${apiPath(api.patterns)} (${permission})`, async () => {
        const wrong = [];
        // a write from the portal's own page: the origin check lets it through to the permission check
        const headers = method === 'GET' ? {} : { Origin: portal.url.replace(/\/$/, '') };
        const anonymous = await fetch(url, { method, headers, redirect: 'manual' });
        if (anonymous.status !== 401) wrong.push(`anonymous: ${anonymous.status}, expected 401`);
        for (const role of roles) {
          const { context } = await sessionOf(role);
          const res = await context.request.fetch(url, { method, headers, maxRedirects: 0, failOnStatusCode: false });
          const allowed = satisfies(role.permissions, permission);
          const status = res.status();
          if (status >= 500) wrong.push(`${role.name}: ${status}`);
          else if (allowed && (status === 401 || status === 403)) wrong.push(`${role.name}: ${status}, expected it served`);
          else if (!allowed && status !== 403) wrong.push(`${role.name}: ${status}, expected 403`);
        }
        assert.deepEqual(wrong, []);
      });
    }
  }
});

test('no API servlet of the portal answers an anonymous GET with a 5xx', async () => {
  const wrong = [];
  for (const api of allApis) {
    const p = apiPath(api.patterns);
    const res = await fetch(portal.url + p.slice(1), { redirect: 'manual' });
    if (res.status >= 500) wrong.push(`${p}: ${res.status}`);
  }
  assert.deepEqual(wrong, []);
});

// ---- issue 20 items 1-3: access taken away ends at once; a new role never replaces one --------

/** A signed-in page of its own browser context, for a user made here. */
async function signedInPage(username, password) {
  const context = await browser.newContext({ locale: 'uk-UA' });
  const page = await context.newPage();
  await signIn(page, portal, username, password);
  await page.locator('#dashboard').waitFor();
  await vaadinIdle(page);
  return page;
}

/** The administrator's page on one of the shell's admin views. */
async function adminOn(route) {
  if (!sessions.has('e2e-admin')) {
    const { username, password } = portal.admin();
    const page = await signedInPage(username, password);
    sessions.set('e2e-admin', { context: page.context(), page });
  }
  const { page } = sessions.get('e2e-admin');
  await page.goto(portal.url + route);
  await vaadinIdle(page);
  return page;
}

/** The documents API's write, as the page's own origin sends it: its status for this session. */
async function documentsWrite(page) {
  const api = apis.find(a => a.permissions.some(p => p.method === 'POST' && p.permission.split('|').includes('docsearch.edit')));
  assert.ok(api, `a documents API declares POST with docsearch.edit: ${JSON.stringify(apis)}`);
  const res = await page.context().request.fetch(portal.url + apiPath(api.patterns).slice(1), {
    method: 'POST', headers: { Origin: portal.url.replace(/\/$/, '') }, maxRedirects: 0, failOnStatusCode: false });
  return res.status();
}

test('a permission revoked from a role and a disabled account end access in open sessions at once', async () => {
  portal.sql(`INSERT INTO portal.roles (name, description) VALUES ('e2e-clerks', 'реєстр актів');
    INSERT INTO portal.role_permissions (role, permission) VALUES ('e2e-clerks', 'docsearch.view'), ('e2e-clerks', 'docsearch.edit')`);
  portal.console(
    "portal:user-add --name 'Клерк Реєстру' --role e2e-clerks --password 'Clerk-2026-e2e!' e2e-clerk",
    "portal:user-add --name 'Працівник Що Йде' --role employee --password 'Leaver-2026-e2e!' e2e-leaver");
  const clerk = await signedInPage('e2e-clerk', 'Clerk-2026-e2e!');
  const leaver = await signedInPage('e2e-leaver', 'Leaver-2026-e2e!');
  assert.equal(outcome(await open(clerk, '/docs/new', { fullLoad: false }), { route: 'docs/new' }), 'allowed');
  const before = await documentsWrite(clerk);
  assert.ok(before !== 401 && before !== 403 && before < 500, `the clerk may write before: ${before}`);
  assert.equal(outcome(await open(leaver, '/docs', { fullLoad: false }), { route: 'docs' }), 'allowed');

  // the administrator takes docsearch.edit from the role in the roles view
  const admin = await adminOn('admin/roles');
  await admin.locator('#roles-view vaadin-grid-cell-content').getByText('e2e-clerks', { exact: true }).click();
  const edit = admin.locator('vaadin-checkbox[data-permission="docsearch.edit"]');
  await until('the role editor shows the grant', async () => (await edit.getAttribute('checked')) !== null);
  await edit.click();
  await admin.click('#role-save');
  await until('the grant is gone from the database', async () =>
    portal.sql("SELECT count(*) FROM portal.role_permissions WHERE role = 'e2e-clerks' AND permission = 'docsearch.edit'") === '0');

  // the clerk's open page: the next navigation is refused, and so is the API write
  assert.equal(outcome(await open(clerk, '/docs/new', { fullLoad: false }), { route: 'docs/new' }), 'forbidden');
  assert.equal(await documentsWrite(clerk), 403);
  assert.equal(outcome(await open(clerk, '/docs', { fullLoad: false }), { route: 'docs' }), 'allowed',
    'what the role still grants stays open');

  // the administrator disables the other employee in the users view
  const users = await adminOn('admin/users');
  await users.fill('#users-filter input', 'e2e-leaver');
  // the grid keeps the cells of rows it no longer shows: only the visible ones count. The row is
  // opened by a double click (the grid resolves its item), not by a button a reused row may
  // still show from before the filter
  const leaverCell = users.locator('#users-view vaadin-grid-cell-content:visible').getByText('e2e-leaver', { exact: true });
  await until('only the leaver listed', async () =>
    (await users.locator('#users-view vaadin-grid').evaluate(g => g.size)) === 1 && (await leaverCell.count()) === 1);
  await vaadinIdle(users);
  await leaverCell.dblclick();
  // the checkbox's own input: the stretched field's middle is empty space, not the box
  await users.locator('#user-enabled input').uncheck();
  await users.click('#user-save');
  await users.locator('#user-dialog').waitFor({ state: 'detached' });
  assert.equal(portal.sql("SELECT enabled FROM portal.users WHERE username = 'e2e-leaver'"), 'f');

  // her open page: the next navigation lands on the login form, and so does a reload
  assert.equal(outcome(await open(leaver, '/docs', { fullLoad: false }), { route: 'docs' }), 'login');
  assert.equal(outcome(await open(leaver, '/docs', { fullLoad: true }), { route: 'docs' }), 'login');
  assert.equal(await documentsWrite(leaver), 401);
  await clerk.context().close();
  await leaver.context().close();
});

test('a new role with a taken name is refused at the name field; the role and its audit stay', async () => {
  const auditBefore = portal.sql("SELECT count(*) FROM portal.audit_log WHERE entity_type = 'role' AND entity_id = 'e2e-clerks'");
  const grantsBefore = portal.sql("SELECT string_agg(permission, ',' ORDER BY permission) FROM portal.role_permissions WHERE role = 'e2e-clerks'");
  const admin = await adminOn('admin/roles');
  await admin.click('#roles-add');
  await admin.fill('#role-name input', 'E2E-Clerks');
  await admin.locator('vaadin-checkbox[data-permission="portal.admin"]').click();
  await admin.click('#role-save');
  const name = admin.locator('#role-name');
  await until('the name field says the role exists', async () => (await name.getAttribute('invalid')) !== null);
  assert.match(await name.evaluate(f => f.errorMessage), /Роль із такою назвою вже існує/);
  assert.equal(await admin.locator('vaadin-notification-card').count(), 0, 'a field message, not a toast');
  assert.equal(portal.sql("SELECT string_agg(permission, ',' ORDER BY permission) FROM portal.role_permissions WHERE role = 'e2e-clerks'"), grantsBefore);
  assert.equal(portal.sql("SELECT count(*) FROM portal.audit_log WHERE entity_type = 'role' AND entity_id = 'e2e-clerks'"), auditBefore);

  // a name in Ukrainian is a name like any other (item 3); a comma is refused with what is allowed
  await admin.fill('#role-name input', 'Інспектори, старші');
  await admin.click('#role-save');
  await until('the name field explains what a name may hold', async () =>
    /літери \(українські, латинські/.test(await name.evaluate(f => f.invalid ? f.errorMessage : '')));
  await admin.fill('#role-name input', 'Інспектори');
  await until('the stale message goes once the name is changed', async () => (await name.getAttribute('invalid')) === null);
  await admin.locator('vaadin-checkbox[data-permission="portal.admin"]').click();
  await admin.click('#role-save');
  await until('the role is stored', async () => portal.sql("SELECT count(*) FROM portal.roles WHERE name = 'інспектори'") === '1');
  // built-in roles describe themselves in the page's language
  await admin.locator('#roles-view vaadin-grid-cell-content').getByText('Працівник громади: вхід до порталу й перегляд реєстру актів').waitFor();
});

test('the matrix left no errors in the log', () => {
  assert.deepEqual(portal.logErrors(), []);
});
