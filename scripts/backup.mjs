#!/usr/bin/env node
// `npm run backup -- [file]` and `npm run restore -- <file>`: a backup of the app's database and its
// restore, for both databases the app runs on (docs/operations.md).
//
// - DATABASE_URL set (PostgreSQL): `pg_dump --format=custom` into the file; the restore runs
//   `pg_restore --clean --if-exists --no-owner --single-transaction` (all or nothing) into that database.
//   The API and the workers may keep running during a backup; stop them for a restore.
// - No DATABASE_URL (the embedded PGlite in DATA_DIR/pgdata): the app must be stopped (PGlite is one
//   process). The backup is PGlite's own dump of the data folder (a .tar.gz); the restore moves the
//   current folder aside to pgdata.before-restore-<time> and loads the dump in its place.
//
// Exit code 0 on success; 1 with a message otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const [command, fileArgument, ...flags] = process.argv.slice(2);
const force = flags.includes('--force');
const databaseUrl = process.env.DATABASE_URL || null;
const dataFolder = resolve(process.env.DATA_DIR || 'data', 'pgdata');
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');

function fail(message) {
  console.error(`备份/恢复失败 / ${command ?? 'backup'} failed: ${message}`);
  process.exit(1);
}

function run(program, args) {
  const result = spawnSync(program, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) fail(`${program}: ${result.error.message} (is the PostgreSQL client installed?)`);
  if (result.status !== 0) fail(`${program} exited with ${result.status}`);
}

/** PGlite writes postmaster.pid while the folder is open and removes it on a clean close. */
function assertEmbeddedClosed() {
  if (!existsSync(resolve(dataFolder, 'PG_VERSION'))) fail(`no embedded database in ${dataFolder} (DATA_DIR)`);
  if (existsSync(resolve(dataFolder, 'postmaster.pid')) && !force) {
    fail(`the embedded database in ${dataFolder} is open: stop the app first (if it is stopped and was killed, start and stop it once, or add --force)`);
  }
}

async function openPglite(options) {
  const { PGlite } = await import('@electric-sql/pglite');
  return PGlite.create(options);
}

async function backup(file) {
  mkdirSync(dirname(file), { recursive: true });
  if (databaseUrl) {
    run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${databaseUrl}`]);
  } else {
    assertEmbeddedClosed();
    const db = await openPglite(dataFolder);
    try {
      const dump = await db.dumpDataDir('gzip');
      writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await db.close();
    }
  }
  console.log(`backup written: ${file} (${statSync(file).size} bytes, ${databaseUrl ? 'pg_dump custom format' : 'PGlite data folder, tar.gz'})`);
}

async function restore(file) {
  if (!existsSync(file)) fail(`no such file: ${file}`);
  if (databaseUrl) {
    run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${databaseUrl}`, file]);
    console.log(`restored ${file} into the database of DATABASE_URL`);
    return;
  }
  const exists = existsSync(resolve(dataFolder, 'PG_VERSION'));
  if (exists) assertEmbeddedClosed();
  const aside = `${dataFolder}.before-restore-${stamp}`;
  if (exists) renameSync(dataFolder, aside);
  try {
    const db = await openPglite({ dataDir: dataFolder, loadDataDir: new Blob([readFileSync(file)]) });
    await db.query('SELECT 1');
    await db.close();
  } catch (error) {
    rmSync(dataFolder, { recursive: true, force: true });
    if (exists) renameSync(aside, dataFolder); // the folder as it was
    fail(`the file is not a PGlite backup (${error instanceof Error ? error.message : error})`);
  }
  console.log(`restored ${file} into ${dataFolder}${exists ? `; the previous folder is kept as ${aside}` : ''}`);
}

if (command === 'backup') {
  await backup(resolve(fileArgument ?? `backups/jixiao-${stamp}.${databaseUrl ? 'dump' : 'tar.gz'}`));
} else if (command === 'restore' && fileArgument) {
  await restore(resolve(fileArgument));
} else {
  fail('usage: node scripts/backup.mjs backup [file] | restore <file> [--force]');
}
