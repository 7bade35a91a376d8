// OKS end to end, the issue's browser test: the administrator sets up an inspector, an executor
// and the executor's organisation; the inspector registers a violation by clicking the map and
// sends it to the organisation; the executor (another browser context) sees it, accepts it and
// reports it done with a photo; the inspector confirms; the counts move from one status column to
// the next. Also: a refused illegal step and a non-image "photo" show their reasons, an executor
// cannot open another organisation's case, the list exports, the log has no OKS errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Portal, launchBrowser, signIn, menuItem, vaadinIdle, fromModule } from './lib/portal.mjs';
import { choose, pdfText, fillIssueDialog, issuedDocument, attachScan } from './lib/oks-documents.mjs';

const portal = new Portal({ port: 18381, database: 'hromada_e2e_oks' });
const ORG = 'КП «Декоративні культури»';
const INSPECTOR = { username: 'inspector1', password: 'Insp-2026!x', name: 'Олена Інспекторка' };
const EXECUTOR = { username: 'executor1', password: 'Exec-2026!x', name: 'Петро Виконавець' };
const CLERK = { username: 'clerk1', password: 'Clerk-2026!x', name: 'Ірина Діловод' };
const DESCRIPTION = 'Дерево спилили лише одне, а інше залишили. Потрібен повторний виїзд.';
const ADDRESS = 'вул. Юліана Матвійчука, 139, кв. 31';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oks-e2e-'));

let browser;
let admin;      // the administrator's page
let inspector;  // the inspector's page
let executor;   // the executor's page (its own browser context)
let violationId;

// --- a real PNG made here: 16×16 pixels, every chunk with its CRC ---------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) row.push(40 + x * 12, 160, 40 + y * 12);
    rows.push(Buffer.from(row));
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
const photoFile = path.join(work, 'vykonano.png');
fs.writeFileSync(photoFile, png(16));
const fakePhoto = path.join(work, 'ne-foto.png');
fs.writeFileSync(fakePhoto, 'Це текстовий файл, а не фотографія.\n');

before(async () => {
  await portal.start();
  // the booted feature hromada-oks, "ОКС Аналітика" (oks-admin-ui) included: the counts below come
  // from its status-group table
  await portal.waitForViews(['oks/violations', 'oks/violation/:id', 'oks/new', 'oks/map', 'oks/analytics']);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Screenshots for a person to look at, only when SCREENSHOTS names a folder. */
async function shot(page, name) {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: path.join(process.env.SCREENSHOTS, `oks-${name}.png`), fullPage: true });
}

async function newPage(user) {
  const context = await browser.newContext({ locale: 'uk-UA', acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, portal, user.username, user.password);
  await page.locator('#dashboard').waitFor();
  return page;
}

/** Opens a step's dialog on the card, fills what is given and applies it. */
async function step(page, kind, { executor: org, comment, photo } = {}) {
  await page.click(`#oks-action-${kind}`);
  await page.locator('#oks-action-submit').waitFor();
  if (org) await choose(page, '#oks-action-executor', org);
  if (comment) await page.fill('#oks-action-comment textarea', comment);
  if (photo) {
    await page.setInputFiles('#oks-action-photos input[type=file]', photo);
    await page.locator('#oks-action-photos vaadin-upload-file[complete]').waitFor();
  }
  await page.click('#oks-action-submit');
}

/** The count the list shows for a query string (the filters travel in the address). */
async function listCount(page, query) {
  await page.goto(`${portal.url}oks/violations${query ? `?${query}` : ''}`);
  await page.locator('#oks-list-count[data-count]').waitFor();
  // the number is set when the grid asks for its size; no round trip may still change it
  await vaadinIdle(page);
  return Number(await page.locator('#oks-list-count').getAttribute('data-count'));
}

/** The status-group table of "ОКС Аналітика" as { group name: count }. */
async function analyticsCounts(page) {
  await page.goto(`${portal.url}oks/analytics`);
  await page.locator('#oks-table-groups').waitFor();
  const counts = {};
  for (const row of await page.locator('#oks-table-groups tbody tr').all()) {
    const name = (await row.locator('td').first().innerText()).trim();
    const cell = row.locator('[data-column="count"]');
    if (await cell.count()) counts[name] = Number((await cell.innerText()).replace(/\D/g, '') || 0);
  }
  return counts;
}

/**
 * Counts by status group from the analytics table; the list filtered by each group must show the
 * same numbers (two views of one query).
 */
async function groupCounts(page) {
  const a = await analyticsCounts(page);
  const counts = { UNASSIGNED: a['Без виконавця'] ?? 0, SENT: a['Направлено'] ?? 0, IN_PROGRESS: a['В стані вирішення'] ?? 0,
    DONE: a['Виконано'] ?? 0 };
  for (const g of Object.keys(counts)) {
    assert.equal(await listCount(page, `group=${g}`), counts[g], `the list of ${g} and the analytics table agree`);
  }
  return counts;
}

test('the administrator creates the OKS roles, the users and the executor organisation', async () => {
  admin = await newPage(portal.admin());
  await menuItem(admin, 'oks/violations').waitFor();
  await admin.goto(portal.url + 'admin/roles');
  await admin.locator('#roles-view').waitFor();
  for (const [role, permission] of [['oks-inspector', 'oks.inspect'], ['oks-executor', 'oks.execute']]) {
    // the editor is rebuilt on "new role": type only into the new, editable name field
    if (await admin.locator('#role-name[readonly]').count()) {
      await admin.click('#roles-add');
      await admin.locator('#role-name:not([readonly])').waitFor();
    }
    await admin.fill('#role-name input', role);
    await admin.locator(`vaadin-checkbox[data-permission="${permission}"]`).click();
    await admin.click('#role-save');
    await admin.locator('vaadin-grid-cell-content').filter({ hasText: role }).first().waitFor();
    await admin.locator('#role-name[readonly]').waitFor();
  }
  const out = portal.console(
    `portal:user-add --name '${INSPECTOR.name}' --role oks-inspector --password '${INSPECTOR.password}' ${INSPECTOR.username}`,
    `portal:user-add --name '${EXECUTOR.name}' --role oks-executor --password '${EXECUTOR.password}' ${EXECUTOR.username}`,
    `portal:user-add --name '${CLERK.name}' --role employee --password '${CLERK.password}' ${CLERK.username}`,
    `oks:executor --email decor@example.org '${ORG}' ${EXECUTOR.username}`);
  assert.match(out, new RegExp(`Executor organisation \\d+ "${ORG}" members \\[${EXECUTOR.username}\\]`), out);
});

test('a non-image "photo" is refused on arrival with one message, cleared when the file is removed', async () => {
  inspector = await newPage(INSPECTOR);
  await menuItem(inspector, 'oks/new').click();
  await inspector.locator('#oks-new').waitFor();
  // saving without a place names the missing field
  await choose(inspector, '#oks-new-type', 'Дерева');
  await inspector.fill('#oks-new-address input', ADDRESS);
  await inspector.click('#oks-new-save');
  await inspector.locator('#oks-new-lat[invalid]').waitFor();
  assert.match(await inspector.locator('#oks-new-lat [slot="error-message"]').innerText(), /Позначте місце на карті/);

  await inspector.fill('#oks-new-lat input', '49.5901');
  await inspector.fill('#oks-new-lon input', '34.5512');
  await inspector.press('#oks-new-lon input', 'Tab');
  // checked by the service's photo rule as soon as it arrives: the row is marked refused, no ✓
  await inspector.setInputFiles('#oks-new-photos input[type=file]', fakePhoto);
  const row = inspector.locator('#oks-new-photos vaadin-upload-file[error]');
  await row.waitFor();
  assert.equal(await inspector.locator('#oks-new-photos vaadin-upload-file[complete]').count(), 0, 'no green tick');
  await inspector.locator('#oks-new-photo-error').filter({ hasText: 'не є фотографією JPEG або PNG' }).waitFor();
  assert.match(await inspector.locator('#oks-new-photo-error').innerText(), /ne-foto\.png/);
  // saving shows the reason once: beside the photos, not again above the buttons
  await inspector.click('#oks-new-save');
  await vaadinIdle(inspector);
  assert.match(new URL(inspector.url()).pathname, /\/oks\/new$/, 'nothing registered while a refused file is listed');
  assert.equal(await inspector.getByText('не є фотографією JPEG або PNG').count(), 1, 'one message');
  await shot(inspector, 'photo-refused');
  await row.locator('[part="remove-button"]').click();
  await inspector.locator('#oks-new-photos vaadin-upload-file').waitFor({ state: 'detached' });
  await inspector.locator('#oks-new-photo-error').waitFor({ state: 'hidden' });
});

test('the inspector registers a violation by clicking the map', async () => {
  await inspector.goto(portal.url + 'oks/new');
  await inspector.locator('#oks-new').waitFor();
  await choose(inspector, '#oks-new-type', 'Дерева');
  await inspector.fill('#oks-new-description textarea', DESCRIPTION);
  await inspector.fill('#oks-new-address input', ADDRESS);
  const host = inspector.locator('#oks-new-map .hromada-map-host[data-state="ready"]');
  await host.waitFor();
  const box = await host.boundingBox();
  await inspector.mouse.click(box.x + box.width / 2 + 40, box.y + box.height / 2 - 30);
  // the click fills the coordinates (and shows the marker)
  await inspector.waitForFunction(() => document.querySelector('#oks-new-lat input')?.value !== '');
  const lat = Number(await inspector.inputValue('#oks-new-lat input'));
  const lon = Number(await inspector.inputValue('#oks-new-lon input'));
  assert.ok(lat > 49.48 && lat < 49.70 && lon > 34.39 && lon < 34.72, `a point in Poltava: ${lat}, ${lon}`);
  await inspector.locator('#oks-new-map .leaflet-marker-icon').waitFor();
  await shot(inspector, 'registration');
  await inspector.click('#oks-new-save');

  await inspector.waitForURL(/\/oks\/violation\/\d+$/);
  violationId = Number(new URL(inspector.url()).pathname.split('/').pop());
  await inspector.locator('#oks-card-title').filter({ hasText: `ID ${violationId}` }).waitFor();
  assert.equal(await inspector.locator('#oks-card-address').innerText(), ADDRESS, 'the address is kept as typed');
  assert.equal(await inspector.locator('#oks-card-type').innerText(), 'Дерева');
  assert.match(await inspector.locator('#oks-card-status').innerText(), /^1-1 Виявлено порушення$/);
  assert.match(await inspector.locator('#oks-card-inspector').innerText(), new RegExp(INSPECTOR.name));
  await inspector.locator('#oks-journal vaadin-grid-cell-content').filter({ hasText: '1-1 Виявлено порушення' }).waitFor();
});

test('the administrator has the send step produce a warning (the catalogue row\'s document)', async () => {
  await admin.goto(`${portal.url}oks/admin/actions`);
  await admin.locator('.oks-action-edit[data-key="SENT"]').click();
  await admin.click('#oks-action-document');
  await admin.locator('vaadin-select-item').filter({ hasText: 'Попередження (припис)' }).click();
  await admin.click('#oks-action-dialog-save');
  await admin.locator('#oks-action-dialog').waitFor({ state: 'detached' });
});

test('the inspector sends it to the executor organisation; a repeated step is refused with a message', async () => {
  const before = await groupCounts(admin);
  // a second tab on the same card, still offering "send": it will be stale after the first send
  const stale = await inspector.context().newPage();
  await stale.goto(`${portal.url}oks/violation/${violationId}`);
  await stale.locator('#oks-action-SENT').waitFor();

  await inspector.goto(`${portal.url}oks/violation/${violationId}`);
  await step(inspector, 'SENT', { executor: ORG, comment: 'Зобов’язує виконати у встановлений термін' });
  await inspector.locator('#oks-card-status').filter({ hasText: '2-2 Направлено виконавцю' }).waitFor();
  assert.equal(await inspector.locator('#oks-card-executor').innerText(), ORG);
  await inspector.locator('#oks-journal vaadin-grid-cell-content').filter({ hasText: ORG }).first().waitFor();
  // the step produced a warning to draw up: nothing prints before it is issued with its number
  assert.equal(await inspector.locator('#oks-doc-WARNING').count(), 0, 'nothing to print before issuing');
  await fillIssueDialog(inspector, { kind: 'Організація', name: 'ТОВ «Будсервіс Полтава»', code: '14360571',
    address: 'м. Полтава, вул. Зінківська, 6', article: 'ст. 152 КУпАП' });
  await inspector.click('#oks-doc-save');
  // refused at its field, the check digit named
  await inspector.locator('#oks-doc-violator-code[invalid] [slot="error-message"]')
    .filter({ hasText: 'Код ЄДРПОУ «14360571» помилковий: за першими сімома цифрами остання має бути 0' }).waitFor();
  await inspector.fill('#oks-doc-violator-code input', '14360570');
  await inspector.click('#oks-doc-save');
  const { number: registered, id: docId } = await issuedDocument(inspector);
  assert.match(registered, /^П-\d+\/\d{4}$/);
  // the PDF carries the number and the violator; a reprint (here and by the card's button) the same number
  for (const button of [`#oks-doc-print-${docId}`, `#oks-doc-print-${docId}`, '#oks-doc-WARNING']) {
    if (button === '#oks-doc-WARNING') await inspector.goto(`${portal.url}oks/violation/${violationId}`);
    const text = await pdfText(inspector, button);
    assert.ok(text.includes(`№ ${registered}`), text);
    assert.ok(text.includes('юридична особа ТОВ «Будсервіс Полтава», код ЄДРПОУ 14360570, адреса: м. Полтава, вул. Зінківська, 6'), text);
    assert.ok(text.includes('ст. 152 КУпАП'), text);
  }
  // the signed copy is attached back and downloads from the card
  await attachScan(inspector, docId);

  // the stale tab: a plain message, the dialog closes and the card shows the case as it is now
  await step(stale, 'SENT', { executor: ORG });
  await stale.locator('vaadin-notification-card')
    .filter({ hasText: 'Справу тим часом змінено: зараз вона у стані «2-2 Направлено виконавцю»' }).waitFor();
  await stale.locator('#oks-action-dialog').waitFor({ state: 'detached' });
  await stale.locator('#oks-card-status').filter({ hasText: '2-2 Направлено виконавцю' }).waitFor();
  assert.equal(await stale.locator('#oks-action-SENT').count(), 0, 'the reloaded card no longer offers the step');
  await shot(stale, 'refused-step');
  await stale.close();

  const after = await groupCounts(admin);
  assert.equal(after.UNASSIGNED, before.UNASSIGNED - 1, `${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
  assert.equal(after.SENT, before.SENT + 1);
});

test('the executor sees only the case sent to the organisation and accepts it', async () => {
  // another unassigned case the executor must not see
  await inspector.goto(portal.url + 'oks/new');
  await choose(inspector, '#oks-new-type', 'Сміття');
  await inspector.fill('#oks-new-address input', 'пл. Незалежності, біля зупинки');
  await inspector.fill('#oks-new-lat input', '49.5883');
  await inspector.fill('#oks-new-lon input', '34.5514');
  await inspector.press('#oks-new-lon input', 'Tab');
  await inspector.click('#oks-new-save');
  await inspector.waitForURL(/\/oks\/violation\/\d+$/);
  const otherId = Number(new URL(inspector.url()).pathname.split('/').pop());
  assert.notEqual(otherId, violationId);

  const before = await groupCounts(admin);
  executor = await newPage(EXECUTOR);
  await menuItem(executor, 'oks/violations').click();
  await executor.locator('#oks-list-count[data-count="1"]').waitFor();
  await executor.locator('a.oks-row-id').filter({ hasText: String(violationId) }).waitFor();
  await shot(executor, 'executor-list');
  await executor.goto(`${portal.url}oks/violation/${otherId}`);
  await executor.locator('#oks-card-not-found').waitFor();

  await executor.goto(`${portal.url}oks/violations`);
  await executor.locator('a.oks-row-id').filter({ hasText: String(violationId) }).click();
  await executor.waitForURL(new RegExp(`/oks/violation/${violationId}$`));
  assert.equal(await executor.locator('#oks-action-CONFIRMED').count(), 0, 'an executor cannot confirm');
  await step(executor, 'ACCEPTED');
  await executor.locator('#oks-card-status').filter({ hasText: '3-3 Прийнято до виконання' }).waitFor();
  const after = await groupCounts(admin);
  assert.equal(after.SENT, before.SENT - 1, `${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
  assert.equal(after.IN_PROGRESS, before.IN_PROGRESS + 1);
});

test('the executor reports it done with a photo', async () => {
  const before = await groupCounts(admin);
  // a file that is no photo is refused as it arrives in the step's dialog too, and cleared on removal
  await executor.click('#oks-action-REPORTED');
  await executor.locator('#oks-action-submit').waitFor();
  await executor.setInputFiles('#oks-action-photos input[type=file]', fakePhoto);
  const refused = executor.locator('#oks-action-photos vaadin-upload-file[error]');
  await refused.waitFor();
  await executor.locator('#oks-action-error').filter({ hasText: '«ne-foto.png» не є фотографією JPEG або PNG' }).waitFor();
  await refused.locator('[part="remove-button"]').click();
  await executor.locator('#oks-action-error').waitFor({ state: 'hidden' });
  await executor.click('#oks-action-cancel');
  await executor.locator('#oks-action-dialog').waitFor({ state: 'detached' });

  await step(executor, 'REPORTED', { comment: 'Залишки дерева прибрано.', photo: photoFile });
  await executor.locator('#oks-card-status').filter({ hasText: '4-4 Звітовано про виконання' }).waitFor();
  const thumb = executor.locator('#oks-journal img.oks-photo-thumb').first();
  await thumb.waitFor();
  await executor.waitForFunction(() => {
    const img = document.querySelector('#oks-journal img.oks-photo-thumb');
    return img && img.complete && img.naturalWidth > 0;
  });
  await thumb.click();
  await executor.locator('img.oks-photo-full').waitFor();
  await executor.waitForFunction(() => {
    const img = document.querySelector('img.oks-photo-full');
    return img && img.complete && img.naturalWidth === 16;
  });
  await shot(executor, 'photo');
  await executor.click('#oks-photo-close');
  const after = await groupCounts(admin);
  assert.equal(after.IN_PROGRESS, before.IN_PROGRESS - 1, `${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
  assert.equal(after.DONE, before.DONE + 1);
});

test('the inspector confirms the reported work', async () => {
  const before = await groupCounts(admin);
  await inspector.goto(`${portal.url}oks/violation/${violationId}`);
  const confirm = inspector.locator('#oks-action-CONFIRMED');
  await confirm.waitFor();
  await inspector.locator('#oks-action-RETURNED').waitFor();
  assert.match(await confirm.getAttribute('theme'), /primary/, 'the decision on reported work is prominent');
  await shot(inspector, 'card-reported');
  await step(inspector, 'CONFIRMED');
  await inspector.locator('#oks-card-status').filter({ hasText: '4-5 Виконання підтверджено' }).waitFor();
  await inspector.locator('[id^="oks-doc-number-"]').waitFor(); // the issued warning stays on the card
  assert.equal(await inspector.locator('#oks-journal vaadin-grid-cell-content')
    .filter({ hasText: /^\d-\d+ / }).count(), 5, 'five journal rows: detected, sent, accepted, reported, confirmed');
  // reported and confirmed are both "Виконано" (4-4, 4-5): the case stays in that column
  const after = await groupCounts(admin);
  assert.deepEqual(after, before);
  assert.deepEqual(after, { UNASSIGNED: 1, SENT: 0, IN_PROGRESS: 0, DONE: 1 });
});

test('the list filters, keeps its filters in the address and exports XLSX and CSV', async () => {
  assert.equal(await listCount(admin, 'group=DONE'), 1);
  await admin.locator('a.oks-row-id').filter({ hasText: String(violationId) }).waitFor();
  assert.equal(await listCount(admin, `q=${encodeURIComponent('повторний виїзд')}`), 1);
  assert.equal(await listCount(admin, 'overdue=true'), 0);
  await admin.locator('#oks-list-empty').waitFor();
  // resetting in place brings the whole list back and clears the address
  await admin.click('#oks-f-reset');
  await admin.locator('#oks-list-count[data-count="2"]').waitFor();
  await admin.locator('#oks-list-empty').waitFor({ state: 'hidden' });
  await admin.waitForURL(/\/oks\/violations$/);
  await choose(admin, '#oks-f-type', 'Дерева');
  await admin.locator('#oks-list-count[data-count="1"]').waitFor();
  await admin.waitForURL(/[?&]type=\d+/);
  await shot(admin, 'list');

  const [csv] = await Promise.all([admin.waitForEvent('download'), admin.click('#oks-export-csv')]);
  assert.match(csv.suggestedFilename(), /^oks-violations-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync(await csv.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte-order mark');
  const text = bytes.subarray(3).toString('utf8');
  const lines = text.trim().split('\r\n');
  assert.equal(lines.length, 2, text);
  assert.match(lines[0], /^ID,Створено,Тип,Адреса,/);
  assert.match(lines[1], new RegExp(`^${violationId},.*,Дерева,"${ADDRESS}",`));

  const [xlsx] = await Promise.all([admin.waitForEvent('download'), admin.click('#oks-export-xlsx')]);
  assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
  const book = fs.readFileSync(await xlsx.path());
  assert.equal(book.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a ZIP');
});

test('the map shows the points and the latest events, filters by status, and a popup names the last action and opens the card', async () => {
  await menuItem(admin, 'oks/map').click();
  await admin.locator('#oks-map .hromada-map-host[data-state="ready"]').waitFor();
  await admin.locator(`#oks-events .oks-event[data-violation="${violationId}"]`).first().waitFor();
  const points = admin.locator('#oks-map path.hromada-map-point');
  await points.first().waitFor();
  assert.equal(await points.count(), 2);
  await shot(admin, 'map');
  // by keyboard: the status group typed and taken with Enter; the address keeps the filter
  await admin.fill('#oks-map-f-group input', 'Виконано');
  // Enter takes the item the typed text focused: wait until the filtered list shows it
  await admin.locator('vaadin-multi-select-combo-box-item[focused]').filter({ hasText: 'Виконано' }).first().waitFor();
  await admin.press('#oks-map-f-group input', 'Enter');
  await admin.press('#oks-map-f-group input', 'Tab');
  await admin.locator('vaadin-multi-select-combo-box-overlay[opened]').waitFor({ state: 'detached' });
  await admin.locator('#oks-map-count[data-count="1"]').waitFor();
  await admin.waitForURL(/\/oks\/map\?group=DONE$/);
  await admin.waitForFunction(() => document.querySelectorAll('#oks-map path.hromada-map-point').length === 1);
  // the point of the confirmed case is green ("Виконано")
  const done = admin.locator('#oks-map path.hromada-map-point[fill="#388e3c"]');
  await done.click({ force: true });
  await admin.locator('.hromada-map-popup-title').filter({ hasText: `ID ${violationId}` }).waitFor();
  assert.match(await admin.locator('.hromada-map-popup').innerText(),
    /Дерева[\s\S]*Виконано[\s\S]*Остання дія: 4-5 Виконання підтверджено · \d\d\.\d\d\.\d{4}/);
  await admin.locator('.hromada-map-open').click();
  await admin.waitForURL(new RegExp(`/oks/violation/${violationId}$`));
  // a linked filter nothing matches: no point, and the page says so
  await admin.goto(portal.url + 'oks/map?group=CONFLICT');
  await admin.locator('#oks-map .hromada-map-host[data-state="ready"]').waitFor();
  await admin.locator('#oks-map-count[data-count="0"]').waitFor();
  await admin.locator('#oks-map-empty').filter({ hasText: 'Немає порушень за цими умовами' }).waitFor();
  await admin.locator('#oks-map-f-group vaadin-multi-select-combo-box-chip').filter({ hasText: 'Конфліктне' }).first().waitFor();
  assert.equal(await points.count(), 0);
});

test('the dashboard widget and the global search find OKS cases', async () => {
  await admin.goto(portal.url);
  await admin.locator('#oks-widget-current[data-count="2"]').waitFor();
  await admin.locator('#oks-widget-unassigned[data-count="1"]').waitFor();
  await admin.click('#oks-widget-unassigned');
  await admin.waitForURL(/oks\/violations\?group=UNASSIGNED/);
  await admin.locator('#oks-list-count[data-count="1"]').waitFor();

  await admin.fill('#global-search input', `№ ${violationId}`);
  await admin.press('#global-search input', 'Enter');
  await admin.locator('vaadin-dialog-overlay').getByText(`Порушення ID ${violationId} — Дерева`).first().waitFor();
  await admin.keyboard.press('Escape');
});

test('an employee without an OKS role sees no OKS entries and is refused the pages', async () => {
  const clerk = await newPage(CLERK);
  await clerk.locator('vaadin-side-nav-item').first().waitFor();
  assert.equal(await menuItem(clerk, 'oks/violations').count(), 0);
  assert.equal(await menuItem(clerk, 'oks/map').count(), 0);
  assert.equal(await clerk.locator('#oks-widget').count(), 0);
  for (const route of ['oks/violations', `oks/violation/${violationId}`, 'oks/new']) {
    await clerk.goto(portal.url + route);
    await clerk.locator('#forbidden-view').waitFor();
  }
  await clerk.context().close();
});

// --- issue 20: a disputed case, a stale tab on an archived case, "my location", the violator ------
const HERE = { latitude: 49.58912, longitude: 34.55233 };
let disputedId;

test('"My location" sets the point from the browser; a refusal is said plainly', async () => {
  const context = await browser.newContext({ locale: 'uk-UA', viewport: { width: 1400, height: 1000 },
    geolocation: HERE, permissions: ['geolocation'] });
  const field = await context.newPage();
  await signIn(field, portal, INSPECTOR.username, INSPECTOR.password);
  await field.locator('#dashboard').waitFor();
  await field.goto(portal.url + 'oks/new');
  await field.locator('#oks-new-map .hromada-map-host[data-state="ready"]').waitFor();
  await field.click('#oks-new-locate');
  await field.locator('#oks-new-locate-message[data-outcome="located"]').waitFor();
  assert.equal(Number(await field.inputValue('#oks-new-lat input')), HERE.latitude);
  assert.equal(Number(await field.inputValue('#oks-new-lon input')), HERE.longitude);
  await field.locator('#oks-new-map .leaflet-marker-icon').waitFor();
  await shot(field, 'my-location');

  await context.clearPermissions();
  await field.click('#oks-new-locate');
  const refused = field.locator('#oks-new-locate-message[data-outcome="failed"]');
  await refused.waitFor();
  assert.match(await refused.innerText(), /Доступ до місцезнаходження заборонено/);
  assert.equal(Number(await field.inputValue('#oks-new-lat input')), HERE.latitude, 'the point chosen before stays');

  // the violator: no default kind; a company typed as a person is refused; saved as an organisation
  await context.grantPermissions(['geolocation']);
  await choose(field, '#oks-new-type', 'Дерева');
  await field.fill('#oks-new-address input', 'вул. Соборності, 21');
  await field.locator('#oks-new-violator-known').click();
  await field.fill('#oks-new-violator-name input', 'ТОВ «Зелена Полтава»');
  assert.equal(await field.locator('#oks-new-violator-kind vaadin-radio-button[checked]').count(), 0, 'no default kind');
  await field.click('#oks-new-save');
  await field.locator('#oks-new-violator-kind[invalid]').filter({ hasText: 'Оберіть, хто порушник' }).waitFor();
  await field.locator('#oks-new-violator-kind vaadin-radio-button').filter({ hasText: 'Фізична особа' }).click();
  await field.click('#oks-new-save');
  await field.locator('#oks-new-violator-kind[invalid]').filter({ hasText: 'схоже на назву організації' }).waitFor();
  await field.locator('#oks-new-violator-kind vaadin-radio-button').filter({ hasText: 'Організація' }).click();
  await field.click('#oks-new-save');
  await field.waitForURL(/\/oks\/violation\/\d+$/);
  disputedId = Number(new URL(field.url()).pathname.split('/').pop());
  assert.equal(await field.locator('#oks-card-violator').innerText(), 'Організація: ТОВ «Зелена Полтава»');
  assert.equal(await field.locator('#oks-card-coordinates').innerText(), `${HERE.latitude.toFixed(6)}, ${HERE.longitude.toFixed(6)}`);
  await step(field, 'SENT', { executor: ORG, comment: 'Прибрати гілки' });
  await field.locator('#oks-card-status').filter({ hasText: '2-2 Направлено виконавцю' }).waitFor();
  await context.close();
});

test('a disputed case still offers its warning to draw up, and the inspectors resolve it as the seed shows', async () => {
  await executor.goto(`${portal.url}oks/violation/${disputedId}`);
  await step(executor, 'DISPUTED', { comment: 'Ділянка на балансі іншого підприємства' });
  await executor.locator('#oks-card-status').filter({ hasText: '5-7 Конфліктне' }).waitFor();
  // the executor who disputed has no step: told who takes the next one (the catalogue's responsible group)
  const hint = executor.locator('#oks-card-conflict-hint');
  await hint.waitFor();
  assert.match(await hint.innerText(), /Наступний крок — за групою «Інспектори»/);
  assert.equal(await executor.locator('#oks-card-actions [id^="oks-action-"]').count(), 0, 'no step for the executor');

  // «Конфліктне» is on Інспектори: the catalogue lets them redirect or extend (the archive stays the administrator's)
  await inspector.goto(`${portal.url}oks/violation/${disputedId}`);
  await inspector.locator('#oks-action-REDIRECTED').waitFor();
  await inspector.locator('#oks-action-EXTENDED').waitFor();
  assert.equal(await inspector.locator('#oks-action-ARCHIVED').count(), 0);
  assert.equal(await inspector.locator('#oks-card-conflict-hint').count(), 0);
  await inspector.locator('[id^="oks-doc-issue-"]').waitFor();
  await shot(inspector, 'card-disputed');
  await admin.goto(`${portal.url}oks/violation/${disputedId}`);
  await admin.locator('#oks-action-ARCHIVED').waitFor();
  await admin.locator('[id^="oks-doc-issue-"]').waitFor();
  assert.equal(await admin.locator('#oks-card-conflict-hint').count(), 0);
});

test('archiving from a stale tab: a plain message, the dialog closes and the card reloads', async () => {
  const stale = await admin.context().newPage();
  await stale.goto(`${portal.url}oks/violation/${disputedId}`);
  await stale.locator('#oks-action-ARCHIVED').waitFor();
  await admin.goto(`${portal.url}oks/violation/${disputedId}`);
  await step(admin, 'ARCHIVED', { comment: 'Передано балансоутримувачу' });
  await admin.locator('#oks-card-status').filter({ hasText: '6-10 Архівовано' }).waitFor();

  await step(stale, 'ARCHIVED');
  await stale.locator('vaadin-notification-card')
    .filter({ hasText: 'Справу тим часом змінено: зараз вона у стані «6-10 Архівовано», тож «Архівовано» уже неможливо.' })
    .waitFor();
  await stale.locator('#oks-action-dialog').waitFor({ state: 'detached' });
  await stale.locator('#oks-card-status').filter({ hasText: '6-10 Архівовано' }).waitFor();
  assert.equal(await stale.getByText('неможлива після').count(), 0, 'no technical wording');
  await shot(stale, 'stale-archived');
  await stale.close();
});

test('e-mail notices are off as shipped: said in the log, on the administrator\'s dashboard and in the organisation form', async () => {
  assert.ok(portal.logEntries().some(e => /INFO.*OKS e-mail notices are off \(enabled = false/.test(e)),
    'the start of the notifier says notices are off');
  await admin.goto(portal.url);
  const widget = admin.locator('#oks-mail-widget[data-state="DISABLED"]');
  await widget.waitFor();
  assert.match(await widget.innerText(), /Сповіщення e-mail вимкнено/);
  await shot(admin, 'dashboard-mail-off');
  await admin.goto(portal.url + 'oks/admin/executors');
  await admin.locator(`.oks-executor-edit[aria-label*="${ORG}"]`).click();
  const email = admin.locator('#oks-executor-email[data-notices="DISABLED"]');
  await email.waitFor();
  const help = await email.locator('[slot="helper"]').innerText();
  assert.match(help, /Сповіщення e-mail зараз вимкнено/);
  assert.doesNotMatch(help, /Сюди надходять/);
  await admin.click('#oks-executor-dialog-cancel');
  // an inspector gets no such card
  await inspector.goto(portal.url);
  await inspector.locator('#oks-widget').waitFor();
  assert.equal(await inspector.locator('#oks-mail-widget').count(), 0);
});

test('the log has no errors from the OKS bundles', () => {
  // an OKS error is one logged by an OKS bundle or one whose trace runs through OKS code
  assert.deepEqual(portal.logErrors(fromModule('oks')), []);
});
