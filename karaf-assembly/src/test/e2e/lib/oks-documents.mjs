// Steps of the OKS documents (warning, protocol) that several test files take on a violation's card:
// issue the awaited document in its dialog, read a PDF's text, attach the signed scan back.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

/** Picks an item of a Vaadin combo box by typing part of its text. */
export async function choose(page, selector, text) {
  await page.click(`${selector} input`);
  await page.fill(`${selector} input`, text);
  await page.locator('vaadin-combo-box-item:not([hidden])').filter({ hasText: text }).first().click();
}

/** The text of a PDF the click downloads, by poppler's pdftotext, its whitespace made single spaces. */
export async function pdfText(page, selector) {
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = await pdf.path();
  assert.equal(fs.readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-');
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/**
 * Opens the card's dialog of the document awaited (the documents panel's one "Скласти документ") and
 * fills the violator — kind 'Організація' (code = ЄДРПОУ) or 'Фізична особа' (code = РНОКПП) — and the
 * article; the caller saves (#oks-doc-save) and sees the answer.
 */
export async function fillIssueDialog(page, { kind, name, code, address, article }) {
  await page.locator('[id^="oks-doc-issue-"]').click();
  await page.locator('#oks-doc-violator-name').waitFor(); // the dialog's overlay is open
  await page.locator('#oks-doc-violator-kind vaadin-radio-button').filter({ hasText: kind }).click();
  await page.fill('#oks-doc-violator-name input', name);
  await page.fill('#oks-doc-violator-code input', code);
  await page.fill('#oks-doc-violator-address input', address);
  await choose(page, '#oks-doc-article', article);
}

/** After a save: the registered number the panel shows and the issued document's id. */
export async function issuedDocument(page) {
  const number = page.locator('[id^="oks-doc-number-"]');
  await number.waitFor();
  return { number: await number.innerText(), id: (await number.getAttribute('id')).replace('oks-doc-number-', '') };
}

/** Attaches the signed copy to an issued document and downloads it back from the card. */
export async function attachScan(page, docId) {
  await page.setInputFiles(`#oks-doc-scan-upload-${docId} input[type=file]`,
    { name: 'pidpysano.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% signed copy\n%%EOF\n') });
  const scan = page.locator(`#oks-doc-scan-${docId}`);
  await scan.waitFor();
  assert.match(await scan.innerText(), /Підписана копія: pidpysano\.pdf/);
  const [copy] = await Promise.all([page.waitForEvent('download'), scan.click()]);
  assert.equal(fs.readFileSync(await copy.path()).subarray(0, 5).toString('latin1'), '%PDF-');
}
