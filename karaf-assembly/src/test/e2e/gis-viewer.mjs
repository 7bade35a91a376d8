// GIS map viewer end to end (issue 12), the booted feature hromada-gis on real PostgreSQL + PostGIS in
// headless Chromium: an object of the shipped signage layer (per-value styling by its status) is
// created on the objects page; the viewer gis/map shows the registry's groups and that layer in the
// tree with its legend (one line per status, «Інші»), draws the object, hides it when toggled off,
// identifies it (attributes under the schema's labels, edit for the administrator), finds it by
// address text, filters the layer by an attribute; the address bar keeps the view and opening a
// permalink restores centre, zoom and layers; the print page lays the view out on an A3 sheet with
// title, scale bar and legend, and Chromium's PDF of it is an A3 page without the portal's menu; the
// OKS layer is offered while OKS runs and is gone once its bundles stop. The external layers are
// registered by the administrator on gis/external: a WMS layer picked from the capabilities the local
// server answers, and an XYZ tile layer, both proxied by the portal.
// Its tests run in gis.test.mjs's process against that file's portal, before the GIS registry
// tests: the tree's groups and layers are checked here as the shipped registry has them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { launchBrowser, signIn, menuItem, until } from './lib/portal.mjs';


/** Registers the viewer's hooks and tests; the portal is gis.test.mjs's, started once by ready(). */
export function viewerTests(portal) {
  const SIGNAGE = 'Вивіски та рекламні засоби';
  const OWNER = 'ТОВ «Вітрина Полтави»';
  const ADDRESS = 'вул. Соборності, 27';
  const LON = 34.5514;
  const LAT = 49.5883;

  let browser;
  let page;
  let featureId;
  const problems = [];

  // a local server standing for a state geoportal (nothing outside is fetched): one PNG for every tile,
  // and at /wms a WMS 1.3.0 service — its capabilities document (two named layers) and a PNG for
  // every GetMap and GetLegendGraphic
  const TILE_PORT = 19690;
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  const CAPABILITIES = `<?xml version="1.0" encoding="UTF-8"?>
  <WMS_Capabilities version="1.3.0" xmlns="http://www.opengis.net/wms">
    <Service><Name>WMS</Name><Title>Кадастрова карта (e2e)</Title></Service>
    <Capability>
      <Request><GetMap><Format>image/png</Format></GetMap></Request>
      <Layer>
        <Title>Кадастр</Title>
        <CRS>EPSG:3857</CRS>
        <Layer queryable="1"><Name>kadastr:parcels</Name><Title>Земельні ділянки (e2e)</Title>
          <Style><Name>default</Name><Title>Межі</Title></Style></Layer>
        <Layer queryable="0"><Name>kadastr:ownership</Name><Title>Форми власності (e2e)</Title></Layer>
      </Layer>
    </Capability>
  </WMS_Capabilities>`;
  const tileRequests = [];
  const wmsRequests = [];
  const tiles = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname === '/wms') {
      wmsRequests.push(req.url);
      const request = [...url.searchParams].find(([name]) => name.toLowerCase() === 'request')?.[1] ?? '';
      if (request.toLowerCase() === 'getcapabilities') {
        res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
        res.end(CAPABILITIES);
        return;
      }
    } else {
      tileRequests.push(req.url);
    }
    res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': PNG.length });
    res.end(PNG);
  });

  before(async () => {
    await new Promise(resolve => tiles.listen(TILE_PORT, '127.0.0.1', resolve));
    await portal.ready();
    await portal.waitForViews(['gis/map', 'gis/map/print', 'gis/objects', 'gis/external']);
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'uk-UA', viewport: { width: 1400, height: 1000 } });
    // no base-map tiles: the portal's own address only (as on a machine without internet)
    await context.route(url => !url.href.startsWith(portal.url), route => route.abort());
    page = await context.newPage();
    page.on('pageerror', e => problems.push(`page error: ${e.message}`));
    const { username, password } = portal.admin();
    await signIn(page, portal, username, password);
    await page.locator('#dashboard').waitFor();
  });

  after(async () => {
    await browser?.close();
    tiles.close();
  });

  /** Picks an item of a Vaadin combo box by typing part of its text. */
  async function choose(selector, text) {
    await page.click(`${selector} input`);
    await page.fill(`${selector} input`, text);
    await page.locator('vaadin-combo-box-item:not([hidden])').filter({ hasText: text }).first().click();
  }

  /** Opens a viewer address and waits until the map has drawn the signage layer once. */
  async function openViewer(query) {
    await page.goto(portal.url + 'gis/map' + query);
    await page.locator('#gis-viewer').waitFor();
    await page.waitForFunction(() => {
      const el = document.querySelector('#gis-viewer-map .hromada-map-host');
      return el?.__hromadaMap && el.dataset.layersState === 'ready';
    }, null, { timeout: 20_000 });
  }

  const pane = id => page.locator(`#gis-viewer-map .hromada-map-layer-pane[data-layer="${id}"]`);

  test('an object of the signage layer is created on the objects page', async () => {
    await page.goto(portal.url + 'gis/objects');
    await page.locator('#gis-objects').waitFor();
    await choose('#gis-objects-layer', SIGNAGE);
    await page.locator('#gis-objects-total[data-count="0"]').waitFor();
    await page.click('#gis-objects-create');
    await page.locator('#gis-feature-form').waitFor({ state: 'attached' });
    await page.fill('#gis-feature-lon input', String(LON));
    await page.fill('#gis-feature-lat input', String(LAT));
    await page.fill('#gis-attr-owner input', OWNER);
    await page.fill('#gis-attr-address input', ADDRESS);
    await choose('#gis-attr-status', 'термін дії минув');
    await page.click('#gis-feature-save');
    await page.locator('#gis-feature-form').waitFor({ state: 'detached' });
    await page.locator('#gis-objects-total[data-count="1"]').waitFor();
    featureId = Number(portal.sql(`select f.id from gis.feature f join gis.layer l on l.id = f.layer_id
      and l.community = f.community where l.key = 'signage'`));
    assert.ok(featureId > 0);
  });

  test('the administrator registers a WMS layer picked from its capabilities and an XYZ layer on the external layers page', async () => {
    assert.equal((await menuItem(page, 'gis/external').textContent()).trim(), 'Зовнішні шари');
    await menuItem(page, 'gis/external').click();
    await page.locator('#external-layers-view').waitFor();
    await page.locator('#external-grid').getByText('Зовнішніх шарів ще немає').waitFor();

    // WMS: the address, then the service's layers read from its capabilities and one picked by its row
    await page.click('#external-add');
    await page.locator('#external-form').waitFor({ state: 'attached' });
    await page.fill('#external-url input', 'ftp://127.0.0.1/wms');
    await page.click('#external-read-capabilities');
    await until('the address refused in words', async () =>
      (await page.locator('#external-url').getAttribute('invalid')) !== null, { timeoutMs: 10_000 });
    assert.match(await page.locator('#external-url').evaluate(f => f.errorMessage), /http:\/\/ або https:\/\//);
    await page.fill('#external-url input', `http://127.0.0.1:${TILE_PORT}/wms`);
    await page.click('#external-read-capabilities');
    const offered = page.locator('#external-capabilities vaadin-grid-cell-content');
    await offered.filter({ hasText: /^kadastr:ownership$/ }).waitFor();
    assert.ok(wmsRequests.some(u => /REQUEST=GetCapabilities/.test(u)), JSON.stringify(wmsRequests));
    assert.match(await page.locator('#external-capabilities-service').textContent(), /«Кадастрова карта \(e2e\)», WMS 1\.3\.0: шарів — 2/);
    await offered.filter({ hasText: /^kadastr:parcels$/ }).click();
    await until('the layer picked', async () => (await page.locator('#external-layerNames input').inputValue()) === 'kadastr:parcels',
      { timeoutMs: 10_000 });
    assert.equal(await page.locator('#external-title input').inputValue(), 'Земельні ділянки (e2e)', 'its title taken');
    assert.equal(await page.locator('#external-format input').inputValue(), 'image/png');
    await page.fill('#external-key input', 'e2e-cadastre');
    await page.locator('#external-visibility vaadin-radio-button').filter({ hasText: 'Публічний' }).click();
    assert.equal((await page.locator('#external-proxied vaadin-radio-button[checked]').textContent()).trim(), 'Через портал (проксі)');
    await choose('#external-groupId', 'Культурна спадщина');
    await page.click('#external-save');
    await page.locator('#external-form').waitFor({ state: 'detached' });
    await page.locator('#external-grid').getByText('Земельні ділянки (e2e)').waitFor();

    // XYZ: a tile template, no capabilities; Enter saves; the registry's refusal stands at the address
    await page.click('#external-add');
    await page.locator('#external-form').waitFor({ state: 'attached' });
    await page.locator('#external-kind vaadin-radio-button').filter({ hasText: 'Тайли XYZ' }).click();
    await page.locator('#external-read-capabilities').waitFor({ state: 'hidden' });
    await page.fill('#external-key input', 'e2e-ortho');
    await page.fill('#external-title input', 'Ортофотоплан (e2e)');
    await page.fill('#external-url input', `http://127.0.0.1:${TILE_PORT}/ortho/tile.png`);
    await page.fill('#external-attribution input', '© e2e');
    await page.fill('#external-opacity input', '0.9');
    await choose('#external-groupId', 'Культурна спадщина');
    await page.press('#external-attribution input', 'Enter');
    await until('the template refused at the address', async () =>
      (await page.locator('#external-url').getAttribute('invalid')) !== null, { timeoutMs: 10_000 });
    assert.match(await page.locator('#external-url').evaluate(f => f.errorMessage), /\{z\}/);
    await page.fill('#external-url input', `http://127.0.0.1:${TILE_PORT}/ortho/{z}/{x}/{y}.png`);
    await page.press('#external-url input', 'Enter');
    await page.locator('#external-form').waitFor({ state: 'detached' });
    await page.locator('#external-grid').getByText('Ортофотоплан (e2e)').waitFor();
    assert.equal(portal.sql(`select string_agg(key || ' ' || kind || ' ' || visibility || ' ' || proxied || ' '
        || array_to_string(layer_names, ',') || ' ' || opacity, '; ' order by key) from gis.external_layer`),
    'e2e-cadastre WMS PUBLIC true kadastr:parcels 1; e2e-ortho XYZ EMPLOYEES true  0.9');
  });

  test('the viewer shows the registry in its tree with legends; the layer\'s object is drawn and hidden when toggled off', async () => {
    await menuItem(page, 'gis/map').waitFor();
    await openViewer(`?lat=${LAT}&lon=${LON}&z=16&layers=gis.signage,gis.heritage,gis.heritage-zones`);
    const tree = page.locator('#gis-viewer-tree');
    await tree.waitFor();
    assert.deepEqual(await tree.locator('.gis-viewer-folder').evaluateAll(fs => fs.map(f => f.dataset.group)),
      ['heritage', 'advertising', 'modules'], 'the registry\'s groups in order, then the layers of other modules');
    // OKS runs in this assembly: its layer is in the tree with its legend, off the map until asked for
    const oks = tree.locator('.gis-viewer-entry[data-layer="mod.oks.violations"]');
    assert.equal((await oks.locator('vaadin-checkbox').textContent()).trim(), 'Порушення ОКС', 'its title from OKS\'s texts');
    assert.ok((await oks.locator('.hromada-layer-legend-entry').count()) >= 1, 'the module\'s legend');
    const entry = tree.locator('.gis-viewer-entry[data-layer="gis.signage"]');
    assert.equal((await entry.locator('vaadin-checkbox').textContent()).trim(), SIGNAGE);
    assert.deepEqual(await entry.locator('.hromada-layer-legend-entry').allTextContents(),
      ['дозвіл є', 'термін дії минув', 'без дозволу', 'Інші'], 'per-value legend in the choices\' order');
    assert.equal(await entry.locator('.hromada-legend-swatch svg').count(), 4);
    assert.equal(await page.locator('#gis-viewer-empty').count(), 0);

    await until('the object drawn', async () => (await pane('gis.signage').getAttribute('data-features')) === '1',
      { timeoutMs: 15_000 });
    assert.equal(await pane('gis.signage').getAttribute('data-visible'), 'true');
    assert.equal(await pane('gis.signage').locator('.hromada-map-shape-square').count(), 1, 'the layer\'s marker shape');
    // the per-value colour of «термін дії минув»
    assert.match(await pane('gis.signage').locator('.hromada-map-shape-square').innerHTML(), /#ef6c00/i);

    // toggled off by keyboard: Space on the check box
    await page.locator('#gis-viewer-toggle-gis-signage input').focus();
    await page.keyboard.press('Space');
    await until('the layer hidden', async () => (await pane('gis.signage').getAttribute('data-visible')) === 'false',
      { timeoutMs: 10_000 });
    assert.equal(await pane('gis.signage').locator('.hromada-map-shape-square').count(), 0);
    await until('the address bar without the layer', async () => !new URL(page.url()).searchParams.get('layers').includes('gis.signage'),
      { timeoutMs: 10_000 });
    await page.click('#gis-viewer-toggle-gis-signage');
    await until('the layer shown again', async () => (await pane('gis.signage').getAttribute('data-visible')) === 'true',
      { timeoutMs: 10_000 });

    // opacity: the slider sets the layer's pane
    await page.locator('#gis-viewer-opacity-gis-signage').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await page.locator('#gis-viewer-opacity-gis-signage').dispatchEvent('change');
    await until('the pane at 80 %', async () => (await pane('gis.signage').evaluate(p => p.style.opacity)) === '0.8',
      { timeoutMs: 10_000 });
  });

  test('an external layer is in its group\'s folder, off until turned on, then drawn through the portal\'s proxy', async () => {
    const entry = page.locator('#gis-viewer-tree .gis-viewer-folder[data-group="heritage"] .gis-viewer-entry[data-layer="ext.e2e-ortho"]');
    assert.equal((await entry.locator('vaadin-checkbox').textContent()).trim(), 'Ортофотоплан (e2e)');
    assert.equal((await entry.locator('.gis-viewer-note').textContent()).trim(), '© e2e');
    assert.equal(await pane('ext.e2e-ortho').getAttribute('data-visible'), 'false');
    assert.equal(tileRequests.length, 0, 'nothing asked while it is off');
    await page.click('#gis-viewer-toggle-ext-e2e-ortho');
    await until('tiles through the proxy', async () => (await pane('ext.e2e-ortho').locator('img.leaflet-tile-loaded').count()) > 0,
      { timeoutMs: 15_000 });
    assert.ok(tileRequests.some(u => /^\/ortho\/16\/\d+\/\d+\.png$/.test(u)), JSON.stringify(tileRequests.slice(0, 5)));
    assert.match(await pane('ext.e2e-ortho').locator('img.leaflet-tile-loaded').first().getAttribute('src'),
      /\/api\/gis\/proxy\/e2e-ortho\/16\/\d+\/\d+$/);
    assert.equal(await pane('ext.e2e-ortho').evaluate(p => p.style.opacity), '0.9');
    await page.click('#gis-viewer-toggle-ext-e2e-ortho');
    await until('turned off', async () => (await pane('ext.e2e-ortho').getAttribute('data-visible')) === 'false', { timeoutMs: 10_000 });
  });

  test('the WMS layer registered on the page is in its group\'s folder with its legend; its images come through the portal\'s proxy', async () => {
    const entry = page.locator('#gis-viewer-tree .gis-viewer-folder[data-group="heritage"] .gis-viewer-entry[data-layer="ext.e2e-cadastre"]');
    assert.equal((await entry.locator('vaadin-checkbox').textContent()).trim(), 'Земельні ділянки (e2e)');
    assert.match(await entry.locator('img.gis-viewer-legend-image').getAttribute('src'),
      /^\/api\/gis\/proxy\/e2e-cadastre\/wms\?.*REQUEST=GetLegendGraphic.*LAYER=kadastr%3Aparcels/);
    assert.equal(await pane('ext.e2e-cadastre').getAttribute('data-visible'), 'false');
    assert.ok(!wmsRequests.some(u => /request=getmap/i.test(u)), 'no map image while it is off');
    await page.click('#gis-viewer-toggle-ext-e2e-cadastre');
    await until('images through the proxy', async () => (await pane('ext.e2e-cadastre').locator('img.leaflet-tile-loaded').count()) > 0,
      { timeoutMs: 15_000 });
    assert.match(await pane('ext.e2e-cadastre').locator('img.leaflet-tile-loaded').first().getAttribute('src'),
      /\/api\/gis\/proxy\/e2e-cadastre\/wms\?/);
    const getMap = wmsRequests.filter(u => /REQUEST=GetMap/.test(u));
    assert.ok(getMap.length > 0 && getMap.every(u => /LAYERS=kadastr(:|%3A)parcels(&|$)/.test(u)), JSON.stringify(getMap.slice(0, 3)));
    await page.click('#gis-viewer-toggle-ext-e2e-cadastre');
    await until('turned off', async () => (await pane('ext.e2e-cadastre').getAttribute('data-visible')) === 'false', { timeoutMs: 10_000 });
  });

  test('identify shows the object\'s attributes under the schema\'s labels with a way to edit it', async () => {
    await until('the object drawn', async () => (await pane('gis.signage').locator('.hromada-map-shape-square').count()) === 1,
      { timeoutMs: 15_000 });
    await pane('gis.signage').locator('.hromada-map-shape-square').click();
    const panel = page.locator('#gis-viewer-identify');
    await panel.locator('#gis-viewer-identify-values').waitFor();
    assert.equal(await panel.getAttribute('data-feature'), String(featureId));
    assert.equal((await panel.locator('#gis-viewer-identify-title').textContent()).trim(), OWNER);
    const terms = await panel.locator('dt').allTextContents();
    assert.deepEqual(terms, ['Власник', 'Номер дозволу', 'Термін дії дозволу', 'Розмір (напр. 3×6 м)', 'Адреса', 'Статус']);
    assert.equal((await panel.locator('dd[data-attribute="address"]').textContent()).trim(), ADDRESS);
    assert.equal((await panel.locator('dd[data-attribute="status"]').textContent()).trim(), 'термін дії минув');
    assert.equal((await panel.locator('dd[data-attribute="permit_number"]').textContent()).trim(), '—');
    await page.click('#gis-viewer-identify-open');
    await page.locator('#gis-feature-form').waitFor({ state: 'attached' });
    assert.equal(await page.locator('#gis-attr-owner input').inputValue(), OWNER);
    assert.equal(await page.locator('#gis-attr-owner').getAttribute('readonly'), null, 'the administrator may edit');
    await page.click('#gis-feature-cancel');
    await page.locator('#gis-feature-form').waitFor({ state: 'detached' });
    await page.click('#gis-viewer-identify-close');
    await panel.waitFor({ state: 'hidden' });
  });

  test('search by address text and the attribute filter', async () => {
    await page.fill('#gis-viewer-search input', 'соборності 27');
    await page.locator('#gis-viewer-search-mode vaadin-radio-button').filter({ hasText: 'За адресою' }).click();
    await page.click('#gis-viewer-find');
    const hit = page.locator(`#gis-viewer-results .gis-viewer-hit[data-feature="${featureId}"]`);
    await hit.waitFor();
    assert.match(await hit.textContent(), new RegExp(`${OWNER} — ${SIGNAGE}`));
    await hit.click();
    await page.locator(`#gis-viewer-identify[data-feature="${featureId}"]`).waitFor();
    await page.fill('#gis-viewer-search input', 'Неіснуюча вулиця');
    await page.click('#gis-viewer-find');
    await page.locator('#gis-viewer-not-found').waitFor();

    // the filter: another status hides the object, its own status shows it
    await page.click('#gis-viewer-filter-gis-signage');
    await page.locator('#gis-viewer-filter-dialog').waitFor({ state: 'attached' });
    // the map moves while the modal dialog makes it inert, and its layer still loads the new view
    // (Flow drops an inert element's calls unless they are allowed, and the layer waited for good)
    const loads = async () => Number(await pane('gis.signage').getAttribute('data-loads'));
    const loadsBefore = await loads();
    await page.evaluate(() => document.querySelector('#gis-viewer-map .hromada-map-host').__hromadaMap.map
      .panBy([60, 0], { animate: false }));
    await until('the layer loaded behind the dialog', async () => await loads() > loadsBefore
      && await page.locator('#gis-viewer-map .hromada-map-host').getAttribute('data-layers-state') === 'ready',
    { timeoutMs: 10_000 });
    await choose('#gis-viewer-filter-attribute', 'Статус');
    await choose('#gis-viewer-filter-value', 'без дозволу');
    await page.click('#gis-viewer-filter-apply');
    await page.locator('.gis-viewer-entry[data-layer="gis.signage"] .gis-viewer-filter-text').filter({ hasText: 'Статус = без дозволу' })
      .waitFor();
    // what the map did, for a failure to say: how often it loaded the layer, whether it is still loading
    const layerState = async () => JSON.stringify(await page.evaluate(() => {
      const p = document.querySelector('#gis-viewer-map .hromada-map-layer-pane[data-layer="gis.signage"]');
      const host = document.querySelector('#gis-viewer-map');
      return { features: p?.dataset.features, loads: p?.dataset.loads, state: host?.dataset.layersState ?? host?.querySelector('[data-layers-state]')?.dataset.layersState };
    }));
    await until('nothing passes', async () => (await pane('gis.signage').getAttribute('data-features')) === '0',
      { timeoutMs: 10_000 }).catch(async e => { throw new Error(`${e.message}; the map now: ${await layerState()}`); });
    await page.click('#gis-viewer-filter-clear-gis-signage');
    await until('the object back', async () => (await pane('gis.signage').getAttribute('data-features')) === '1', { timeoutMs: 10_000 });
  });

  test('the permalink restores centre, zoom and the visible layers', async () => {
    await openViewer('?lat=49.6&lon=34.5&z=12&layers=gis.heritage,gis.no-such-layer');
    const restored = await page.evaluate(() => {
      const map = document.querySelector('#gis-viewer-map .hromada-map-host').__hromadaMap.map;
      return {
        zoom: map.getZoom(), lat: map.getCenter().lat, lon: map.getCenter().lng,
        visible: [...document.querySelectorAll('#gis-viewer-map .hromada-map-layer-pane')].map(p => `${p.dataset.layer}=${p.dataset.visible}`).sort(),
      };
    });
    assert.equal(restored.zoom, 12);
    // the browser settles the centre on a whole pixel: within a few metres
    assert.ok(Math.abs(restored.lat - 49.6) < 1e-3 && Math.abs(restored.lon - 34.5) < 1e-3, JSON.stringify(restored));
    assert.deepEqual(restored.visible,
      ['ext.e2e-cadastre=false', 'ext.e2e-ortho=false', 'gis.heritage-zones=false', 'gis.heritage=true', 'gis.signage=false', 'mod.oks.violations=false']);
    assert.equal(await page.locator('#gis-viewer-toggle-gis-signage').evaluate(c => c.checked), false);
    assert.equal(await page.locator('#gis-viewer-toggle-gis-heritage').evaluate(c => c.checked), true);

    // the link dialog gives the same view as an absolute address
    await page.click('#gis-viewer-permalink');
    await until('the absolute link', async () => (await page.locator('#gis-viewer-permalink-url input').inputValue()).startsWith(portal.url),
      { timeoutMs: 10_000 });
    const link = new URL(await page.locator('#gis-viewer-permalink-url input').inputValue());
    assert.equal(link.pathname, '/gis/map');
    assert.ok(Math.abs(Number(link.searchParams.get('lat')) - 49.6) < 1e-3 && Math.abs(Number(link.searchParams.get('lon')) - 34.5) < 1e-3,
      link.href);
    assert.deepEqual([link.searchParams.get('z'), link.searchParams.get('layers')], ['12', 'gis.heritage']);
    await page.click('#gis-viewer-permalink-close');
  });

  test('the print page lays the view out on an A3 sheet with title, scale bar and legend; the PDF is A3 without the menu', async () => {
    await openViewer(`?lat=${LAT}&lon=${LON}&z=15&layers=gis.signage`);
    await page.click('#gis-viewer-print');
    await page.locator('#gis-viewer-print-dialog').waitFor({ state: 'attached' });
    await page.fill('#gis-viewer-print-title input', 'Рекламні засоби центру');
    await page.click('#gis-viewer-print-paper');
    await page.locator('vaadin-select-item').filter({ hasText: 'A3' }).click();
    await page.locator('#gis-viewer-print-orientation vaadin-radio-button').filter({ hasText: 'Книжкова' }).click();
    await page.click('#gis-viewer-print-open');
    await page.locator('#gis-print-sheet').waitFor();
    const url = new URL(page.url());
    assert.equal(url.pathname, '/gis/map/print');
    assert.deepEqual([url.searchParams.get('paper'), url.searchParams.get('orientation'), url.searchParams.get('z')], ['A3', 'portrait', '15']);
    assert.equal((await page.locator('#gis-print-title').textContent()).trim(), 'Рекламні засоби центру');
    assert.equal(await page.locator('#gis-print-sheet').getAttribute('data-paper'), 'A3');
    // Poltava at zoom 15: 3.1 m a pixel, so the bar (at most 150 px) stands for 200 m
    assert.equal((await page.locator('#gis-print-scale-label').textContent()).trim(), '200 м');
    assert.match(await page.locator('#gis-print-scale-ratio').textContent(), /Масштаб 1 : 12\s000/);
    const legend = page.locator('#gis-print-legend .gis-print-legend-layer');
    assert.deepEqual(await legend.evaluateAll(ls => ls.map(l => l.dataset.layer)), ['gis.signage'], 'only the shown layers');
    assert.deepEqual(await legend.locator('.hromada-layer-legend-entry').allTextContents(),
      ['дозвіл є', 'термін дії минув', 'без дозволу', 'Інші']);
    await page.waitForFunction(() => document.querySelector('#gis-print-map .hromada-map-layer-pane[data-layer="gis.signage"]')
      ?.dataset.features === '1', null, { timeout: 15_000 });
    const mapBox = await page.locator('#gis-print-map').boundingBox();
    // 277 mm wide at 96 px an inch
    assert.ok(Math.abs(mapBox.width - 277 / 25.4 * 96) < 2, JSON.stringify(mapBox));

    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() => {
      const layout = document.querySelector('vaadin-app-layout');
      const drawer = layout.shadowRoot.querySelector('[part="drawer"]');
      return { drawer: getComputedStyle(drawer).display, tools: getComputedStyle(document.querySelector('.gis-print-noprint')).display };
    });
    assert.deepEqual(hidden, { drawer: 'none', tools: 'none' });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const text = pdf.toString('latin1');
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(m => [Math.round(m[1]), Math.round(m[2])]);
    assert.ok(boxes.length >= 1, 'a page');
    // A3 portrait: 297 × 420 mm = 842 × 1191 pt
    assert.deepEqual(boxes[0], [842, 1191]);
    assert.deepEqual(problems, []);
  });

  test('the OKS layer is offered while OKS runs, gone once its bundles stop, back when they start', async () => {
    const oks = () => page.locator('#gis-viewer-tree .gis-viewer-entry[data-layer="mod.oks.violations"]');
    await openViewer('');
    assert.equal(await oks().count(), 1, 'OKS runs: its layer is in the tree');
    portal.console('feature:stop hromada-oks');
    try {
      // each look is a fresh page: the tree is read when the viewer opens
      await until('OKS stopped: its layer is no longer offered', async () => {
        await openViewer('');
        return await oks().count() === 0;
      }, { timeoutMs: 30_000, intervalMs: 1_000 });
    } finally {
      portal.console('feature:start hromada-oks');
    }
    await until('OKS started again: its layer is back', async () => {
      await openViewer('');
      return await oks().count() === 1;
    }, { timeoutMs: 60_000, intervalMs: 1_000 });
    assert.deepEqual(problems, []);
  });

  test('the external layers are deleted on their page after a question, and the viewer no longer offers them', async () => {
    for (const key of ['e2e-cadastre', 'e2e-ortho']) {
      await page.goto(portal.url + 'gis/external');
      await page.locator('#external-layers-view').waitFor();
      await page.click(`#external-delete-${key}`);
      await page.locator('[slot="confirm-button"]:visible').click();
      await until(`${key} deleted`, async () =>
        portal.sql(`select count(*) from gis.external_layer where key = '${key}'`) === '0', { timeoutMs: 15_000 });
    }
    await openViewer('?lat=49.6&lon=34.5&z=12&layers=gis.heritage');
    assert.equal(await page.locator('#gis-viewer-tree .gis-viewer-entry[data-layer^="ext."]').count(), 0);
  });
}
