// Push with many tabs (issue 20 item 32). Long-polling push holds one HTTP request per open tab,
// and a browser opens at most six HTTP/1.1 connections to one host: the seventh tab of the portal
// never loaded. Push now goes over a WebSocket, which does not count against those six.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Portal, launchBrowser, signIn, menuItem, vaadinIdle, until, FIXTURE_JAR } from './lib/portal.mjs';

const portal = new Portal({ port: 19081, database: 'hromada_e2e_push' });
const TABS = 10;
let browser;
let context;
/** { page, sockets: [{ url, open, framesAt: [ms] }], pushRequests: [long-polling url] } per tab */
const tabs = [];

before(async () => {
  await portal.start();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal.stop();
});

/** A tab whose WebSocket and HTTP push traffic is recorded from before its first request. */
async function openTab() {
  const page = await context.newPage();
  const tab = { page, sockets: [], pushRequests: [] };
  page.on('websocket', ws => {
    const socket = { url: ws.url(), open: true, framesAt: [] };
    tab.sockets.push(socket);
    ws.on('framereceived', () => socket.framesAt.push(Date.now()));
    ws.on('close', () => { socket.open = false; });
  });
  // a long-polling push request (Atmosphere's fallback) is never expected here; its other HTTP
  // requests (X-Atmosphere-Transport=close when a page's socket is closed on leaving) are fine
  page.on('request', r => {
    if (/\/VAADIN\/push\?.*X-Atmosphere-Transport=long-polling/.test(r.url())) tab.pushRequests.push(r.url());
  });
  tabs.push(tab);
  return tab;
}

function pushSocket(tab) {
  return tab.sockets.find(s => s.open && /\/VAADIN\/push\?/.test(s.url) && /X-Atmosphere-Transport=websocket/.test(s.url));
}

test(`${TABS} tabs of one browser all load, each with its push over a WebSocket`, async () => {
  context = await browser.newContext({ locale: 'uk-UA' });
  const first = await openTab();
  const { username, password } = portal.admin();
  await signIn(first.page, portal, username, password);
  await first.page.locator('#dashboard').waitFor();
  await until('the first tab\'s push WebSocket', () => pushSocket(first), { timeoutMs: 15_000 });

  const readyMs = [];
  for (let i = 2; i <= TABS; i++) {
    const tab = await openTab();
    const started = Date.now();
    await tab.page.goto(portal.url);
    // before the fix the seventh tab never got here: six held long-polling requests
    await tab.page.locator('#dashboard').waitFor({ timeout: 20_000 });
    await vaadinIdle(tab.page);
    await until(`tab ${i}'s push WebSocket`, () => pushSocket(tab), { timeoutMs: 15_000 });
    readyMs.push(Date.now() - started);
  }
  console.log(`tabs 2..${TABS} ready after ${readyMs.join(', ')} ms`);

  assert.equal(tabs.length, TABS);
  for (const [i, tab] of tabs.entries()) {
    assert.ok(pushSocket(tab), `tab ${i + 1} keeps its push WebSocket open`);
    assert.deepEqual(tab.pushRequests, [], `tab ${i + 1} made no long-polling push request`);
  }
});

test('every open tab receives a server push (a hot-deployed module in the menu) over its WebSocket', async () => {
  assert.equal(tabs.length, TABS, 'the tabs of the first test are open');
  const target = path.join(portal.deploy, 'fixture-module.jar');
  const copiedAt = Date.now();
  fs.copyFileSync(FIXTURE_JAR, target);
  for (const [i, tab] of tabs.entries()) {
    // no reload: the entry can only come by push
    await menuItem(tab.page, 'fixture/greeting').waitFor({ timeout: 20_000 });
    const socket = pushSocket(tab);
    assert.ok(socket, `tab ${i + 1} still has its push WebSocket`);
    assert.ok(socket.framesAt.some(t => t >= copiedAt), `tab ${i + 1} received the change over the WebSocket`);
  }

  const deletedAt = Date.now();
  fs.rmSync(target);
  for (const [i, tab] of tabs.entries()) {
    await menuItem(tab.page, 'fixture/greeting').waitFor({ state: 'detached', timeout: 20_000 });
    assert.ok(pushSocket(tab).framesAt.some(t => t >= deletedAt), `tab ${i + 1}: removal pushed over the WebSocket`);
    assert.deepEqual(tab.pushRequests, [], `tab ${i + 1} made no long-polling push request`);
  }

  // a tab still works after all that: a round trip from the last one
  const last = tabs[TABS - 1].page;
  await menuItem(last, 'admin/users').click();
  await last.locator('vaadin-grid').first().waitFor();
  assert.deepEqual(portal.logErrors(), [], 'no errors and no lost message order in karaf.log');
});

test('after the shell restarts (as at a bundle:refresh after an API update), push is a WebSocket again', async () => {
  await context.close();
  // the servlet is initialised again on the same Jetty, whose WebSocket path is still mapped
  portal.console('bundle:restart ua.hromada.portal-shell');
  await until('the portal answers after the shell restart', async () => (await portal.health()).status === 200);
  context = await browser.newContext({ locale: 'uk-UA' });
  const tab = await openTab();
  const { username, password } = portal.admin();
  await signIn(tab.page, portal, username, password);
  await tab.page.locator('#dashboard').waitFor();
  await until('the push WebSocket after the restart', () => pushSocket(tab), { timeoutMs: 15_000 });

  const target = path.join(portal.deploy, 'fixture-module.jar');
  const copiedAt = Date.now();
  fs.copyFileSync(FIXTURE_JAR, target);
  await menuItem(tab.page, 'fixture/greeting').waitFor({ timeout: 20_000 });
  assert.ok(pushSocket(tab).framesAt.some(t => t >= copiedAt), 'the change came over the WebSocket');
  assert.deepEqual(tab.pushRequests, [], 'no long-polling push request');
  assert.doesNotMatch(portal.log(), /Duplicate (Servlet Mapping Path|path mapping)/, 'the endpoint was taken over');
  assert.deepEqual(portal.logErrors(e => /atmosphere|websocket|push/i.test(e)), [], 'no push errors in karaf.log');
});
