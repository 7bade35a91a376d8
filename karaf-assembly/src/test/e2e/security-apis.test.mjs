// Security of the public APIs against the real portal process (issue 10, findings 2, 6, 7, 10):
// Open311 refuses a configured placeholder key and a key in the query string, rate-limits POSTs of
// one client (429 with Retry-After in the spec's error format) and names the configured public
// address in its discovery document whatever Host a client sends; the CKAN Action API answers a
// deeply nested filter, a broken percent escape, a 10 MB form, a form of 5 000 keys and date math
// out of range with a 4xx in CKAN's format, and none of it leaves a stack trace in karaf.log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import { Portal, until, fromModule } from './lib/portal.mjs';

const apiKey = crypto.randomBytes(32).toString('hex');
const PLACEHOLDER = 'CHANGE-ME-open311-placeholder-key';
// the shipped rate limits (10 POSTs at once per client address, 60 an hour) are left as they are
const portal = new Portal({ port: 18881, database: 'hromada_e2e_apis',
  config: { 'ua.hromada.oks.open311.cfg': { apiKeys: `${apiKey}, ${PLACEHOLDER}` } } });
let open311;  // http://127.0.0.1:18881/api/open311/v2/
let ckan;     // http://127.0.0.1:18881/api/3/action/

const REPORT = { service_code: 'trees', lat: '49.5890', long: '34.5520', address_string: 'вул. Соборності, 12',
  description: 'Повалене дерево (e2e security-apis)' };

async function answer(res) {
  return { status: res.status, type: res.headers.get('content-type') ?? '', retryAfter: res.headers.get('retry-after'),
    text: await res.text() };
}

async function postReport(resource, form, query = '') {
  return answer(await fetch(open311 + resource + query, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams(form).toString(),
  }));
}

/** GeoReport's JSON error document with the status; returns its description. */
function open311Error(a, status) {
  assert.equal(a.status, status, a.text);
  assert.match(a.type, /^application\/json/);
  const body = JSON.parse(a.text);
  assert.ok(Array.isArray(body) && body.length === 1, a.text);
  assert.deepEqual(Object.keys(body[0]), ['code', 'description']);
  assert.equal(body[0].code, status);
  assert.match(body[0].description, /[А-Яа-яІіЇїЄєҐґ]/, 'a Ukrainian description');
  return body[0].description;
}

async function ckanPost(action, contentType, body) {
  return answer(await fetch(ckan + action, { method: 'POST', headers: { 'Content-Type': contentType }, body }));
}

/** CKAN's error envelope with the status and __type; returns the error object. */
function ckanEnvelope(a, status, type) {
  assert.equal(a.status, status, a.text.slice(0, 500));
  assert.match(a.type, /^application\/json/);
  const body = JSON.parse(a.text);
  assert.deepEqual(Object.keys(body).sort(), ['error', 'help', 'success']);
  assert.equal(body.success, false);
  assert.equal(body.error.__type, type);
  return body.error;
}

/** CKAN's "Bad request - …" JSON string with the status. */
function ckanBadRequest(a, status) {
  assert.equal(a.status, status, a.text.slice(0, 500));
  assert.match(a.type, /^application\/json/);
  const text = JSON.parse(a.text);
  assert.equal(typeof text, 'string');
  assert.match(text, /^Bad request - /);
  return text;
}

before(async () => {
  await portal.start();
  open311 = `${portal.url}api/open311/v2/`;
  ckan = `${portal.url}api/3/action/`;
  // the modules' servlets register once their features have started
  await until('the Open311 API', async () => {
    const res = await fetch(open311 + 'services.json');
    return res.status === 200 && (res.headers.get('content-type') ?? '').startsWith('application/json');
  }, { timeoutMs: 180_000 });
  await until('the CKAN API', async () => {
    const res = await fetch(ckan + 'package_search?rows=0');
    return res.status === 200 && (await res.json()).success === true;
  }, { timeoutMs: 180_000 });
});

after(async () => {
  await portal.stop();
});

test('Open311: a configured placeholder key is refused with 403 and named in the log', async () => {
  assert.match(open311Error(await postReport('requests.json', { api_key: PLACEHOLDER, ...REPORT }), 403), /api_key/);
  const warnings = portal.logEntries().filter(e => /^\S+ \|\s*WARN\s*\|/.test(e) && e.includes('Open311'));
  assert.ok(warnings.some(e => /apiKeys entry 2 .*refused because it is a placeholder/.test(e)), warnings.join('\n'));
});

test('Open311: a valid key in the query string is refused with 400, nothing is registered', async () => {
  const before = JSON.parse((await (await fetch(open311 + 'requests.json')).text())).length;
  const inAddress = await postReport('requests.json', REPORT, `?api_key=${apiKey}`);
  assert.match(open311Error(inAddress, 400), /api_key.*тілі форми/s);
  open311Error(await postReport('requests.json', { api_key: apiKey, ...REPORT }, `?api_key=${apiKey}`), 400);
  assert.equal(JSON.parse((await (await fetch(open311 + 'requests.json')).text())).length, before);
});

test('Open311: discovery names the configured public URL whatever Host the client sends', async () => {
  const forged = await new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: portal.port, path: '/api/open311/v2/discovery.json',
      headers: { Host: 'evil.example.org', 'X-Forwarded-Host': 'evil.example.org' } }, res => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', chunk => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
  });
  assert.equal(forged.status, 200, forged.text);
  const discovery = JSON.parse(forged.text);
  // the harness sets public.url in etc/ua.hromada.portal.cfg to the portal's own address
  assert.equal(discovery.endpoints[0].url, `${portal.url}api/open311/v2`);
  assert.doesNotMatch(forged.text, /evil\.example\.org/);
});

test('Open311: 30 fast POSTs from one client with a valid key get 429 with Retry-After', async () => {
  const answers = [];
  for (let i = 0; i < 30; i++) {
    answers.push(await postReport('requests.json', { api_key: apiKey, ...REPORT, description: `${REPORT.description} ${i}` }));
  }
  const statuses = answers.map(a => a.status);
  assert.ok(statuses.every(s => s === 200 || s === 429), statuses.join(' '));
  assert.ok(statuses.includes(200), `the valid key is accepted: ${statuses.join(' ')}`);
  const limited = answers.filter(a => a.status === 429);
  // the shipped burst is 10 per address; the placeholder POST above took one token of it
  assert.ok(limited.length >= 20, `${limited.length} of 30 were limited: ${statuses.join(' ')}`);
  for (const a of limited) {
    assert.match(a.retryAfter ?? '', /^[1-9]\d*$/, `Retry-After in seconds: ${a.retryAfter}`);
    assert.ok(Number(a.retryAfter) <= 60, `one token a minute at 60 per hour: ${a.retryAfter}`);
    assert.match(open311Error(a, 429), /спробуйте знову/i);
  }
});

test('CKAN: a deeply nested fq is a 400 Search Query Error, no StackOverflowError in the log', async () => {
  const deep = '('.repeat(20_000) + 'tags:бюджет' + ')'.repeat(20_000);
  const form = await ckanPost('package_search', 'application/x-www-form-urlencoded', `fq=${encodeURIComponent(deep)}`);
  assert.match(ckanEnvelope(form, 400, 'Search Query Error').message, /^Search Query is invalid: /);
  const json = await ckanPost('package_search', 'application/json', JSON.stringify({ fq: deep }));
  ckanEnvelope(json, 400, 'Search Query Error');
  assert.deepEqual(portal.logEntries().filter(e => /StackOverflowError/.test(e)).map(e => e.split('\n')[0]), []);
});

test('CKAN: a broken percent escape in the query string is a 400', async () => {
  assert.match(ckanBadRequest(await answer(await fetch(`${ckan}package_search?q=%zz`)), 400), /percent-encoding/);
  ckanBadRequest(await answer(await fetch(`${ckan}package_show?id=%`)), 400);
});

test('CKAN: a 10 MB form is a 413 and a form of 5 000 keys a 400', async () => {
  const big = await ckanPost('package_search', 'application/x-www-form-urlencoded', `q=${'x'.repeat(10 * 1024 * 1024)}`);
  assert.match(ckanBadRequest(big, 413), /larger than 1 MB/);
  const keys = Array.from({ length: 5000 }, (_, i) => `k${i}=v`).join('&');
  assert.match(ckanBadRequest(await ckanPost('package_search', 'application/x-www-form-urlencoded', keys), 400),
    /parameters/);
  // and the API goes on answering
  assert.equal((await fetch(`${ckan}package_search?rows=0`)).status, 200);
});

test('CKAN: date math out of range is a 409 Search Error', async () => {
  const res = await answer(await fetch(`${ckan}package_search?fq=${encodeURIComponent('metadata_modified:[NOW-999999999999DAY TO *]')}`));
  assert.match(ckanEnvelope(res, 409, 'Search Error').message, /Invalid Date Math String/);
});

test('nothing the attacks sent left an error or a stack trace in karaf.log', () => {
  const traces = portal.logEntries().filter(e => /StackOverflowError|ArithmeticException|DateTimeException|BadMessageException/.test(e));
  assert.deepEqual(traces.map(e => e.split('\n').slice(0, 3).join('\n')), []);
  assert.deepEqual(portal.logErrors(fromModule('opendata')), []);
  assert.deepEqual(portal.logErrors(fromModule('oks')), []);
});
