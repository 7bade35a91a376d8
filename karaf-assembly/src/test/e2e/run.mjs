// Runs the end-to-end files (npm test), one node --test per file, each file with its own portal,
// ports and database; a file's output is printed whole when it ends, and the last lines list each
// file's time (where CI's minutes go).
//
// E2E_CONCURRENCY=2 runs two files at once, longest first so both lanes end together (node --test
// alone starts its files in name order). One file keeps a 2-core machine about two-thirds busy
// (docsearch: 68 %; the portal JVM about half of the CPU, Chromium 40 %), so on 2 cores two at once
// cut the whole e2e from 29 to about 22 min (CPU 85 %) — but it is not the default: under that
// load a page's Vaadin message came out of order once in two full runs (regional.test.mjs, a
// failing log check), and a check that a test is right to make must not depend on the load beside
// it. With two at once, two files still run alone at the end because what they time would measure
// the file beside them: the two-node file (node B follows node A within 2 s) and the faults file
// (requests answered while its PostgreSQL is down, each held up to the pool's 15 s wait).
// `npm test -- a.test.mjs b.test.mjs` runs only those files, one at a time.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);

/** The longest files, longest first (201 s down to 64 s each on the 2-core CI kind, one at a time). */
const LONGEST = ['access-matrix', 'oks', 'platform', 'security', 'opendata', 'gis', 'docsearch', 'oks-admin', 'crm',
  'security-signin', 'oks-list'].map(f => `${f}.test.mjs`);
/** With E2E_CONCURRENCY > 1: run alone, after the others (see above). */
const ALONE = ['two-nodes.test.mjs', 'faults.test.mjs'];

/** Runs one file; resolves with its exit status and seconds, its output printed when it ends. */
function runFile(file) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--test', '--test-reporter=spec', file], { cwd: here });
    const output = [];
    child.stdout.on('data', d => output.push(d));
    child.stderr.on('data', d => output.push(d));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      const status = code ?? 1;
      process.stdout.write(`\n=== ${file}: ${status === 0 ? 'passed' : `FAILED (exit ${code ?? signal})`} in ${seconds} s\n`);
      process.stdout.write(Buffer.concat(output));
      resolve({ file, status, seconds });
    });
  });
}

/** Runs the files in their order, `concurrency` at a time. */
async function runAll(files, concurrency) {
  const queue = [...files];
  const results = [];
  const lane = async () => {
    while (queue.length > 0) results.push(await runFile(queue.shift()));
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, lane));
  return results;
}

const chosen = process.argv.slice(2);
const started = Date.now();
let results;
if (chosen.length > 0) {
  results = await runAll(chosen, 1);
} else {
  const all = fs.readdirSync(here).filter(f => f.endsWith('.test.mjs')).sort();
  const unknown = [...LONGEST, ...ALONE].filter(f => !all.includes(f));
  if (unknown.length > 0) throw new Error(`run.mjs names files that do not exist: ${unknown.join(', ')}`);
  const together = [...LONGEST, ...all.filter(f => !LONGEST.includes(f) && !ALONE.includes(f))];
  const concurrency = Number(process.env.E2E_CONCURRENCY ?? 1);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`E2E_CONCURRENCY must be a whole number ≥ 1: ${process.env.E2E_CONCURRENCY}`);
  results = [...await runAll(together, concurrency), ...await runAll(ALONE, 1)];
}
const failed = results.filter(r => r.status !== 0);
console.log(`\ne2e: ${results.length} files in ${Math.round((Date.now() - started) / 1000)} s`
  + ` (${results.map(r => `${r.file.replace('.test.mjs', '')} ${r.seconds} s`).join(', ')})`);
console.log(failed.length === 0 ? 'e2e: every file passed' : `e2e: FAILED: ${failed.map(r => r.file).join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
