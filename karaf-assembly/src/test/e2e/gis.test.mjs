// GIS end to end (issue 12), the booted feature hromada-gis on real PostgreSQL + PostGIS in headless
// Chromium: the administrator creates a public layer with an attribute schema (required text,
// number, choice list; an empty choice list refused at its row) and an employees-only layer; an
// object is created by its coordinates (a missing required value refused at its field), its
// attributes edited and the history shows both changes (old → new), a photo attached; a GeoJSON with one bad row is
// previewed with that row's error and nothing is saved until the bad row is explicitly dropped; the
// OGC API lists only public layers, a non-public layer and its objects are 404 there; the public
// map (no sign-in) has only the public layers and gives each as GeoJSON and CSV; GDAL's ogrinfo
// reads the API and counts what the database holds; an object drawn, reshaped and deleted on the
// viewer's map; the image proxy of external layers (a local tile server): a proxied public tile
// passes through at /api/gis/proxy/{key}/{z}/{x}/{y}, a linked or unknown layer is 404, a tile
// outside the grid 400, a web page instead of an image 502 — each as the portal's JSON error; an
// employees' layer is 401 without a session and served to a signed-in administrator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { Portal, launchBrowser, signIn, menuItem, fromModule, until } from './lib/portal.mjs';
import { viewerTests } from './gis-viewer.mjs';

// an Open311 key: the OKS violations of the card's test arrive as residents' reports
const OPEN311_KEY = `gis-e2e-${Date.now()}-open311-key-0123456789abcdef`;
// the map servers these tests register run on this machine: their loopback network allowed, as a
// council lists its own map servers' network (otherwise the GIS reaches public servers only)
const portal = new Portal({ port: 19581, database: 'hromada_e2e_gis',
  config: { 'ua.hromada.oks.open311.cfg': { apiKeys: OPEN311_KEY },
    'ua.hromada.gis.mapservers.cfg': { 'allowed.networks': '127.0.0.0/8' } } });
// the viewer's tests (gis-viewer.mjs) first, on the shipped registry; then this file's own
viewerTests(portal);
const PUBLIC = { key: 'e2e-shkoly', title: 'Заклади освіти (e2e)' };
const INTERNAL = { key: 'e2e-merezhi', title: 'Інженерні мережі (e2e)' };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gis-e2e-'));
// a 1×1 PNG: an object's photo
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let browser;
let page;   // the administrator's page, open through the run
let featureId;

before(async () => {
  await portal.ready();
  await portal.waitForViews(['gis/layers', 'gis/objects', 'gis/import']);
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'uk-UA', viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  const { username, password } = portal.admin();
  await signIn(page, portal, username, password);
  await page.locator('#dashboard').waitFor();
});

after(async () => {
  await browser?.close();
  await portal.stop();
  await new Promise(resolve => tiles?.close(resolve) ?? resolve());
  fs.rmSync(work, { recursive: true, force: true });
});

/** Picks an item of a Vaadin combo box by typing part of its text. */
async function choose(selector, text) {
  await page.click(`${selector} input`);
  await page.fill(`${selector} input`, text);
  await page.locator('vaadin-combo-box-item:not([hidden])').filter({ hasText: text }).first().click();
}

/** Picks an item of a Vaadin select by its text. */
async function select(selector, text) {
  await page.click(selector);
  await page.locator('vaadin-select-item').filter({ hasText: text }).first().click();
  await page.locator('vaadin-select-overlay[opened]').waitFor({ state: 'detached' });
}

function layerId(key) {
  return Number(portal.sql(`select id from gis.layer where key = '${key}'`));
}

function featureCount(key) {
  return Number(portal.sql(`select count(*) from gis.feature f join gis.layer l on l.id = f.layer_id
    and l.community = f.community where l.key = '${key}'`));
}

async function ogc(pathAndQuery) {
  const res = await fetch(`${portal.url}api/gis/ogc${pathAndQuery}`);
  return { status: res.status, body: await res.json() };
}

test('the administrator creates a layer with an attribute schema; an empty choice list is refused at its row', async () => {
  await menuItem(page, 'gis/layers').waitFor();
  await page.goto(portal.url + 'gis/layers');
  await page.click('#gis-layer-add');
  await page.locator('#gis-layer-form').waitFor({ state: 'attached' });
  await page.fill('#gis-layer-key input', PUBLIC.key);
  await page.fill('#gis-layer-title input', PUBLIC.title);
  await select('#gis-layer-visibility', 'Публічний');
  const rows = [
    { name: 'nazva', label: 'Назва', type: 'Текст', required: true },
    { name: 'uchni', label: 'Кількість учнів', type: 'Число' },
    { name: 'typ', label: 'Тип закладу', type: 'Список значень' },
  ];
  for (const [i, r] of rows.entries()) {
    await page.click('#gis-schema-add');
    await page.fill(`#gis-schema-name-${i} input`, r.name);
    await page.fill(`#gis-schema-label-${i} input`, r.label);
    if (r.type !== 'Текст') await select(`#gis-schema-type-${i}`, r.type);
    if (r.required) await page.click(`#gis-schema-required-${i}`);
  }
  // the choice list left empty: the service's rule, shown at that row
  await page.click('#gis-layer-save');
  await page.locator('#gis-schema-name-2[invalid]').waitFor();
  assert.match(await page.locator('#gis-schema-name-2').evaluate(f => f.errorMessage),
    /список значень не може бути порожнім/);
  assert.equal(portal.sql(`select count(*) from gis.layer where key = '${PUBLIC.key}'`), '0', 'nothing saved');

  await page.fill('#gis-schema-choices-2 input', 'ліцей; гімназія; початкова школа');
  await page.click('#gis-layer-save');
  await page.locator('#gis-layer-form').waitFor({ state: 'detached' });
  await page.locator('#gis-layer-grid').getByText(PUBLIC.title, { exact: true }).waitFor();
  const stored = JSON.parse(portal.sql(`select json_build_object('visibility', visibility, 'attributes', attributes)
    from gis.layer where key = '${PUBLIC.key}'`));
  assert.equal(stored.visibility, 'PUBLIC');
  assert.deepEqual(stored.attributes.map(a => [a.name, a.type, a.required]),
    [['nazva', 'TEXT', true], ['uchni', 'NUMBER', false], ['typ', 'CHOICE', false]]);
  assert.deepEqual(stored.attributes[2].choices, ['ліцей', 'гімназія', 'початкова школа']);

  // a second layer, seen by employees only
  await page.click('#gis-layer-add');
  await page.locator('#gis-layer-form').waitFor({ state: 'attached' });
  await page.fill('#gis-layer-key input', INTERNAL.key);
  await page.fill('#gis-layer-title input', INTERNAL.title);
  await page.click('#gis-layer-save');
  await page.locator('#gis-layer-form').waitFor({ state: 'detached' });
  await page.locator('#gis-layer-grid').getByText(INTERNAL.title, { exact: true }).waitFor();
  assert.equal(portal.sql(`select visibility from gis.layer where key = '${INTERNAL.key}'`), 'EMPLOYEES');

  // the public layer is at once a live dataset of the open data registry (the save tells the GIS's
  // open data provider; its scan every 5 minutes is far off in this run), the other layer is not
  const live = key => portal.sql(`select count(*) from opendata.dataset where identifier = 'gis-${key}' and provider_live`);
  await until('the public layer is a live open dataset', async () => live(PUBLIC.key) === '1', { timeoutMs: 20_000 });
  assert.equal(live(INTERNAL.key), '0', 'an employees\' layer is no open dataset');
});

test('an object is created by its coordinates, its attributes edited, and the history shows who changed what', async () => {
  await page.goto(portal.url + 'gis/objects');
  await page.locator('#gis-objects').waitFor();
  await choose('#gis-objects-layer', PUBLIC.title);
  await page.locator('#gis-objects-total[data-count="0"]').waitFor();
  await page.click('#gis-objects-create');
  await page.locator('#gis-feature-form').waitFor({ state: 'attached' });
  await page.fill('#gis-feature-lon input', '34.5514');
  await page.fill('#gis-feature-lat input', '49.5883');
  await page.fill('#gis-attr-uchni input', '450');
  // the required name left empty: refused at its field, nothing saved
  await page.click('#gis-feature-save');
  await page.locator('#gis-attr-nazva[invalid]').waitFor();
  assert.match(await page.locator('#gis-attr-nazva').evaluate(f => f.errorMessage), /Заповніть поле «Назва»/);
  assert.equal(featureCount(PUBLIC.key), 0);

  await page.fill('#gis-attr-nazva input', 'Ліцей № 1');
  await choose('#gis-attr-typ', 'ліцей');
  await page.click('#gis-feature-save');
  await page.locator('#gis-feature-form').waitFor({ state: 'detached' });
  await page.locator('#gis-objects-total[data-count="1"]').waitFor();
  const row = JSON.parse(portal.sql(`select json_build_object('id', id, 'attributes', attributes,
    'lon', ST_X(geom), 'lat', ST_Y(geom)) from gis.feature where layer_id = ${layerId(PUBLIC.key)}`));
  featureId = row.id;
  assert.deepEqual({ nazva: row.attributes.nazva, uchni: Number(row.attributes.uchni), typ: row.attributes.typ },
    { nazva: 'Ліцей № 1', uchni: 450, typ: 'ліцей' });
  assert.ok(Math.abs(row.lon - 34.5514) < 1e-9 && Math.abs(row.lat - 49.5883) < 1e-9, JSON.stringify(row));

  // edit: the number of pupils changes
  await page.click(`#gis-open-${featureId}`);
  await page.locator('#gis-feature-form').waitFor({ state: 'attached' });
  await page.fill('#gis-attr-uchni input', '480');
  await page.click('#gis-feature-save');
  await page.locator('#gis-feature-form').waitFor({ state: 'detached' });
  await untilDb(() => Number(portal.sql(`select attributes->>'uchni' from gis.feature where id = ${featureId}`)) === 480);

  await page.click(`#gis-history-${featureId}`);
  const history = page.locator('#gis-history-grid');
  await history.waitFor();
  await history.getByText('Створено', { exact: true }).waitFor();
  await history.getByText('Змінено', { exact: true }).waitFor();
  await history.getByText(/Кількість учнів: 450 → 480/).waitFor();
  assert.equal(await history.getByText('admin', { exact: true }).count() >= 1, true, 'who made the changes');
  await page.click('#gis-history-close');
  await page.locator('#gis-history').waitFor({ state: 'detached' });

  // a photo of the object: uploaded, listed with its thumbnail and link, stored once
  await page.click(`#gis-attachments-${featureId}`);
  await page.locator('#gis-attachments-empty').waitFor();
  await page.locator('#gis-attachments-upload input[type=file]').setInputFiles({ name: 'fasad.png', mimeType: 'image/png', buffer: PNG });
  const attachment = page.locator('#gis-attachments-list .gis-attachment');
  await attachment.locator('a.gis-attachment-link', { hasText: 'fasad.png' }).waitFor();
  await attachment.locator('img.gis-attachment-photo').waitFor();
  assert.equal(portal.sql(`select string_agg(content_type || ' ' || size, ',') from gis.feature_attachment
    where feature_id = ${featureId}`), `image/png ${PNG.length}`);
  await page.click('#gis-attachments-close');
  await page.locator('#gis-attachments').waitFor({ state: 'detached' });

  // an object of the employees-only layer, for the OGC API checks
  await choose('#gis-objects-layer', INTERNAL.title);
  await page.locator('#gis-objects-total[data-count="0"]').waitFor();
  await page.click('#gis-objects-create');
  await page.locator('#gis-feature-form').waitFor({ state: 'attached' });
  await page.fill('#gis-feature-lon input', '34.56');
  await page.fill('#gis-feature-lat input', '49.59');
  await page.click('#gis-feature-save');
  await page.locator('#gis-objects-total[data-count="1"]').waitFor();
});

/** Polls a synchronous check of the database (the UI's save finished server-side first). */
async function untilDb(check, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not within ${timeoutMs} ms: ${check}`);
    await new Promise(r => setTimeout(r, 200));
  }
}

test('a GeoJSON with one bad row: the preview names the row\'s error and nothing is saved until it is dropped', async () => {
  const file = path.join(work, 'shkoly.geojson');
  const feature = (lon, lat, properties) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties });
  fs.writeFileSync(file, JSON.stringify({
    type: 'FeatureCollection',
    features: [
      feature(34.55, 49.58, { nazva: 'Гімназія № 2', uchni: 300, typ: 'гімназія' }),
      feature(34.57, 49.60, { nazva: 'Школа № 3', uchni: 'багато', typ: 'початкова школа' }),
      feature(34.53, 49.57, { nazva: 'Ліцей № 4', uchni: 520, typ: 'ліцей' }),
    ],
  }));
  await page.goto(portal.url + 'gis/import');
  await page.locator('#gis-import').waitFor();
  await choose('#gis-import-layer', PUBLIC.title);
  await page.setInputFiles('#gis-import-upload input[type=file]', file);
  const status = page.locator('#gis-import-status[data-rows="3"]');
  await status.waitFor({ timeout: 60_000 });
  assert.equal(await status.getAttribute('data-bad'), '1');
  const errors = page.locator('#gis-import-preview .gis-import-errors').filter({ hasText: /\S/ });
  await errors.first().waitFor();
  assert.equal(await errors.count(), 1, 'one row has errors');
  assert.match(await errors.first().innerText(), /Кількість учнів: .*потрібне число/);
  // with a bad row and none dropped, nothing can be saved
  assert.equal(await page.locator('#gis-import-save').getAttribute('disabled'), '');
  assert.match(await page.locator('#gis-import-save').innerText(), /Зберегти об’єктів: 0/);
  assert.equal(featureCount(PUBLIC.key), 1, 'nothing saved by the preview');

  await page.click('#gis-import-drop');
  await page.locator('#gis-import-save:not([disabled])').filter({ hasText: 'Зберегти об’єктів: 2' }).waitFor();
  await page.click('#gis-import-save');
  await page.locator('#gis-import-status[data-saved="2"]').waitFor();
  assert.equal(featureCount(PUBLIC.key), 3);
  assert.equal(portal.sql(`select string_agg(attributes->>'nazva', ',' order by id) from gis.feature
    where layer_id = ${layerId(PUBLIC.key)}`), 'Ліцей № 1,Гімназія № 2,Ліцей № 4');
});

test('the OGC API lists only public layers; a non-public layer and its objects are 404', async () => {
  const landing = await ogc('/');
  assert.equal(landing.status, 200);
  const { status, body } = await ogc('/collections');
  assert.equal(status, 200);
  const publicKeys = portal.sql(`select string_agg(key, ',' order by key) from gis.layer where visibility = 'PUBLIC'`)
    .split(',').filter(Boolean);
  assert.ok(publicKeys.includes(PUBLIC.key));
  assert.deepEqual(body.collections.map(c => c.id).sort(), publicKeys, 'every public layer and nothing else');
  assert.ok(!body.collections.some(c => c.id === INTERNAL.key));

  const items = await ogc(`/collections/${PUBLIC.key}/items?limit=2`);
  assert.equal(items.status, 200);
  assert.equal(items.body.numberMatched, 3);
  assert.equal(items.body.numberReturned, 2);
  assert.ok(items.body.links.some(l => l.rel === 'next'), 'a next link while more follow');
  const one = await ogc(`/collections/${PUBLIC.key}/items/${featureId}`);
  assert.equal(one.status, 200);
  assert.equal(one.body.properties.nazva, 'Ліцей № 1');

  assert.equal((await ogc(`/collections/${INTERNAL.key}`)).status, 404);
  assert.equal((await ogc(`/collections/${INTERNAL.key}/items`)).status, 404);
  const internalId = portal.sql(`select id from gis.feature where layer_id = ${layerId(INTERNAL.key)}`);
  assert.equal((await ogc(`/collections/${INTERNAL.key}/items/${internalId}`)).status, 404);
  assert.equal((await ogc(`/collections/${PUBLIC.key}/items/${internalId}`)).status, 404,
    'an employees-only object is not reachable through a public layer either');
});

test('the public map without sign-in: only the public layers, no filters, each layer\'s objects as GeoJSON and CSV', async () => {
  const context = await browser.newContext({ locale: 'uk-UA', viewport: { width: 1400, height: 1000 } });
  try {
    const visitor = await context.newPage();
    await visitor.goto(portal.url + 'karta');
    await visitor.locator('#gis-public-map').waitFor();
    assert.match(new URL(visitor.url()).pathname, /\/karta$/, 'no sign-in asked');
    const publicKeys = portal.sql(`select string_agg(key, ',' order by key) from gis.layer where visibility = 'PUBLIC'`)
      .split(',').filter(Boolean);
    const entries = await visitor.locator('#gis-viewer-tree .gis-viewer-entry[data-layer]')
      .evaluateAll(els => els.map(e => e.dataset.layer));
    assert.deepEqual(entries.sort(), publicKeys.map(k => `gis.${k}`), 'every public layer and nothing else');
    assert.equal(await visitor.locator(`#gis-viewer-map .hromada-map-layer-pane[data-layer="gis.${INTERNAL.key}"]`).count(), 0);
    assert.equal(await visitor.locator(`[id^="gis-viewer-filter-"]`).count(), 0, 'no filters for the public');

    const entry = visitor.locator(`#gis-viewer-tree .gis-viewer-entry[data-layer="gis.${PUBLIC.key}"]`);
    const fetchFile = async format => {
      const [download] = await Promise.all([visitor.waitForEvent('download'),
        entry.locator(`a.gis-public-download[data-format="${format}"]`).click()]);
      assert.equal(download.suggestedFilename(), `${PUBLIC.key}.${format}`);
      return fs.readFileSync(await download.path(), 'utf8');
    };
    const geojson = JSON.parse(await fetchFile('geojson'));
    assert.equal(geojson.features.length, featureCount(PUBLIC.key));
    assert.ok(geojson.features.some(f => Object.values(f.properties).includes('Ліцей № 1')), JSON.stringify(geojson).slice(0, 400));
    const csv = (await fetchFile('csv')).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.equal(csv.length, featureCount(PUBLIC.key) + 1, 'a header and one line per object');
    assert.ok(csv.some(line => line.includes('Ліцей № 1')), csv.join('\n'));
  } finally {
    await context.close();
  }
});

test('GDAL\'s ogrinfo reads the OGC API: the collections and the feature count the database holds', () => {
  let version;
  try {
    version = execFileSync('ogrinfo', ['--version'], { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`ogrinfo (Debian gdal-bin) is needed for this test and cannot run: ${e.message}`);
  }
  const url = `OAPIF:${portal.url}api/gis/ogc`;
  const listing = execFileSync('ogrinfo', ['-ro', '-q', url], { encoding: 'utf8' });
  const listed = [...listing.matchAll(/^\d+: (\S+)/gm)].map(m => m[1]).sort();
  const publicKeys = portal.sql(`select string_agg(key, ',' order by key) from gis.layer where visibility = 'PUBLIC'`)
    .split(',').filter(Boolean);
  assert.deepEqual(listed, publicKeys, `${version}${listing}`);

  const summary = execFileSync('ogrinfo', ['-ro', '-so', url, PUBLIC.key], { encoding: 'utf8' });
  const count = /Feature Count: (\d+)/.exec(summary);
  assert.ok(count, summary);
  assert.equal(Number(count[1]), featureCount(PUBLIC.key), summary);
  assert.match(summary, /Geometry: Point/);
});

test('an object drawn on the viewer\'s map: a polygon with one step undone, its attributes, its shape changed, then deleted', async () => {
  const ZONES = 'heritage-zones';
  const host = page.locator('#gis-viewer-map .hromada-map-host');
  const hostState = () => page.evaluate(() => ({ ...document.querySelector('#gis-viewer-map .hromada-map-host').dataset }));
  await page.goto(portal.url + 'gis/map');
  await page.waitForFunction(() => {
    const el = document.querySelector('#gis-viewer-map .hromada-map-host');
    return el?.__hromadaMap && el.dataset.layersState === 'ready';
  }, null, { timeout: 20_000 });
  await choose('#gis-viewer-edit-layer', 'Зони охорони');
  await page.locator('#gis-viewer-edit-hint').waitFor();
  await host.locator('.hromada-map-tool-drawPolygon').click();
  await until('drawing', async () => (await hostState()).editing === 'draw', { timeoutMs: 10_000 });
  // in the lower left, away from the tools (top left) and the middle, where the other objects of
  // this run stand; the fifth vertex is undone
  const box = await host.boundingBox();
  const at = (fx, fy) => [box.x + box.width * fx, box.y + box.height * fy];
  for (const [fx, fy] of [[0.15, 0.55], [0.35, 0.55], [0.35, 0.8], [0.15, 0.8], [0.25, 0.9]]) {
    const [x, y] = at(fx, fy);
    await page.mouse.move(x, y);
    await page.mouse.click(x, y);
  }
  await host.locator('.hromada-map-tool-undo').click();
  await host.locator('.hromada-map-tool-finish').click();
  // the drawn shape asks for the object's attributes; the form shows it as GeoJSON
  await page.locator('#gis-feature-form').waitFor({ state: 'attached' });
  assert.match(await page.locator('#gis-feature-geometry textarea').inputValue(), /"Polygon"/);
  await page.fill('#gis-attr-name input', 'Зона охорони садиби (e2e)');
  await page.click('#gis-feature-save');
  await page.locator('#gis-feature-form').waitFor({ state: 'detached' });
  const stored = () => JSON.parse(portal.sql(`select json_build_object('id', f.id, 'name', f.attributes->>'name',
    'points', ST_NPoints(f.geom), 'type', GeometryType(f.geom), 'wkt', ST_AsText(f.geom))
    from gis.feature f join gis.layer l on l.id = f.layer_id and l.community = f.community where l.key = '${ZONES}'`) || 'null');
  await untilDb(() => stored() !== null);
  const drawn = stored();
  assert.equal(drawn.name, 'Зона охорони садиби (e2e)');
  assert.match(drawn.type, /POLYGON/);
  assert.equal(drawn.points, 5, `four vertices and the closing one (the fifth undone): ${drawn.wkt}`);

  // identify by a click inside it; its shape changed by dragging a vertex, the attributes kept
  const [cx, cy] = at(0.25, 0.67);
  await until('the layer shows the new object', async () =>
    page.evaluate(key => Number(document.querySelector(`#gis-viewer-map .hromada-map-layer-pane[data-layer="gis.${key}"]`)
      ?.dataset.features ?? 0) > 0, ZONES),
  { timeoutMs: 10_000 });
  await page.mouse.click(cx, cy);
  await page.locator(`#gis-viewer-identify[data-feature="${drawn.id}"]`).waitFor();
  await page.click('#gis-viewer-identify-shape');
  await until('editing', async () => (await hostState()).editing === 'edit', { timeoutMs: 10_000 });
  // the lower right vertex, dragged further right and down (into open map)
  const vertices = await host.locator('.marker-icon:not(.marker-icon-middle)').evaluateAll(icons =>
    icons.map(i => i.getBoundingClientRect()).map(r => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
  assert.equal(vertices.length, 4, 'the polygon\'s four vertices can be dragged');
  const v = vertices.reduce((a, b) => (b.x + b.y > a.x + a.y ? b : a));
  await page.mouse.move(v.x + v.width / 2, v.y + v.height / 2);
  await page.mouse.down();
  await page.mouse.move(v.x + v.width / 2 + 40, v.y + v.height / 2 + 30, { steps: 6 });
  await page.mouse.up();
  await until('one edit step', async () => (await hostState()).editSteps === '1', { timeoutMs: 10_000 });
  await host.locator('.hromada-map-tool-finish').click();
  await untilDb(() => stored().wkt !== drawn.wkt);
  assert.equal(stored().name, drawn.name, 'the attributes stay');
  assert.equal(portal.sql(`select count(*) from gis.feature_history where feature_id = ${drawn.id}`), '2',
    'created and changed, each in the history');

  // deleted from the identify panel after asking
  await page.locator(`#gis-viewer-identify[data-feature="${drawn.id}"]`).waitFor();
  await page.click('#gis-viewer-identify-delete');
  await page.locator('[slot="confirm-button"]:visible').click();
  await untilDb(() => stored() === null);
  await page.locator('#gis-viewer-identify').waitFor({ state: 'hidden' });
});


// ---- the image proxy of external layers: rows of gis.external_layer pointing at a local tile
// server (nothing outside is asked). After the public map's test: public external layers are
// offered on the public map too, and that test counts the registry's layers only.
const asked = [];
let tiles;

async function registerProxiedLayers() {
  tiles = http.createServer((req, res) => {
    asked.push(req.url);
    if (req.url.startsWith('/tiles/')) {
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': PNG.length });
      res.end(PNG);
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Геопортал</title>');
    }
  });
  await new Promise(resolve => tiles.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${tiles.address().port}`;
  // the shipped layers are the default community's: its id for the registry's rows
  const community = portal.sql('select community from gis.layer limit 1');
  assert.ok(community, 'the GIS schema holds the shipped layers');
  const rows = [
    ['osm-proxy', `${base}/tiles/{z}/{x}/{y}.png`, 'PUBLIC', true],
    ['osm-linked', `${base}/tiles/{z}/{x}/{y}.png`, 'PUBLIC', false],
    ['inner', `${base}/tiles/{z}/{x}/{y}.png`, 'EMPLOYEES', true],
    ['page', `${base}/page/{z}/{x}/{y}`, 'PUBLIC', true],
  ];
  for (const [key, url, visibility, proxied] of rows) {
    portal.sql(`insert into gis.external_layer (community, key, kind, title, url, visibility, proxied, created_at,
      updated_at) values ('${community}', '${key}', 'XYZ', 'Плитки ${key}', '${url}', '${visibility}', ${proxied},
      now(), now())`);
  }
}

async function proxied(path) {
  const res = await fetch(`${portal.url}api/gis/proxy${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers,
    body: Buffer.from(await res.arrayBuffer()) };
}

function error(answer) {
  assert.match(answer.type, /^application\/json/);
  return JSON.parse(answer.body.toString('utf8')).error;
}

test('the image proxy: a proxied public tile passes through from the registered address', async () => {
  await registerProxiedLayers();
  asked.length = 0;
  const tile = await proxied('/osm-proxy/3/2/5');
  assert.equal(tile.status, 200);
  assert.equal(tile.type, 'image/png');
  assert.deepEqual(tile.body, PNG);
  assert.equal(tile.headers.get('cache-control'), 'public, max-age=3600');
  assert.deepEqual(asked, ['/tiles/3/2/5.png']);
});

test('the image proxy: linked and unknown layers, tiles outside the grid and web pages are the portal\'s JSON errors', async () => {
  asked.length = 0;
  for (const path of ['/osm-linked/1/0/0', '/nosuch/1/0/0', '/osm-proxy/wms', '/osm-proxy']) {
    const none = await proxied(path);
    assert.equal(none.status, 404, path);
    assert.equal(error(none).code, 'not_found', path);
  }
  const outside = await proxied('/osm-proxy/3/8/0');
  assert.equal(outside.status, 400);
  assert.equal(error(outside).message, 'На рівні масштабу 3 номери плитки x і y мають бути від 0 до 7.');
  assert.deepEqual(asked, []);
  const page = await proxied('/page/1/0/0');
  assert.equal(page.status, 502);
  assert.equal(error(page).code, 'bad_gateway');
});

test('the image proxy: an employees\' layer needs the portal session of a user with a GIS permission', async () => {
  const anonymous = await proxied('/inner/1/0/0');
  assert.equal(anonymous.status, 401);
  assert.equal(error(anonymous).code, 'unauthorized');

  const context = await browser.newContext({ locale: 'uk-UA' });
  const page = await context.newPage();
  const { username, password } = portal.admin();
  await signIn(page, portal, username, password);
  await page.locator('#dashboard').waitFor();
  const signedIn = await page.request.get(`${portal.url}api/gis/proxy/inner/1/0/0`);
  assert.equal(signedIn.status(), 200);
  assert.equal(signedIn.headers()['cache-control'], 'private, max-age=3600');
  assert.deepEqual(Buffer.from(await signedIn.body()), PNG);
  await context.close();
});

test('an OKS violation\'s card names the heritage protection zone its point lies in (GisSpatial), and nothing outside any', async () => {
  const community = portal.sql('select community from gis.layer limit 1');
  const ZONE = 'Зона охорони Корпусного саду (e2e)';
  portal.sql(`insert into gis.feature (community, layer_id, geom, attributes, created_by, created_at, updated_by, updated_at)
    values ('${community}', ${layerId('heritage-zones')},
      ST_GeomFromText('POLYGON((34.551 49.588, 34.553 49.588, 34.553 49.590, 34.551 49.590, 34.551 49.588))', 4326),
      '{"name": "${ZONE}"}', 'e2e', now(), 'e2e', now())`);
  const report = async (lat, long) => {
    const res = await fetch(`${portal.url}api/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams({ api_key: OPEN311_KEY, jurisdiction_id: 'rada-poltava.gov.ua', service_code: 'trees',
        lat, long, address_string: 'вул. Соборності, 10', description: 'Гілля на тротуарі (e2e)' }).toString(),
    });
    const text = await res.text();
    assert.equal(res.status, 200, text);
    return JSON.parse(text)[0].service_request_id;
  };
  const inside = await report('49.5890', '34.5520');
  const outside = await report('49.6100', '34.6100');

  await page.goto(`${portal.url}oks/violation/${inside}`);
  const places = page.locator('#oks-card-places');
  await places.waitFor();
  assert.equal((await places.textContent()).trim(), `Зони охорони пам'яток «${ZONE}»`);
  await page.goto(`${portal.url}oks/violation/${outside}`);
  await page.locator('#oks-card-coordinates').waitFor();
  assert.equal(await page.locator('#oks-card-places').count(), 0, 'no place line outside every polygon');
});

test('the portal log has no errors from the GIS bundles', () => {
  assert.deepEqual(portal.logErrors(fromModule('gis')), []);
});
