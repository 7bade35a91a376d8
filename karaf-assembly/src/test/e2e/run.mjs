// Runs the end-to-end files (npm test). Each file boots its own portal on its own ports and
// database, so files can run side by side: E2E_CONCURRENCY files at once (2 by default: one file
// keeps a 2-core machine about two-thirds busy — a portal, Chromium and the waits between them —
// so a second file fills the rest). The longest files start first, so that both lanes end at
// about the same time. The two-node file runs alone at the end: it times how soon node B follows
// node A (within 2 s), which a second file's load beside it would measure instead.
// `npm test -- a.test.mjs b.test.mjs` runs only those files, one at a time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);

/** The longest files, longest first (201 s down to 63 s each on the 2-core CI kind, one at a time). */
const LONGEST = ['access-matrix', 'oks', 'platform', 'security', 'opendata', 'gis', 'docsearch', 'oks-admin', 'crm',
  'security-signin', 'oks-list', 'faults'].map(f => `${f}.test.mjs`);
/** Run alone, after the others (see above). */
const ALONE = ['two-nodes.test.mjs'];

function run(files, concurrency) {
  if (files.length === 0) return 0;
  const result = spawnSync(process.execPath,
    ['--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
    { cwd: here, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const chosen = process.argv.slice(2);
let status;
if (chosen.length > 0) {
  status = run(chosen, 1);
} else {
  const all = fs.readdirSync(here).filter(f => f.endsWith('.test.mjs')).sort();
  const unknown = [...LONGEST, ...ALONE].filter(f => !all.includes(f));
  if (unknown.length > 0) throw new Error(`run.mjs names files that do not exist: ${unknown.join(', ')}`);
  const together = [...LONGEST, ...all.filter(f => !LONGEST.includes(f) && !ALONE.includes(f))];
  const concurrency = Number(process.env.E2E_CONCURRENCY ?? 2);
  const first = run(together, concurrency);
  const second = run(ALONE, 1);
  status = first !== 0 ? first : second;
}
process.exit(status);
