// Scale benchmark (issue 17): signed-in UI sessions on one node with a 1 GiB heap (protocol-level
// Vaadin load, ui-load.mjs), public API throughput on one node and on two nodes behind HAProxy with
// the CPU per request, and the time node B takes to see node A's write (api.mjs).
//
// Usage, inside the build lock (the report says whether it was held):
//   flock /tmp/hromada-build.lock node bench/scale/run.mjs ui [levels=50,100,200,500] [seconds=60] [push] [think=5-15]
//       (push: each tab also holds its push WebSocket open, as the browser does; figures in last-ui-push.json;
//        think=1-3: think time in s between a user's page changes instead of 5-15, figures in last-ui[-push]-stress.json)
//   flock /tmp/hromada-build.lock node bench/scale/run.mjs api [seconds=20] [connections=16] [writes=30]
// Each part keeps its figures in bench/scale/last-<part>.json; bench/results/scale.md is written
// from the last run of every part. Needs the built assembly (karaf-assembly/target/assembly or
// HROMADA_ASSEMBLY), PostgreSQL on 127.0.0.1:5432, wrk and haproxy (Debian packages).
// The portals start with the product's JVM options (no HROMADA_E2E_JAVA_OPTS): the figures are the product's.
import fs from 'node:fs';
import path from 'node:path';
import { machine, machineLoad } from '../lib/karaf-process.mjs';
import { writeReport } from './report.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const [part, ...args] = process.argv.slice(2);
delete process.env.HROMADA_E2E_JAVA_OPTS;

const started = new Date();
let figures;
if (part === 'ui') {
  const { uiBench } = await import('./ui-load.mjs');
  const think = args.find(a => a.startsWith('think='))?.slice(6).split('-').map(x => Number(x) * 1000);
  figures = await uiBench({ levels: (args[0] ?? '50,100,200,500').split(',').map(Number), seconds: Number(args[1] ?? 60),
    push: args.includes('push'), think });
  figures.variant = `${figures.push ? '-push' : ''}${think ? '-stress' : ''}`;
} else if (part === 'api') {
  const { apiBench } = await import('./api.mjs');
  figures = await apiBench({ seconds: Number(args[0] ?? 20), connections: Number(args[1] ?? 16), writes: Number(args[2] ?? 30) });
} else {
  console.error('usage: node bench/scale/run.mjs ui|api [arguments]');
  process.exit(2);
}
const record = {
  command: `flock /tmp/hromada-build.lock node bench/scale/run.mjs ${[part, ...args].join(' ')}`,
  date: started.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  minutes: ((Date.now() - started) / 60000).toFixed(1),
  machine: machine(), load: machineLoad(), figures,
};
fs.writeFileSync(path.join(here, `last-${part}${figures.variant ?? ''}.json`), JSON.stringify(record, null, 1));
writeReport();
