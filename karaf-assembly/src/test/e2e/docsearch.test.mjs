// Document search end to end: an employee registers an act with a file, finds it by an inflected
// word, by number and by number with date, filters by year, opens and downloads it; residents find
// it without signing in; the HTTP API searches, reads and accepts (or refuses) new documents.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Portal, launchBrowser, signIn, menuItem, until, vaadinIdle } from './lib/portal.mjs';

const portal = new Portal({ port: 18281, database: 'hromada_e2e_docsearch' });
const TITLE = 'Про програму інформатизації громади на 2027–2029 роки';
const NUMBER = '№ 812';
const DATE_UA = '14.03.2025';
const DATE_ISO = '2025-03-14';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'docsearch-e2e-'));
const htmlFile = path.join(work, 'rishennia-812.html');
fs.writeFileSync(htmlFile, `<!doctype html><html><head><meta charset="utf-8"><title>Рішення № 812</title></head>
<body><h1>${TITLE}</h1>
<p>Міська рада вирішила затвердити програму інформатизації громади на 2027–2029 роки,
спрямовану на розвиток електронних послуг, відкритих даних і захист інформації.</p></body></html>`);

let browser;
let admin;     // the administrator's page
let actId;     // the act created in the form

before(async () => {
  await portal.start();
  // the booted feature hromada-docsearch: its views register a moment after health says UP
  await portal.waitForViews(['docs', 'docs/new', 'docs/act/:id', 'docs/edit/:id', 'docs/import', 'dokumenty', 'dokumenty/:id']);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await portal.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Types a query into the search field of the current page and waits for that search to be shown. */
async function searchFor(page, query) {
  const shown = await page.locator('#docs-results').getAttribute('data-search');
  await page.fill('#docs-q input', query);
  await page.press('#docs-q input', 'Enter');
  await page.locator(`#docs-results:not([data-search="${shown}"])`).waitFor({ state: "attached" });
  // typing may also have started a search after a pause (the field's lazy value): wait until no
  // round trip is in flight or queued, so no later answer re-renders what the test reads next
  await vaadinIdle(page);
}

/** Screenshots for a person to look at, only when SCREENSHOTS names a folder. */
async function shot(page, name) {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: path.join(process.env.SCREENSHOTS, `${name}.png`), fullPage: true });
}

function hit(page, id) {
  return page.locator(`.docsearch-hit[data-id="${id}"]`);
}

test('an employee registers an act with a file in the form', async () => {
  const context = await browser.newContext({ locale: 'uk-UA', acceptDownloads: true });
  admin = await context.newPage();
  const { username, password } = portal.admin();
  await signIn(admin, portal, username, password);
  await admin.locator('#dashboard').waitFor();
  await menuItem(admin, 'docs').waitFor();
  await menuItem(admin, 'docs/new').click();
  await admin.locator('#act-form').waitFor();

  // a save with nothing filled in: the service's reasons appear next to the fields, in Ukrainian
  await admin.click('#act-save');
  await admin.locator('#act-form-error').waitFor();
  await admin.locator('#act-title[invalid]').waitFor();
  await shot(admin, 'form-errors');
  assert.equal(await admin.locator('#act-page').count(), 0);

  await admin.click('#act-kind input');
  await admin.fill('#act-kind input', 'Рішення сесії');
  await admin.locator('vaadin-combo-box-item').filter({ hasText: 'Рішення сесії міської ради' }).click();
  await admin.fill('#act-number input', NUMBER);
  await admin.fill('#act-date input', DATE_UA);
  await admin.press('#act-date input', 'Enter');
  await admin.fill('#act-title textarea', TITLE);
  await admin.fill('#act-body input', 'Полтавська міська рада');
  await admin.press('#act-body input', 'Enter');
  await admin.fill('#act-convocation input', '8');
  await admin.fill('#act-tags input', 'інформатизація, ІТ');
  await admin.setInputFiles('#act-files input[type=file]', htmlFile);
  await admin.locator('.act-new-file').filter({ hasText: 'rishennia-812.html' }).waitFor();
  await shot(admin, 'form');
  await admin.click('#act-save');

  await admin.waitForURL(/\/docs\/act\/\d+$/);
  await admin.locator('#act-page').waitFor();
  await admin.locator('#act-title').filter({ hasText: TITLE }).waitFor();
  await admin.locator('#act-number').filter({ hasText: NUMBER }).waitFor();
  await admin.locator('#act-date').filter({ hasText: DATE_UA }).waitFor();
  actId = Number(new URL(admin.url()).pathname.split('/').pop());
  assert.ok(actId > 0, `act id in ${admin.url()}`);
});

/** Fills the form's required fields (kind by its visible name). */
async function fillAct(page, { kind = 'Рішення сесії міської ради', number, date, title }) {
  await page.click('#act-kind input');
  await page.fill('#act-kind input', kind.slice(0, 12));
  await page.locator('vaadin-combo-box-item').filter({ hasText: kind }).click();
  await page.fill('#act-number input', number);
  await page.fill('#act-date input', date);
  await page.press('#act-date input', 'Enter');
  await page.fill('#act-title textarea', title);
}

test('the form refuses the same kind, number and date, naming the act already registered', async () => {
  await menuItem(admin, 'docs/new').click();
  await admin.locator('#act-form').waitFor();
  // the same number written another way is the same number
  await fillAct(admin, { number: '812', date: DATE_UA, title: 'Копія рішення про програму' });
  await admin.click('#act-save');
  const numberField = admin.locator('#act-number[invalid]');
  await numberField.waitFor();
  const message = await admin.locator('#act-number [slot="error-message"]').innerText();
  assert.match(message, /уже є в реєстрі/);
  assert.ok(message.includes(TITLE), `names the existing act: ${message}`);
  assert.equal(await admin.locator('#act-page').count(), 0, 'nothing saved, the form stays');
});

test('a file removed in the upload list is not saved; the limit is shown and named', async () => {
  await menuItem(admin, 'docs/new').click();
  await admin.locator('#act-form').waitFor();
  assert.match(await admin.locator('#act-files-limit').innerText(), /20 МБ/);
  // a file over the limit is refused at once, by name and with the limit
  const big = path.join(work, 'velykyi-dodatok.txt');
  fs.writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 'a'));
  await admin.setInputFiles('#act-files input[type=file]', big);
  await admin.locator('#act-file-error').filter({ hasText: '«velykyi-dodatok.txt» не прийнято' })
    .filter({ hasText: '20 МБ' }).waitFor();

  // another year than the first act's: the year counts further on stay as they were
  await fillAct(admin, { number: '813', date: '10.01.2024', title: 'Про зміни до програми інформатизації' });
  const fake = path.join(work, 'ne-pdf.pdf');
  fs.writeFileSync(fake, 'це зовсім не PDF');
  await admin.setInputFiles('#act-files input[type=file]', [htmlFile, fake]);
  await admin.locator('.act-new-file').filter({ hasText: 'ne-pdf.pdf' }).waitFor();
  await admin.locator('.act-new-file').filter({ hasText: 'rishennia-812.html' }).waitFor();
  // removed in the upload's own list: gone from the form's list too, so the save does not trip on it
  await admin.locator('#act-files vaadin-upload-file').filter({ hasText: 'ne-pdf.pdf' })
    .locator('[part="remove-button"]').click();
  await until('the removed file left the form', async () => (await admin.locator('.act-new-file').count()) === 1);
  await admin.click('#act-save');
  await admin.waitForURL(/\/docs\/act\/\d+$/);
  await admin.locator('.act-file-download').filter({ hasText: 'rishennia-812.html' }).waitFor();
  assert.equal(await admin.locator('.act-file-download').count(), 1);
});

test('the act is found by an inflected keyword with a highlight', async () => {
  await admin.goto(portal.url + 'docs');
  await admin.locator('#docs-view').waitFor();
  await searchFor(admin, 'програми інформатизації');
  await hit(admin, actId).locator('mark').first().waitFor();
  const marks = await hit(admin, actId).locator('mark').allTextContents();
  assert.ok(marks.some(m => /інформатизац/i.test(m)), `highlighted: ${marks}`);
  await admin.locator('#docs-summary').filter({ hasText: 'Знайдено' }).waitFor();
  await shot(admin, 'search');
});

test('the act is found by number, and by number with date', async () => {
  await searchFor(admin, '812');
  await hit(admin, actId).waitFor();
  await searchFor(admin, `${NUMBER} від ${DATE_UA}`);
  await hit(admin, actId).waitFor();
  await searchFor(admin, 'неіснуючийтермінхххх');
  await admin.locator('#docs-empty').filter({ hasText: 'нічого не знайдено' }).waitFor();
});

test('a date typed in the box filters by date; convocation and tag filters keep or drop the act', async () => {
  await searchFor(admin, `інформатизація від ${DATE_UA}`);
  await hit(admin, actId).waitFor();
  // the page says what became a filter, so the narrower results are not a surprise
  await admin.locator('#docs-typed-date').filter({ hasText: `Дату «${DATE_UA}» застосовано як фільтр` }).waitFor();
  await searchFor(admin, 'інформатизація березень 2025');
  await hit(admin, actId).waitFor();
  await searchFor(admin, 'інформатизація 2019');
  await admin.locator('#docs-empty').waitFor();
  await searchFor(admin, 'інформатизація');
  await hit(admin, actId).waitFor();
  assert.equal(await admin.locator('#docs-typed-date').isVisible(), false, 'no date typed, no notice');
  await admin.fill('#docs-convocation input', '7');
  await admin.press('#docs-convocation input', 'Enter');
  await admin.locator('#docs-empty').waitFor();
  await admin.fill('#docs-convocation input', '8');
  await admin.press('#docs-convocation input', 'Enter');
  await hit(admin, actId).waitFor();
  // a tag the act lacks empties the list, its own tag (another case) brings it back
  await admin.fill('#docs-tags input', 'бюджет');
  await admin.press('#docs-tags input', 'Enter');
  await admin.locator('#docs-empty').waitFor();
  await admin.fill('#docs-tags input', 'іт');
  await admin.press('#docs-tags input', 'Enter');
  await hit(admin, actId).waitFor();
  await admin.click('#docs-reset');
  await hit(admin, actId).waitFor();
});

test('the year filter shows its count and keeps the act', async () => {
  await searchFor(admin, 'інформатизація');
  await hit(admin, actId).waitFor();
  const year = admin.locator('#docs-year vaadin-checkbox').filter({ hasText: '2025' });
  await year.filter({ hasText: '(1)' }).waitFor();
  // one click: answers update the counts of the same check boxes (FacetFilter keeps them)
  await year.click();
  const checked = admin.locator('#docs-year vaadin-checkbox[checked]');
  await checked.waitFor();
  assert.match(await checked.innerText(), /2025/);
  await hit(admin, actId).waitFor();
  await shot(admin, 'year-filter');
  // a date range that excludes the act leaves nothing
  await admin.fill('#docs-from input', '01.01.2026');
  await admin.press('#docs-from input', 'Enter');
  await admin.locator('#docs-empty').waitFor();
  assert.equal(await hit(admin, actId).count(), 0);
  await admin.click('#docs-reset');
  await hit(admin, actId).waitFor();
});

test('the act page opens from the results and its file downloads', async () => {
  await hit(admin, actId).locator('a.docsearch-hit-title').click();
  await admin.locator('#act-page').waitFor();
  await admin.waitForURL(new RegExp(`/docs/act/${actId}$`));
  await admin.locator('#act-edit').waitFor();
  await admin.locator('#act-delete').waitFor();
  await shot(admin, 'act-page');
  const [download] = await Promise.all([
    admin.waitForEvent('download'),
    admin.locator('.act-file-download').first().click(),
  ]);
  assert.equal(download.suggestedFilename(), 'rishennia-812.html');
  const body = fs.readFileSync(await download.path(), 'utf8');
  assert.match(body, /програму інформатизації/);

  // editing keeps the file and the other fields, and changes what was changed
  await admin.click('#act-edit');
  await admin.locator('#act-form').waitFor();
  await admin.waitForURL(new RegExp(`/docs/edit/${actId}$`));
  assert.equal(await admin.inputValue('#act-number input'), NUMBER);
  await admin.fill('#act-session input', '45');
  await admin.click('#act-save');
  await admin.locator('#act-page').waitFor();
  await admin.locator('#act-session').filter({ hasText: '45' }).waitFor();
  await admin.locator('.act-file-download').filter({ hasText: 'rishennia-812.html' }).waitFor();
});

test('two employees edit the act: the later save is refused and offers the current version', async () => {
  const other = await admin.context().newPage();
  try {
    await admin.goto(portal.url + `docs/edit/${actId}`);
    await admin.locator('#act-form').waitFor();
    await other.goto(portal.url + `docs/edit/${actId}`);
    await other.locator('#act-form').waitFor();
    await other.fill('#act-session input', '46');
    await other.click('#act-save');
    await other.locator('#act-session').filter({ hasText: '46' }).waitFor();

    await admin.fill('#act-convocation input', '9');
    await admin.click('#act-save');
    // the dialog's host stays hidden; its text and buttons show in the overlay
    await admin.locator('#edit-conflict-reload').waitFor();
    assert.match(await admin.locator('vaadin-confirm-dialog-overlay').innerText(), /змінив або видалив інший працівник/);
    assert.equal(await admin.locator('#act-page').count(), 0);
    await admin.click('#edit-conflict-reload');
    await until('the form shows the saved session', async () => (await admin.inputValue('#act-session input')) === '46');
    assert.equal(await admin.inputValue('#act-convocation input'), '8', 'the stale change was not saved');
    await admin.click('#act-save');
    await admin.locator('#act-page').waitFor();
  } finally {
    await other.close();
  }
});

test('a filter date that cannot be read says why', async () => {
  await admin.goto(portal.url + 'docs');
  await admin.locator('#docs-view').waitFor();
  await admin.fill('#docs-from input', '31.13.2025');
  await admin.press('#docs-from input', 'Enter');
  await admin.locator('#docs-from[invalid]').waitFor();
  assert.match(await admin.locator('#docs-from [slot="error-message"]').innerText(), /дд\.мм\.рррр/);
  await admin.click('#docs-reset');
});

test('the global search box finds the act', async () => {
  await admin.fill('#global-search input', 'програми інформатизації');
  await admin.press('#global-search input', 'Enter');
  await admin.locator('vaadin-dialog-overlay').getByText(TITLE).first().waitFor();
  await admin.keyboard.press('Escape');
});

test('a ZIP with metadata.csv is imported with progress and a per-row report', async () => {
  const dir = fs.mkdtempSync(path.join(work, 'zip-'));
  fs.writeFileSync(path.join(dir, 'polozhennia.txt'),
    'Положення про порядок ведення реєстру відкритих даних міської ради.');
  fs.writeFileSync(path.join(dir, 'dodatok.txt'), 'Додаток: перелік наборів відкритих даних.');
  // the format docs/docsearch.md shows: ';' between columns, a multi-value cell quoted
  fs.writeFileSync(path.join(dir, 'metadata.csv'), [
    'file;kind;number;date;title;issuing_body;status;convocation;session;tags',
    '"polozhennia.txt;dodatok.txt";regulation;77/2024;12.02.2024;Положення про реєстр відкритих даних;Виконавчий комітет;чинний;;;"дані;реєстр"',
    'missing.txt;regulation;78/2024;13.02.2024;Документ без файлу;Виконавчий комітет;чинний;;;',
  ].join('\n'));
  const zip = path.join(work, 'import.zip');
  execFileSync('jar', ['cfM', zip, '-C', dir, '.']);
  await menuItem(admin, 'docs/import').click();
  await admin.locator('#import-view').waitFor();
  await admin.setInputFiles('#import-upload input[type=file]', zip);
  await admin.locator('#import-start:not([disabled])').waitFor();
  await admin.click('#import-start');
  await admin.locator('#import-status').filter({ hasText: 'Імпорт завершено' }).waitFor({ timeout: 30_000 });
  await admin.locator('#import-status').filter({ hasText: 'створено 1, з помилками 1' }).waitFor();
  await admin.locator('#import-report').getByText('missing.txt', { exact: true }).waitFor();
  await shot(admin, 'import');
  const found = await (await fetch(`${portal.url}api/documents/search?q=${encodeURIComponent('реєстру відкритих даних')}`)).json();
  assert.ok(found.hits.some(h => h.number === '77/2024'), 'the imported act is searchable');
  const imported = await (await fetch(`${portal.url}api/documents/${found.hits.find(h => h.number === '77/2024').id}`)).json();
  assert.equal(imported.files.length, 2, 'both files of the quoted cell');

  // the same archive again: nothing is created twice, the row leads to the act already there
  await admin.locator('#import-start:not([disabled])').waitFor();
  await admin.click('#import-start');
  await admin.locator('#import-status').filter({ hasText: 'створено 0, з помилками 2' }).waitFor({ timeout: 30_000 });
  await admin.locator('#import-report').getByText('Такий документ уже є в реєстрі', { exact: false }).first().waitFor();
  const again = await (await fetch(`${portal.url}api/documents/search?q=${encodeURIComponent('77/2024')}`)).json();
  assert.equal(again.total, 1, 'still one act with that number');
});

test('residents find and open the act on the public page without signing in', async () => {
  const page = await (await browser.newContext({ locale: 'uk-UA' })).newPage();
  await page.goto(portal.url + 'dokumenty');
  await page.locator('#public-docs-view').waitFor();
  assert.equal(await page.locator('vaadin-login-form').count(), 0);
  await searchFor(page, 'програми інформатизації');
  await hit(page, actId).locator('a.docsearch-hit-title').click();
  await page.locator('#act-page').waitFor();
  await page.waitForURL(new RegExp(`/dokumenty/${actId}$`));
  await page.locator('#act-title').filter({ hasText: TITLE }).waitFor();
  await page.locator('.act-file-download').first().waitFor();
  assert.equal(await page.locator('#act-edit, #act-delete').count(), 0, 'no edit buttons for residents');
  await shot(page, 'public-act');
  // the employees' page is still closed to them
  await page.goto(portal.url + `docs/act/${actId}`);
  await page.locator('vaadin-login-form').waitFor();
  await page.context().close();
});

test('on a phone (390 px) the public search fits, keeps its search in the address, and Back restores it', async () => {
  const context = await browser.newContext({ locale: 'uk-UA', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const overflow = () => page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
  try {
    await page.goto(portal.url + 'dokumenty');
    await page.locator('#public-docs-view').waitFor();
    await searchFor(page, 'програми інформатизації');
    await hit(page, actId).waitFor();
    await shot(page, 'public-phone');
    assert.ok(await overflow() <= 390, `page width ${await overflow()} px at 390`);
    // the results come before the filters on a narrow screen
    const results = await page.locator('#docs-main').boundingBox();
    const filters = await page.locator('#docs-filters').boundingBox();
    assert.ok(results.y < filters.y, 'results above the filters');
    await until('the address has the words', async () => new URL(page.url()).searchParams.get('q') === 'програми інформатизації');

    const year = page.locator('#docs-year vaadin-checkbox').filter({ hasText: '2025' });
    await year.click();
    await page.locator('#docs-year vaadin-checkbox[checked]').waitFor();
    await until('the address has the filter', async () => new URL(page.url()).searchParams.get('year') === '2025');
    const filtered = new URL(page.url());

    // a link to the search shows the same search
    const copy = await context.newPage();
    await copy.goto(filtered.href);
    await copy.locator('#docs-year vaadin-checkbox[checked]').filter({ hasText: '2025' }).waitFor();
    assert.equal(await copy.inputValue('#docs-q input'), 'програми інформатизації');
    await hit(copy, actId).waitFor();
    await copy.close();

    await page.goBack();
    await until('Back restores the search without the filter', async () =>
      !new URL(page.url()).searchParams.has('year') && (await page.locator('#docs-year vaadin-checkbox[checked]').count()) === 0);
    assert.equal(await page.inputValue('#docs-q input'), 'програми інформатизації');

    // the act's page: fits, and its file is the API's stable address
    await hit(page, actId).locator('a.docsearch-hit-title').click();
    await page.locator('#act-page').waitFor();
    assert.ok(await overflow() <= 390, `act page width ${await overflow()} px at 390`);
    const href = await page.locator('.act-file-download').first().getAttribute('href');
    assert.match(href, new RegExp(`^api/documents/${actId}/files/\\d+$`));
    const file = await fetch(new URL(href, portal.url));
    assert.equal(file.status, 200, 'the link works without the page\'s session');
  } finally {
    await context.close();
  }
});

test('GET /api/documents/search, the act and its file', async () => {
  const q = encodeURIComponent('програми інформатизації');
  const res = await fetch(`${portal.url}api/documents/search?q=${q}&year=2025&limit=5`);
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.ok(body.total >= 1);
  const found = body.hits.find(h => h.id === actId);
  assert.ok(found, 'the act is in the hits');
  assert.equal(found.number, NUMBER);
  assert.equal(found.date, DATE_ISO);
  assert.match(found.snippet ?? '', /<mark>/);
  assert.ok(body.facets.year.some(f => f.value === '2025' && f.count >= 1));
  assert.equal(typeof body.tookMillis, 'number');

  for (const bad of ['limit=1000', 'from=14.03.2025', 'sort=title', 'year=25', 'status=valid']) {
    const r = await fetch(`${portal.url}api/documents/search?${bad}`);
    assert.equal(r.status, 400, bad);
    const err = (await r.json()).error;
    assert.equal(err.status, 400);
    assert.doesNotMatch(JSON.stringify(err), /Exception|at ua\./);
  }

  const act = await (await fetch(`${portal.url}api/documents/${actId}`)).json();
  assert.equal(act.title, TITLE);
  assert.equal(act.files.length, 1);
  const file = await fetch(new URL(act.files[0].url, portal.url));
  assert.equal(file.status, 200);
  assert.match(file.headers.get('content-type'), /text\/html/);
  assert.match(file.headers.get('content-disposition'), /attachment; filename="rishennia-812\.html"/);
  assert.match(await file.text(), /програму інформатизації/);
  assert.equal((await fetch(`${portal.url}api/documents/999999`)).status, 404);
});

test('POST /api/documents: 401 without key or session, 201 with a session or the API key, 409 for the same act again, 400 for a fake PDF', async () => {
  const metadata = (number, title) => JSON.stringify({
    kind: 'mayor-order', number, date: '2025-05-20', title, issuingBody: 'Полтавський міський голова',
    status: 'IN_FORCE', tags: ['api'],
  });
  const text = 'Розпорядження про організацію прийому громадян у центрі надання адміністративних послуг.';

  const form = new FormData();
  form.append('metadata', metadata('123-р', 'Про прийом громадян'));
  form.append('file', new Blob([text], { type: 'text/plain' }), 'rozporiadzhennia.txt');
  const anonymous = await fetch(`${portal.url}api/documents`, { method: 'POST', body: form });
  assert.equal(anonymous.status, 401);
  assert.equal((await anonymous.json()).error.status, 401);
  const wrongKey = await fetch(`${portal.url}api/documents`, { method: 'POST', body: form, headers: { 'X-API-Key': 'guess' } });
  assert.equal(wrongKey.status, 401);

  const request = admin.context().request;
  const created = await request.post(`${portal.url}api/documents`, {
    multipart: {
      metadata: metadata('123-р', 'Про прийом громадян'),
      file: { name: 'rozporiadzhennia.txt', mimeType: 'text/plain', buffer: Buffer.from(text) },
    },
  });
  const createdBody = await created.text();
  assert.equal(created.status(), 201, createdBody);
  const act = JSON.parse(createdBody);
  assert.equal(act.title, 'Про прийом громадян');
  assert.equal(act.files[0].fileName, 'rozporiadzhennia.txt');
  const search = await (await fetch(`${portal.url}api/documents/search?q=${encodeURIComponent('прийому громадян')}`)).json();
  assert.ok(search.hits.some(h => h.id === act.id), 'the posted act is searchable');
  // the same act sent again (a system retrying): 409 naming the act already registered, nothing added
  const again = await request.post(`${portal.url}api/documents`, {
    multipart: {
      metadata: metadata('№ 123-р', 'Про прийом громадян (повторно)'),
      file: { name: 'rozporiadzhennia.txt', mimeType: 'text/plain', buffer: Buffer.from(text) },
    },
  });
  assert.equal(again.status(), 409);
  const duplicate = (await again.json()).error;
  assert.equal(duplicate.code, 'duplicate');
  assert.equal(duplicate.existingId, act.id);
  assert.match(duplicate.message, /уже є в реєстрі.*Про прийом громадян/);

  const fake = await request.post(`${portal.url}api/documents`, {
    multipart: {
      metadata: metadata('999-фейк', 'Підроблений документ'),
      file: { name: 'not-really.pdf', mimeType: 'application/pdf', buffer: Buffer.from('це зовсім не PDF') },
    },
  });
  assert.equal(fake.status(), 400);
  const error = (await fake.json()).error;
  assert.equal(error.code, 'validation');
  assert.ok(error.fields.file, JSON.stringify(error));
  assert.match(error.fields.file.message, /[а-яіїєґ]/i, 'a Ukrainian reason');
  const none = await (await fetch(`${portal.url}api/documents/search?q=${encodeURIComponent('999-фейк')}`)).json();
  assert.equal(none.total, 0, 'nothing saved');

  // a document-management system with the API key from etc/ua.hromada.docsearch.api.cfg (read at run time)
  fs.writeFileSync(path.join(portal.home, 'etc/ua.hromada.docsearch.api.cfg'), 'api.key = e2e-secret-key-0123456789\n');
  // the configuration arrives through file install and Config Admin: poll until the key is taken
  const withKey = await until('the API key from the config accepted', async () => {
    const keyed = new FormData();
    keyed.append('metadata', metadata('124-р', 'Про графік прийому громадян'));
    keyed.append('file', new Blob([text], { type: 'text/plain' }), 'hrafik.txt');
    const res = await fetch(`${portal.url}api/documents`, {
      method: 'POST', body: keyed, headers: { 'X-API-Key': 'e2e-secret-key-0123456789' },
    });
    return res.status !== 401 ? res : null;
  }, { timeoutMs: 10_000 });
  const keyedBody = await withKey.text();
  assert.equal(withKey.status, 201, keyedBody);
  assert.equal(JSON.parse(keyedBody).number, '124-р');

  const badJson = await request.post(`${portal.url}api/documents`, {
    multipart: { metadata: '{oops', file: { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from(text) } },
  });
  assert.equal(badJson.status(), 400);
  assert.ok((await badJson.json()).error.fields.metadata);
});

/**
 * A scan as a scanner makes it: Ukrainian text rendered by the browser at about 300 dpi into a PNG,
 * printed as a PDF whose only content is that image (no text layer).
 */
async function scannedPdf(lines) {
  const context = await browser.newContext({ deviceScaleFactor: 3, viewport: { width: 794, height: 400 } });
  try {
    const page = await context.newPage();
    await page.setContent(`<body style="margin:48px;font:22px 'DejaVu Sans',sans-serif;background:#fff;color:#000">${
      lines.map(l => `<p>${l}</p>`).join('')}</body>`);
    const png = await page.screenshot({ fullPage: true });
    await page.setContent(`<body style="margin:0"><img style="width:100%" src="data:image/png;base64,${png.toString('base64')}"></body>`);
    return await page.pdf({ format: 'A4', printBackground: true });
  } finally {
    await context.close();
  }
}

test('a scanned PDF is read by OCR in the background: the act is found by a word of the scan and marked', async () => {
  const pdf = await scannedPdf(['РІШЕННЯ', 'Про капітальний ремонт міської бібліотеки', 'на вулиці Соборності']);
  const created = await admin.context().request.post(`${portal.url}api/documents`, {
    multipart: {
      metadata: JSON.stringify({ kind: 'executive-decision', number: '77-скан', date: '2025-02-03',
        title: 'Рішення виконавчого комітету (скан)', status: 'IN_FORCE' }),
      file: { name: 'skan.pdf', mimeType: 'application/pdf', buffer: pdf },
    },
  });
  const body = await created.text();
  assert.equal(created.status(), 201, body);
  const act = JSON.parse(body);
  assert.equal(act.files[0].extraction, 'OCR_QUEUED', 'no text layer: waits for OCR');
  // the job reads the page in seconds; the act's file says when it is done
  await until('the scan is read', async () => {
    const now = await (await fetch(`${portal.url}api/documents/${act.id}`)).json();
    return now.files[0].extraction === 'OCR';
  });
  await admin.goto(`${portal.url}docs/act/${act.id}`);
  await admin.locator('#act-page [data-extraction="OCR"]').filter({ hasText: 'Текст розпізнано OCR' }).waitFor();
  await shot(admin, 'act-ocr');
  await admin.goto(`${portal.url}docs`);
  await admin.locator('#docs-results').waitFor({ state: 'attached' });
  await until('the scan is indexed', async () => {
    await searchFor(admin, 'бібліотека Соборності');
    return await hit(admin, act.id).count() > 0;
  });
});

test('in English the kinds of documents are English: results, filter, act page, form, header search, public search', async () => {
  // a session of its own: the language is chosen per session in the user menu
  const page = await (await browser.newContext({ locale: 'uk-UA' })).newPage();
  const { username, password } = portal.admin();
  await signIn(page, portal, username, password);
  await page.locator('#dashboard').waitFor();
  await page.click('#user-menu vaadin-menu-bar-button');
  await page.getByText('Мова').click();
  await page.getByText('English').click();
  await page.getByText('Welcome, ').first().waitFor();

  await page.goto(portal.url + 'docs');
  await page.locator('#docs-view').waitFor();
  await searchFor(page, 'програми інформатизації');
  await hit(page, actId).locator('.docsearch-hit-meta').filter({ hasText: /^City council decision · / }).waitFor();
  await page.locator('#docs-kind vaadin-checkbox').filter({ hasText: 'City council decision' }).waitFor();
  assert.equal(await page.locator('#docs-kind vaadin-checkbox').filter({ hasText: 'Рішення' }).count(), 0,
    'no Ukrainian kind in the filter');

  await hit(page, actId).locator('a.docsearch-hit-title').click();
  await page.locator('#act-kind').filter({ hasText: /^City council decision$/ }).waitFor();

  await page.goto(portal.url + 'docs/new');
  await page.locator('#act-form').waitFor();
  // the whole list, opened by its toggle
  await page.click('#act-kind [part="toggle-button"]');
  const items = page.locator('vaadin-combo-box-item:not([hidden])');
  await items.first().waitFor();
  const offered = (await items.allInnerTexts()).map(t => t.trim());
  assert.ok(offered.includes('City council decision') && offered.includes("Mayor's order"), JSON.stringify(offered));
  assert.deepEqual(offered.filter(t => /[А-Яа-яІіЇїЄєҐґ]/.test(t)), [], 'no Ukrainian kind in the form');
  await page.keyboard.press('Escape');

  await page.fill('#global-search input', 'програми інформатизації');
  await page.press('#global-search input', 'Enter');
  await page.locator('vaadin-dialog-overlay').getByText(/^City council decision, /).first().waitFor();
  await page.keyboard.press('Escape');

  // the public page in the same session
  await page.goto(portal.url + 'dokumenty');
  await page.locator('#public-docs-view').waitFor();
  await searchFor(page, 'програми інформатизації');
  await hit(page, actId).locator('.docsearch-hit-meta').filter({ hasText: /^City council decision · / }).waitFor();
  await page.context().close();
});

test('the portal log has no errors from the document search module', async () => {
  // the platform's own start-up is checked by platform.test.mjs; here only this module's entries count
  assert.deepEqual(portal.logErrors(/docsearch|\/api\/documents/), []);
});
