// ЦНАП CRM end to end (issue 14): an administrator registers an applicant — a wrong РНОКПП is
// refused with a clear message — and opens a case; the verification finds a missing document and
// the administrator overrides it with a reason; a scan whose РНОКПП differs from the application
// (rendered here, as a printed page would look) is read by OCR and the mismatch shown; the
// hand-over waits for it, then goes to the back office, whose executor makes the result ready; the
// administrator issues it within the deadline and prints the inventory as PDF; the hall display
// shows a called ticket without a reload; a service card's legal basis links to an act picked from
// document search, and the act's page lists the card; the log has no errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Portal, launchBrowser, signIn, vaadinIdle, until, fromModule } from './lib/portal.mjs';
import { eservicesTests, eservicesConfig } from './eservices.mjs';
import { addAct, pickAct } from './lib/acts.mjs';

// the e-services tests (eservices.mjs) run after the CRM's against this portal: one start less in CI
const portal = new Portal({ port: 18991, database: 'hromada_e2e_crm', config: eservicesConfig });
const ADMINISTRATOR = { username: 'tsnap1', password: 'Tsnap-2026!adm', name: 'Марія Адміністраторка' };
const EXECUTOR = { username: 'zemel1', password: 'Zemel-2026!exe', name: 'Петро Виконавець' };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-'));
let browser;
let caseUrl;

/** A РНОКПП for a birth date: days since 31.12.1899, four more digits, the check digit. */
function taxNumber(birth, serial) {
  const days = Math.round((Date.UTC(...birth) - Date.UTC(1899, 11, 31)) / 86_400_000);
  const first9 = String(days).padStart(5, '0') + String(serial).padStart(4, '0');
  const weights = [-1, 5, 7, 9, 4, 6, 10, 5, 7];
  const sum = [...first9].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first9 + String((((sum % 11) + 11) % 11) % 10);
}
const BIRTH = [1985, 2, 14];   // 14.03.1985 (months from 0)
const TAX = taxNumber(BIRTH, 1234);
const WRONG_TAX = TAX.slice(0, 9) + String((Number(TAX[9]) + 1) % 10);
const OTHER_TAX = taxNumber(BIRTH, 4321);   // valid, but not the applicant's
// a shipped card of the land department (role zemelnyi): application, drawings, passport, РНОКПП card
const CARD = 'Надання дозволу на розроблення проєкту землеустрою';

before(async () => {
  await portal.ready();
  await portal.waitForViews(['tsnap/zaiavnyky', 'tsnap/spravy', 'tsnap/spravy/nova', 'tsnap/cherha', 'tsnap/tablo']);
  browser = await launchBrowser();
  portal.sql(`INSERT INTO portal.roles (name, description) VALUES ('tsnap-admin', 'ЦНАП e2e'), ('zemelnyi', 'ЦНАП e2e');
    INSERT INTO portal.role_permissions (role, permission) VALUES ('tsnap-admin', 'crm.administrator'), ('zemelnyi', 'crm.backoffice')`);
  portal.console(
    `portal:user-add --name '${ADMINISTRATOR.name}' --role tsnap-admin --password '${ADMINISTRATOR.password}' ${ADMINISTRATOR.username}`,
    `portal:user-add --name '${EXECUTOR.name}' --role zemelnyi --password '${EXECUTOR.password}' ${EXECUTOR.username}`);
});

after(async () => {
  await browser?.close();
  await portal.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

async function employeePage(user) {
  const context = await browser.newContext({ locale: 'uk-UA', acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, portal, user.username, user.password);
  await page.locator('#dashboard').waitFor();
  return page;
}

/** A page of an identity document as a scanner gives it: text on paper, rendered by the browser itself. */
async function scan(file, lines) {
  const page = await browser.newPage({ viewport: { width: 1240, height: 900 } });
  await page.setContent(`<body style="margin:60px;background:#f4f1ea;font:34px 'DejaVu Sans',sans-serif;color:#222">
    ${lines.map(l => `<p>${l}</p>`).join('')}</body>`);
  await page.screenshot({ path: file });
  await page.close();
  return file;
}

async function fieldError(page, id) {
  return page.locator(`#${id}`).evaluate(el => (el.invalid ? el.errorMessage : ''));
}

test('the administrator registers an applicant: a wrong РНОКПП is refused with a clear message', async () => {
  const page = await employeePage(ADMINISTRATOR);
  await page.goto(portal.url + 'tsnap/zaiavnyky');
  await page.click('#applicant-new');
  await page.fill('#applicant-last-name input', 'Коваленко');
  await page.fill('#applicant-first-name input', 'Марія');
  await page.fill('#applicant-patronymic input', 'Іванівна');
  await page.fill('#applicant-birth-date input', '14.03.1985');
  await page.keyboard.press('Enter');
  await page.fill('#applicant-tax-number input', WRONG_TAX);
  await page.locator('#applicant-document-type vaadin-radio-button').filter({ hasText: /ID-картк/ }).click();
  await page.fill('#applicant-document-number input', '001234567');
  await page.fill('#applicant-document-expiry input', '01.06.2034');
  await page.keyboard.press('Enter');
  await page.fill('#applicant-phone input', '+380501234567');
  await page.click('#applicant-save');
  await until('the РНОКПП field says why', async () => /РНОКПП/.test(await fieldError(page, 'applicant-tax-number')));
  assert.equal(portal.sql("select count(*) from crm.applicant where last_name = 'Коваленко'"), '0', 'nothing saved');

  await page.fill('#applicant-tax-number input', TAX);
  await page.click('#applicant-save');
  await until('the applicant is saved', async () =>
    portal.sql("select count(*) from crm.applicant where last_name = 'Коваленко'") === '1');
  // the row commits before the answer that redraws the form reaches the page
  await until('the РНОКПП field no longer says it is wrong', async () => await fieldError(page, 'applicant-tax-number') === '');
  await page.context().close();
});

test('a case with a missing document: the check fires and says why; the administrator overrides it with a reason', async () => {
  const page = await employeePage(ADMINISTRATOR);
  await page.goto(portal.url + 'tsnap/spravy/nova');
  await page.fill('#case-applicant input', 'Коваленко');
  await page.locator('vaadin-combo-box-item:not([hidden])').filter({ hasText: 'Коваленко' }).first().click();
  await page.fill('#case-card input', CARD);
  await page.locator('vaadin-combo-box-item:not([hidden])').filter({ hasText: CARD }).first().click();
  await page.fill('#case-request textarea', 'Прошу зареєструвати місце проживання за новою адресою');
  await page.click('#case-open');
  await page.waitForURL(/tsnap\/sprava\/\d+/);
  caseUrl = page.url();
  // the application, the drawings and the passport are received; the РНОКПП card is not
  const id = caseUrl.split('/').pop();
  for (const position of [1, 2, 3]) {
    await page.click(`#case-doc-received-${position}`);
    // each tick is saved and the card drawn again before the next one
    await until(`line ${position} received`, async () => portal.sql(`select count(*) from crm.case_document
      where case_id = ${id} and received`) === String(position));
    await vaadinIdle(page);
  }
  await page.click('#case-verify');
  const missing = page.locator('#finding-missing-document');
  await missing.waitFor();
  assert.match(await missing.innerText(), /не отримано|відсутн/i);
  await page.click('#override-missing-document');
  await page.fill('#override-reason textarea', 'Заявник надасть довідку завтра, погоджено з керівником');
  await page.click('#override-confirm');
  await until('the finding is shown overridden with its reason', async () =>
    /Заявник надасть довідку завтра/.test(await missing.innerText()));
  await page.context().close();
});

test('a scan whose РНОКПП differs from the application: OCR reads it and the mismatch is shown; the hand-over waits for it', async () => {
  const page = await employeePage(ADMINISTRATOR);
  await page.goto(caseUrl);
  const file = await scan(path.join(work, 'rnokpp.png'), ['ДЕРЖАВНА ПОДАТКОВА СЛУЖБА УКРАЇНИ',
    'Картка платника податків', 'Прізвище: КОВАЛЕНКО', "Ім'я: МАРІЯ", 'По батькові: ІВАНІВНА',
    'Дата народження: 14.03.1985', `Реєстраційний номер: ${OTHER_TAX}`]);
  await page.setInputFiles('#case-doc-upload-4 input[type=file]', file);
  // stored: the card is drawn again with the line's scan counted
  await page.locator('vaadin-notification-card').filter({ hasText: 'rnokpp.png' }).first().waitFor({ timeout: 30_000 });
  await until('the scan stored', async () =>
    portal.sql(`select count(*) from crm.case_scan where case_id = ${caseUrl.split('/').pop()}`) === '1');
  await page.click('#case-verify');
  const mismatch = page.locator('#finding-scan-mismatch');
  await mismatch.waitFor({ timeout: 60_000 });
  const text = await mismatch.innerText();
  assert.ok(text.includes(OTHER_TAX) && text.includes(TAX), text);

  await page.click('#case-handover');
  // the refusal's own notification, and its answer applied: the scan's «stored» notice may still be
  // shown, and a click while the refusal redraws the findings would reach a button being replaced
  await page.locator('vaadin-notification-card').filter({ hasText: /Справу не можна передати.*(РНОКПП|скан)/is }).first().waitFor();
  await vaadinIdle(page);
  assert.equal(portal.sql(`select status from crm.service_case where id = ${caseUrl.split('/').pop()}`), 'REGISTERED');

  await page.click('#override-scan-mismatch');
  await page.fill('#override-reason textarea', 'Скан іншої особи, оригінал картки звірено особисто');
  await page.click('#override-confirm');
  await until('the mismatch overridden', async () => /оригінал картки звірено/.test(await mismatch.innerText()));
  await page.click('#case-handover');
  try {
    await until('handed over to the back office', async () =>
      portal.sql(`select status from crm.service_case where id = ${caseUrl.split('/').pop()}`) === 'IN_BACK_OFFICE',
    { timeoutMs: 20_000 });
  } catch (e) {
    const said = await page.locator('vaadin-notification-card').allInnerTexts();
    const findings = await page.locator('#case-findings').innerText();
    throw new Error(`${e.message}\nnotifications: ${said.join(' | ')}\nfindings: ${findings}`);
  }
  await page.context().close();
});

test('the back office takes the case and makes the result ready; the administrator issues it within the deadline and prints the inventory', async () => {
  const executor = await employeePage(EXECUTOR);
  await executor.goto(caseUrl);
  await executor.click('#case-take');
  await vaadinIdle(executor);
  await executor.click('#case-ready');
  const id = caseUrl.split('/').pop();
  await until('result ready', async () => portal.sql(`select status from crm.service_case where id = ${id}`) === 'RESULT_READY');
  await executor.context().close();

  const page = await employeePage(ADMINISTRATOR);
  await page.goto(caseUrl);
  await page.click('#case-issue');
  await until('issued', async () => portal.sql(`select status from crm.service_case where id = ${id}`) === 'ISSUED');
  assert.equal(portal.sql(`select (issued_at at time zone 'Europe/Kyiv')::date <= deadline from crm.service_case where id = ${id}`), 't');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#case-print-inventory')]);
  const pdf = fs.readFileSync(await download.path());
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  // every step journalled
  const actions = portal.sql(`select string_agg(action, ',' order by at, id) from crm.case_step where case_id = ${id}`);
  for (const a of ['override', 'handed-over', 'issued']) assert.ok(actions.includes(a), actions);
  await page.context().close();
});

test('the hall display shows a called ticket without a reload', async () => {
  // the hall's screen needs no account: it shows ticket numbers and windows only
  const display = await (await browser.newContext({ locale: 'uk-UA' })).newPage();
  await display.goto(portal.url + 'tsnap/tablo');
  await display.locator('#queue-display').waitFor({ state: 'attached' });
  await vaadinIdle(display);
  const desk = await employeePage(ADMINISTRATOR);
  await desk.goto(portal.url + 'tsnap/cherha');
  await desk.locator('#queue-group').click();
  await desk.locator('vaadin-select-item, vaadin-combo-box-item').first().click();
  await desk.click('#queue-take');
  await desk.fill('#queue-window input', '3');
  await desk.press('#queue-window input', 'Tab');
  await desk.locator('#queue-call-next:not([disabled])').waitFor();
  await desk.click('#queue-call-next');
  const ticket = portal.sql('select number from crm.queue_ticket order by id desc limit 1');
  assert.match(ticket, /\d/);
  await display.locator('#queue-display').getByText(ticket).waitFor({ timeout: 15_000 });
  await desk.context().close();
  await display.context().close();
});

test('a service card links its legal basis to an act picked from document search; the act\'s page lists the card', async () => {
  const page = await employeePage(portal.admin());
  const act = await addAct(page, portal, { number: '790', date: '2024-04-26',
    title: 'Про затвердження переліку адміністративних послуг ЦНАП', text: 'Перелік адміністративних послуг центру.' });
  const cardId = portal.sql(`select id from crm.service_card where name like '${CARD}%' order by id limit 1`);
  await page.goto(`${portal.url}tsnap/kartky/${cardId}`);
  await pickAct(page, 'card-legal-act', 'переліку адміністративних', '№ 790 від 26.04.2024 — Про затвердження переліку', act.id);
  await page.click('#card-save');
  await page.getByText(/Збережено: версія/).waitFor();
  assert.equal(portal.sql(`select legal_act_id from crm.service_card where id = ${cardId}`), String(act.id));

  await page.goto(`${portal.url}docs/act/${act.id}`);
  const references = page.locator('#act-references');
  await references.waitFor();
  assert.match(await references.innerText(), /Картки послуг ЦНАП/);
  const link = references.locator('a.act-reference', { hasText: CARD });
  await link.click();
  await page.waitForURL(new RegExp(`tsnap/kartky/${cardId}$`));
  await until('the card opened from the act', async () =>
    (await page.locator('#card-legal-act-input input').inputValue()).includes('№ 790 від 26.04.2024'));
  await page.context().close();
});

test('the log has no errors of the CRM module', () => {
  assert.deepEqual(portal.logErrors(fromModule('crm')), []);
});

eservicesTests(portal);
