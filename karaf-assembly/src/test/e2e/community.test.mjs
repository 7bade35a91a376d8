// A second community on the same build (issue 11): the assembly started with the example folder
// config/examples/horishni-plavni layered over etc/ (as start-portal.sh --config does) shows that
// council's name and logo, opens maps on its centre within its bounds, and boots its module set:
// document search, open data and GIS, no OKS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Portal, launchBrowser, signIn, menuItem, FIXTURE_JAR } from './lib/portal.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const EXAMPLE = path.resolve(here, '../../../../config/examples/horishni-plavni');
const NAME = 'Горішньоплавнівська міська рада';
const CENTRE = { lat: 49.0106, lng: 33.6561 };
const BOUNDS = { south: 48.93, west: 33.53, north: 49.09, east: 33.78 };

const portal = new Portal({ port: 19281, database: 'hromada_e2e_community', configDir: EXAMPLE });
let browser;
let admin;

before(async () => {
  await portal.start();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal.stop();
});

/** The logo on a page: the configured file, served by the portal, named by the council's name. */
async function assertLogo(page) {
  const logo = page.locator('img#community-logo');
  await logo.waitFor();
  assert.equal(await logo.getAttribute('alt'), NAME);
  assert.match(await logo.getAttribute('src'), /^community-logo\?v=\d+$/);
  // drawn, not a broken image
  await page.waitForFunction(() => {
    const img = document.querySelector('img#community-logo');
    return img && img.complete && img.naturalWidth > 0;
  }, null, { timeout: 10_000 });
}

test('the logo file is served from etc/ for everyone, as an inert SVG', async () => {
  const res = await fetch(`${portal.url}community-logo`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/svg+xml');
  assert.match(res.headers.get('content-security-policy'), /default-src 'none'.*sandbox/);
  assert.equal(await res.text(), fs.readFileSync(path.join(EXAMPLE, 'logo.svg'), 'utf8'));
});

test('the login page and the public pages show the council\'s name and logo', async () => {
  const page = await (await browser.newContext({ locale: 'uk-UA' })).newPage();
  await page.goto(portal.url + 'login');
  await page.locator('#login-view h1').getByText(NAME, { exact: true }).waitFor();
  await assertLogo(page);
  assert.doesNotMatch(await page.locator('body').innerText(), /Полтав/);
  await page.goto(portal.url + 'vidkryti-dani');
  await page.locator('#public-layout').getByText(NAME, { exact: true }).waitFor();
  await assertLogo(page);
  await page.context().close();
});

test('the signed-in shell shows the name and logo; document search and open data are in the menu, OKS is not', async () => {
  admin = await (await browser.newContext({ locale: 'uk-UA' })).newPage();
  const { username, password } = portal.admin();
  await signIn(admin, portal, username, password);
  await admin.locator('#dashboard').waitFor();
  await admin.locator('#portal-brand').getByText(NAME, { exact: true }).waitFor();
  await assertLogo(admin);
  await menuItem(admin, 'docs').waitFor();
  await menuItem(admin, 'opendata/datasets').waitFor();
  assert.equal(await admin.locator('vaadin-side-nav-item[data-route^="oks"]').count(), 0, 'no OKS menu entry');
});

test('health lists document search, open data and GIS, and no OKS module', async () => {
  await portal.waitForViews(['docs', 'opendata/datasets', 'gis/objects']);
  const { status, body } = await portal.health();
  assert.equal(status, 200);
  assert.equal(body.status, 'UP');
  const keys = body.modules.map(m => m.key);
  assert.ok(['docsearch', 'opendata', 'gis'].every(k => keys.includes(k)), keys.join(', '));
  assert.doesNotMatch(JSON.stringify(body.modules), /"oks|ua\.hromada\.oks/, 'no OKS module or bundle');
  assert.ok(!body.views.some(v => v.route.startsWith('oks')), 'no OKS view registered');
});

test('OKS addresses are the portal\'s 404: its pages and its Open311 API', async () => {
  for (const route of ['oks/violations', 'oks/map', 'oks/new']) {
    assert.equal((await fetch(portal.url + route)).status, 404, route);
  }
  await admin.goto(portal.url + 'oks/violations');
  await admin.locator('#not-found-view').waitFor();
  const api = await fetch(`${portal.url}api/open311/v2/services.json`);
  assert.equal(api.status, 404);
  assert.equal((await api.json()).error.code, 'not_found');
});

test('a map opens on the council\'s centre and cannot be panned out of its bounds', async () => {
  // neither module of this council draws a map: a module with one is deployed, as any could be
  fs.copyFileSync(FIXTURE_JAR, path.join(portal.deploy, 'fixture-module.jar'));
  await admin.goto(portal.url);
  await menuItem(admin, 'fixture/map').click();
  const host = admin.locator('#fixture-map .hromada-map-host.leaflet-container');
  await host.waitFor();
  await admin.waitForFunction(() => document.querySelector('#fixture-map .hromada-map-host')?.__hromadaMap,
    null, { timeout: 15_000 });
  const view = await host.evaluate(el => {
    const map = el.__hromadaMap.map;
    const b = map.options.maxBounds;
    return { centre: map.getCenter(), zoom: map.getZoom(),
      bounds: b && { south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() } };
  });
  assert.ok(Math.abs(view.centre.lat - CENTRE.lat) < 1e-4 && Math.abs(view.centre.lng - CENTRE.lng) < 1e-4,
    JSON.stringify(view.centre));
  assert.equal(view.zoom, 13);
  assert.deepEqual(view.bounds, BOUNDS);
  // moving to Poltava, 100 km away, stops at the edge of the box
  const moved = await host.evaluate(el => {
    const map = el.__hromadaMap.map;
    map.setView([49.5883, 34.5514], 13, { animate: false });
    return map.getCenter();
  });
  assert.ok(moved.lat <= BOUNDS.north && moved.lng <= BOUNDS.east, JSON.stringify(moved));
  assert.deepEqual(portal.logErrors(/ua\.hromada\.portal\.map|community\.logo/), []);
});
