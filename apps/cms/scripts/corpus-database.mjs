// Where the reference corpus lives: never the demo's database. SQLite: apps/cms/.tmp/corpus.db.
// PostgreSQL (DATABASE_CLIENT=postgres): a database named solace_corpus on the same server as
// DATABASE_URL, created when missing.
import path from 'node:path';
import { createRequire } from 'node:module';
import { appDir } from './load-strapi.mjs';

const require = createRequire(import.meta.url);
export const CORPUS_SQLITE_FILE = path.join(appDir, '.tmp', 'corpus.db');
export const CORPUS_POSTGRES_DATABASE = 'solace_corpus';

/** The CMS's database settings (config/database.ts as Strapi evaluated them), pointed at the corpus. */
export function corpusDatabaseConfig(databaseConfig) {
  // A copy of what changes or Strapi changes (the pool), not a deep one: the config holds functions (the pool's afterCreate).
  const { connection: original } = databaseConfig;
  const connection = { ...original, connection: { ...original.connection }, ...(original.pool && { pool: { ...original.pool } }) };
  const config = { ...databaseConfig, connection };
  if (connection.client === 'sqlite') {
    connection.connection.filename = CORPUS_SQLITE_FILE;
    return { config, label: path.relative(process.cwd(), CORPUS_SQLITE_FILE), env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: CORPUS_SQLITE_FILE } };
  }
  const url = new URL(connection.connection.connectionString);
  url.pathname = `/${CORPUS_POSTGRES_DATABASE}`;
  connection.connection.connectionString = url.toString();
  return { config, label: `PostgreSQL database ${CORPUS_POSTGRES_DATABASE}`, env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() } };
}

/** Creates the PostgreSQL corpus database when it does not exist yet (SQLite creates its file). */
export async function ensureCorpusDatabase(databaseConfig) {
  if (databaseConfig.connection.client !== 'postgres') return;
  const pg = require('pg');
  const server = new URL(databaseConfig.connection.connection.connectionString);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [CORPUS_POSTGRES_DATABASE]);
    if (found.rowCount === 0) await client.query(`create database ${CORPUS_POSTGRES_DATABASE}`);
  } finally {
    await client.end();
  }
}
