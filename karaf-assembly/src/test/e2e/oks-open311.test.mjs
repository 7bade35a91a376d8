// OKS Open311 GeoReport v2 end to end: the booted portal answers the resident-app API in XML and
// JSON (field names of wiki.open311.org/GeoReport_v2), takes a report with the API key from
// etc/ua.hromada.oks.open311.cfg into the workflow as "Виявлено порушення" without an executor,
// reads it back in both formats without the reporter's contacts, and refuses bad calls with the
// spec's error documents: 403 without a key, 400 for malformed input, 404 for an unknown request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { Portal, until, fromModule } from './lib/portal.mjs';

// the shipped config has no key (POST refused for everyone); an installation adds one per app.
// The second entry is a placeholder, which must never be accepted.
const apiKey = crypto.randomBytes(32).toString('hex');
const PLACEHOLDER = 'CHANGE-ME-open311-placeholder-key';
const portal = new Portal({ port: 18481, database: 'hromada_e2e_oks_open311',
  config: { 'ua.hromada.oks.open311.cfg': { apiKeys: `${apiKey}, ${PLACEHOLDER}` } } });
let api;      // http://127.0.0.1:18481/api/open311/v2/

// the spec's "Response" field lists
const SERVICE = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const REQUEST = ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description',
  'agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address',
  'lat', 'long']; // address_id, zipcode: no address register; media_url: no public media
const CREATED = ['service_request_id', 'service_notice', 'account_id'];
const ERROR = ['code', 'description'];
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

const REPORT = {
  service_code: 'trees', lat: '49.5890', long: '34.5520', address_string: 'вул. Соборності, 10',
  description: 'Гілля впало на тротуар — «небезпечно» & <терміново>', email: 'resident.e2e@example.org',
  first_name: 'Оксана', last_name: 'Мешканка', phone: '+380671112233', device_id: 'e2e-device-42',
};

/**
 * A flat GeoReport XML document: the declaration, the root, and for each entry element the
 * ordered child names with their text (entities decoded). Enough for these schemaless answers.
 */
function parseXml(text) {
  assert.match(text, /^<\?xml version="1\.0" encoding="utf-8"\?>/i, 'the XML declaration with UTF-8');
  const body = text.replace(/^<\?xml[^>]*\?>\s*/, '');
  const root = body.match(/^<([a-z_]+)>/)?.[1] ?? body.match(/^<([a-z_]+)\/>/)?.[1];
  assert.ok(root, `a root element in ${text}`);
  const inner = body.slice(root.length + 2, body.length - root.length - 3);
  const entries = [];
  const decode = s => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
  const entryRe = /<([a-z_]+)>(.*?)<\/\1>/gs;
  let m;
  while ((m = entryRe.exec(inner)) !== null) {
    const fields = new Map();
    const fieldRe = /<([a-z_]+)>(.*?)<\/\1>|<([a-z_]+)\/>/gs;
    let f;
    while ((f = fieldRe.exec(m[2])) !== null) {
      if (f[3]) fields.set(f[3], ''); else fields.set(f[1], decode(f[2]));
    }
    entries.push({ item: m[1], fields });
  }
  return { root, entries };
}

async function get(resource) {
  const res = await fetch(api + resource);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

async function post(resource, form) {
  const res = await fetch(api + resource, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** The spec's error document (XML or JSON) with the status; returns the Ukrainian description. */
function specError(answer, status, format) {
  assert.equal(answer.status, status, answer.text);
  if (format === 'json') {
    assert.match(answer.type, /^application\/json/);
    const body = JSON.parse(answer.text);
    assert.ok(Array.isArray(body) && body.length === 1, answer.text);
    assert.deepEqual(Object.keys(body[0]), ERROR);
    assert.equal(body[0].code, status);
    assert.match(body[0].description, /[А-Яа-яІіЇїЄєҐґ]/, 'a Ukrainian description');
    return body[0].description;
  }
  assert.match(answer.type, /^text\/xml/);
  const xml = parseXml(answer.text);
  assert.equal(xml.root, 'errors');
  assert.equal(xml.entries.length, 1);
  assert.equal(xml.entries[0].item, 'error');
  assert.deepEqual([...xml.entries[0].fields.keys()], ERROR);
  assert.equal(xml.entries[0].fields.get('code'), String(status));
  const description = xml.entries[0].fields.get('description');
  assert.match(description, /[А-Яа-яІіЇїЄєҐґ]/, 'a Ukrainian description');
  assert.doesNotMatch(description, /Exception|open311\.error/);
  return description;
}

before(async () => {
  await portal.start();
  api = `${portal.url}api/open311/v2/`;
  // health says UP once Karaf has started the boot features, hromada-oks with this servlet among
  // them: it answers at once or the feature is broken
  try {
    await until('the Open311 API answers services.json', async () => {
      const res = await fetch(api + 'services.json');
      return res.status === 200 && (res.headers.get('content-type') ?? '').startsWith('application/json');
    }, { timeoutMs: 30_000 });
  } catch (e) {
    throw new Error(`${e.message}\n${await portal.diagnose()}`);
  }
});

after(async () => {
  await portal.stop();
});

test('services: the violation types in XML and JSON, with the spec\'s fields', async () => {
  const xmlAnswer = await get('services.xml');
  assert.equal(xmlAnswer.status, 200);
  assert.match(xmlAnswer.type, /^text\/xml;\s*charset=utf-8/i);
  const xml = parseXml(xmlAnswer.text);
  assert.equal(xml.root, 'services');
  assert.ok(xml.entries.length > 0);
  for (const e of xml.entries) {
    assert.equal(e.item, 'service');
    assert.deepEqual([...e.fields.keys()], SERVICE);
    assert.equal(e.fields.get('metadata'), 'false');
    assert.equal(e.fields.get('type'), 'realtime');
  }
  const trees = xml.entries.find(e => e.fields.get('service_code') === 'trees');
  assert.ok(trees, 'the seeded type "trees" is a service');
  // the group comes from the UTF-8 config file
  assert.equal(trees.fields.get('group'), 'Благоустрій');

  const jsonAnswer = await get('services.json');
  assert.equal(jsonAnswer.status, 200);
  assert.match(jsonAnswer.type, /^application\/json;\s*charset=utf-8/i);
  const json = JSON.parse(jsonAnswer.text);
  assert.deepEqual(json.map(s => s.service_code), xml.entries.map(e => e.fields.get('service_code')));
  for (const s of json) {
    assert.deepEqual(Object.keys(s), SERVICE);
    assert.equal(s.metadata, false);
  }
  assert.equal(json.find(s => s.service_code === 'trees').service_name, trees.fields.get('service_name'));

  const definition = await get('services/trees.json');
  assert.equal(definition.status, 200);
  assert.deepEqual(JSON.parse(definition.text), { service_code: 'trees', attributes: [] });
  const definitionXml = await get('services/trees.xml');
  assert.match(definitionXml.text, /<service_definition><service_code>trees<\/service_code><attributes\/><\/service_definition>$/);
  specError(await get('services/no-such-type.xml'), 404, 'xml');
});

test('the discovery document names this endpoint with the shipped contact texts', async () => {
  const answer = await get('discovery.json');
  assert.equal(answer.status, 200);
  const d = JSON.parse(answer.text);
  assert.deepEqual(Object.keys(d), ['changeset', 'contact', 'key_service', 'endpoints']);
  assert.match(d.contact, /цифрового розвитку/);
  assert.equal(d.endpoints.length, 1);
  const [endpoint] = d.endpoints;
  assert.equal(endpoint.url, api.replace(/\/$/, ''));
  assert.equal(endpoint.type, 'production');
  assert.deepEqual(endpoint.formats, ['text/xml', 'application/json']);
  assert.ok(Date.parse(d.changeset) <= Date.now());
  const xml = await get('discovery.xml');
  assert.equal(xml.status, 200);
  assert.match(xml.text, /<discovery><changeset>[^<]+<\/changeset><contact>[^<]+<\/contact>/);
  assert.match(xml.text, /<formats><format>text\/xml<\/format><format>application\/json<\/format><\/formats>/);
});

test('a resident\'s report with the configured key enters the workflow and reads back in both formats', async () => {
  const created = await post('requests.json', { api_key: apiKey, jurisdiction_id: 'rada-poltava.gov.ua', ...REPORT });
  assert.equal(created.status, 200, created.text);
  const answer = JSON.parse(created.text);
  assert.equal(answer.length, 1);
  assert.deepEqual(Object.keys(answer[0]), CREATED);
  const id = answer[0].service_request_id;
  assert.ok(Number.isInteger(id) && id > 0);
  assert.match(answer[0].service_notice, /Виявлено порушення/);
  assert.equal(answer[0].account_id, null);

  const xmlAnswer = await get(`requests/${id}.xml`);
  assert.equal(xmlAnswer.status, 200);
  const xml = parseXml(xmlAnswer.text);
  assert.equal(xml.root, 'service_requests');
  assert.equal(xml.entries.length, 1, 'a one-element list');
  assert.equal(xml.entries[0].item, 'request');
  const r = xml.entries[0].fields;
  assert.deepEqual([...r.keys()], REQUEST);
  assert.equal(r.get('service_request_id'), String(id));
  assert.equal(r.get('status'), 'open');
  assert.equal(r.get('status_notes'), 'Виявлено порушення');
  assert.equal(r.get('service_code'), 'trees');
  assert.equal(r.get('description'), REPORT.description);
  assert.equal(r.get('agency_responsible'), '', 'no executor yet');
  assert.equal(r.get('address'), REPORT.address_string);
  assert.equal(Number(r.get('lat')), 49.589);
  assert.equal(Number(r.get('long')), 34.552);
  for (const field of ['requested_datetime', 'updated_datetime', 'expected_datetime']) {
    assert.match(r.get(field), W3C, field);
  }
  assert.ok(Math.abs(Date.parse(r.get('requested_datetime')) - Date.now()) < 120_000, 'requested just now');
  assert.ok(Date.parse(r.get('expected_datetime')) > Date.now(), 'the deadline is ahead');

  const jsonAnswer = await get(`requests/${id}.json`);
  assert.equal(jsonAnswer.status, 200);
  const json = JSON.parse(jsonAnswer.text);
  assert.equal(json.length, 1);
  assert.deepEqual(Object.keys(json[0]), REQUEST);
  assert.equal(json[0].service_request_id, id);
  assert.equal(json[0].agency_responsible, null);
  for (const field of REQUEST) {
    const x = r.get(field);
    const j = json[0][field];
    assert.equal(j === null ? '' : String(j), field === 'lat' || field === 'long' ? String(Number(x)) : x, field);
  }
  for (const text of [xmlAnswer.text, jsonAnswer.text]) {
    for (const secret of [REPORT.email, REPORT.first_name, REPORT.last_name, REPORT.phone, REPORT.device_id, apiKey]) {
      assert.ok(!text.includes(secret), `${secret} must not be public`);
    }
  }

  // the list: in the default 90-day window, by status and by code
  const list = JSON.parse((await get('requests.json?status=open&service_code=trees')).text);
  assert.ok(list.some(x => x.service_request_id === id));
  const closed = JSON.parse((await get('requests.json?status=closed')).text);
  assert.ok(!closed.some(x => x.service_request_id === id));
  const byId = parseXml((await get(`requests.xml?service_request_id=${id}`)).text);
  assert.deepEqual(byId.entries.map(e => e.fields.get('service_request_id')), [String(id)]);

  // the same report in XML answers in XML
  const createdXml = await post('requests.xml', { api_key: apiKey, ...REPORT });
  assert.equal(createdXml.status, 200, createdXml.text);
  const createdDoc = parseXml(createdXml.text);
  assert.equal(createdDoc.root, 'service_requests');
  assert.deepEqual([...createdDoc.entries[0].fields.keys()], CREATED);
  assert.notEqual(createdDoc.entries[0].fields.get('service_request_id'), String(id));
});

test('without a valid api_key nothing is registered: 403', async () => {
  const before = JSON.parse((await get('requests.json')).text).length;
  assert.match(specError(await post('requests.xml', REPORT), 403, 'xml'), /api_key/);
  specError(await post('requests.json', { ...REPORT, api_key: 'not-a-key' }), 403, 'json');
  assert.equal(JSON.parse((await get('requests.json')).text).length, before);
});

test('malformed input is a 400, an unknown request a 404, in the spec\'s error format', async () => {
  assert.match(specError(await post('requests.json', { api_key: apiKey, ...REPORT, lat: 'abc' }), 400, 'json'), /lat/);
  assert.match(specError(await post('requests.xml', { api_key: apiKey, ...REPORT, service_code: 'no-such-type' }), 400, 'xml'),
    /no-such-type/);
  const { lat, long, ...addressOnly } = REPORT;
  assert.match(specError(await post('requests.json', { api_key: apiKey, ...addressOnly }), 400, 'json'), /lat.*long/s);
  assert.match(specError(await get('requests.json?start_date=yesterday'), 400, 'json'), /start_date/);
  specError(await get('requests.xml?end_date=2026-13-01T00:00:00Z'), 400, 'xml');
  specError(await get('requests.html'), 400, 'xml');
  assert.match(specError(await get('requests/987654321.json'), 404, 'json'), /987654321/);
  specError(await get('requests/987654321.xml'), 404, 'xml');
  specError(await get('services.json?jurisdiction_id=example.org'), 404, 'json');
  assert.ok(!/Open311 .* failed \[/.test(portal.log()), 'no unexpected failure was logged');
});

test('a placeholder key in the config is refused with 403 and named in the log', async () => {
  const before = JSON.parse((await get('requests.json')).text).length;
  specError(await post('requests.json', { ...REPORT, api_key: PLACEHOLDER }), 403, 'json');
  assert.equal(JSON.parse((await get('requests.json')).text).length, before, 'nothing registered');
  const warnings = portal.logEntries().filter(e => /^\S+ \|\s*WARN\s*\|/.test(e) && e.includes('Open311'));
  assert.ok(warnings.some(e => /placeholder/i.test(e)), warnings.join('\n'));
});

test('the log has no errors from the OKS bundles', () => {
  assert.deepEqual(portal.logErrors(fromModule('oks')), []);
});
