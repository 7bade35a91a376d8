// Open data end to end, the browser test: the administrator creates a data steward role
// (opendata.edit + opendata.audit, docsearch.view to read the acts) and a user; the steward adds a
// data manager and a dataset with a resource (a small CSV uploaded), runs the audit, sees the finding (missing mandatory passport
// fields, no structure), opens the dataset from the finding, fixes the passport, reruns, and the
// score rises; the public page shows the dataset. Also: a refusal of the registry marks its field,
// the import preview shows a bad row's error and imports the good one, exports download, the
// dashboard widget shows the score, the log has no errors from the open-data bundles. Issue 20: the
// export ZIP imports back (nothing changes), the preview filters bad rows and announces new
// managers, bulk publish and delete, deletion refused while datasets depend on a manager, a stale
// passport form is refused, findings filter by manager, required fields are marked. Issue 16: the
// passport's legal basis picks an act of document search (the act's page lists the dataset), the
// policy documents name an act the public page links, and the CKAN import reads a second portal
// (its own database) where a dataset with a resource link was published: new, imported, unchanged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Portal, launchBrowser, signIn, menuItem, until, fromModule } from './lib/portal.mjs';
import { addAct, pickAct, actListsReference } from './lib/acts.mjs';

// the CKAN import reads a second portal's API and the publication a recording server, both on
// 127.0.0.1: not public addresses, so the administrator allows them; the publisher's key is set
const CKAN_KEY = 'e2e-publisher-key';
const portal = new Portal({ port: 18681, database: 'hromada_e2e_opendata',
  config: { 'ua.hromada.opendata.ckan.cfg': { 'allowed.networks': '127.0.0.1', 'api.key': CKAN_KEY } } });
const STEWARD = { username: 'steward1', password: 'Stew-2026!x', name: 'Марія Розпорядниця' };
const MANAGER = { name: 'Управління освіти виконавчого комітету', edrpou: '24388300' };
// the manager of the datasets other modules feed (config/ua.hromada.opendata.cfg provider.manager.name)
const PROVIDER_MANAGER = 'Виконавчий комітет Полтавської міської ради';
const DATASET = { identifier: 'zaklady-osvity', title: 'Заклади загальної середньої освіти громади' };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-e2e-'));
// the second portal the CKAN import reads, with its own database, started by that test only
const source = new Portal({ port: 18691, database: 'hromada_e2e_opendata_source' });
const SOURCE = { manager: 'Відділ молоді та спорту', edrpou: '14360570', identifier: 'sportyvni-maidanchyky',
  title: 'Спортивні майданчики громади', link: 'https://example.org/sport/maidanchyky.csv' };
let basisAct;  // the act the dataset's legal basis names
let policyAct; // the act named as the open-data policy
const POLICY_TITLE = 'Про призначення відповідальної особи за оприлюднення відкритих даних';

let browser;
let page;      // the steward's page
let datasetId;
let managerId;

const csvFile = path.join(work, 'zaklady.csv');
fs.writeFileSync(csvFile, 'id,name,address\n1,Ліцей № 1,вул. Соборності 1\n2,Гімназія № 2,вул. Європейська 2\n');
const today = new Date();
const DATE = `${String(today.getDate()).padStart(2, '0')}.${String(today.getMonth() + 1).padStart(2, '0')}.${today.getFullYear()}`;

before(async () => {
  await portal.start();
  // the booted feature hromada-opendata: registry, audit and the public page
  await portal.waitForViews(['opendata/datasets', 'opendata/dataset/:id', 'opendata/managers', 'opendata/manager/:id',
    'opendata/audit', 'opendata/compliance', 'opendata/requests', 'opendata/import', 'opendata/ckan', 'vidkryti-dani']);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await source.stop();
  await portal.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Screenshots for a person to look at, only when SCREENSHOTS names a folder. */
async function shot(p, name) {
  if (process.env.SCREENSHOTS) await p.screenshot({ path: path.join(process.env.SCREENSHOTS, `opendata-${name}.png`), fullPage: true });
}

async function newPage(user) {
  const context = await browser.newContext({ locale: 'uk-UA', acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  const p = await context.newPage();
  await signIn(p, portal, user.username, user.password);
  await p.locator('#dashboard').waitFor();
  return p;
}

/** Picks an item of a Vaadin combo box by typing part of its text. */
async function choose(p, selector, text) {
  await p.click(`${selector} input`);
  await p.fill(`${selector} input`, text);
  await p.locator('vaadin-combo-box-item:not([hidden])').filter({ hasText: text }).first().click();
}

/** Adds chips to a multi-value field: each value typed and confirmed with Enter. */
async function chips(p, selector, values) {
  for (const v of values) {
    await p.fill(`${selector} input`, v);
    await p.press(`${selector} input`, 'Enter');
    await p.locator(`${selector} vaadin-multi-select-combo-box-chip`).filter({ hasText: v }).first().waitFor();
  }
  // leaving the field closes its list (which would cover the next inputs)
  await p.press(`${selector} input`, 'Tab');
  await p.locator('vaadin-multi-select-combo-box-overlay[opened]').waitFor({ state: 'detached' });
}

async function date(p, selector, value) {
  await p.fill(`${selector} input`, value);
  await p.press(`${selector} input`, 'Enter');
}

/** Types a day and a time into a date-and-time picker (the passport's «дата і час», Resolution 835). */
async function dateTime(p, selector, day, time) {
  await date(p, `${selector} [slot="date-picker"]`, day);
  await date(p, `${selector} [slot="time-picker"]`, time);
}

/** Runs the audit from its page and returns the latest run's mean score. */
async function runAudit() {
  await page.goto(portal.url + 'opendata/audit');
  const before = await page.locator('#opendata-audit-latest').getAttribute('data-run');
  await page.click('#opendata-audit-run');
  await page.locator('#opendata-audit-status[data-state="FINISHED"]').waitFor({ timeout: 60_000 });
  const latest = page.locator('#opendata-audit-latest[data-run]');
  await latest.waitFor();
  assert.notEqual(await latest.getAttribute('data-run'), before, 'a new run is shown');
  return Number(await latest.getAttribute('data-score'));
}

test('the administrator creates the data steward role and user', async () => {
  const admin = await newPage(portal.admin());
  await menuItem(admin, 'opendata/datasets').waitFor();
  await admin.goto(portal.url + 'admin/roles');
  await admin.locator('#roles-view').waitFor();
  if (await admin.locator('#role-name[readonly]').count()) {
    await admin.click('#roles-add');
    await admin.locator('#role-name:not([readonly])').waitFor();
  }
  await admin.fill('#role-name input', 'opendata-steward');
  for (const permission of ['opendata.edit', 'opendata.audit', 'docsearch.view']) {
    await admin.locator(`vaadin-checkbox[data-permission="${permission}"]`).click();
  }
  await admin.click('#role-save');
  await admin.locator('vaadin-grid-cell-content').filter({ hasText: 'opendata-steward' }).first().waitFor();
  const out = portal.console(
    `portal:user-add --name '${STEWARD.name}' --role opendata-steward --password '${STEWARD.password}' ${STEWARD.username}`);
  assert.doesNotMatch(out, /rror/, out);
  // acts of document search for the legal-basis pickers
  basisAct = await addAct(admin, portal, { number: '15/2025', date: '2025-01-20',
    title: 'Про затвердження переліку наборів даних, що підлягають оприлюдненню' });
  policyAct = await addAct(admin, portal, { kind: 'mayor-order', number: '7-р', date: '2025-02-03', title: POLICY_TITLE });
  await admin.context().close();
});

test('the steward adds a data manager; a wrong ЄДРПОУ is refused with the registry\'s reason', async () => {
  page = await newPage(STEWARD);
  await menuItem(page, 'opendata/managers').click();
  await page.click('#opendata-managers-add');
  await page.locator('#opendata-manager-form').waitFor();
  await page.fill('#opendata-m-name input', MANAGER.name);
  await page.fill('#opendata-m-edrpou input', '12345670');
  await page.fill('#opendata-m-responsiblePerson input', 'Олег Петренко');
  await page.fill('#opendata-m-email input', 'osvita@example.org');
  await page.fill('#opendata-m-phone input', '+380 532 00 00 00');
  await page.click('#opendata-manager-save');
  await page.locator('#opendata-m-edrpou[invalid]').waitFor();
  assert.match(await page.locator('#opendata-manager-error').innerText(), /Код ЄДРПОУ «12345670» неправильний/);

  await page.fill('#opendata-m-edrpou input', MANAGER.edrpou);
  await page.click('#opendata-manager-save');
  await page.waitForURL(/\/opendata\/manager\/\d+$/);
  managerId = Number(new URL(page.url()).pathname.split('/').pop());
  await page.locator('#opendata-manager-heading').filter({ hasText: MANAGER.name }).waitFor();
  // its obligations: two items of the national list
  await page.click('#opendata-manager-obligations input');
  const items = page.locator('vaadin-multi-select-combo-box-item');
  await items.first().waitFor();
  await items.nth(0).click();
  await items.nth(1).click();
  await page.press('#opendata-manager-obligations input', 'Tab');
  await page.locator('vaadin-multi-select-combo-box-overlay[opened]').waitFor({ state: 'detached' });
  await page.click('#opendata-manager-obligations-save');
  await page.locator('vaadin-notification-card').filter({ hasText: 'пунктів — 2' }).waitFor();
});

test('the steward adds a dataset with an uploaded CSV; a bad e-mail marks its field', async () => {
  await page.click('#opendata-manager-add-dataset');
  await page.waitForURL(/\/opendata\/dataset\/new\?manager=\d+$/);
  await page.locator('#opendata-dataset-form').waitFor();
  assert.equal(await page.inputValue('#opendata-f-manager input'), MANAGER.name, 'the manager is preset');
  // the passport's required fields are marked
  for (const field of ['identifier', 'title', 'manager', 'frequency']) {
    await page.locator(`#opendata-f-${field}[required]`).waitFor();
  }
  await page.fill('#opendata-f-identifier input', DATASET.identifier);
  await page.fill('#opendata-f-title input', DATASET.title);
  await page.locator('#opendata-f-title [slot="helper"]').filter({ hasText: `${DATASET.title.length} / 254` }).waitFor();
  await page.fill('#opendata-f-description textarea', 'Перелік ліцеїв і гімназій громади з адресами.');
  await chips(page, '#opendata-f-formats', ['CSV']);
  await page.click('#opendata-f-frequency');
  await page.locator('vaadin-select-item').filter({ hasText: 'Щороку' }).click();
  await dateTime(page, '#opendata-f-lastModified', DATE, '00:05');
  await page.fill('#opendata-f-responsibleEmail input', 'ivan@@example');
  await page.locator('#opendata-f-published input').check();
  await page.locator('#opendata-f-published[checked]').waitFor();
  await page.click('#opendata-dataset-save');
  await page.locator('#opendata-f-responsibleEmail[invalid]').waitFor();
  assert.match(await page.locator('#opendata-dataset-error').innerText(), /«ivan@@example» не схоже на адресу електронної пошти/);
  await page.fill('#opendata-f-responsibleEmail input', '');
  await page.click('#opendata-dataset-save');
  await page.waitForURL(/\/opendata\/dataset\/\d+$/);
  datasetId = Number(new URL(page.url()).pathname.split('/').pop());

  await page.setInputFiles('#opendata-resource-upload input[type=file]', csvFile);
  await page.locator('#opendata-resources-grid vaadin-grid-cell-content').filter({ hasText: 'zaklady.csv' }).first().waitFor();
  await page.locator('#opendata-resources-grid vaadin-grid-cell-content').filter({ hasText: /^CSV$/ }).first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.opendata-resource-download').first().click()]);
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), fs.readFileSync(csvFile, 'utf8'), 'the stored file comes back');
  await shot(page, 'dataset');
});

let firstScore;     // the run's mean over every dataset (the OKS live dataset included when booted)
let datasetScore;   // this dataset's

test('the audit finds the missing passport fields; the finding opens the dataset', async () => {
  firstScore = await runAudit();
  assert.ok(firstScore < 100, `score ${firstScore}`);
  const finding = page.locator('#opendata-findings-CRITICAL a.opendata-finding-dataset[data-rule="passport-missing"]')
    .filter({ hasText: DATASET.title });
  await finding.waitFor();
  assert.match(await page.locator('#opendata-findings-CRITICAL').innerText(), /У паспорті не заповнено: .*ключові слова/);
  // next to each finding its rule's methodical explanation (issue 16), folded until opened
  const method = page.locator('#opendata-findings-CRITICAL .opendata-finding-method').first();
  await method.getByText('Методичне пояснення', { exact: true }).click();
  await method.getByText(/^Що перевіряється:/).waitFor();
  await page.locator('#opendata-audit-chart svg circle').first().waitFor();
  // the findings of one data manager: only its dataset's
  await choose(page, '#opendata-findings-manager', MANAGER.name);
  const links = page.locator('#opendata-findings-groups a.opendata-finding-dataset');
  await until('only the manager\'s findings', async () => {
    const titles = await links.allInnerTexts();
    return titles.length > 0 && titles.every(t => t.trim() === DATASET.title) || null;
  });
  await shot(page, 'audit');
  await finding.click();
  await page.waitForURL(new RegExp(`/opendata/dataset/${datasetId}$`));
  await page.locator('#opendata-dataset-findings .opendata-dataset-finding[data-rule="passport-missing"]').waitFor();
  datasetScore = Number(await page.locator('#opendata-dataset-score').getAttribute('data-score'));
  assert.ok(datasetScore < 100, `dataset score ${datasetScore}`);
});

test('the steward fixes the passport and the structure; the rerun scores higher', async () => {
  await chips(page, '#opendata-f-keywords', ['освіта', 'школи']);
  await chips(page, '#opendata-f-tags', ['освіта']);
  await dateTime(page, '#opendata-f-firstPublished', DATE, '00:00');
  await date(page, '#opendata-f-actualityDate', DATE);
  await page.fill('#opendata-f-responsiblePerson input', 'Олег Петренко');
  await page.fill('#opendata-f-responsibleEmail input', 'osvita@example.org');
  await page.fill('#opendata-f-legalBasis textarea', 'Закон України «Про освіту»');
  await pickAct(page, 'opendata-f-legalAct', 'переліку наборів даних', '№ 15/2025 від 20.01.2025', basisAct.id);
  await page.fill('#opendata-f-purpose textarea', 'Інформування мешканців про мережу закладів освіти');
  const fields = [['id', 'Номер', 'integer'], ['name', 'Назва закладу', 'string'], ['address', 'Адреса', 'string']];
  for (const [i, [name, title, type]] of fields.entries()) {
    await page.click('#opendata-structure-add');
    // the new row is rendered by the server's answer: fill it, not the previous last one
    await page.locator(`#opendata-structure-grid .opendata-structure-name >> nth=${i}`).waitFor();
    const row = page.locator('#opendata-structure-grid .opendata-structure-name').last();
    await row.locator('input').fill(name);
    await page.locator('#opendata-structure-grid .opendata-structure-title').last().locator('input').fill(title);
    await page.locator('#opendata-structure-grid .opendata-structure-type').last().locator('input').fill(type);
    await page.keyboard.press('Tab');
  }
  await page.locator('vaadin-combo-box-overlay[opened]').waitFor({ state: 'detached' });
  await page.click('#opendata-dataset-save');
  const saved = page.locator('vaadin-notification-card').filter({ hasText: `Набір «${DATASET.title}» збережено` });
  const refused = page.locator('#opendata-dataset-error:not([hidden])');
  await saved.or(refused).first().waitFor();
  if (await refused.count()) assert.fail(await refused.innerText());
  assert.equal(await page.locator('#opendata-structure-grid .opendata-structure-name input').count(), 3);
  await actListsReference(page, portal, basisAct.id, DATASET.title);

  const secondScore = await runAudit();
  assert.ok(secondScore > firstScore, `the score rises: ${firstScore} -> ${secondScore}`);
  assert.equal(await page.locator('#opendata-findings-CRITICAL a[data-rule="passport-missing"]')
    .filter({ hasText: DATASET.title }).count(), 0, 'the passport finding is gone');
  assert.equal(await page.locator('#opendata-audit-runs vaadin-grid-cell-content').filter({ hasText: /^Завершено$/ }).count(), 2);
  assert.equal(await page.locator('#opendata-audit-chart svg circle').count(), 2, 'two points on the history line');
  await page.locator('#opendata-scores-managers a').filter({ hasText: MANAGER.name }).waitFor();
  await page.goto(`${portal.url}opendata/dataset/${datasetId}`);
  const fixed = Number(await page.locator('#opendata-dataset-score[data-score]').getAttribute('data-score'));
  assert.ok(fixed > datasetScore, `the dataset's score rises: ${datasetScore} -> ${fixed}`);
  await page.goto(portal.url + 'opendata/audit');
  // the report of the latest run
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.click('#opendata-report-pdf')]);
  assert.equal(fs.readFileSync(await pdf.path()).subarray(0, 5).toString('latin1'), '%PDF-');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#opendata-report-xlsx')]);
  assert.equal(fs.readFileSync(await xlsx.path()).subarray(0, 2).toString('latin1'), 'PK');
  await shot(page, 'audit-after');
});

test('two stewards edit the same passport: the later save is refused and offers the current one', async () => {
  const other = await newPage(STEWARD);
  await other.goto(`${portal.url}opendata/dataset/${datasetId}`);
  await other.locator('#opendata-dataset-form').waitFor();
  await page.goto(`${portal.url}opendata/dataset/${datasetId}`);
  await page.locator('#opendata-dataset-form').waitFor();
  const purpose = 'Інформування мешканців і батьків про мережу закладів освіти';
  await page.fill('#opendata-f-purpose textarea', purpose);
  await page.click('#opendata-dataset-save');
  await page.locator('vaadin-notification-card').filter({ hasText: `Набір «${DATASET.title}» збережено` }).waitFor();

  await other.fill('#opendata-f-purpose textarea', 'Застаріла правка з іншої вкладки');
  await other.click('#opendata-dataset-save');
  await other.locator('#edit-conflict-reload').waitFor();
  await other.click('#edit-conflict-reload');
  await other.waitForFunction(p => document.querySelector('#opendata-f-purpose textarea')?.value === p, purpose);
  await other.context().close();
});

test('the compliance matrix, a request, the widget', async () => {
  await menuItem(page, 'opendata/compliance').click();
  await page.locator('#opendata-compliance-matrix').waitFor();
  await page.locator('#opendata-compliance-legend [data-compliance="MISSING"][data-count="2"]').waitFor();
  await page.locator('#opendata-compliance-matrix td[data-compliance="MISSING"]').first().waitFor();

  await menuItem(page, 'opendata/requests').click();
  await page.locator('#opendata-request-form').waitFor();
  await choose(page, '#opendata-r-manager', MANAGER.name);
  await page.fill('#opendata-r-number input', '01-12/345');
  await page.fill('#opendata-r-subject input', 'Про оприлюднення обов’язкових наборів даних');
  await page.fill('#opendata-r-text textarea', 'Просимо оприлюднити набори даних згідно з переліком.');
  await page.click('#opendata-request-save');
  await page.locator('#opendata-requests-grid vaadin-grid-cell-content').filter({ hasText: '01-12/345' }).waitFor();

  // a letter about findings: the live OKS dataset of the configured manager has findings in the
  // latest run (its passport lacks what only a person can fill in); one of them is linked
  await page.click('#opendata-request-new');
  await choose(page, '#opendata-r-manager', PROVIDER_MANAGER);
  await page.click('#opendata-r-findings input');
  const firstFinding = page.locator('vaadin-multi-select-combo-box-item:not([hidden])').first();
  await firstFinding.waitFor();
  const findingText = (await firstFinding.innerText()).trim();
  await firstFinding.click();
  await page.press('#opendata-r-findings input', 'Escape');
  await page.locator('vaadin-multi-select-combo-box-overlay[opened]').waitFor({ state: 'detached' });
  await page.fill('#opendata-r-number input', '01-12/346');
  await page.fill('#opendata-r-subject input', 'Про усунення порушень у паспорті набору даних');
  await page.fill('#opendata-r-text textarea', 'Просимо заповнити паспорт набору даних.');
  await page.click('#opendata-request-save');
  const linkedRow = page.locator('#opendata-requests-grid vaadin-grid-cell-content').filter({ hasText: '01-12/346' });
  await linkedRow.waitFor();
  // the form shows which finding the request is about when it is opened
  // opened afresh (after a save the row may be selected already: a click would deselect it)
  await page.goto(portal.url + 'opendata/requests');
  await linkedRow.click();
  await page.waitForFunction(() => document.querySelector('#opendata-r-number input')?.value === '01-12/346');
  await page.locator('#opendata-r-findings vaadin-multi-select-combo-box-chip:not([slot="overflow"])').filter({ hasText: findingText.slice(0, 30) })
    .first().waitFor();
  assert.equal(await page.locator('#opendata-r-findings vaadin-multi-select-combo-box-chip:not([slot="overflow"])').count(), 1);

  // its due date left empty became the legal one; its letter as PDF and DOCX (the newest request is
  // the first row); the answer recorded with its file (the letter will do as a PDF)
  assert.notEqual(await page.inputValue('#opendata-r-dueOn input'), '');
  const [letter] = await Promise.all([page.waitForEvent('download'), page.locator('a.opendata-request-letter-pdf').first().click()]);
  const letterPdf = fs.readFileSync(await letter.path());
  assert.equal(letterPdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const [docx] = await Promise.all([page.waitForEvent('download'), page.locator('a.opendata-request-letter-docx').first().click()]);
  assert.equal(fs.readFileSync(await docx.path()).subarray(0, 2).toString('latin1'), 'PK');
  await page.setInputFiles('#opendata-r-answer-upload input[type=file]',
    { name: 'vidpovid.pdf', mimeType: 'application/pdf', buffer: letterPdf });
  await page.locator('#opendata-r-answer-file').filter({ hasText: 'vidpovid.pdf' }).waitFor();
  await page.fill('#opendata-r-answeredOn input', await page.inputValue('#opendata-r-sentOn input'));
  await page.keyboard.press('Enter');
  await page.fill('#opendata-r-answer textarea', 'Паспорт набору даних заповнено.');
  await page.click('#opendata-request-save');
  const [answerFile] = await Promise.all([page.waitForEvent('download'),
    page.locator('a.opendata-request-answer-file').filter({ hasText: 'vidpovid.pdf' }).click()]);
  assert.deepEqual(fs.readFileSync(await answerFile.path()), letterPdf, 'the stored answer file comes back');

  await page.goto(portal.url);
  await page.locator('#opendata-widget-score[data-value]').waitFor();
  assert.notEqual(await page.locator('#opendata-widget-score').getAttribute('data-value'), '—');
  await page.locator('#opendata-widget-overdue[data-value="0"]').waitFor();
});

test('the steward names the policy act', async () => {
  await page.goto(portal.url + 'opendata/policy');
  await page.click('#opendata-policy-add');
  await pickAct(page, 'opendata-policy-act-0', 'відповідальної особи', '№ 7-р від 03.02.2025', policyAct.id);
  await page.click('#opendata-policy-save');
  await page.locator('vaadin-notification-card').filter({ hasText: 'Документи політики відкритих даних збережено.' }).waitFor();
});

test('the public page shows the published dataset and links the policy act without signing in', async () => {
  const context = await browser.newContext({ locale: 'uk-UA' });
  const anon = await context.newPage();
  // the public page reads the publication's copy of the registry, rebuilt after a change notice or
  // in the background once older than cache.max.age.seconds (60 s in config): reload until it shows
  const item = anon.locator('.opendata-dataset').filter({ hasText: DATASET.title }).first();
  const started = Date.now();
  await until('the dataset on the public page', async () => {
    await anon.goto(`${portal.url}vidkryti-dani?nabir=${DATASET.identifier}`);
    await anon.locator('#opendata-count').waitFor();
    return await item.count() > 0 || null;
  }, { timeoutMs: 90_000, intervalMs: 2_000 });
  console.log(`the public page showed the dataset after ${Math.round((Date.now() - started) / 1000)} s`);
  await anon.goto(`${portal.url}vidkryti-dani`);
  await item.waitFor();
  await anon.locator(`.opendata-dataset[data-identifier="${DATASET.identifier}"]`).waitFor();
  const policy = anon.locator(`#opendata-policy a#opendata-policy-${policyAct.id}`);
  assert.equal(await policy.getAttribute('href'), `dokumenty/${policyAct.id}`);
  assert.equal(await policy.innerText(), POLICY_TITLE);
  await shot(anon, 'public');
  await context.close();
});

/** The second portal's administrator imports one published dataset of a new manager and adds a resource link. */
async function publishOnSource() {
  await source.start();
  await source.waitForViews(['opendata/import', 'opendata/dataset/:id']);
  const p = await (await browser.newContext({ locale: 'uk-UA', viewport: { width: 1400, height: 1000 } })).newPage();
  const admin = source.admin();
  await signIn(p, source, admin.username, admin.password);
  await p.locator('#dashboard').waitFor();
  const file = path.join(work, 'source.csv');
  fs.writeFileSync(file, 'Ідентифікатор набору даних;Назва набору даних;Опис набору даних;Розпорядник інформації;'
    + 'Код ЄДРПОУ розпорядника;Формат (формати);Частота оновлення;Оприлюднено\n'
    + `${SOURCE.identifier};${SOURCE.title};Адреси й покриття майданчиків;${SOURCE.manager};${SOURCE.edrpou};CSV;Щороку;так\n`);
  await p.goto(source.url + 'opendata/import');
  await p.setInputFiles('#opendata-import-upload input[type=file]', file);
  await p.locator('#opendata-import-status[data-valid="1"]').waitFor();
  await p.click('#opendata-import-commit');
  await p.locator('#opendata-import-status[data-created="1"][data-managers="1"]').waitFor();
  await p.goto(`${source.url}opendata/datasets?q=${SOURCE.identifier}`);
  await p.locator('a.opendata-row-title').filter({ hasText: SOURCE.title }).click();
  await p.waitForURL(/\/opendata\/dataset\/\d+$/);
  await p.fill('#opendata-link-name input', 'Майданчики (CSV)');
  await p.fill('#opendata-link-url input', SOURCE.link);
  await p.fill('#opendata-link-format input', 'CSV');
  await p.click('#opendata-link-add');
  await p.locator(`a.opendata-resource-link[href="${SOURCE.link}"]`).waitFor();
  await p.context().close();
  // its CKAN API serves the publication's copy, rebuilt after the change notice
  await until('the package with its link in the second portal\'s CKAN API', async () => {
    const res = await fetch(`${source.url}api/3/action/package_show?id=${SOURCE.identifier}`);
    const body = res.ok ? await res.json() : null;
    return body?.result?.resources?.some(r => r.url === SOURCE.link) || null;
  });
}

test('the CKAN import reads a second portal\'s CKAN API: new, imported with its link, then nothing left to change', async () => {
  await publishOnSource();
  await page.goto(portal.url + 'opendata/ckan');
  await page.fill('#opendata-ckan-portal input', source.url);
  await page.fill('#opendata-ckan-organization input', SOURCE.edrpou);
  const status = page.locator('#opendata-ckan-status');
  await page.click('#opendata-ckan-check');
  await page.locator('#opendata-ckan-status[data-state="preview"]').waitFor({ timeout: 60_000 });
  assert.equal(await status.getAttribute('data-new'), '1', await status.innerText());
  assert.equal(await status.getAttribute('data-changed'), '0', await status.innerText());
  await page.locator('#opendata-ckan-rows [data-change="NEW"]').waitFor();
  await page.click('#opendata-ckan-commit');
  await page.locator('#opendata-ckan-status[data-state="done"]').waitFor({ timeout: 60_000 });
  assert.equal(await status.getAttribute('data-created'), '1', await status.innerText());
  await page.click('#opendata-ckan-check');
  await page.locator('#opendata-ckan-status[data-state="preview"]').waitFor({ timeout: 60_000 });
  assert.equal(await status.getAttribute('data-new'), '0', await status.innerText());
  assert.equal(await status.getAttribute('data-changed'), '0', await status.innerText());
  await page.locator('#opendata-ckan-rows [data-change="UNCHANGED"]').waitFor();
  // in this registry, under the organisation's manager, with the link
  await page.goto(`${portal.url}opendata/datasets?q=${SOURCE.identifier}`);
  await page.locator('a.opendata-row-title').filter({ hasText: SOURCE.title }).click();
  await page.waitForURL(/\/opendata\/dataset\/\d+$/);
  await page.locator(`a.opendata-resource-link[href="${SOURCE.link}"]`).waitFor();
  assert.equal(await page.inputValue('#opendata-f-manager input'), SOURCE.manager);
});

/**
 * A CKAN Action API that keeps its packages in memory and records every POSTed action with its
 * Authorization header: organization_show and package_search read; package_create, package_patch
 * and resource_create change the packages as CKAN does.
 */
async function recordingCkan(organization) {
  const packages = [];
  const calls = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => { raw += c; });
    req.on('end', () => {
      const url = new URL(req.url, 'http://127.0.0.1');
      const action = url.pathname.split('/').pop();
      const body = raw ? JSON.parse(raw) : null;
      if (req.method === 'POST') calls.push({ action, authorization: req.headers.authorization, body });
      let result;
      if (action === 'organization_show') result = organization;
      else if (action === 'package_search') {
        result = { count: packages.length, results: packages.slice(Number(url.searchParams.get('start') ?? 0)) };
      } else if (action === 'package_create') {
        result = { ...body, id: `pkg-${packages.length + 1}`, resources: [] };
        packages.push(result);
      } else if (action === 'package_patch') {
        result = Object.assign(packages.find((p) => p.id === body.id), body);
      } else if (action === 'resource_create') {
        result = { ...body, id: `res-${calls.length}` };
        packages.find((p) => p.id === body.package_id).resources.push(result);
      }
      res.writeHead(result ? 200 : 404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(result ? { success: true, result } : { success: false, error: { __type: 'Not Found' } }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, calls, close: () => server.close() };
}

test('the CKAN publication: the dry run shows the diff and sends nothing, the publication makes those calls', async () => {
  const ckan = await recordingCkan({ id: 'org-osvita', name: 'osvita', title: MANAGER.name,
    extras: [{ key: 'edrpou', value: MANAGER.edrpou }] });
  try {
    await page.goto(portal.url + 'opendata/ckan');
    await page.fill('#opendata-ckan-portal input', ckan.base);
    await page.fill('#opendata-ckan-organization input', 'osvita');
    const status = page.locator('#opendata-ckan-status');
    await page.click('#opendata-ckan-publish-check');
    await page.locator('#opendata-ckan-status[data-state="publish-preview"]').waitFor({ timeout: 60_000 });
    const create = Number(await status.getAttribute('data-create'));
    assert.ok(create >= 1, await status.innerText());
    await page.locator(`#opendata-ckan-publish-rows vaadin-grid-cell-content:text-is("${DATASET.identifier}")`).waitFor();
    assert.equal(ckan.calls.length, 0, 'a dry run sends nothing');
    await page.click('#opendata-ckan-publish');
    await page.locator('#opendata-ckan-status[data-state="published"]').waitFor({ timeout: 60_000 });
    const created = ckan.calls.filter((c) => c.action === 'package_create');
    assert.equal(created.length, create);
    assert.ok(ckan.calls.every((c) => c.authorization === CKAN_KEY), 'every call carries the publisher\'s key');
    const ours = created.find((c) => c.body.name === DATASET.identifier);
    assert.equal(ours.body.owner_org, 'org-osvita');
    // a second dry run: the portal holds what was sent
    await page.click('#opendata-ckan-publish-check');
    await page.locator('#opendata-ckan-status[data-state="publish-preview"]').waitFor({ timeout: 60_000 });
    assert.equal(await status.getAttribute('data-create'), '0', await status.innerText());
    assert.equal(await status.getAttribute('data-update'), '0', await status.innerText());
  } finally {
    ckan.close();
  }
});

test('the import preview shows a bad row\'s error and imports only the good rows; exports download', async () => {
  const header = 'Ідентифікатор набору даних;Назва набору даних;Опис набору даних;Розпорядник інформації;'
    + 'Код ЄДРПОУ розпорядника;Формат (формати);Частота оновлення\n';
  const file = path.join(work, 'reiestr.csv');
  fs.writeFileSync(file, header
    + `kharchuvannia;Харчування в закладах освіти;Меню і вартість;${MANAGER.name};${MANAGER.edrpou};CSV;Щомісяця\n`
    + `bez-nazvy;;Опис;${MANAGER.name};${MANAGER.edrpou};CSV;Щороку\n`
    // a manager the registry does not have yet: created from the file (name and a valid ЄДРПОУ)
    + 'kharchuvannia-kultura;Харчування в закладах культури;Буфети;Відділ культури;40075815;CSV;Щороку\n');
  await menuItem(page, 'opendata/import').click();
  await page.setInputFiles('#opendata-import-upload input[type=file]', file);
  await page.locator('#opendata-import-status[data-valid="2"]').waitFor();
  await page.locator('#opendata-import-preview .opendata-import-errors').filter({ hasText: /Не заповнено обов.язкове поле «Назва набору даних»/ })
    .first().waitFor();
  await page.locator('#opendata-import-managers[data-count="1"]').filter({ hasText: 'Відділ культури (ЄДРПОУ 40075815)' }).waitFor();
  // only the rows that cannot be imported
  const goodRow = page.locator('#opendata-import-preview vaadin-grid-cell-content').filter({ hasText: /^kharchuvannia$/ });
  await goodRow.waitFor();
  await page.locator('#opendata-import-errors-only input').check();
  await goodRow.waitFor({ state: 'hidden' });
  await page.locator('#opendata-import-preview vaadin-grid-cell-content:visible').filter({ hasText: /^bez-nazvy$/ }).first().waitFor();
  await shot(page, 'import-preview');
  await page.click('#opendata-import-commit');
  await page.locator('#opendata-import-status[data-created="2"][data-managers="1"]').waitFor();

  // both new datasets published at once from the registry grid
  await page.goto(`${portal.url}opendata/datasets?q=${encodeURIComponent('харчування')}`);
  await page.locator('#opendata-list-count[data-count="2"]').waitFor();
  await selectAllRows(2);
  await page.click('#opendata-bulk-publish');
  await page.locator('#opendata-bulk-status[data-done="2"]').waitFor();
  await page.goto(`${portal.url}opendata/datasets?published=true&q=${encodeURIComponent('харчування')}`);
  await page.locator('#opendata-list-count[data-count="2"]').waitFor();
  await page.goto(`${portal.url}opendata/datasets?published=true&q=${DATASET.identifier}`);
  await page.locator('#opendata-list-count[data-count="1"]').waitFor();
  await page.locator('a.opendata-row-title').filter({ hasText: DATASET.title }).waitFor();

  await page.goto(portal.url + 'opendata/import');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('#opendata-export-xlsx')]);
  assert.equal(xlsx.suggestedFilename(), 'opendata-registry.xlsx');
  assert.equal(fs.readFileSync(await xlsx.path()).subarray(0, 2).toString('latin1'), 'PK');
  const [zip] = await Promise.all([page.waitForEvent('download'), page.click('#opendata-export-csv')]);
  assert.equal(zip.suggestedFilename(), 'opendata-registry.zip');

  // the CSV export (a ZIP) imports back as it is: every row valid, nothing changes
  const exported = path.join(work, 'opendata-registry.zip');
  fs.copyFileSync(await zip.path(), exported);
  await page.setInputFiles('#opendata-import-upload input[type=file]', exported);
  await page.locator('#opendata-import-status[data-valid]').filter({ hasText: /з помилками — 0\./ }).waitFor();
  assert.equal(await page.locator('#opendata-import-managers').isVisible(), false, 'no manager to create');
  await page.click('#opendata-import-commit');
  const done = page.locator('#opendata-import-status[data-unchanged]');
  await done.waitFor();
  assert.equal(await done.getAttribute('data-created'), '0');
  assert.equal(await done.getAttribute('data-managers'), '0');
  assert.ok(Number(await done.getAttribute('data-unchanged')) >= 3, await done.innerText());
  assert.match(await done.innerText(), /оновлено — 0,/);
});

/** Ticks the selection box of each of the grid's rows (the registry grid of stewards). */
async function selectAllRows(rows) {
  const boxes = page.locator('#opendata-datasets-grid vaadin-grid-cell-content vaadin-checkbox:visible');
  await until(`${rows} rows to select`, async () => (await boxes.count()) >= rows || null);
  const count = await boxes.count();
  // the header's "select all" box, when shown, is the first: the rows' are the last ones
  for (let i = count - rows; i < count; i++) {
    await boxes.nth(i).click();
  }
  await page.locator('#opendata-bulk-selected').filter({ hasText: `Вибрано: ${rows}` }).waitFor();
}

test('deleting: a manager with datasets is refused with the reason; mistaken datasets and their new manager go', async () => {
  await page.goto(`${portal.url}opendata/manager/${managerId}`);
  await page.click('#opendata-manager-delete');
  await page.click('#opendata-confirm-yes');
  await page.locator('#opendata-manager-error').filter({ hasText: /не можна видалити: йому належать набори даних/ }).waitFor();

  await page.goto(`${portal.url}opendata/datasets?q=${encodeURIComponent('харчування')}`);
  await page.locator('#opendata-list-count[data-count="2"]').waitFor();
  await selectAllRows(2);
  await page.click('#opendata-bulk-delete');
  await page.click('#opendata-confirm-yes');
  await page.locator('#opendata-bulk-status[data-done="2"]').waitFor();
  await page.locator('#opendata-list-count[data-count="0"]').waitFor();

  await page.goto(portal.url + 'opendata/managers');
  await page.locator('a.opendata-manager-name').filter({ hasText: 'Відділ культури' }).click();
  await page.locator('#opendata-manager-heading').filter({ hasText: 'Відділ культури' }).waitFor();
  await page.click('#opendata-manager-delete');
  await page.click('#opendata-confirm-yes');
  await page.waitForURL(/\/opendata\/managers$/);
  await page.locator('#opendata-managers-grid').waitFor();
  assert.equal(await page.locator('a.opendata-manager-name').filter({ hasText: 'Відділ культури' }).count(), 0);
});

test('the log has no errors from the open-data bundles (of either portal)', () => {
  assert.deepEqual(portal.logErrors(fromModule('opendata')), []);
  assert.deepEqual(source.logErrors(fromModule('opendata')), []);
});
