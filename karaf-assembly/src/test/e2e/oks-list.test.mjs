// The OKS list, map and dashboard as employees use them in their first week (issue 20 items
// 10-13 and 16): at phone width (390 px) the registration page and the list fit the screen and
// the list's filters fold behind «Фільтри (n)»; the inspector filter takes the name people see;
// the search finds word forms and «№ 30»; three cases at one address are one dot whose popup lists
// all three; the legend's overdue mark is the ring the map draws; without base-map tiles the chosen
// point is still visible; an executor is offered only their organisation and no «Без виконавця»;
// the period report over two years is monthly in its chart and its table, «Без виконавця» linked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { Portal, launchBrowser, signIn, vaadinIdle, fromModule } from './lib/portal.mjs';

const apiKey = crypto.randomBytes(32).toString('hex');
const portal = new Portal({ port: 18981, database: 'hromada_e2e_okslist',
  config: { 'ua.hromada.oks.open311.cfg': { apiKeys: apiKey } } });
const INSPECTOR = { username: 'inspector1', password: 'Insp-2026!x', name: 'Олена Інспекторенко' };
const EXECUTOR = { username: 'executor1', password: 'Exec-2026!x', name: 'Петро Виконавець' };
const ORG = 'КП «Парки»';
const OTHER_ORG = 'Автодор';
const PHONE = { width: 390, height: 844 };
// three residents' reports at the very same place
const SAME_PLACE = { lat: '49.5890', long: '34.5520' };

let browser;
let admin;        // the portal administrator, desktop
let phone;        // the inspector, phone width
let registeredId; // the case the inspector registers on the phone

before(async () => {
  await portal.start();
  await portal.waitForViews(['oks/violations', 'oks/new', 'oks/map', 'oks/analytics']);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal.stop();
});

async function page(user, viewport = { width: 1400, height: 1000 }) {
  const context = await browser.newContext({ locale: 'uk-UA', viewport, isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500 });
  // no base-map tiles: the portal's own address only (as on a machine without internet)
  await context.route(url => !url.href.startsWith(portal.url), route => route.abort());
  const p = await context.newPage();
  await signIn(p, portal, user.username, user.password);
  await p.locator('#dashboard').waitFor();
  return p;
}

async function report(serviceCode, description, place, address) {
  const res = await fetch(`${portal.url}api/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams({ api_key: apiKey, service_code: serviceCode, ...place, address_string: address,
      description }).toString(),
  });
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return Number(JSON.parse(text)[0].service_request_id);
}

/** Nothing wider than the phone: the page does not scroll sideways. */
async function assertFitsPhone(p, what) {
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `${what}: the page is ${width} px wide on a ${PHONE.width} px phone`);
}

/** The element is shown and lies within the phone's width. */
async function assertOnScreen(p, selector) {
  const el = p.locator(selector).first();
  await el.scrollIntoViewIfNeeded();
  assert.ok(await el.isVisible(), `${selector} is visible`);
  const box = await el.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width + 0.5, `${selector} within the screen: ${JSON.stringify(box)}`);
}

/** The list's count after the fields settled (the grid asks for its size after each change). */
async function listCount(p) {
  await vaadinIdle(p);
  return Number(await p.locator('#oks-list-count').getAttribute('data-count'));
}

async function search(p, text) {
  await p.fill('#oks-f-text input', text);
  await p.press('#oks-f-text input', 'Enter');
  await p.waitForURL(u => new URL(u).searchParams.get('q') === text);
  return listCount(p);
}

test('the administrator sets up the roles, the users and two organisations; residents report', async () => {
  const account = portal.admin();
  admin = await page(account);
  for (const [role, permission] of [['oks-inspectors', 'oks.inspect'], ['oks-executors', 'oks.execute']]) {
    await admin.goto(portal.url + 'admin/roles');
    await admin.locator('#roles-view').waitFor();
    await admin.locator('#role-name:not([readonly])').waitFor();
    await admin.click('#roles-add');
    await admin.fill('#role-name input', role);
    await admin.locator(`vaadin-checkbox[data-permission="${permission}"]`).click();
    await admin.click('#role-save');
    await admin.locator('vaadin-grid-cell-content').filter({ hasText: role }).first().waitFor();
  }
  portal.console(
    `portal:user-add --name '${INSPECTOR.name}' --role oks-inspectors --password '${INSPECTOR.password}' ${INSPECTOR.username}`,
    `portal:user-add --name '${EXECUTOR.name}' --role oks-executors --password '${EXECUTOR.password}' ${EXECUTOR.username}`,
    `oks:executor '${ORG}' ${EXECUTOR.username}`,
    `oks:executor '${OTHER_ORG}'`);
  await report('improvement', 'Зламана лава біля школи №30', SAME_PLACE, 'вул. Соборності, 10');
  await report('improvement', 'Пофарбувати лави', SAME_PLACE, 'вул. Соборності, 10');
  await report('waste', 'Переповнений контейнер', SAME_PLACE, 'вул. Соборності, 10');
  await report('improvement', 'Яма на тротуарі', { lat: '49.5920', long: '34.5480' }, 'вул. Шевченка, 130');
});

test('on a phone the registration page fits the screen, and a case is registered there', async () => {
  phone = await page(INSPECTOR, PHONE);
  await phone.goto(portal.url + 'oks/new');
  await phone.locator('#oks-new').waitFor();
  await phone.locator('#oks-new-map .hromada-map-host[data-state="ready"]').waitFor();
  await assertFitsPhone(phone, 'registration');
  for (const control of ['#oks-new-type', '#oks-new-description', '#oks-new-address', '#oks-new-map',
    '#oks-new-lat', '#oks-new-lon', '#oks-new-save']) {
    await assertOnScreen(phone, control);
  }

  await phone.click('#oks-new-type input');
  await phone.fill('#oks-new-type input', 'Благоустрій');
  await phone.locator('vaadin-combo-box-item:not([hidden])').filter({ hasText: 'Благоустрій' }).first().click();
  await phone.fill('#oks-new-description textarea', 'Зламана лава у сквері');
  await phone.fill('#oks-new-address input', 'вул. Соборності, 12');
  // a tap on the map without any base-map tile: the chosen place must still be seen
  const host = phone.locator('#oks-new-map .hromada-map-host');
  await host.scrollIntoViewIfNeeded();
  assert.ok(await phone.locator('#oks-new-map .hromada-map-grid-tile').count() > 0, 'a grid where the tiles are missing');
  const box = await host.boundingBox();
  await phone.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await phone.waitForFunction(() => document.querySelector('#oks-new-lat input')?.value !== '');
  const pin = phone.locator('#oks-new-map .hromada-map-selected-pin');
  await pin.waitFor();
  const pinBox = await pin.boundingBox();
  assert.ok(pinBox.width >= 20 && pinBox.height >= 20, `a pin one sees: ${JSON.stringify(pinBox)}`);
  const colour = await pin.evaluate(e => getComputedStyle(e).borderTopColor);
  assert.equal(colour, 'rgb(255, 61, 0)', 'drawn in a colour, not a broken image');
  await assertFitsPhone(phone, 'registration with the point chosen');

  await phone.click('#oks-new-save');
  await phone.waitForURL(/\/oks\/violation\/\d+$/);
  registeredId = Number(new URL(phone.url()).pathname.split('/').pop());
});

test('on a phone the list fits the screen and its filters fold behind «Фільтри (n)»', async () => {
  await phone.goto(portal.url + 'oks/violations');
  await phone.locator('#oks-list-count[data-count]').waitFor();
  await assertFitsPhone(phone, 'list');
  const toggle = phone.locator('#oks-f-toggle');
  await assertOnScreen(phone, '#oks-f-text');
  await assertOnScreen(phone, '#oks-f-toggle');
  assert.equal((await toggle.innerText()).trim(), 'Фільтри');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  for (const folded of ['#oks-f-group', '#oks-f-type', '#oks-f-executor', '#oks-f-inspector', '#oks-f-from',
    '#oks-f-to', '#oks-f-overdue', '#oks-f-reset']) {
    assert.equal(await phone.locator(folded).isVisible(), false, `${folded} folded away`);
  }
  // the cases start on the first screen
  const grid = await phone.locator('#oks-list-grid').boundingBox();
  assert.ok(grid.y < PHONE.height / 2, `the grid starts at ${grid.y} px`);

  await toggle.click();
  await phone.locator('#oks-f-toggle[aria-expanded="true"]').waitFor();
  await assertOnScreen(phone, '#oks-f-inspector');
  await assertOnScreen(phone, '#oks-f-reset');
  await assertFitsPhone(phone, 'list with the filters open');

  // the inspector filter takes the name people see on the card
  await phone.fill('#oks-f-inspector input', 'Інспекторенко');
  await phone.press('#oks-f-inspector input', 'Enter');
  await phone.waitForURL(u => new URL(u).searchParams.get('inspector') === 'Інспекторенко');
  assert.equal(await listCount(phone), 1);
  await phone.locator('a.oks-row-id').filter({ hasText: String(registeredId) }).waitFor();
  assert.equal((await toggle.innerText()).trim(), 'Фільтри (1)');
  await toggle.click();
  await phone.locator('#oks-f-toggle[aria-expanded="false"]').waitFor();
  assert.equal(await phone.locator('#oks-f-inspector').isVisible(), false);
});

test('the search finds word forms and numbers with or without «№»', async () => {
  await admin.goto(portal.url + 'oks/violations');
  await admin.locator('#oks-list-count[data-count]').waitFor();
  assert.equal(await admin.locator('#oks-f-toggle').isVisible(), false, 'no toggle on a wide screen');
  assert.equal(await listCount(admin), 5);
  assert.equal(await search(admin, 'лави'), 3, '«лави» finds «лава» and «лави»');
  assert.equal(await search(admin, 'лавою'), 3);
  assert.equal(await search(admin, '№ 30'), 1, 'the school №30, not the house 130');
  await admin.locator('#oks-list-grid vaadin-grid-cell-content').filter({ hasText: 'вул. Соборності, 10' }).first().waitFor();
  assert.equal(await search(admin, '№30'), 1);
  assert.equal(await search(admin, `№ ${registeredId}`), 1, 'the case number');
  await admin.locator('a.oks-row-id').filter({ hasText: String(registeredId) }).waitFor();
});

test('three cases at one place are one dot whose popup lists all three; the legend rings the overdue', async () => {
  await admin.goto(portal.url + 'oks/map');
  await admin.locator('#oks-map .hromada-map-host[data-state="ready"]').waitFor();
  const stack = admin.locator('#oks-map path.hromada-map-stack');
  await stack.waitFor();
  assert.equal(await stack.count(), 1);
  await admin.locator('#oks-map .hromada-map-stack-count').filter({ hasText: '3' }).click();
  const items = admin.locator('.hromada-map-popup-stack .hromada-map-popup-item');
  await items.first().waitFor();
  assert.equal(await items.count(), 3);
  assert.equal(await admin.locator('.hromada-map-popup-stack .hromada-map-open').count(), 3, 'each opens its card');

  const overdue = admin.locator('#oks-map .hromada-map-legend-entry').filter({ hasText: 'Прострочено (обведено)' });
  const swatch = overdue.locator('.hromada-map-swatch-ring');
  await swatch.waitFor();
  const look = await swatch.evaluate(e => ({ shadow: getComputedStyle(e).boxShadow, fill: getComputedStyle(e).backgroundColor }));
  assert.match(look.shadow, /rgb\(211, 47, 47\)/, `the map's ring colour: ${look.shadow}`);
  assert.equal(look.fill, 'rgb(158, 158, 158)', 'a neutral dot inside, not a filled red dot');
});

test('an executor is offered only their organisation and sees no «Без виконавця»', async () => {
  await admin.goto(portal.url);
  await admin.locator('#oks-widget-unassigned').waitFor();
  const executor = await page(EXECUTOR);
  await executor.locator('#oks-widget-current').waitFor();
  assert.equal(await executor.locator('#oks-widget-unassigned').count(), 0);
  await executor.goto(portal.url + 'oks/violations');
  await executor.locator('#oks-list-count[data-count]').waitFor();
  await executor.click('#oks-f-executor input');
  await executor.locator('vaadin-combo-box-item:not([hidden])').first().waitFor();
  const offered = await executor.locator('vaadin-combo-box-item:not([hidden])').allInnerTexts();
  assert.deepEqual(offered.map(s => s.trim()), [ORG]);
  await executor.keyboard.press('Escape');
  await executor.context().close();

  await admin.goto(portal.url + 'oks/violations');
  await admin.click('#oks-f-executor input');
  await admin.locator('vaadin-combo-box-item:not([hidden])').first().waitFor();
  const all = (await admin.locator('vaadin-combo-box-item:not([hidden])').allInnerTexts()).map(s => s.trim());
  assert.deepEqual(all, ['Без виконавця', OTHER_ORG, ORG]);
  await admin.locator('vaadin-combo-box-item:not([hidden])').filter({ hasText: 'Без виконавця' }).click();
  await admin.waitForURL(u => new URL(u).searchParams.get('executor') === 'none');
  assert.equal(await listCount(admin), 5, 'nothing is sent yet');
});

test('a two-year period report is monthly in its chart and its table; «Без виконавця» opens its list', async () => {
  await admin.goto(portal.url + 'oks/analytics');
  await admin.click('#oks-tab-report');
  await admin.locator('#oks-report-chart[data-step="DAY"]').waitFor(); // this month's report, first
  // today where the portal counts its days (the community's zone, Europe/Kyiv): between 22:00 and
  // 24:00 UTC the runner's own date is yesterday there, and today's cases would fall outside
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv' }).format(new Date()).split('-').map(Number);
  const to = new Date(y, m - 1, d);
  const from = new Date(to.getFullYear() - 2, to.getMonth(), to.getDate() + 1);
  const format = d => `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
  for (const [id, day] of [['#oks-report-from', from], ['#oks-report-to', to]]) {
    await admin.fill(`${id} input`, format(day));
    await admin.press(`${id} input`, 'Enter');
  }
  await admin.click('#oks-report-show');
  const chart = admin.locator('#oks-report-chart[data-step="MONTH"]');
  await chart.waitFor();
  assert.match(await chart.locator('svg title').first().textContent(), /по місяцях$/);
  const rows = admin.locator('#oks-table-daily tbody tr');
  assert.ok([24, 25].includes(await rows.count()), `monthly rows: ${await rows.count()}`);
  const none = admin.locator('#oks-table-by-executor tbody tr').filter({ hasText: 'Без виконавця' }).locator('a').first();
  assert.equal((await none.innerText()).trim(), '5');
  await none.click();
  await admin.waitForURL(u => new URL(u).searchParams.get('executor') === 'none');
  assert.equal(await listCount(admin), 5);
});

/** Chooses English in the user menu (the language of this session). */
async function switchToEnglish(p) {
  await p.goto(portal.url);
  await p.locator('#dashboard').waitFor();
  await p.click('#user-menu vaadin-menu-bar-button');
  await p.getByText('Мова').click();
  await p.getByText('English').click();
  await p.getByText('Welcome, ').first().waitFor();
}

const CYRILLIC = /[А-Яа-яІіЇїЄєҐґ]/;

test('in English the statuses are English: list, card, journal, analytics; OKS modules named in English', async () => {
  const english = await page(portal.admin());
  await switchToEnglish(english);

  await english.goto(portal.url + 'oks/violations');
  await english.locator('#oks-list-count[data-count]').waitFor();
  const cells = english.locator('#oks-list-grid vaadin-grid-cell-content');
  // the status cell: the group's dot, then code and name
  await cells.filter({ hasText: /1-1 Violation detected$/ }).first().waitFor();
  assert.equal(await cells.filter({ hasText: 'Виявлено порушення' }).count(), 0, 'no Ukrainian status in the list');

  await english.goto(portal.url + `oks/violation/${registeredId}`);
  await english.locator('#oks-card-status').filter({ hasText: /^1-1 Violation detected$/ }).waitFor();
  await english.locator('#oks-journal vaadin-grid-cell-content').filter({ hasText: /^1-1 Violation detected$/ }).first().waitFor();

  await english.goto(portal.url + 'oks/analytics');
  await english.click('#oks-tab-statuses');
  const detected = english.locator('#oks-table-actions tbody tr')
    .filter({ has: english.locator('td:first-child', { hasText: /^1-1$/ }) });
  await detected.waitFor();
  assert.match(await detected.innerText(), /Violation detected/);
  const actions = await english.locator('#oks-table-actions tbody tr td:nth-child(3)').allInnerTexts();
  assert.deepEqual(actions.filter(t => CYRILLIC.test(t)), [], 'every shipped action named in English');

  await english.goto(portal.url + 'admin/modules');
  const modules = english.locator('#modules-grid');
  // one row per module; its bundles once it is opened
  await modules.locator('#module-oks-name').getByText('OKS', { exact: true }).waitFor();
  await english.click('#module-oks-bundles');
  await modules.getByText('OKS: Open311 API', { exact: true }).waitFor();
  await modules.getByText('OKS (e-mail notices)', { exact: true }).waitFor();
  assert.equal(await modules.getByText(/^ОКС/).count(), 0, 'no Ukrainian OKS module name');
  await english.context().close();
});

test('the log has no OKS errors and no lost Vaadin messages', () => {
  // OKS errors: logged by an OKS bundle or with a trace through OKS code; the map's are PortalMap's
  assert.deepEqual(portal.logErrors(fromModule('oks')), []);
  assert.deepEqual(portal.logErrors(/PortalMap|portal\.ui\.map/), []);
});
