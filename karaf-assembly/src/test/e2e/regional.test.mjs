// Regional hosting (issue 18): one portal process serves two communities told apart by the host
// name. 127.0.0.1 is the default community (every module); `localhost` is a second community added
// while the portal runs with the console command portal:community-add (no restart), with its own
// name and a module set without OKS. Each host shows its own name; OKS's menu, pages and API are
// absent on localhost only; an act registered on one host is not found by the other's search nor
// opened by its address there; each host's CKAN API lists only its own datasets; an employee of
// one community cannot sign in on the other's host; the second community's administrator sees the
// modules (shared by both) but may not start, stop, install or uninstall them; and the log has no
// errors. The employees are made members of their communities by portal:user-add --community.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Portal, launchBrowser, signIn, menuItem, until } from './lib/portal.mjs';

const PORT = 19481;
const portal = new Portal({
  port: PORT, database: 'hromada_e2e_regional',
  // the publication re-reads the registry every 2 s at most (datasets are written with SQL here)
  config: { 'ua.hromada.opendata.publication.cfg': { 'cache.max.age.seconds': 2 } },
});

/** The two communities as their hosts reach them. */
const HOME = { id: 'default', name: 'Полтавська міська рада', url: portal.url };
const LOCAL = { id: 'reshetylivka', name: 'Решетилівська селищна рада', url: `http://localhost:${PORT}/` };
/** A word in both acts' titles: the same search gives each host its own act only. */
const SHARED_WORD = 'енергоаудит';

// one employee a community, with a role that reads and registers acts and views OKS
const ROLE = 'e2e-regional';
const CLERKS = {
  [HOME.id]: { username: 'clerk-poltava', password: `Regional-${Date.now()}-a!` },
  [LOCAL.id]: { username: 'clerk-reshetylivka', password: `Regional-${Date.now()}-b!` },
};
/** The second community's own administrator (role admin there, not a regional administrator). */
const LOCAL_ADMIN = { username: 'admin-reshetylivka', password: `Regional-${Date.now()}-c!` };

let browser;
const pages = {}; // community id → the signed-in page of its clerk, on its own host
const acts = {};  // community id → { id, number, word } of the act its clerk registered

/** What a page went through (navigations, failed responses, console errors), for a failure message. */
function watch(page) {
  const seen = [];
  page.on('framenavigated', f => { if (f === page.mainFrame()) seen.push(`navigated ${f.url()}`); });
  page.on('response', r => { if (r.status() >= 400) seen.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`); });
  page.on('console', m => { if (/error|warn/.test(m.type())) seen.push(`console ${m.type()}: ${m.text().slice(0, 200)}`); });
  // the push connection: a message that ends the session or reloads the page
  page.on('websocket', ws => ws.on('framereceived', f => {
    const text = String(f.payload);
    if (/expired|redirect|resynchron|refresh/i.test(text)) seen.push(`push ${ws.url()}: ${text.slice(0, 200)}`);
  }));
  page.on('response', async r => {
    if (!/v-r=uidl/.test(r.url())) return;
    const text = await r.text().catch(() => '');
    if (/expired|redirect|resynchron|refresh/i.test(text)) seen.push(`uidl answer: ${text.slice(0, 200)}`);
  });
  return seen;
}

/** The harness's signIn against another host of the same portal process. */
function on(community) {
  return { url: community.url, diagnose: () => portal.diagnose() };
}

before(async () => {
  await portal.start();
  await portal.waitForViews(['docs', 'oks/violations', 'vidkryti-dani']);
  const added = portal.console(`portal:community-add -h localhost -m docsearch -m opendata -n '${LOCAL.name}' ${LOCAL.id}`);
  assert.doesNotMatch(added, /error|exception|unknown|помилк/i, added);
  const list = portal.console('portal:communities');
  assert.match(list, new RegExp(LOCAL.id), list);
  // the role exists once; each community grants it to its own clerk
  portal.sql(`INSERT INTO portal.roles (name, description) VALUES ('${ROLE}', 'regional e2e');
    INSERT INTO portal.role_permissions (role, permission)
      VALUES ('${ROLE}', 'docsearch.view'), ('${ROLE}', 'docsearch.edit'), ('${ROLE}', 'oks.view')`);
  // the default community's clerk as before regional hosting (no --community: the default one);
  // the second's clerk and administrator are members of the added community with their roles there
  for (const [community, { username, password }, role, option] of [
    [HOME, CLERKS[HOME.id], ROLE, ''],
    [LOCAL, CLERKS[LOCAL.id], ROLE, `--community ${LOCAL.id} `],
    [LOCAL, LOCAL_ADMIN, 'admin', `-c ${LOCAL.id} `]]) {
    const out = portal.console(`portal:user-add ${option}--name 'Працівник ${community.name}' --role ${role} `
      + `--password '${password}' ${username}`);
    assert.match(out, new RegExp(`\\b${username}\\b.*\\b${community.id}\\b`), out);
    assert.equal(portal.sql(`SELECT string_agg(m.community, ',') FROM portal.memberships m
      JOIN portal.users u ON u.id = m.user_id WHERE u.username = '${username}'`), community.id, username);
  }
  // a community the portal does not serve: refused, no account made
  const refused = portal.console(`portal:user-add --community nowhere --role ${ROLE} --password 'Regional-${Date.now()}-d!' ghost-regional`);
  assert.doesNotMatch(refused, /створено|created/i, refused);
  assert.equal(portal.sql(`SELECT count(*) FROM portal.users WHERE username = 'ghost-regional'`), '0');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal.stop();
});

test('the added community answers on its host at once, with its own name; the default keeps its own', async () => {
  const page = await (await browser.newContext({ locale: 'uk-UA' })).newPage();
  // what the browser went through, for the failure message
  const seen = watch(page);
  try {
    // the console command took effect in the running process: no restart, a poll on the page
    try {
      await until(`${LOCAL.url} shows ${LOCAL.name}`, async () => {
        await page.goto(LOCAL.url + 'login');
        await page.locator('#login-view h1').waitFor({ timeout: 5_000 });
        return (await page.locator('#login-view h1').innerText()).trim() === LOCAL.name;
      }, { timeoutMs: 20_000, intervalMs: 1_000 });
    } catch (e) {
      const h1 = await page.locator('#login-view h1').allInnerTexts().catch(() => []);
      throw new Error(`${e.message}\nh1: ${JSON.stringify(h1)}; page ${page.url()}\n${seen.slice(-15).join('\n')}`);
    }
    assert.doesNotMatch(await page.locator('body').innerText(), new RegExp(HOME.name));
    await page.goto(LOCAL.url + 'vidkryti-dani');
    await page.locator('#public-layout').getByText(LOCAL.name, { exact: true }).waitFor();

    await page.goto(HOME.url + 'login');
    await page.locator('#login-view h1').getByText(HOME.name, { exact: true }).waitFor();
    assert.doesNotMatch(await page.locator('body').innerText(), new RegExp(LOCAL.name));
    await page.goto(HOME.url + 'vidkryti-dani');
    await page.locator('#public-layout').getByText(HOME.name, { exact: true }).waitFor();
  } finally {
    await page.context().close();
  }
});

test('health names each host\'s community and lists its modules only', async () => {
  for (const [community, modules] of [[HOME, ['crm', 'docsearch', 'eservices', 'gis', 'oks', 'opendata']], [LOCAL, ['docsearch', 'opendata']]]) {
    const res = await fetch(community.url + 'api/health');
    assert.equal(res.status, 200, community.url);
    const body = await res.json();
    assert.deepEqual({ id: body.community?.id, name: body.community?.name }, { id: community.id, name: community.name });
    assert.deepEqual(body.modules.map(m => m.key).sort(), modules, `${community.url} modules`);
    assert.equal(body.views.some(v => (v.route ?? v).startsWith('oks')), modules.includes('oks'), `${community.url} OKS views`);
  }
});

test('each community\'s employee signs in on its own host and sees its name in the shell', async () => {
  for (const community of [HOME, LOCAL]) {
    const page = await (await browser.newContext({ locale: 'uk-UA' })).newPage();
    const { username, password } = CLERKS[community.id];
    const seen = watch(page);
    await signIn(page, on(community), username, password);
    try {
      await page.locator('#dashboard').waitFor();
    } catch (e) {
      const text = await page.locator('body').innerText().catch(() => '');
      throw new Error(`${username} on ${community.url}: no dashboard: ${e.message.split('\n')[0]}\npage ${page.url()} `
        + `text ${JSON.stringify(text.slice(0, 300))}\n${seen.slice(-15).join('\n')}`);
    }
    await page.locator('#portal-brand').getByText(community.name, { exact: true }).waitFor();
    await menuItem(page, 'docs').waitFor();
    pages[community.id] = page;
  }
});

test('OKS is there on 127.0.0.1 and absent on localhost: menu, page and Open311 API', async () => {
  const home = pages[HOME.id];
  const local = pages[LOCAL.id];
  assert.ok(home && local, 'the employees are signed in');
  // the same role on both: the menu differs only by the community's module set
  await home.locator('vaadin-side-nav-item[data-route^="oks"]').first().waitFor();
  await menuItem(local, 'docs').waitFor();
  assert.equal(await local.locator('vaadin-side-nav-item[data-route^="oks"]').count(), 0, 'no OKS menu entry on localhost');

  for (const route of ['oks/violations', 'oks/map']) {
    assert.equal((await fetch(LOCAL.url + route)).status, 404, `${LOCAL.url}${route}`);
    assert.notEqual((await fetch(HOME.url + route)).status, 404, `${HOME.url}${route}`);
  }
  await local.goto(LOCAL.url + 'oks/violations');
  await local.locator('#not-found-view').waitFor();
  await home.goto(HOME.url + 'oks/violations');
  await home.locator('#oks-list').waitFor();
  assert.equal(await home.locator('#not-found-view').count(), 0);

  const absent = await fetch(`${LOCAL.url}api/open311/v2/services.json`);
  assert.equal(absent.status, 404);
  assert.match(absent.headers.get('content-type') ?? '', /^application\/json/);
  assert.equal((await absent.json()).error?.code, 'not_found');
  const present = await fetch(`${HOME.url}api/open311/v2/services.json`);
  assert.equal(present.status, 200);
  assert.ok(Array.isArray(await present.json()), 'services.json lists the violation types');
});

/** Registers an act through the documents API with the clerk's session on its own host. */
async function registerAct(community, number, word) {
  const page = pages[community.id];
  const title = `Про ${SHARED_WORD} будівель (${word})`;
  const res = await page.context().request.post(`${community.url}api/documents`, {
    multipart: {
      metadata: JSON.stringify({
        kind: 'mayor-order', number, date: '2026-02-10', title, issuingBody: community.name, status: 'IN_FORCE',
      }),
      file: { name: 'akt.txt', mimeType: 'text/plain', buffer: Buffer.from(`${title}. Розпорядження громади.`) },
    },
  });
  const body = await res.text();
  assert.equal(res.status(), 201, `${community.url}: ${body}`);
  return { id: JSON.parse(body).id, number, word };
}

async function search(community, q) {
  const res = await fetch(`${community.url}api/documents/search?q=${encodeURIComponent(q)}&limit=50`);
  assert.equal(res.status, 200, `${community.url} search ${q}`);
  return res.json();
}

test('an act registered on each host is found by that host\'s search only', async () => {
  assert.ok(pages[HOME.id] && pages[LOCAL.id], 'the employees are signed in');
  acts[HOME.id] = await registerAct(HOME, '101-р', 'полтавський');
  acts[LOCAL.id] = await registerAct(LOCAL, '202-р', 'решетилівський');
  for (const [own, other] of [[HOME, LOCAL], [LOCAL, HOME]]) {
    const mine = acts[own.id];
    const theirs = acts[other.id];
    const shared = await until(`${own.url} finds its act`, async () => {
      const found = await search(own, SHARED_WORD);
      return found.hits.some(h => h.id === mine.id) ? found : null;
    }, { timeoutMs: 15_000 });
    assert.deepEqual(shared.hits.map(h => h.id), [mine.id], `${own.url}: only its own act for «${SHARED_WORD}»`);
    assert.equal(shared.total, 1);
    assert.equal((await search(own, theirs.number)).total, 0, `${own.url}: the other's number finds nothing`);
    assert.equal((await search(own, theirs.word)).total, 0, `${own.url}: the other's word finds nothing`);
  }
});

test('the other community\'s act is not found by its address: API, public page, employees\' page', async () => {
  for (const [own, other] of [[HOME, LOCAL], [LOCAL, HOME]]) {
    const theirs = acts[other.id];
    const mine = acts[own.id];
    assert.ok(theirs && mine, 'both acts registered');
    assert.equal((await fetch(`${own.url}api/documents/${theirs.id}`)).status, 404, `${own.url}api/documents/${theirs.id}`);
    assert.equal((await fetch(`${own.url}api/documents/${mine.id}`)).status, 200);

    // the employee of this community opens the other's act by URL on its own host
    const page = pages[own.id];
    await page.goto(`${own.url}docs/act/${theirs.id}`);
    await page.locator('#act-not-found, #not-found-view').first().waitFor();
    assert.equal(await page.locator('#act-title').count(), 0, 'no act shown');
    await page.goto(`${own.url}docs/act/${mine.id}`);
    await page.locator('#act-title').filter({ hasText: mine.word }).waitFor();

    // and a resident on the public page
    const resident = await (await browser.newContext({ locale: 'uk-UA' })).newPage();
    try {
      await resident.goto(`${own.url}dokumenty/${theirs.id}`);
      await resident.locator('#act-not-found, #not-found-view').first().waitFor();
      assert.equal(await resident.locator('#act-title').count(), 0, 'no act shown');
    } finally {
      await resident.context().close();
    }
  }
});

/** A published dataset of the community, written with SQL like opendata-publication.test does. */
function datasetSql(community, identifier, edrpou) {
  return `
    INSERT INTO opendata.data_manager (community, name, edrpou, responsible_person, email, phone)
      VALUES ('${community.id}', 'Відділ даних ${community.name}', '${edrpou}', 'Олена Даних', 'data@example.org', '+380532000000');
    INSERT INTO opendata.dataset (community, identifier, title, description, language, formats, first_published_at,
      last_modified_at, actuality_date, frequency, keywords, links, responsible_person, responsible_email, legal_basis,
      purpose, manager_id, tags, published, search_text)
    SELECT '${community.id}', '${identifier}', 'Набір ${identifier}', 'Перелік об''єктів громади', 'uk', '{CSV}',
      TIMESTAMP '2025-01-15 00:00' AT TIME ZONE 'Europe/Kyiv',
      current_date::timestamp AT TIME ZONE 'Europe/Kyiv', current_date, 'YEARLY', '{громада}', '{https://example.org/${identifier}.csv}',
      'Олена Даних', 'data@example.org', 'Постанова КМУ від 21.10.2015 № 835', 'Прозорість', id, '{громада}', true,
      lower('${identifier}')
    FROM opendata.data_manager WHERE community = '${community.id}' AND edrpou = '${edrpou}'`;
}

async function packageList(community) {
  const res = await fetch(`${community.url}api/3/action/package_list`);
  assert.equal(res.status, 200, `${community.url}api/3/action/package_list`);
  return (await res.json()).result;
}

test('each host\'s CKAN API lists only its own datasets', async () => {
  portal.sql([datasetSql(HOME, 'poltava-regional-e2e', '12345675'), datasetSql(LOCAL, 'reshetylivka-regional-e2e', '12345675')]
    .join(';\n'));
  for (const [own, other, mine, theirs] of [[HOME, LOCAL, 'poltava-regional-e2e', 'reshetylivka-regional-e2e'],
    [LOCAL, HOME, 'reshetylivka-regional-e2e', 'poltava-regional-e2e']]) {
    const list = await until(`${mine} in ${own.url} package_list`, async () => {
      const names = await packageList(own);
      return names.includes(mine) ? names : null;
    }, { timeoutMs: 30_000 });
    assert.ok(!list.includes(theirs), `${own.url} lists ${other.id}'s dataset: ${list.join(', ')}`);
    const shown = await fetch(`${own.url}api/3/action/package_show?id=${theirs}`);
    assert.equal(shown.status, 404, `${own.url} package_show ${theirs}`);
  }
});

/** Whether the sign-in form refused the user (true) or let it in (false). */
async function refused(community, { username, password }) {
  const page = await (await browser.newContext({ locale: 'uk-UA' })).newPage();
  try {
    await signIn(page, on(community), username, password);
    return await Promise.race([
      page.locator('vaadin-login-form[error]').waitFor().then(() => true),
      page.locator('#dashboard').waitFor().then(() => false),
    ]);
  } finally {
    await page.context().close();
  }
}

test('an employee of one community cannot sign in on the other\'s host', async () => {
  assert.equal(await refused(LOCAL, CLERKS[HOME.id]), true, `${CLERKS[HOME.id].username} signed in on ${LOCAL.url}`);
  assert.equal(await refused(HOME, CLERKS[LOCAL.id]), true, `${CLERKS[LOCAL.id].username} signed in on ${HOME.url}`);
});

test('the second community\'s administrator sees the shared modules but may not change them', async () => {
  const page = await (await browser.newContext({ locale: 'uk-UA' })).newPage();
  const seen = watch(page);
  try {
    await signIn(page, on(LOCAL), LOCAL_ADMIN.username, LOCAL_ADMIN.password);
    await page.locator('#dashboard').waitFor();
    await page.goto(LOCAL.url + 'admin/modules');
    await page.locator('#modules-grid').waitFor();
    await page.locator('#modules-rights-note').getByText('регіональний адміністратор').waitFor();
    // docsearch runs: its row offers stop and uninstall, both disabled, and so is the upload
    for (const id of ['#module-docsearch-stop', '#module-docsearch-uninstall', '#modules-upload']) {
      await page.locator(id).waitFor();
      assert.notEqual(await page.locator(id).getAttribute('disabled'), null, `${id} is enabled`);
    }
    assert.equal(await page.locator('#module-docsearch-state').getAttribute('data-state'), 'ACTIVE');
  } catch (e) {
    throw new Error(`${e.message}\npage ${page.url()}\n${seen.slice(-15).join('\n')}`);
  } finally {
    await page.context().close();
  }
  // the regional administrator (the portal's first administrator) still may, on either host
  const regional = await (await browser.newContext({ locale: 'uk-UA' })).newPage();
  try {
    const { username, password } = portal.admin();
    await signIn(regional, on(LOCAL), username, password);
    await regional.locator('#dashboard').waitFor();
    await regional.goto(LOCAL.url + 'admin/modules');
    await regional.locator('#module-docsearch-stop').waitFor();
    assert.equal(await regional.locator('#module-docsearch-stop').getAttribute('disabled'), null);
    assert.equal(await regional.locator('#modules-rights-note').isVisible(), false);
  } finally {
    await regional.context().close();
  }
});

test('the log has no errors', async () => {
  for (const page of Object.values(pages)) await page.context().close();
  assert.deepEqual(portal.logErrors(), []);
});
