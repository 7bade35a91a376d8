// Acts of document search that a test's legal-basis pickers (LegalActField) then choose.
import assert from 'node:assert/strict';

/**
 * Adds an act through POST /api/documents with a short text file, as the signed-in user of `page`
 * (one who may edit documents, e.g. the portal administrator); returns the created act ({ id, ... }).
 */
export async function addAct(page, portal, { kind = 'council-decision', number, date, title, text }) {
  const created = await page.context().request.post(`${portal.url}api/documents`, {
    multipart: {
      metadata: JSON.stringify({ kind, number, date, title, status: 'IN_FORCE' }),
      file: { name: 'akt.txt', mimeType: 'text/plain', buffer: Buffer.from(text ?? title) },
    },
  });
  assert.equal(created.status(), 201, await created.text());
  return created.json();
}

/**
 * Picks an act in a legal-basis picker (LegalActField with the given id) by typing words of it and
 * choosing the item that shows `label` («№ 790 від 26.04.2024 — …»); waits for the act's link.
 */
export async function pickAct(page, fieldId, words, label, actId) {
  await page.locator(`#${fieldId}-input input`).fill(words);
  await page.locator('vaadin-combo-box-item:not([hidden])', { hasText: label }).first().click();
  await page.locator(`#${fieldId}-link[href="dokumenty/${actId}"]`).waitFor();
}

/** The act's page of document search lists `text` among the records that refer to it. */
export async function actListsReference(page, portal, actId, text) {
  await page.goto(`${portal.url}docs/act/${actId}`);
  await page.locator('#act-references a.act-reference', { hasText: text }).first().waitFor();
}
