// Records what Vaadin's own client sends and receives for a sign-in and two page changes (one
// Chromium session through playwright-core), so the protocol-level load (ui-load.mjs) replays the
// same requests. Usage, inside the build lock:
//   flock /tmp/hromada-build.lock node bench/scale/capture.mjs   -> bench/scale/capture.json
import fs from 'node:fs';
import path from 'node:path';
import { Portal, launchBrowser, signIn, vaadinIdle, menuItem } from '../../karaf-assembly/src/test/e2e/lib/portal.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const portal = new Portal({ port: 19381, database: 'hromada_bench_scale' });
const seen = [];
let browser;
try {
  await portal.start();
  const { username, password } = portal.admin();
  browser = await launchBrowser();
  const page = await (await browser.newContext({ locale: 'uk-UA' })).newPage();
  page.on('requestfinished', async req => {
    if (!req.url().startsWith(portal.url) || /\.(js|css|woff2?|png|svg|ico)(\?|$)/.test(req.url())) return;
    const res = await req.response();
    let body = '';
    // an excerpt: the answers run to 30 KB and more
    try { body = (await res.text()).slice(0, 6000); } catch { /* redirect or no body */ }
    seen.push({ step: seen.step, method: req.method(), url: req.url().slice(portal.url.length - 1),
      headers: await req.allHeaders(), post: req.postData(), status: res.status(), responseHeaders: await res.allHeaders(), body });
  });
  page.on('websocket', ws => seen.push({ step: seen.step, websocket: ws.url() }));
  seen.step = 'sign-in';
  await signIn(page, portal, username, password);
  await page.locator('#dashboard').waitFor({ timeout: 60_000 });
  await vaadinIdle(page);
  for (const route of ['docs', 'oks/violations', '']) {
    seen.step = `navigate ${route || 'dashboard'}`;
    await (route ? menuItem(page, route) : page.locator('#portal-menu vaadin-side-nav-item').first()).click();
    await page.waitForURL(u => new URL(u).pathname === `/${route}`);
    await vaadinIdle(page);
    await page.waitForTimeout(500);
  }
  const items = await page.locator('vaadin-side-nav-item').evaluateAll(els => els.map(e => e.getAttribute('data-route') ?? e.getAttribute('path')));
  seen.push({ menu: items });
} finally {
  await browser?.close();
  await portal.stop();
}
// the throw-away portal's password is left out of the file
const { password } = portal.adminAccount ?? {};
const text = JSON.stringify(seen, null, 1);
fs.writeFileSync(path.join(here, 'capture.json'), password ? text.split(password).join('<password>') : text);
console.log(seen.map(s => `${s.step} ${s.method ?? ''} ${s.url ?? s.websocket ?? ''} ${s.status ?? ''} ${s.post ? s.post.slice(0, 300) : ''}`).join('\n'));
