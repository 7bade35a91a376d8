// OKS administration end to end: the portal administrator makes an OKS administrator; that
// administrator adds a violation type (Enter saves, a taken code is refused in the service's words,
// Esc cancels), an executor organisation with a portal user as its member (removing a member and
// cancelling keeps the saved list), renames a workflow action, then opens "ОКС Аналітика": the
// counts follow residents' reports (Open311), "Оновити" reloads, a number opens the violation list
// filtered to exactly what it counts, the period report draws its chart and downloads as XLSX.
// The catalogue is open: the administrator adds «Складено протокол» requiring a PDF and producing a
// protocol, an article linked to an act of document search, and a new protocol number pattern; an
// inspector is refused the step without the PDF (nothing saved), takes it with one and issues the
// protocol (number by the new pattern, the violator, the article in its PDF; a reprint keeps the
// number; the signed scan attached back); the analytics count the new action and export it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Portal, launchBrowser, signIn, menuItem, fromModule, until } from './lib/portal.mjs';
import { pdfText, fillIssueDialog, issuedDocument, attachScan } from './lib/oks-documents.mjs';
import { addAct, pickAct, actListsReference } from './lib/acts.mjs';

// residents' reports come in through Open311 with an app's key (the shipped config has none)
const apiKey = crypto.randomBytes(32).toString('hex');
const portal = new Portal({ port: 18581, database: 'hromada_e2e_oks_admin',
  config: { 'ua.hromada.oks.open311.cfg': { apiKeys: apiKey } } });
const OKS_ADMIN = { username: 'oksadmin1', password: 'Oks-Admin-2026!x', name: 'Оксана Адміністраторка' };
const MEMBER = { username: 'worker1', password: 'Worker-2026!x', name: 'Василь Робітник' };
const INSPECTOR = { username: 'inspector1', password: 'Inspector-2026!x', name: 'Ірина Інспекторка' };
const ORG = 'КП «Міськсвітло»';
const TYPE = { code: 'graffiti', name: 'Графіті на фасадах' };
const RENAMED = 'Перенаправлено іншому виконавцю';
const ARTICLE = { code: 'п. 4.7 Правил благоустрою', title: 'Утримання фасадів будівель і споруд' };
const TEMPLATE_LINE = 'Протокол складено у присутності порушника.';

let act;           // the rules of improvement, an act of document search the article names

let browser;
let page;          // the OKS administrator's page
let api;           // Open311 base address

before(async () => {
  await portal.start();
  // the booted feature hromada-oks: its administration views and the list a number opens
  await portal.waitForViews(['oks/analytics', 'oks/admin/types', 'oks/admin/executors', 'oks/admin/actions', 'oks/violations']);
  api = `${portal.url}api/open311/v2/`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal.stop();
});

/** Screenshots for a person to look at, only when SCREENSHOTS names a folder. */
async function shot(name) {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: path.join(process.env.SCREENSHOTS, `oks-admin-${name}.png`), fullPage: true });
}

/** Downloads the analytics' current tables as XLSX (its name checked) and gives the text of its parts. */
async function analyticsWorkbook() {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#oks-analytics-export')]);
  assert.match(download.suggestedFilename(), /^oks-analytics-\d{4}-\d{2}-\d{2}_\d{4}\.xlsx$/);
  const file = await download.path();
  assert.equal(fs.readFileSync(file).subarray(0, 2).toString('latin1'), 'PK', 'a zip file');
  // the writer may put characters as references (&#1057;): read back as text
  return execFileSync('unzip', ['-p', file], { encoding: 'utf8' })
    .replace(/&#(x?)([0-9a-f]+);/gi, (_, hex, n) => String.fromCodePoint(parseInt(n, hex ? 16 : 10)));
}

function gridCell(text) {
  return page.locator('vaadin-grid-cell-content').filter({ hasText: text });
}

/** A resident's report through Open311 (the only way in without an inspector's map click). */
async function report(serviceCode, description) {
  const res = await fetch(api + 'requests.json', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams({ api_key: apiKey, service_code: serviceCode, lat: '49.5890', long: '34.5520',
      address_string: 'вул. Соборності, 10', description }).toString(),
  });
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return JSON.parse(text)[0].service_request_id;
}

/** The number of a cell of the status-group table, e.g. ('Без виконавця', 'count'). */
function groupCell(group, column) {
  return page.locator('#oks-table-groups tbody tr').filter({ has: page.locator('td', { hasText: group }) })
    .locator(`[data-column="${column}"]`);
}

test('the portal administrator makes an OKS administrator', async () => {
  page = await (await browser.newContext({ locale: 'uk-UA', acceptDownloads: true,
    viewport: { width: 1400, height: 1000 } })).newPage();
  const admin = portal.admin();
  await signIn(page, portal, admin.username, admin.password);
  await page.locator('#dashboard').waitFor();
  // the OKS administrators also read the acts (an article names one)
  for (const [role, permissions] of [['oks-admins', ['oks.admin', 'oks.view', 'docsearch.view']],
    ['oks-executors', ['oks.execute']], ['oks-inspectors', ['oks.inspect']]]) {
    await page.goto(portal.url + 'admin/roles');
    await page.locator('#roles-view').waitFor();
    // a freshly opened roles view shows the empty form of a new role ("add" keeps it as it is)
    await page.locator('#role-name:not([readonly])').waitFor();
    await page.click('#roles-add');
    await page.fill('#role-name input', role);
    await page.press('#role-name input', 'Tab');
    assert.equal(await page.inputValue('#role-name input'), role);
    for (const p of permissions) await page.locator(`vaadin-checkbox[data-permission="${p}"]`).click();
    await page.click('#role-save');
    await gridCell(role).first().waitFor();
  }
  portal.console(
    `portal:user-add --name '${OKS_ADMIN.name}' --role oks-admins --password '${OKS_ADMIN.password}' ${OKS_ADMIN.username}`,
    `portal:user-add --name '${MEMBER.name}' --role oks-executors --password '${MEMBER.password}' ${MEMBER.username}`,
    `portal:user-add --name '${INSPECTOR.name}' --role oks-inspectors --password '${INSPECTOR.password}' ${INSPECTOR.username}`);
  act = await addAct(page, portal, { number: '512', date: '2025-03-14',
    title: 'Про затвердження Правил благоустрою території громади' });
  await page.context().close();

  page = await (await browser.newContext({ locale: 'uk-UA', acceptDownloads: true,
    viewport: { width: 1400, height: 1000 } })).newPage();
  await signIn(page, portal, OKS_ADMIN.username, OKS_ADMIN.password);
  await page.locator('#dashboard').waitFor();
  for (const route of ['oks/analytics', 'oks/admin/types', 'oks/admin/executors', 'oks/admin/actions']) {
    await menuItem(page, route).waitFor();
  }
});

test('the OKS administrator adds a violation type; a taken code is refused; Esc cancels', async () => {
  await menuItem(page, 'oks/admin/types').click();
  await page.locator('#oks-types-view').waitFor();
  await page.click('#oks-types-add');
  await page.fill('#oks-type-code input', TYPE.code);
  await page.fill('#oks-type-description textarea', 'Написи й малюнки\nна стінах будинків');
  await page.fill('#oks-type-name input', TYPE.name);
  await page.press('#oks-type-name input', 'Enter');   // Enter saves the dialog
  await gridCell(TYPE.name).waitFor();
  await page.locator('vaadin-dialog-overlay').waitFor({ state: 'detached' });
  assert.equal(await page.locator(`.oks-type-edit[data-key="${TYPE.code}"]`).count(), 1);

  await page.click('#oks-types-add');
  await page.fill('#oks-type-code input', TYPE.code);
  await page.fill('#oks-type-name input', 'Інше графіті');
  await page.click('#oks-type-dialog-save');
  const problem = page.locator('.oks-editor-problem');
  await problem.filter({ hasText: `Тип з кодом «${TYPE.code}» вже існує.` }).waitFor();
  await shot('type-refused');
  await page.keyboard.press('Escape');
  await page.locator('vaadin-dialog-overlay').waitFor({ state: 'detached' });
  assert.equal(await gridCell('Інше графіті').count(), 0, 'nothing saved');
});

test('two tabs edit the same type: the later save is refused, nothing is overwritten, the form reloads', async () => {
  const other = await page.context().newPage();
  for (const p of [page, other]) {
    await p.goto(portal.url + 'oks/admin/types');
    await p.locator(`.oks-type-edit[data-key="${TYPE.code}"]`).click();
    await p.locator('#oks-type-name input').waitFor();
  }
  await page.fill('#oks-type-name input', 'Графіті на фасадах і парканах');
  await page.click('#oks-type-dialog-save');
  await page.locator('vaadin-dialog-overlay').waitFor({ state: 'detached' });
  await gridCell('Графіті на фасадах і парканах').waitFor();

  await other.fill('#oks-type-description textarea', 'Застаріла форма');
  await other.click('#oks-type-dialog-save');
  await other.locator('#edit-conflict-reload').waitFor();
  assert.match(await other.locator('vaadin-confirm-dialog-overlay').innerText(), /Ваші зміни не збережено/);
  await other.click('#edit-conflict-reload');
  // the editor opens again, once, with the entry as it is now (the stale one has gone)
  const name = other.locator('#oks-type-name input');
  await until('the editor reopened with the current entry', async () => await name.count() === 1
    && await name.inputValue() === 'Графіті на фасадах і парканах', { timeoutMs: 15_000 });
  assert.equal(await other.inputValue('#oks-type-description textarea'), 'Написи й малюнки\nна стінах будинків');
  await other.close();
});

test('the OKS administrator adds an executor organisation with a portal user as its member', async () => {
  await menuItem(page, 'oks/admin/executors').click();
  await page.locator('#oks-executors-view').waitFor();
  await page.click('#oks-executors-add');
  await page.fill('#oks-executor-name input', ORG);
  await page.fill('#oks-executor-email input', 'svitlo@example.org');
  await page.fill('#oks-executor-phone input', '0532 600 600');
  await page.locator('#oks-executor-no-members').waitFor();
  await page.click('#oks-executor-user input');
  await page.fill('#oks-executor-user input', 'Василь');
  // the overlay keeps hidden items from earlier renders: click the one shown
  await page.locator('vaadin-combo-box-item:not([hidden])').filter({ hasText: MEMBER.username }).first().click();
  await page.locator(`#oks-executor-members li[data-username="${MEMBER.username}"]`).waitFor();
  assert.match(await page.locator('#oks-executor-members').innerText(), new RegExp(MEMBER.name));
  await shot('executor-dialog');
  await page.click('#oks-executor-dialog-save');
  await gridCell(ORG).waitFor();
  await gridCell(MEMBER.username).waitFor();

  // removing the member and pressing Esc leaves the saved organisation as it was
  await page.locator('.oks-executor-edit').first().click();
  await page.locator(`.oks-member-remove[data-username="${MEMBER.username}"]`).click();
  await page.locator('#oks-executor-no-members').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('vaadin-dialog-overlay').waitFor({ state: 'detached' });
  await page.reload();
  await page.locator('#oks-executors-view').waitFor();
  await gridCell(MEMBER.username).waitFor();
});

test('the OKS administrator renames a workflow action; its code stays "2-8"', async () => {
  await menuItem(page, 'oks/admin/actions').click();
  await page.locator('#oks-actions-view').waitFor();
  await gridCell('Перенаправлено').first().waitFor();
  await page.locator('.oks-action-edit[data-key="REDIRECTED"]').click();
  assert.equal(await page.locator('#oks-action-preview').innerText(), 'Код у журналі: 2-8');
  await page.fill('#oks-action-name input', RENAMED);
  await page.press('#oks-action-name input', 'Enter');
  await gridCell(RENAMED).waitFor();
});

test('the analytics count residents\' reports, refresh, and a number opens exactly its list', async () => {
  await report(TYPE.code, 'Графіті на фасаді школи');
  await report(TYPE.code, 'Графіті на зупинці');
  await menuItem(page, 'oks/analytics').click();
  await page.locator('#oks-table-groups').waitFor();
  assert.equal(await groupCell('Без виконавця', 'count').getAttribute('data-value'), '2');
  assert.equal(await groupCell('Без виконавця', 'over7').getAttribute('data-value'), '0');
  assert.equal(await page.locator('#oks-table-responsibility tbody tr').count(), 3, 'Адміністратори, Інспектори, Виконавці');

  // a third report appears after "Оновити", without leaving the page
  await report(TYPE.code, 'Графіті на паркані');
  await page.click('#oks-analytics-refresh');
  await page.waitForFunction(() => document.querySelector('#oks-table-groups tbody tr [data-column="count"]')
    ?.getAttribute('data-value') === '3');
  await shot('analytics');

  // the detailed table lists every action, the renamed one under its code
  await page.click('#oks-tab-statuses');
  const actionRow = (code) => page.locator('#oks-table-actions tbody tr')
    .filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${code}$`) }) });
  const redirected = actionRow('2-8');
  await redirected.waitFor();
  assert.match(await redirected.innerText(), new RegExp(RENAMED));
  assert.ok(await page.locator('#oks-table-actions tbody tr').count() >= 10);
  assert.equal(await actionRow('1-1').locator('[data-column="count"]').getAttribute('data-value'), '3');

  // the general report of the current month: totals, chart, XLSX
  await page.click('#oks-tab-report');
  await page.locator('#oks-report-registered [data-value="3"]').waitFor();
  assert.equal(await page.locator('#oks-report-fixed [data-value]').getAttribute('data-value'), '0');
  const chart = page.locator('#oks-report-chart svg[role="img"]');
  await chart.waitFor();
  assert.match(await chart.locator('title').first().textContent(), /Зареєстровані та виконані порушення/);
  assert.ok(await page.locator('#oks-report-chart rect.oks-bar-registered[data-value="3"]').count() === 1,
    'today\'s bar shows the three reports');
  await shot('report');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#oks-report-export')]);
  assert.match(download.suggestedFilename(), /^oks-report-\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = fs.readFileSync(await download.path());
  assert.equal(file.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX (zip) file');

  // the archive tab: nothing archived yet, and a link to the archive in the list
  await page.click('#oks-tab-archive');
  await page.locator('#oks-archive-total[data-value="0"]').waitFor();
  assert.match(await page.locator('#oks-archive-open').getAttribute('href'), /oks\/violations\?group=ARCHIVED$/);

  // back to the first tab: the number opens the list filtered to what it counts
  await page.click('#oks-tab-current');
  await groupCell('Без виконавця', 'count').click();
  await page.waitForURL(/\/oks\/violations\?group=UNASSIGNED$/);
  await page.locator('#oks-list-count[data-count="3"]').waitFor();
  await shot('drill-down');
});

test('«Оберіть статус» narrows the analytics, tables (a)-(c) download as XLSX, a bulk archive empties «Виконано»', async () => {
  // one of the reports as if confirmed 40 days ago (the workflow's steps are the service tests'; here the page)
  const id = portal.sql(`SELECT min(id) FROM oks.violation`);
  portal.sql(`WITH j AS (INSERT INTO oks.journal (violation_id, at, author, author_name, action_kind, community)
      VALUES (${id}, now() - interval '40 days', 'e2e', 'e2e', 'CONFIRMED', 'default') RETURNING id, at)
    UPDATE oks.violation v SET last_entry_id = j.id, status_kind = 'CONFIRMED', status_at = j.at, confirmed_at = j.at
      FROM j WHERE v.id = ${id}`);
  await page.goto(portal.url + 'oks/analytics');
  await page.locator('#oks-table-groups').waitFor();
  await page.click('#oks-analytics-status');
  await page.getByRole('option', { name: '4 — Виконано', exact: true }).click();
  await page.locator('#oks-analytics-chosen[data-value="1"]').waitFor();
  assert.equal(await page.locator('#oks-table-groups tbody tr').count(), 1, 'only the chosen status');
  assert.equal(await groupCell('Виконано', 'over30').getAttribute('data-value'), '1');

  assert.ok((await analyticsWorkbook()).includes('<workbook'), 'with a workbook inside');

  await page.click('#oks-tab-archive');
  await page.locator('#oks-archive-confirmed-total[data-value="1"]').waitFor();
  await page.fill('#oks-archive-days input', '30');
  await page.click('#oks-archive-older');
  await page.click('#oks-archive-confirm-yes');
  await page.locator('#oks-archive-total[data-value="1"]').waitFor();
  await page.locator('#oks-archive-confirmed-total[data-value="0"]').waitFor();
  await page.click('#oks-tab-current');
  await page.waitForFunction(() => document.querySelector('#oks-table-groups [data-column="over30"]')
    ?.getAttribute('data-value') === '0');
  assert.equal(portal.sql(`SELECT author FROM oks.journal WHERE violation_id = ${id} ORDER BY id DESC LIMIT 1`),
    OKS_ADMIN.username, 'the archive step names the administrator');
  await shot('archive');
});

test('the OKS administrator adds the action «Складено протокол» (3-19) that requires a PDF and produces a protocol', async () => {
  await page.goto(portal.url + 'oks/admin/actions');
  await page.locator('#oks-actions-view').waitFor();
  await page.click('#oks-actions-add');
  await page.fill('#oks-action-code input', '19');
  await page.fill('#oks-action-name input', 'Складено протокол');
  await page.click('#oks-action-group');
  await page.getByRole('option', { name: '3 — В стані вирішення', exact: true }).click();
  await page.click('#oks-action-responsible');
  await page.getByRole('option', { name: 'Інспектори', exact: true }).click();
  assert.equal(await page.locator('#oks-action-preview').innerText(), 'Код у журналі: 3-19');
  // a new action is an inspector's by default: only the inspector ticked
  assert.deepEqual(await page.locator('#oks-action-roles vaadin-checkbox[checked]').allInnerTexts(), ['Інспектор']);
  await page.locator('#oks-action-after vaadin-checkbox').filter({ hasText: '1-1 Виявлено порушення' }).click();
  await page.locator('#oks-action-required vaadin-checkbox').filter({ hasText: 'Документ PDF' }).click();
  await page.click('#oks-action-document');
  await page.getByRole('option', { name: 'Протокол', exact: true }).click();
  await page.click('#oks-action-dialog-save');
  await page.locator('#oks-action-dialog').waitFor({ state: 'detached' });
  await gridCell('Складено протокол').waitFor();
  assert.equal(portal.sql(`SELECT code || ' ' || status_group || ' ' || responsible || ' ' || effect || ' ' || roles::text
      || ' ' || after_keys::text || ' ' || required::text || ' ' || document FROM oks.workflow_action
      WHERE name = 'Складено протокол'`), '19 3 INSPECTORS NONE {INSPECTOR} {DETECTED} {DOCUMENT} PROTOCOL');
});

test('the OKS administrator adds an article naming an act (the act\'s page lists it) and a protocol number pattern', async () => {
  await page.goto(portal.url + 'oks/admin/articles');
  await page.click('#oks-articles-add');
  await page.fill('#oks-article-code input', ARTICLE.code);
  await page.fill('#oks-article-title textarea', ARTICLE.title);
  await pickAct(page, 'oks-article-act', 'Правил благоустрою', '№ 512 від 14.03.2025', act.id);
  await page.click('#oks-article-dialog-save');
  await page.locator('#oks-article-dialog').waitFor({ state: 'detached' });
  await gridCell(ARTICLE.code).waitFor();
  await actListsReference(page, portal, act.id, ARTICLE.code);

  await page.goto(portal.url + 'oks/admin/templates');
  await page.click('#oks-template-kind');
  await page.getByRole('option', { name: 'Протокол', exact: true }).click();
  const pattern = page.locator('#oks-template-pattern input');
  await until('the protocol\'s template shown', async () => await pattern.inputValue() === 'ПР-{seq}/{year}');
  await pattern.fill('ПР-{seq}/{yy}-Б');
  const body = page.locator('#oks-template-body textarea');
  await body.fill(`${await body.inputValue()}\n\n${TEMPLATE_LINE}`);
  await page.click('#oks-template-save');
  await page.locator('vaadin-notification-card').filter({ hasText: 'Шаблон «Протокол» збережено' }).waitFor();
});

let inspector;

test('an inspector is offered «Складено протокол»: refused without a PDF (nothing saved), taken with one', async () => {
  inspector = await (await browser.newContext({ locale: 'uk-UA', acceptDownloads: true,
    viewport: { width: 1400, height: 1000 } })).newPage();
  await signIn(inspector, portal, INSPECTOR.username, INSPECTOR.password);
  await inspector.locator('#dashboard').waitFor();
  const id = portal.sql(`SELECT max(id) FROM oks.violation`);
  const saved = () => portal.sql(`SELECT count(*) || '/' || (SELECT count(*) FROM oks.photo WHERE violation_id = ${id})
      FROM oks.journal WHERE violation_id = ${id}`);
  const before = saved();
  await inspector.goto(`${portal.url}oks/violation/${id}`);
  await inspector.locator('#oks-card-status').filter({ hasText: /^1-1 Виявлено порушення$/ }).waitFor();
  const take = inspector.locator('#oks-card-actions vaadin-button[data-code="3-19"]');
  assert.equal(await take.innerText(), 'Складено протокол');
  await take.click();
  assert.match(await inspector.locator('#oks-action-files-label').innerText(), /обов’язково: хоча б один документ PDF/);
  await inspector.fill('#oks-action-comment textarea', 'Протокол складено на місці');
  await inspector.click('#oks-action-submit');
  await inspector.locator('#oks-action-error').filter({ hasText: 'Для цієї дії додайте документ PDF (хоча б один).' }).waitFor();
  assert.equal(saved(), before, 'no journal row, no file');

  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n'
    + '2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');
  await inspector.setInputFiles('#oks-action-photos input[type=file]',
    { name: 'protokol.pdf', mimeType: 'application/pdf', buffer: pdf });
  await inspector.locator('#oks-action-photos vaadin-upload-file[complete]').waitFor();
  await inspector.click('#oks-action-submit');
  await inspector.locator('#oks-action-dialog').waitFor({ state: 'detached' });
  await inspector.locator('#oks-card-status').filter({ hasText: /^3-19 Складено протокол$/ }).waitFor();
  const row = inspector.locator('#oks-journal vaadin-grid-cell-content').filter({ hasText: '3-19 Складено протокол' });
  await row.waitFor();
  const link = inspector.locator('#oks-journal a.oks-journal-document').filter({ hasText: 'protokol.pdf' });
  const [download] = await Promise.all([inspector.waitForEvent('download'), link.click()]);
  assert.deepEqual(fs.readFileSync(await download.path()), pdf, 'the PDF as uploaded');
  const [journal, files] = saved().split('/').map(Number);
  const [journalBefore, filesBefore] = before.split('/').map(Number);
  assert.deepEqual([journal, files], [journalBefore + 1, filesBefore + 1]);
});

test('the inspector issues the step\'s protocol: its PDF carries the number, the violator and the article; the scan goes back', async () => {
  await fillIssueDialog(inspector, { kind: 'Фізична особа', name: 'Петренко Петро Петрович', code: '3184710691',
    address: 'м. Горішні Плавні, вул. Миру, 3', article: ARTICLE.code });
  await inspector.locator('#oks-doc-witnesses textarea').fill('Коваль Олена Іванівна');
  await inspector.click('#oks-doc-save');
  const { number, id: docId } = await issuedDocument(inspector);
  // the pattern the administrator set: ПР-{seq}/{yy}-Б
  assert.match(number, /^ПР-1\/\d\d-Б$/);
  // the PDF by the panel's button, then a reprint by the card's: the same number
  for (const button of [`#oks-doc-print-${docId}`, '#oks-doc-PROTOCOL']) {
    if (button === '#oks-doc-PROTOCOL') await inspector.reload();
    const text = await pdfText(inspector, button);
    assert.ok(text.includes(`№ ${number}`), text);
    assert.ok(text.includes('фізична особа Петренко Петро Петрович, РНОКПП 3184710691'), text);
    assert.ok(text.includes(ARTICLE.code), text);
    assert.ok(text.includes(TEMPLATE_LINE), text);
  }
  await attachScan(inspector, docId);
  await inspector.context().close();
});

test('the analytics count the case under the new action and export it', async () => {
  await page.goto(portal.url + 'oks/analytics');
  await page.locator('#oks-table-groups').waitFor();
  assert.equal(await groupCell('В стані вирішення', 'count').getAttribute('data-value'), '1');
  await page.click('#oks-tab-statuses');
  const row = page.locator('#oks-table-actions tbody tr').filter({ has: page.locator('td:first-child', { hasText: /^3-19$/ }) });
  await row.waitFor();
  assert.equal(await row.locator('[data-column="count"]').getAttribute('data-value'), '1');
  assert.ok((await analyticsWorkbook()).includes('Складено протокол'), 'the new action on the actions sheet');
});

test('the views left no errors in the log', () => {
  // an OKS error is one logged by an OKS bundle (oks-admin-ui, oks-service ...) or one whose trace
  // runs through OKS code (a view's exception logged by the shell)
  assert.deepEqual(portal.logErrors(fromModule('oks')), []);
});
