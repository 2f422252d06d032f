// The databases' own backup tools: SQLite's online backup API (better-sqlite3), PostgreSQL's
// pg_dump/psql. Both copy every row as it is: ids, documentIds, dates, tokens, admin users.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

export const dumpFileName = (client) => (client === 'postgres' ? 'database/dump.sql' : 'database/strapi.db');

/** Rows of one read-only query, straight from the database (no Strapi). */
export async function queryRows(database, sql) {
  if (database.client === 'postgres') {
    const db = new pg.Client({ connectionString: database.url, ssl: database.ssl || undefined });
    await db.connect();
    try {
      await db.query(`SET search_path TO ${pg.escapeIdentifier(database.schema)}`);
      return (await db.query(sql)).rows;
    } finally {
      await db.end();
    }
  }
  const db = new Database(database.filename, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

/** How many tables the database holds (0: empty, or a SQLite file that does not exist yet). */
export async function countTables(database) {
  if (database.client === 'postgres') {
    const rows = await queryRows(
      database,
      `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = '${database.schema.replace(/'/g, "''")}'`,
    );
    return Number(rows[0].n);
  }
  try {
    await fs.access(database.filename);
  } catch {
    return 0;
  }
  const rows = await queryRows(database, "SELECT COUNT(*) AS n FROM sqlite_master WHERE type IN ('table', 'view')");
  return Number(rows[0].n);
}

export async function dumpDatabase(database, outFile) {
  await fs.mkdir(path.dirname(outFile), { recursive: true });
  if (database.client === 'postgres') {
    await runPostgresTool('pg_dump', database, [
      '--format=plain',
      '--no-owner',
      '--no-privileges',
      `--schema=${database.schema}`,
      `--file=${outFile}`,
    ]);
    return;
  }
  // A consistent copy even while the CMS is writing (the online backup API, page by page).
  const db = new Database(database.filename, { readonly: true, fileMustExist: true });
  try {
    await db.backup(outFile);
  } finally {
    db.close();
  }
}

/**
 * Puts the dumped database in place. SQLite: the copy is written next to the target and renamed
 * over it, so a failure leaves the old file. PostgreSQL: one transaction (drop the schema,
 * recreate it from the dump), so a failure leaves the old schema.
 */
export async function restoreDatabase(database, dumpFile) {
  if (database.client === 'postgres') {
    const preamble = `DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(database.schema)} CASCADE;\n`;
    await runPostgresTool(
      'psql',
      database,
      ['--no-psqlrc', '--quiet', '--single-transaction', '--set=ON_ERROR_STOP=1', '--file=-'],
      async (stdin) => {
        stdin.write(preamble);
        for await (const chunk of createReadStream(dumpFile)) {
          if (!stdin.write(chunk)) await new Promise((resolve) => stdin.once('drain', resolve));
        }
        stdin.end();
      },
    );
    return;
  }
  const target = database.filename;
  await fs.mkdir(path.dirname(target), { recursive: true });
  const staged = `${target}.restoring`;
  await fs.copyFile(dumpFile, staged);
  const check = new Database(staged, { readonly: true });
  try {
    const [{ integrity_check: result }] = check.pragma('integrity_check');
    if (result !== 'ok') throw new Error(`The archived SQLite database fails its integrity check: ${result}`);
  } catch (error) {
    await fs.rm(staged, { force: true });
    throw error;
  } finally {
    check.close();
  }
  // A journal left beside the old file must not be replayed into the new one.
  for (const suffix of ['-wal', '-shm', '-journal']) await fs.rm(target + suffix, { force: true });
  await fs.rename(staged, target);
}

/** Runs pg_dump or psql with the connection in libpq's variables, the password out of the process list. */
function runPostgresTool(tool, database, args, feed) {
  const url = new URL(database.url);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env = {
    // eslint-disable-next-line no-restricted-properties -- the tool inherits our environment, plus the password
    ...process.env,
    ...(password ? { PGPASSWORD: password } : {}),
    ...(database.ssl && !url.searchParams.has('sslmode') ? { PGSSLMODE: 'require' } : {}),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [`--dbname=${url.toString()}`, ...args], {
      env,
      stdio: [feed ? 'pipe' : 'ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('error', (error) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(`${tool} was not found. Install PostgreSQL's client tools (the same major version as the server, e.g. postgresql-client-16) and try again.`)
          : error,
      ),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}):\n${errors.trim()}`)),
    );
    if (feed) {
      // If psql stops early its exit code says why; a broken pipe adds nothing.
      child.stdin.on('error', () => {});
      feed(child.stdin).catch(reject);
    }
  });
}
