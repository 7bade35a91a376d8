// Open data publication end to end: the booted portal (feature hromada-opendata) publishes a dataset
// of its registry through the CKAN Action API (package_search / package_show / organization_list,
// CKAN's envelope and error types), the download endpoint (bytes, type, SHA-256), the DCAT-AP
// catalogue in Turtle, JSON-LD and RDF/XML, and the residents' page "vidkryti-dani" without sign-in.
// The dataset is put into the registry with plain SQL through psql: no console command or API
// writes the registry yet, and the publication must show what the registry holds however it got
// there (its cache is re-read in the background; cache.max.age.seconds is set to 2 here).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Portal, launchBrowser, until, fromModule } from './lib/portal.mjs';

const portal = new Portal({ port: 18781, database: 'hromada_e2e_opendata_publication' });
let browser;

const CSV = 'рік,видатки\n2026,1250000\n';
const SHA = crypto.createHash('sha256').update(CSV, 'utf8').digest('hex');
const EDRPOU = '12345675'; // not checked by SQL; the registry service would check its digit

// rows written as the owner take their community from the session (issue 18): the default community's
const psql = sql => portal.sql(`SET hromada.community = 'default';\n${sql}`);

function datasetSql(identifier, title, published = true) {
  return `
    INSERT INTO opendata.dataset (identifier, title, description, language, formats, first_published_at, last_modified_at,
      actuality_date, frequency, keywords, links, responsible_person, responsible_email, legal_basis, purpose,
      manager_id, tags, published, search_text)
    SELECT '${identifier}', '${title}', 'Доходи і видатки бюджету громади за програмами', 'uk', '{CSV}',
      TIMESTAMP '2024-01-15 00:00' AT TIME ZONE 'Europe/Kyiv',
      current_date::timestamp AT TIME ZONE 'Europe/Kyiv', current_date, 'YEARLY', '{бюджет,видатки}', '{}', 'Олена Фінансистка', 'finance@example.org',
      'Постанова КМУ від 21.10.2015 № 835', 'Прозорість використання бюджетних коштів', id, '{бюджет,фінанси}',
      ${published}, lower('${identifier} ${title}')
    FROM opendata.data_manager WHERE edrpou = '${EDRPOU}'`;
}

async function api(action, query = '') {
  const res = await fetch(`${portal.url}api/3/action/${action}${query ? '?' + query : ''}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.json() };
}

let resourceId;

before(async () => {
  await portal.start();
  // the booted feature hromada-opendata: the residents' page is one of its views
  await portal.waitForViews(['vidkryti-dani']);
  // the registry's schema is migrated when its service starts
  await until('schema opendata', () => psql("select to_regclass('opendata.dataset') is not null") === 't', { timeoutMs: 30_000 });
  // one psql command string is one transaction: the publication, which may read the registry at any
  // moment, never sees the dataset without its resources
  psql([
    `INSERT INTO opendata.data_manager (name, edrpou, responsible_person, email, phone)
     VALUES ('Департамент фінансів', '${EDRPOU}', 'Олена Фінансистка', 'finance@example.org', '+380532000000')`,
    datasetSql('budget-2026-e2e', 'Бюджет громади на 2026 рік'),
    datasetSql('draft-e2e', 'Чернетка набору', false),
    `WITH r AS (INSERT INTO opendata.resource (dataset_id, name, format, media_type, file_name, size, sha256, storage)
       SELECT id, 'Видатки 2026', 'CSV', 'text/csv', 'vydatky-2026.csv', ${Buffer.byteLength(CSV)}, '${SHA}', 'database'
       FROM opendata.dataset WHERE identifier = 'budget-2026-e2e' RETURNING id)
     INSERT INTO opendata.resource_content (resource_id, content)
       SELECT id, convert_to('${CSV.replace(/\n/g, "' || chr(10) || '")}', 'UTF8') FROM r`,
    `INSERT INTO opendata.resource (dataset_id, name, format, media_type, url)
     SELECT id, 'Видатки на порталі Є-Дата', 'JSON', 'application/json', 'https://example.org/budget.json'
     FROM opendata.dataset WHERE identifier = 'budget-2026-e2e'`,
  ].join(';\n'));
  resourceId = psql(`SELECT id FROM opendata.resource WHERE file_name = 'vydatky-2026.csv'`);
  // the publication re-reads the registry every 2 s at most (SQL writes tell it nothing)
  fs.writeFileSync(path.join(portal.home, 'etc', 'ua.hromada.opendata.publication.cfg'),
    fs.readFileSync(path.join(portal.home, 'etc', 'ua.hromada.opendata.publication.cfg'), 'utf8')
      .replace(/^cache\.max\.age\.seconds\s*=.*$/m, 'cache.max.age.seconds = 2'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal.stop();
});

test('package_search and package_show answer like CKAN for the published dataset', async () => {
  const search = await until('the dataset in package_search', async () => {
    const r = await api('package_search', 'q=' + encodeURIComponent('бюджет') + '&facet.field='
      + encodeURIComponent('["tags","res_format","organization"]'));
    return r.body.result?.count === 1 ? r : null;
  });
  assert.equal(search.status, 200);
  assert.match(search.type, /^application\/json/);
  assert.deepEqual(Object.keys(search.body).sort(), ['help', 'result', 'success']);
  assert.equal(search.body.success, true);
  assert.match(search.body.help, /\/api\/3\/action\/help_show\?name=package_search$/);
  const result = search.body.result;
  assert.deepEqual(Object.keys(result).sort(), ['count', 'facets', 'results', 'search_facets', 'sort']);
  assert.equal(result.results[0].name, 'budget-2026-e2e');
  assert.equal(result.facets.tags['фінанси'], 1);
  assert.equal(result.facets.res_format.JSON, 1);
  assert.equal(result.search_facets.organization.items[0].display_name, 'Департамент фінансів');

  const filtered = await api('package_search', 'fq=' + encodeURIComponent(`organization:${EDRPOU} +res_format:CSV`)
    + '&sort=' + encodeURIComponent('metadata_modified desc') + '&rows=5');
  assert.equal(filtered.body.result.count, 1, 'the unpublished draft is not there');

  const shown = await api('package_show', 'id=budget-2026-e2e');
  const pkg = shown.body.result;
  assert.equal(pkg.title, 'Бюджет громади на 2026 рік');
  assert.equal(pkg.update_frequency, 'Щороку');
  assert.equal(pkg.organization.name, EDRPOU);
  assert.match(pkg.metadata_modified, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
  const csv = pkg.resources.find(r => r.format === 'CSV');
  assert.equal(csv.url, `${portal.url}api/opendata/resources/${resourceId}/download`);
  assert.equal(csv.hash, SHA);
  assert.equal(csv.size, Buffer.byteLength(CSV));
  assert.equal(csv.url_type, 'upload');
  assert.equal(pkg.resources.find(r => r.format === 'JSON').url, 'https://example.org/budget.json');
  assert.equal((await api('package_show', 'id=' + pkg.id)).body.result.name, 'budget-2026-e2e');

  const download = await fetch(csv.url);
  assert.equal(download.status, 200);
  assert.match(download.headers.get('content-type'), /^text\/csv/);
  assert.equal(download.headers.get('x-checksum-sha256'), SHA);
  assert.equal(await download.text(), CSV);

  // other modules' live datasets (e.g. OKS violations) may be published under their own manager
  assert.ok((await api('organization_list')).body.result.includes(EDRPOU));
  const missing = await api('package_show', 'id=draft-e2e');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.__type, 'Not Found Error');
  const bad = await api('package_search', 'rows=many');
  assert.equal(bad.status, 409);
  assert.equal(bad.body.error.__type, 'Validation Error');
  const unknown = await fetch(`${portal.url}api/3/action/package_delete`);
  assert.equal(unknown.status, 400);
  assert.equal(await unknown.json(), 'Bad request - Action name not known: package_delete');
});

test('a dataset written into the registry later is published within the configured age', async () => {
  psql(datasetSql('parks-e2e', 'Парки і сквери громади'));
  await until('parks-e2e in package_list', async () =>
    (await api('package_list')).body.result.includes('parks-e2e'), { timeoutMs: 30_000 });
});

test('a format the passport promises without a file is not offered (CKAN res_format, the public format filter)', async () => {
  // issue 20, item 25: the passport promises CSV and XLSX; the dataset has only a link to an API
  psql(datasetSql('promise-e2e', 'Обіцяні формати без файлів').replace("'{CSV}'", "'{CSV,XLSX}'")
    .replace("'{}'", "'{https://api.example.org/budget}'"));
  await until('promise-e2e in package_list', async () =>
    (await api('package_list')).body.result.includes('promise-e2e'), { timeoutMs: 30_000 });
  const xlsx = await api('package_search', 'fq=' + encodeURIComponent('res_format:XLSX'));
  assert.equal(xlsx.body.result.count, 0, 'no dataset has an XLSX file');
  const csv = await api('package_search', 'fq=' + encodeURIComponent('res_format:CSV') + '&rows=50');
  assert.ok(!csv.body.result.results.some(p => p.name === 'promise-e2e'), 'a promise is not a CSV file');
  const facets = await api('package_search', 'facet.field=' + encodeURIComponent('["res_format"]') + '&rows=0');
  assert.equal(facets.body.result.facets.res_format.XLSX, undefined);
  const pkg = (await api('package_show', 'id=promise-e2e')).body.result;
  assert.deepEqual(pkg.resources.map(r => r.url), ['https://api.example.org/budget']);
});

test('the DCAT-AP catalogue in Turtle, JSON-LD and RDF/XML', async () => {
  for (const [file, type] of [['catalog.ttl', 'text/turtle'], ['catalog.jsonld', 'application/ld+json'],
    ['catalog.rdf', 'application/rdf+xml']]) {
    const res = await fetch(portal.url + file);
    assert.equal(res.status, 200, file);
    assert.match(res.headers.get('content-type'), new RegExp('^' + type.replace('+', '\\+')), file);
    const text = await res.text();
    assert.ok(text.includes(`${portal.url}catalog/dataset/budget-2026-e2e`), `${file} names the dataset`);
    assert.ok(text.includes('http://publications.europa.eu/resource/authority/frequency/ANNUAL'), file);
    assert.ok(text.includes(`api/opendata/resources/${resourceId}/download`), file);
    assert.ok(!text.includes('draft-e2e'), `${file} leaves the draft out`);
  }
});

test('the public page lists the dataset with its passport and download links, without sign-in', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(portal.url + 'vidkryti-dani');
    await page.locator('#opendata-public-view').waitFor();
    assert.equal(await page.locator('vaadin-login-form').count(), 0, 'no sign-in asked');
    const card = page.locator('.opendata-dataset[data-identifier="budget-2026-e2e"]');
    await card.waitFor();
    await page.locator('#opendata-count').filter({ hasText: 'Знайдено наборів' }).waitFor();
    await page.fill('#opendata-search input', 'сквери');
    await page.locator('.opendata-dataset[data-identifier="parks-e2e"]').waitFor();
    await page.locator('.opendata-dataset[data-identifier="budget-2026-e2e"]').waitFor({ state: 'detached' });
    await page.fill('#opendata-search input', 'зоопарк');
    await page.locator('#opendata-none').waitFor();

    await page.goto(portal.url + 'vidkryti-dani?nabir=budget-2026-e2e');
    const opened = page.locator('.opendata-dataset[data-identifier="budget-2026-e2e"]');
    await opened.locator('.opendata-passport').filter({ hasText: 'Щороку' }).waitFor();
    await opened.locator('.opendata-passport').filter({ hasText: 'Департамент фінансів' }).waitFor();
    const href = await opened.locator('a.opendata-download[data-format="CSV"]').getAttribute('href');
    assert.equal(href, `${portal.url}api/opendata/resources/${resourceId}/download`);
    assert.equal(await page.locator('.opendata-dataset').count(), 1, 'only the dataset asked for');
    await page.screenshot({ path: path.join(portal.home, 'vidkryti-dani.png'), fullPage: true });
  } finally {
    await page.close();
  }
});

test('the public page fits a phone (390 px): nothing wider than the screen', async () => {
  const context = await browser.newContext({ locale: 'uk-UA', viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  try {
    for (const address of ['vidkryti-dani', 'vidkryti-dani?nabir=budget-2026-e2e']) {
      await page.goto(portal.url + address);
      await page.locator('.opendata-dataset[data-identifier="budget-2026-e2e"]').waitFor();
      const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
      // what sticks out, named in the message when it fails
      const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > 391).slice(0, 10)
        .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} in #${e.parentElement?.closest('[id]')?.id} `
          + `${Math.round(e.getBoundingClientRect().width)} px «${e.textContent.trim().slice(0, 30)}»`));
      assert.ok(width <= 390, `${address}: the page is ${width} px wide on a 390 px screen: ${wide.join(', ')}`);
    }
    await page.screenshot({ path: path.join(portal.home, 'vidkryti-dani-phone.png'), fullPage: true });
  } finally {
    await context.close();
  }
});

test('the log has no errors from the open-data bundles', () => {
  assert.deepEqual(portal.logErrors(fromModule('opendata')), []);
});
