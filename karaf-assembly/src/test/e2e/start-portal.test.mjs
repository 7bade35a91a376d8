// start-portal.sh's decisions, without touching the host: the script runs in a temporary copy of
// the repository's skeleton with a PATH of stub commands (psql, apt-get, tesseract, id, java, mvn) that answer
// as a machine in the case would and log what they were asked; HROMADA_START_DRY_RUN=1 stops it
// just before it would start Karaf. No portal boots, so this file takes a second or two.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const REPO = path.resolve(here, '../../../..');
const SCRIPT = path.join(REPO, 'karaf-assembly/start-portal.sh');

/** Real tools the script may use; everything else on its PATH is a stub or absent. */
const TOOLS = ['bash', 'sh', 'awk', 'sed', 'grep', 'find', 'mktemp', 'cp', 'mv', 'rm', 'chmod', 'cat', 'tr',
  'tail', 'dirname', 'basename', 'readlink', 'touch', 'mkdir', 'env', 'printf'];

const STUBS = {
  // answers by the SQL it is given; the server's version and whether PostGIS is installed come from
  // the environment and the state folder
  psql: `#!/bin/bash
echo "psql $*" >> "$STUB_STATE/calls.log"
sql="\${@: -1}"; db=""
while [ $# -gt 0 ]; do [ "$1" = "-d" ] && db=$2; shift; done
case "$sql" in
  "select 1") [ -z "$STUB_PG_DOWN" ] && echo 1 || exit 2 ;;
  *pg_database*) [ -f "$STUB_STATE/db-$db-created" ] && echo 1 || true ;;
  *pg_available_extensions*) [ -f "$STUB_STATE/postgis-installed" ] && echo 1 || echo 0 ;;
  "show server_version_num") echo "$STUB_PG_VERSION_NUM" ;;
  "create extension if not exists postgis") [ -f "$STUB_STATE/postgis-installed" ] && echo "$db" >> "$STUB_STATE/postgis-enabled" \
      || { echo 'ERROR:  extension "postgis" is not available' >&2; exit 3; } ;;
  create\\ database*) touch "$STUB_STATE/db-$(echo "$sql" | sed 's/.*"\\(.*\\)"/\\1/')-created" ;;
  *) echo "unexpected SQL: $sql" >&2; exit 9 ;;
esac
`,
  // installs only the package that matches the running server (as the real archive would have it),
  // and only after "update" when the package lists are said to be stale
  'apt-get': `#!/bin/bash
echo "apt-get $*" >> "$STUB_STATE/calls.log"
if [ "$1" = "update" ]; then touch "$STUB_STATE/apt-updated"; exit 0; fi
if [ -n "$STUB_APT_STALE" ] && [ ! -f "$STUB_STATE/apt-updated" ]; then echo "E: Unable to locate package \${@: -1}" >&2; exit 100; fi
if [ "$1 $2 $3" = "install -y postgresql-$((STUB_PG_VERSION_NUM / 10000))-postgis-3" ]; then touch "$STUB_STATE/postgis-installed"; exit 0; fi
if [ "$*" = "install -y tesseract-ocr tesseract-ocr-ukr" ]; then touch "$STUB_STATE/tesseract-installed"; exit 0; fi
echo "E: Unable to locate package \${@: -1}" >&2; exit 100
`,
  // Tesseract with its Ukrainian data, as Debian's tesseract-ocr and tesseract-ocr-ukr install it
  tesseract: `#!/bin/bash
[ "$1" = "--list-langs" ] && printf 'List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (3):\\neng\\nosd\\nukr\\n'
`,
  id: `#!/bin/bash
[ "$1" = "-u" ] && echo "$STUB_UID"
`,
  mvn: `#!/bin/bash
echo "mvn $*" >> "$STUB_STATE/calls.log"
`,
};

/** A Java whose `java -version` says the given version. */
function javaStub(dir, version) {
  fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
  const java = path.join(dir, 'bin/java');
  fs.writeFileSync(java, `#!/bin/bash\necho 'openjdk version "${version}" 2024-10-15' >&2\n`, { mode: 0o755 });
  return java;
}

/**
 * A throw-away repository: the real script, config/ (with the example folders), a built-looking
 * assembly (bin/karaf newer than the sources), and a bin/ of tools and stubs.
 */
function sandbox({ javaVersion = '17.0.13', stubs = Object.keys(STUBS) } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hromada-start-'));
  const repo = path.join(dir, 'repo');
  fs.mkdirSync(path.join(repo, 'karaf-assembly'), { recursive: true });
  fs.copyFileSync(SCRIPT, path.join(repo, 'karaf-assembly/start-portal.sh'));
  fs.chmodSync(path.join(repo, 'karaf-assembly/start-portal.sh'), 0o755);
  execFileSync('cp', ['-r', path.join(REPO, 'config'), path.join(repo, 'config')]);
  for (const src of ['bundles/portal-api/src/A.java', 'features/core/pom.xml', 'pom.xml']) {
    fs.mkdirSync(path.dirname(path.join(repo, src)), { recursive: true });
    fs.writeFileSync(path.join(repo, src), 'source');
  }
  const assembly = path.join(repo, 'karaf-assembly/target/assembly');
  fs.mkdirSync(path.join(assembly, 'bin'), { recursive: true });
  fs.mkdirSync(path.join(assembly, 'etc'));
  fs.writeFileSync(path.join(assembly, 'etc/users.properties'), '');
  fs.writeFileSync(path.join(assembly, 'etc/keys.properties'), '');
  fs.writeFileSync(path.join(assembly, 'bin/karaf'), '#!/bin/sh\necho karaf must not run in a test\nexit 1\n', { mode: 0o755 });
  const later = new Date(Date.now() + 60_000);
  fs.utimesSync(path.join(assembly, 'bin/karaf'), later, later);

  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  for (const tool of TOOLS) {
    const real = execFileSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
    fs.symlinkSync(real, path.join(bin, tool));
  }
  for (const name of stubs) fs.writeFileSync(path.join(bin, name), STUBS[name], { mode: 0o755 });
  const jvm = path.join(dir, 'jvm');
  fs.mkdirSync(jvm);
  if (javaVersion) javaStub(path.join(jvm, `java-${javaVersion.split('.')[0]}-openjdk-amd64`), javaVersion);
  const state = path.join(dir, 'state');
  fs.mkdirSync(state);
  return { dir, repo, assembly, bin, jvm, state };
}

/** Runs the script in the sandbox; returns exit code, output and what the stubs were asked. */
function run(box, { args = [], env = {}, cwd = box.repo } = {}) {
  const result = spawnSync(path.join(box.repo, 'karaf-assembly/start-portal.sh'), args, {
    cwd, encoding: 'utf8', input: '',
    env: {
      PATH: box.bin, HOME: box.dir, TMPDIR: box.dir, HROMADA_JVM_DIR: box.jvm, HROMADA_START_DRY_RUN: '1',
      STUB_STATE: box.state, STUB_PG_VERSION_NUM: '150004', STUB_UID: '0', ...env,
    },
  });
  const log = path.join(box.state, 'calls.log');
  return {
    status: result.status, stdout: result.stdout, stderr: result.stderr,
    calls: fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [],
    enabledIn: fs.existsSync(path.join(box.state, 'postgis-enabled'))
      ? fs.readFileSync(path.join(box.state, 'postgis-enabled'), 'utf8').trim().split('\n') : [],
  };
}

function cfg(box, file) {
  const text = fs.readFileSync(path.join(box.assembly, 'etc', file), 'utf8');
  const values = {};
  for (const line of text.split('\n')) {
    const m = /^([^#!\s][^=]*?)\s*=\s*(.*)$/.exec(line);
    if (m) values[m[1]] = m[2];
  }
  return values;
}

function cleanup(box) {
  fs.rmSync(box.dir, { recursive: true, force: true });
}

const launched = /Dry run: would run 'bin\/karaf server' in .*\/karaf-assembly\/target\/assembly with JAVA_HOME=.*java-17-openjdk-amd64/;

test('PostGIS installed: enabled in the database, nothing installed, Karaf would start with config/', () => {
  const box = sandbox();
  try {
    fs.writeFileSync(path.join(box.state, 'postgis-installed'), '');
    fs.writeFileSync(path.join(box.state, 'db-hromada-created'), '');
    const r = run(box);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, launched);
    assert.ok(!r.calls.some(c => c.startsWith('apt-get')), r.calls.join('\n'));
    assert.ok(!r.calls.some(c => c.startsWith('mvn')), 'the assembly is newer than the sources: no build');
    assert.deepEqual(r.enabledIn, ['hromada']);
    assert.equal(cfg(box, 'ua.hromada.portal.cfg')['community.name'], 'Полтавська міська рада');
    assert.equal(fs.statSync(path.join(box.assembly, 'etc/ua.hromada.portal.security.cfg')).mode & 0o777, 0o600);
    assert.ok(!fs.existsSync(path.join(box.assembly, 'etc/examples')), 'only config/*.cfg go to etc/');
  } finally {
    cleanup(box);
  }
});

for (const [versionNum, major] of [['150004', 15], ['160002', 16]]) {
  test(`PostGIS missing, root with apt-get, PostgreSQL ${major}: installs postgresql-${major}-postgis-3, then enables it`, () => {
    const box = sandbox();
    try {
      const r = run(box, { env: { STUB_PG_VERSION_NUM: versionNum } });
      assert.equal(r.status, 0, r.stderr);
      assert.ok(r.calls.includes(`apt-get install -y postgresql-${major}-postgis-3`), r.calls.join('\n'));
      assert.ok(r.calls.includes('psql -d postgres -qc create database "hromada"'), 'the database is created first');
      assert.deepEqual(r.enabledIn, ['hromada']);
      assert.match(r.stdout, new RegExp(`installing postgresql-${major}-postgis-3`));
      assert.match(r.stdout, launched);
    } finally {
      cleanup(box);
    }
  });
}

test('PostGIS missing on a fresh machine whose package lists are stale: apt-get update, then the install', () => {
  const box = sandbox();
  try {
    const r = run(box, { env: { STUB_APT_STALE: '1' } });
    assert.equal(r.status, 0, r.stderr);
    const apt = r.calls.filter(c => c.startsWith('apt-get'));
    assert.deepEqual(apt, ['apt-get install -y postgresql-15-postgis-3', 'apt-get update',
      'apt-get install -y postgresql-15-postgis-3']);
    assert.match(r.stdout, launched);
  } finally {
    cleanup(box);
  }
});

test('PostGIS missing, not root: stops with the exact command, installs nothing, starts nothing', () => {
  const box = sandbox();
  try {
    const r = run(box, { env: { STUB_UID: '1000', STUB_PG_VERSION_NUM: '160002' } });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /PostGIS is not installed for PostgreSQL 16/);
    assert.ok(r.stderr.split('\n').includes('  sudo apt-get install -y postgresql-16-postgis-3'), r.stderr);
    assert.ok(!r.calls.some(c => c.startsWith('apt-get')));
    assert.doesNotMatch(r.stdout, /Dry run/);
    assert.deepEqual(r.enabledIn, []);
  } finally {
    cleanup(box);
  }
});

test('PostGIS missing, root but no apt-get (not Debian/Ubuntu): stops with the command and what it is for', () => {
  const box = sandbox({ stubs: ['psql', 'id', 'mvn'] });
  try {
    const r = run(box);
    assert.notEqual(r.status, 0);
    assert.ok(r.stderr.includes('  sudo apt-get install -y postgresql-15-postgis-3'), r.stderr);
    assert.match(r.stderr, /on other systems install PostGIS 3 for PostgreSQL 15/);
    assert.doesNotMatch(r.stdout, /Dry run/);
  } finally {
    cleanup(box);
  }
});

test('PostGIS missing on a database server elsewhere: nothing installed here, the command is for that server', () => {
  const box = sandbox();
  try {
    fs.appendFileSync(path.join(box.repo, 'config/org.ops4j.datasource-hromada.cfg'),
      '\nurl = jdbc:postgresql://db.example.internal:5433/hromada\n');
    const r = run(box);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /on the database server db\.example\.internal/);
    assert.ok(r.stderr.includes('  sudo apt-get install -y postgresql-15-postgis-3'));
    assert.ok(!r.calls.some(c => c.startsWith('apt-get')));
  } finally {
    cleanup(box);
  }
});

test('no Java 17 (only a Java 21 on PATH): a clear message with the install command, before anything else', () => {
  const box = sandbox({ javaVersion: null });
  try {
    javaStub(path.join(box.dir, 'jdk21'), '21.0.5');
    fs.symlinkSync(path.join(box.dir, 'jdk21/bin/java'), path.join(box.bin, 'java'));
    const r = run(box, { env: { JAVA_HOME: path.join(box.dir, 'jdk21') } });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /^Java 17 was not found/);
    assert.ok(r.stderr.includes('sudo apt-get install -y openjdk-17-jdk-headless'), r.stderr);
    assert.deepEqual(r.calls, [], 'no database work and no build without Java');
  } finally {
    cleanup(box);
  }
});

test('Java 17 on PATH only (no JAVA_HOME, nothing in the JVM folder) is found', () => {
  const box = sandbox({ javaVersion: null });
  try {
    fs.writeFileSync(path.join(box.state, 'postgis-installed'), '');
    javaStub(path.join(box.dir, 'opt/jdk-17'), '17.0.2');
    fs.symlinkSync(path.join(box.dir, 'opt/jdk-17/bin/java'), path.join(box.bin, 'java'));
    const r = run(box);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`JAVA_HOME=${box.dir}/opt/jdk-17$`, 'm'));
  } finally {
    cleanup(box);
  }
});

test('--config layers the community folder over config/ in the copied etc/', () => {
  const box = sandbox();
  try {
    fs.writeFileSync(path.join(box.state, 'postgis-installed'), '');
    const r = run(box, { args: ['--config', 'config/examples/horishni-plavni'] });
    assert.equal(r.status, 0, r.stderr);
    const portal = cfg(box, 'ua.hromada.portal.cfg');
    assert.equal(portal['community.name'], 'Горішньоплавнівська міська рада');
    assert.equal(portal['community.name.en'], 'Horishni Plavni City Council');
    assert.equal(portal['community.logo'], 'logo.svg');
    assert.equal(portal['session.anonymous.timeout.minutes'], '10', 'a key the folder does not list keeps config/\'s value');
    const map = cfg(box, 'ua.hromada.portal.map.cfg');
    assert.equal(map['center.lat'], '49.0106');
    assert.equal(map['center.lon'], '33.6561');
    assert.equal(map.bounds, '48.93,33.53,49.09,33.78');
    assert.equal(map['tile.url'], 'https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    assert.equal(cfg(box, 'ua.hromada.portal.modules.cfg').boot, 'docsearch, opendata, gis');
    assert.equal(cfg(box, 'ua.hromada.oks.open311.cfg').jurisdictionId, 'hp-rada.gov.ua');
    assert.equal(cfg(box, 'ua.hromada.oks.open311.cfg').serviceGroup, 'Благоустрій', 'a key the folder does not list keeps config/\'s value');
    assert.equal(cfg(box, 'org.ops4j.datasource-hromada.cfg')['hikari.maximumPoolSize'], '10');
    assert.match(fs.readFileSync(path.join(box.assembly, 'etc/logo.svg'), 'utf8'), /<svg[^>]*>[\s\S]*ГП/);
    assert.ok(!fs.existsSync(path.join(box.assembly, 'etc/README.md')));
    // the folder's datasource is the one the script prepares
    assert.ok(r.calls.includes('psql -d postgres -qc create database "hromada_hp"'), r.calls.join('\n'));
    assert.deepEqual(r.enabledIn, ['hromada_hp']);
    // each key once, config/'s comment above it kept
    const text = fs.readFileSync(path.join(box.assembly, 'etc/ua.hromada.portal.cfg'), 'utf8');
    assert.equal(text.match(/^community\.name =/gm).length, 1);
    assert.match(text, /# Community settings: another community changes only this file\.\ncommunity\.name = Горішньоплавнівська/);
  } finally {
    cleanup(box);
  }
});

test('HROMADA_CONFIG does the same as --config; a key config/ lacks is appended; a missing folder is refused', () => {
  const box = sandbox();
  try {
    fs.writeFileSync(path.join(box.state, 'postgis-installed'), '');
    const folder = path.join(box.dir, 'mine');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'ua.hromada.portal.cfg'), '# ours\ncommunity.name = Наша громада\nnew.key = x = y\n');
    const r = run(box, { env: { HROMADA_CONFIG: folder } });
    assert.equal(r.status, 0, r.stderr);
    const portal = cfg(box, 'ua.hromada.portal.cfg');
    assert.equal(portal['community.name'], 'Наша громада');
    assert.equal(portal['new.key'], 'x = y');
    assert.equal(portal['community.name.en'], 'Poltava City Council');

    const missing = run(box, { args: ['--config', 'config/examples/nowhere'] });
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /The configuration folder 'config\/examples\/nowhere' does not exist/);
  } finally {
    cleanup(box);
  }
});

test('sources newer than the assembly: it builds first (mvn install), then starts', () => {
  const box = sandbox();
  try {
    fs.writeFileSync(path.join(box.state, 'postgis-installed'), '');
    const later = new Date(Date.now() + 120_000);
    fs.utimesSync(path.join(box.repo, 'bundles/portal-api/src/A.java'), later, later);
    const r = run(box);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.calls.includes('mvn -B -q install -DskipTests'), r.calls.join('\n'));
    assert.match(r.stdout, launched);
  } finally {
    cleanup(box);
  }
});

test('PostgreSQL unreachable: stops and says where it looked', () => {
  const box = sandbox();
  try {
    const r = run(box, { env: { STUB_PG_DOWN: '1' } });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /PostgreSQL is not reachable at 127\.0\.0\.1:5432 as user 'postgres'/);
    assert.doesNotMatch(r.stdout, /Dry run/);
  } finally {
    cleanup(box);
  }
});

test('no tesseract, root with apt-get: installs tesseract-ocr and its Ukrainian data, then starts', () => {
  const box = sandbox({ stubs: Object.keys(STUBS).filter(s => s !== 'tesseract') });
  try {
    fs.writeFileSync(path.join(box.state, 'postgis-installed'), '');
    const r = run(box);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.calls.filter(c => c.startsWith('apt-get')), ['apt-get install -y tesseract-ocr tesseract-ocr-ukr']);
    assert.match(r.stdout, launched);
  } finally {
    cleanup(box);
  }
});

test('no tesseract, not root: a warning with the exact command, the portal still starts', () => {
  const box = sandbox({ stubs: Object.keys(STUBS).filter(s => s !== 'tesseract') });
  try {
    fs.writeFileSync(path.join(box.state, 'postgis-installed'), '');
    const r = run(box, { env: { STUB_UID: '1000' } });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stderr.split('\n').includes('  sudo apt-get install -y tesseract-ocr tesseract-ocr-ukr'), r.stderr);
    assert.ok(!r.calls.some(c => c.startsWith('apt-get')), r.calls.join('\n'));
    assert.match(r.stdout, launched);
  } finally {
    cleanup(box);
  }
});
