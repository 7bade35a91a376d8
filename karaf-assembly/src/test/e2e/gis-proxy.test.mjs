// GIS image proxy end to end (issue 12): the booted feature hromada-gis in Karaf on real
// PostgreSQL, external layers registered in gis.external_layer pointing at a local tile server
// (nothing outside is asked): a proxied public layer's tile passes through at
// /api/gis/proxy/{key}/{z}/{x}/{y}; a linked or unknown layer is 404, a tile outside the grid 400,
// a web page instead of an image 502 — each as the portal's JSON error; an employees' layer is
// 401 without a session and served to the signed-in administrator (the portal's own session).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { Portal, launchBrowser, signIn } from './lib/portal.mjs';

const portal = new Portal({ port: 19781, database: 'hromada_e2e_gis_proxy' });
// a 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const asked = [];
let tiles;
let browser;

before(async () => {
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
  await portal.start();
  await portal.waitForViews(['gis/layers']);
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
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal.stop();
  await new Promise(resolve => tiles?.close(resolve) ?? resolve());
});

async function get(path) {
  const res = await fetch(`${portal.url}api/gis/proxy${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers,
    body: Buffer.from(await res.arrayBuffer()) };
}

function error(answer) {
  assert.match(answer.type, /^application\/json/);
  return JSON.parse(answer.body.toString('utf8')).error;
}

test('a proxied public tile passes through from the registered address', async () => {
  asked.length = 0;
  const tile = await get('/osm-proxy/3/2/5');
  assert.equal(tile.status, 200);
  assert.equal(tile.type, 'image/png');
  assert.deepEqual(tile.body, PNG);
  assert.equal(tile.headers.get('cache-control'), 'public, max-age=3600');
  assert.deepEqual(asked, ['/tiles/3/2/5.png']);
});

test('linked and unknown layers, tiles outside the grid and web pages are the portal\'s JSON errors', async () => {
  asked.length = 0;
  for (const path of ['/osm-linked/1/0/0', '/nosuch/1/0/0', '/osm-proxy/wms', '/osm-proxy']) {
    const none = await get(path);
    assert.equal(none.status, 404, path);
    assert.equal(error(none).code, 'not_found', path);
  }
  const outside = await get('/osm-proxy/3/8/0');
  assert.equal(outside.status, 400);
  assert.equal(error(outside).message, 'На рівні масштабу 3 номери плитки x і y мають бути від 0 до 7.');
  assert.deepEqual(asked, []);
  const page = await get('/page/1/0/0');
  assert.equal(page.status, 502);
  assert.equal(error(page).code, 'bad_gateway');
});

test('an employees\' layer needs the portal session of a user with a GIS permission', async () => {
  const anonymous = await get('/inner/1/0/0');
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
