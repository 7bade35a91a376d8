// backup-portal.sh and restore-portal.sh on the real PostgreSQL (127.0.0.1:5432, user postgres), no
// portal booted: a scratch database with schemas like the portal's (PostGIS, a forced row-level
// security table of two communities, binary content) and a folder of uploaded files is backed up,
// restored into a new database and an empty folder, and both sides are compared here — every
// table's row count and every file's SHA-256. A backup with one file changed must not restore.
// A few seconds.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const REPO = path.resolve(here, '../../../..');
const BACKUP = path.join(REPO, 'karaf-assembly/backup-portal.sh');
const RESTORE = path.join(REPO, 'karaf-assembly/restore-portal.sh');
const PG = ['-h', process.env.HROMADA_TEST_PGHOST || '127.0.0.1', '-p', process.env.HROMADA_TEST_PGPORT || '5432',
  '-U', process.env.HROMADA_TEST_PGUSER || 'postgres'];
const CONNECTION = ['--host', PG[1], '--port', PG[3], '--user', PG[5]];
const id = `${process.pid}_${Date.now() % 100000}`;
const SOURCE = `hromada_backup_src_${id}`;
const RESTORED = `hromada_backup_dst_${id}`;
const TAMPERED = `hromada_backup_bad_${id}`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hromada-backup-'));

function psql(db, sql) {
  return execFileSync('psql', [...PG, '-X', '-qAt', '-v', 'ON_ERROR_STOP=1', '-d', db, '-c', sql],
    { encoding: 'utf8', env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' } }).trim();
}

function run(script, args) {
  return spawnSync(script, args, { encoding: 'utf8', cwd: work });
}

/** Every table's row count, as the superuser sees it (row-level security does not apply to it). */
function rowCounts(db) {
  const tables = psql(db, `select schemaname || '.' || tablename from pg_tables
    where schemaname not in ('pg_catalog', 'information_schema') order by 1`).split('\n');
  return Object.fromEntries(tables.map((t) => [t, Number(psql(db, `select count(*) from ${t}`))]));
}

/** path relative to the folder → SHA-256 of every file under it. */
function checksums(folder) {
  const out = {};
  for (const entry of fs.readdirSync(folder, { recursive: true })) {
    const file = path.join(folder, entry);
    if (fs.statSync(file).isFile()) {
      out[entry] = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    }
  }
  return out;
}

after(() => {
  for (const db of [SOURCE, RESTORED, TAMPERED]) {
    psql('postgres', `drop database if exists ${db} with (force)`);
  }
  fs.rmSync(work, { recursive: true, force: true });
});

test('a backup restores onto a fresh database and folder with the same rows and files; a changed file fails it', () => {
  psql('postgres', `create database ${SOURCE}`);
  psql(SOURCE, `
    create extension if not exists postgis;
    do $$ begin if not exists (select 1 from pg_roles where rolname = 'hromada_app') then create role hromada_app nologin; end if; end $$;
    create schema portal; create schema crm; create schema opendata;
    create table portal.portal_user (id bigserial primary key, username text unique not null);
    insert into portal.portal_user (username) select 'user' || g from generate_series(1, 25) g;
    create table crm.service_case (id bigserial primary key, community text not null, number text not null,
      scan bytea, place geometry(Point, 4326));
    insert into crm.service_case (community, number, scan, place)
      select case when g % 3 = 0 then 'b' else 'default' end, '2027-' || g, decode(md5(g::text), 'hex'),
             ST_SetSRID(ST_MakePoint(34.55 + g / 1000.0, 49.59), 4326) from generate_series(1, 301) g;
    alter table crm.service_case enable row level security;
    alter table crm.service_case force row level security;
    create policy community_isolation on crm.service_case
      using (community = nullif(current_setting('hromada.community', true), ''));
    grant usage on schema crm to hromada_app;
    grant select on crm.service_case to hromada_app;
    create table opendata.resource (id bigserial primary key, sha256 text not null);
    insert into opendata.resource (sha256) values ('${'a'.repeat(64)}');`);
  const uploads = path.join(work, 'uploads');
  fs.mkdirSync(path.join(uploads, 'communities/horishni-plavni'), { recursive: true });
  fs.writeFileSync(path.join(uploads, 'a.txt'), 'набір даних 1\n');
  fs.writeFileSync(path.join(uploads, 'communities/horishni-plavni/бюджет 2027.csv'), 'рік;сума\n2027;100\n');
  fs.writeFileSync(path.join(uploads, 'communities/horishni-plavni/scan.bin'), crypto.randomBytes(70000));

  const backup = run(BACKUP, ['--db', SOURCE, ...CONNECTION, '--out', path.join(work, 'backups'), '--files', uploads]);
  assert.equal(backup.status, 0, backup.stderr);
  const [name] = fs.readdirSync(path.join(work, 'backups'));
  const folder = path.join(work, 'backups', name);
  assert.deepEqual(fs.readdirSync(folder).sort(), ['database.dump', 'files', 'manifest.tsv']);

  const restoredFiles = path.join(work, 'restored');
  const restore = run(RESTORE, ['--from', folder, '--db', RESTORED, ...CONNECTION, '--files-into', restoredFiles]);
  assert.equal(restore.status, 0, restore.stderr);
  assert.match(restore.stdout, /verified: \d+ tables and 3 files match the manifest/);

  const before = rowCounts(SOURCE);
  assert.equal(before['crm.service_case'], 301, 'both communities counted, row-level security aside');
  assert.ok(before['public.spatial_ref_sys'] > 0);
  assert.deepEqual(rowCounts(RESTORED), before);
  assert.equal(psql(RESTORED, 'select md5(string_agg(scan::text || ST_AsText(place), \',\' order by id)) from crm.service_case'),
    psql(SOURCE, 'select md5(string_agg(scan::text || ST_AsText(place), \',\' order by id)) from crm.service_case'));
  const files = checksums(uploads);
  assert.equal(Object.keys(files).length, 3);
  assert.deepEqual(checksums(path.join(restoredFiles, 'uploads')), files);

  // a restore never overwrites: the database exists now
  const again = run(RESTORE, ['--from', folder, '--db', RESTORED, ...CONNECTION, '--files-into', path.join(work, 'again')]);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /exists already: restore into a new database name/);

  // one uploaded file changed inside the backup: the restore lists it and stops before the database
  const tampered = path.join(work, 'tampered');
  fs.cpSync(folder, tampered, { recursive: true });
  const unpacked = path.join(work, 'unpacked');
  fs.mkdirSync(unpacked);
  execFileSync('tar', ['-C', unpacked, '-xf', path.join(tampered, 'files/uploads.tar')]);
  fs.writeFileSync(path.join(unpacked, 'a.txt'), 'набір даних 2\n');
  execFileSync('tar', ['-C', unpacked, '-cf', path.join(tampered, 'files/uploads.tar'), '.']);
  const bad = run(RESTORE, ['--from', tampered, '--db', TAMPERED, ...CONNECTION, '--files-into', path.join(work, 'bad')]);
  assert.equal(bad.status, 1, bad.stdout);
  assert.match(bad.stderr, /ВІДНОВЛЕННЯ НЕ ЗБІГАЄТЬСЯ З КОПІЄЮ/);
  assert.match(bad.stderr, /file uploads\/a\.txt: SHA-256 or size differs from the manifest/);
  assert.doesNotMatch(bad.stderr, /бюджет|scan\.bin/, 'only the changed file is named');
  assert.equal(psql('postgres', `select count(*) from pg_database where datname = '${TAMPERED}'`), '0');
});
