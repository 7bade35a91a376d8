// The public home page (issue 13): the portal's root address for anyone not signed in. It shows the
// community's name, a tile for each public entry the running modules contribute (documents, open
// data, the public map), and a search over every module's public content (a published act, an open
// dataset, a public layer, seeded here as the modules' own tests seed them). A module's bundle that
// stops takes its tile with it at the next load and brings it back when it starts; axe-core finds
// no serious or critical violation; an employee who signs in from it lands on the dashboard; a
// second community (regional hosting, its own host name) gets its own name, tiles and content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Portal, launchBrowser, signIn, menuItem, until, vaadinIdle } from './lib/portal.mjs';
import { axeViolations } from './lib/axe.mjs';

const portal = new Portal({ port: 19781, database: 'hromada_e2e_public_home' });
/** The one word the act, the dataset and the layer share: one search finds all three. */
const WORD = 'сквери';
const ACT = { number: '901-р', title: 'Про парки і сквери громади' };
const DATASET = { identifier: 'skvery-e2e', title: 'Парки і сквери громади (e2e)' };
const LAYER = { key: 'signage', title: 'Парки і сквери (e2e)' };
const EDRPOU = '12345675';

let browser;
let admin;     // the administrator's page: posts the act through the documents API
let actId;

/** The community's name as the portal shows it: the shipped ua.hromada.portal.cfg's community.name. */
function communityName() {
  const cfg = fs.readFileSync(path.join(portal.home, 'etc', 'ua.hromada.portal.cfg'), 'utf8');
  return /^community\.name\s*=\s*(.*)$/m.exec(cfg)[1].trim();
}

// rows written as the owner take their community from the session: the default community's
const psql = sql => portal.sql(`SET hromada.community = 'default';\n${sql}`);

/** The GIS UI bundle's id, from the console (columns: ID │ State │ Lvl │ Version │ Symbolic name). */
function gisUiBundle() {
  const line = portal.console('bundle:list -s -t 0').split('\n').find(l => /gis-ui\s*$/.test(l.trim()));
  assert.ok(line, 'the GIS UI bundle is installed');
  return line.split(/[│|]/)[0].trim();
}

async function anonymousPage() {
  const context = await browser.newContext({ locale: 'uk-UA', viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

async function tiles(page) {
  return page.locator('#public-tiles a.public-tile').evaluateAll(as => as.map(a => a.dataset.route));
}

before(async () => {
  await portal.start();
  await portal.waitForViews(['dokumenty', 'vidkryti-dani', 'karta', 'posluhy', 'zvernennia', 'docs']);
  await until('schemas of open data and GIS', () => psql(`SELECT to_regclass('opendata.dataset') IS NOT NULL
    AND (SELECT count(*) FROM gis.layer WHERE key = '${LAYER.key}') = 1`) === 't', { timeoutMs: 60_000 });
  // a public layer: an administrator makes it public in the registry (gis.test.mjs does it on the
  // page); here the shipped layer is renamed and opened straight in the table the registry reads
  psql(`UPDATE gis.layer SET visibility = 'PUBLIC', title = '${LAYER.title}' WHERE key = '${LAYER.key}'`);
  // a published dataset and an unpublished one, as opendata-publication.test.mjs writes them
  psql([
    `INSERT INTO opendata.data_manager (name, edrpou, responsible_person, email, phone)
     VALUES ('Управління благоустрою', '${EDRPOU}', 'Ірина Зелена', 'parks@example.org', '+380532000001')`,
    ...[[DATASET, true], [{ identifier: 'skvery-draft-e2e', title: 'Сквери: чернетка (e2e)' }, false]].map(([d, published]) => `
    INSERT INTO opendata.dataset (identifier, title, description, language, formats, first_published_at, last_modified_at,
      actuality_date, frequency, keywords, links, responsible_person, responsible_email, legal_basis, purpose,
      manager_id, tags, published, search_text)
    SELECT '${d.identifier}', '${d.title}', 'Парки, сквери та їхня площа', 'uk', '{CSV}',
      TIMESTAMP '2024-01-15 00:00' AT TIME ZONE 'Europe/Kyiv', current_date::timestamp AT TIME ZONE 'Europe/Kyiv',
      current_date, 'YEARLY', '{парки}', '{}', 'Ірина Зелена', 'parks@example.org', 'Постанова КМУ № 835',
      'Прозорість', id, '{парки}', ${published}, lower('${d.identifier} ${d.title}')
    FROM opendata.data_manager WHERE edrpou = '${EDRPOU}'`),
  ].join(';\n'));
  // the publication re-reads the registry every 2 s at most (SQL writes tell it nothing)
  const publicationCfg = path.join(portal.home, 'etc', 'ua.hromada.opendata.publication.cfg');
  fs.writeFileSync(publicationCfg, fs.readFileSync(publicationCfg, 'utf8')
    .replace(/^cache\.max\.age\.seconds\s*=.*$/m, 'cache.max.age.seconds = 2'));
  browser = await launchBrowser();
  // an act registered through the documents API with the administrator's session (docsearch.test.mjs)
  const { username, password } = portal.admin();
  admin = await (await browser.newContext({ locale: 'uk-UA' })).newPage();
  await signIn(admin, portal, username, password);
  await admin.locator('#dashboard').waitFor();
  const created = await admin.context().request.post(`${portal.url}api/documents`, {
    multipart: {
      metadata: JSON.stringify({ kind: 'mayor-order', number: ACT.number, date: '2025-05-20', title: ACT.title,
        issuingBody: 'Міський голова', status: 'IN_FORCE', tags: ['e2e'] }),
      file: { name: 'skvery.txt', mimeType: 'text/plain', buffer: Buffer.from('Розпорядження про догляд за парками і скверами.') },
    },
  });
  assert.equal(created.status(), 201, await created.text());
  actId = (await created.json()).id;
});

after(async () => {
  await browser?.close();
  await portal.stop();
});

test('anonymous /: the community\'s name, one h1, tiles of documents, open data and the public map', async () => {
  const page = await anonymousPage();
  try {
    await page.goto(portal.url);
    await page.locator('#public-home').waitFor();
    assert.equal(new URL(page.url()).pathname, '/', 'the root address is kept, no sign-in asked');
    assert.equal(await page.locator('vaadin-login-form').count(), 0);
    assert.equal((await page.locator('#public-home-title').innerText()).trim(), communityName());
    assert.equal(await page.locator('h1').count(), 1, 'one h1 on the page');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'uk');
    // the shipped modules' public entries: documents, open data, the map, e-services, appeals
    assert.deepEqual(await tiles(page), ['dokumenty', 'vidkryti-dani', 'karta', 'posluhy', 'zvernennia'], 'in their order');
    const map = page.locator('#public-tile-karta');
    assert.equal(await map.evaluate(a => a.tagName), 'A', 'a tile is a link, reachable by keyboard');
    assert.match(await map.getAttribute('href'), /karta$/);
    assert.match(await map.locator('.public-tile-summary').innerText(), /відкритими шарами/);
    // the public frame: a nav landmark with home and the entries beside the employees' sign-in
    assert.deepEqual(await page.locator('#public-nav a.public-nav-link[data-route]').evaluateAll(as => as.map(a => a.dataset.route)),
      ['dokumenty', 'vidkryti-dani', 'karta', 'posluhy', 'zvernennia']);
    assert.equal(await page.locator('#public-nav-home').getAttribute('aria-current'), 'page');
    await page.locator('#public-sign-in').waitFor();
    // the tile leads to the page
    await page.locator('#public-tile-vidkryti-dani').click();
    await page.locator('#opendata-public-view').waitFor();
    assert.match(new URL(page.url()).pathname, /\/vidkryti-dani$/);
  } finally {
    await page.context().close();
  }
});

test('the search finds the published act, the open dataset and the public layer, nothing unpublished', async () => {
  const page = await anonymousPage();
  try {
    await page.goto(portal.url);
    await page.locator('#public-search input').fill(WORD);
    await page.keyboard.press('Enter');
    await vaadinIdle(page);
    const hits = () => page.locator('#public-search-results a.public-search-hit')
      .evaluateAll(as => as.map(a => `${a.closest('section').dataset.group} ${a.getAttribute('href')} ${a.textContent}`));
    // the publication re-reads the registry now and then: the dataset may come a moment later
    let last = [];
    const found = await until('the three kinds of public content found', async () => {
      await page.click('#public-search-button');
      await vaadinIdle(page);
      last = await hits();
      return last.some(h => h.includes('vidkryti-dani')) ? last : null;
    }, { timeoutMs: 30_000 }).catch(e => assert.fail(`${e.message}; hits: ${last.join('; ')}`));
    assert.ok(found.includes(`docsearch.ui.menu.public dokumenty/${actId} ${ACT.title}`), found.join('\n'));
    assert.ok(found.includes(`opendata.publication.page.title vidkryti-dani?nabir=${DATASET.identifier} ${DATASET.title}`),
      found.join('\n'));
    assert.ok(found.includes(`gis.ui.public.search karta?layers=gis.${LAYER.key} ${LAYER.title}`), found.join('\n'));
    assert.ok(!found.some(h => h.includes('skvery-draft-e2e')), 'an unpublished dataset is never found');
    assert.deepEqual(await page.locator('#public-search-results h3').allInnerTexts(),
      ['Нормативні акти міської ради', 'Відкриті дані', 'Шари мапи громади'], 'groups in the providers\' order');

    // nothing found: said in words
    await page.locator('#public-search input').fill('ґрунтозневоднювач');
    await page.click('#public-search-button');
    await page.locator('#public-search-nothing').waitFor();

    // a layer's hit opens the public map with that layer on
    await page.goto(`${portal.url}karta?layers=gis.${LAYER.key}`);
    await page.locator('#gis-public-map').waitFor();
    await page.locator(`#gis-viewer-tree .gis-viewer-entry[data-layer="gis.${LAYER.key}"]`).waitFor();
    // and the act's hit its public page
    await page.goto(`${portal.url}dokumenty/${actId}`);
    await page.getByText(ACT.title).first().waitFor();
    assert.equal(await page.locator('vaadin-login-form').count(), 0);
  } finally {
    await page.context().close();
  }
});

test('axe-core finds no serious or critical violation on the home page, with search results shown', async () => {
  const page = await anonymousPage();
  try {
    await page.goto(portal.url);
    await page.locator('#public-tiles').waitFor();
    await vaadinIdle(page);
    assert.deepEqual(await axeViolations(page), []);
    await page.locator('#public-search input').fill(WORD);
    await page.click('#public-search-button');
    await page.locator('#public-search-results a.public-search-hit').first().waitFor();
    assert.deepEqual(await axeViolations(page), []);
    // the skip link is the first tab stop and moves the focus to the content
    await page.goto(portal.url);
    await page.locator('#public-tiles').waitFor();
    await vaadinIdle(page);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'public-skip');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'public-content');
  } finally {
    await page.context().close();
  }
});

test('the GIS UI bundle stopped takes the map\'s tile away at the next load; started, it comes back', async () => {
  const page = await anonymousPage();
  const id = gisUiBundle();
  try {
    portal.console(`bundle:stop ${id}`);
    await until('karta gone from the portal\'s views', async () =>
      !(await portal.contributions()).views.some(v => v.route === 'karta'), { timeoutMs: 30_000 });
    await page.goto(portal.url);
    await page.locator('#public-tiles').waitFor();
    assert.deepEqual(await tiles(page), ['dokumenty', 'vidkryti-dani', 'posluhy', 'zvernennia']);
    assert.equal(await page.locator('#public-nav [data-route="karta"]').count(), 0, 'nor a link in the frame');
    // its layers leave the search too; the other modules still answer
    await page.locator('#public-search input').fill(WORD);
    await page.click('#public-search-button');
    await page.locator('#public-search-results a.public-search-hit').first().waitFor();
    assert.equal(await page.locator('#public-search-results a[href^="karta"]').count(), 0);
  } finally {
    portal.console(`bundle:start ${id}`);
  }
  try {
    await portal.waitForViews(['karta']);
    await page.reload();
    await page.locator('#public-tiles').waitFor();
    assert.deepEqual(await tiles(page), ['dokumenty', 'vidkryti-dani', 'karta', 'posluhy', 'zvernennia']);
  } finally {
    await page.context().close();
  }
});

test('an employee signs in from the home page and lands on the dashboard, whose menu lists no public page', async () => {
  const page = await anonymousPage();
  try {
    await page.goto(portal.url);
    await page.locator('#public-home').waitFor();
    await page.click('#public-sign-in');
    await page.locator('vaadin-login-form input[name=username]').waitFor();
    const { username, password } = portal.admin();
    await page.fill('vaadin-login-form input[name=username]', username);
    await page.fill('vaadin-login-form input[name=password]', password);
    await page.click('vaadin-login-form vaadin-button[slot="submit"], vaadin-login-form vaadin-button');
    await page.locator('#dashboard').waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal(await page.locator('#public-home').count(), 0);
    await menuItem(page, 'docs').waitFor();
    for (const route of ['dokumenty', 'vidkryti-dani', 'karta', 'posluhy', 'zvernennia']) {
      assert.equal(await menuItem(page, route).count(), 0, `${route} is not in the employees' menu`);
    }
    // the root address stays the dashboard for a signed-in user
    await page.goto(portal.url);
    await page.locator('#dashboard').waitFor();
  } finally {
    await page.context().close();
  }
});

test('regional hosting: another host\'s home page shows its community\'s name, tiles of its modules and its content only', async () => {
  const local = { id: 'reshetylivka', name: 'Решетилівська селищна рада', url: `http://localhost:${portal.port}/` };
  const added = portal.console(`portal:community-add -h localhost -m docsearch -n '${local.name}' ${local.id}`);
  assert.doesNotMatch(added, /error|exception|unknown|помилк/i, added);
  const page = await anonymousPage();
  try {
    await until(`${local.url} shows ${local.name}`, async () => {
      await page.goto(local.url);
      await page.locator('#public-home-title').waitFor({ timeout: 5_000 });
      return (await page.locator('#public-home-title').innerText()).trim() === local.name;
    }, { timeoutMs: 20_000, intervalMs: 1_000 });
    assert.deepEqual(await tiles(page), ['dokumenty'], 'only the modules the community has');
    assert.equal(await page.locator('#public-nav [data-route="karta"]').count(), 0);
    // the default community's act, dataset and layer are not the second community's
    await page.locator('#public-search input').fill(WORD);
    await page.click('#public-search-button');
    await page.locator('#public-search-nothing').waitFor();
  } finally {
    await page.context().close();
  }
  // and the default host is unchanged
  const home = await anonymousPage();
  try {
    await home.goto(portal.url);
    assert.equal((await home.locator('#public-home-title').innerText()).trim(), communityName());
    assert.deepEqual(await tiles(home), ['dokumenty', 'vidkryti-dani', 'karta', 'posluhy', 'zvernennia']);
  } finally {
    await home.context().close();
  }
});

test('the portal log has no errors of the public home page or its search', async () => {
  assert.deepEqual(portal.logErrors(/PublicHome|PublicSearch|PublicLayout|PublicActSearch|PublicDatasetSearch|PublicLayerSearch/), []);
});
