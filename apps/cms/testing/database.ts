import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A database that exists only for one test run: a SQLite file, or a fresh PostgreSQL database. */
export type ThrowawayDatabase = {
  client: 'sqlite' | 'postgres';
  env: Record<string, string>;
  /** Empties the database (a new, empty one under the same name), as on a fresh machine. */
  reset: () => Promise<void>;
  drop: () => Promise<void>;
};

/** The PostgreSQL server used to create throwaway databases (trust auth on the project's machines). */
const postgresServerUrl = () => process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** SQLite, or PostgreSQL when DATABASE_CLIENT=postgres; `client` forces one (several CMS instances need PostgreSQL). */
export async function createThrowawayDatabase(
  dir: string,
  client: 'sqlite' | 'postgres' = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite',
): Promise<ThrowawayDatabase> {

  if (client === 'sqlite') {
    const filename = path.join(dir, 'cms.db');
    const drop = async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) await fs.rm(filename + suffix, { force: true });
    };
    return { client, env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename }, reset: drop, drop };
  }

  const name = `solace_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const serverUrl = postgresServerUrl();
  await withPostgres(serverUrl, (db) => db.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = () => withPostgres(serverUrl, (db) => db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined);
  return {
    client,
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    reset: async () => {
      await drop();
      await withPostgres(serverUrl, (db) => db.query(`CREATE DATABASE ${name}`));
    },
    drop,
  };
}

async function withPostgres<T>(url: string, work: (db: pg.Client) => Promise<T>) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/**
 * Runs one SQL statement against a test CMS's database, for tests that need content the CMS's own
 * rules would refuse (as a migration or a restored backup might bring in). `?` placeholders.
 */
export async function execSql(env: Record<string, string>, sql: string, params: unknown[] = []) {
  if (env.DATABASE_CLIENT === 'postgres') {
    let n = 0;
    await withPostgres(env.DATABASE_URL!, (db) => db.query(sql.replace(/\?/g, () => `$${++n}`), params));
    return;
  }
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(env.DATABASE_FILENAME!);
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

/** Rows of one query against a test CMS's database, read straight from the database, not through the CMS. */
export async function querySql<T = Record<string, unknown>>(env: Record<string, string>, sql: string): Promise<T[]> {
  if (env.DATABASE_CLIENT === 'postgres') {
    return withPostgres(env.DATABASE_URL!, async (db) => (await db.query(sql)).rows as T[]);
  }
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(env.DATABASE_FILENAME!, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

export const makeTempDir = (label: string) => fs.mkdtemp(path.join(os.tmpdir(), `solace-${label}-`));

/** How many tables a test CMS's database holds (0: empty, or no SQLite file yet). */
export async function countTables(env: Record<string, string>) {
  if (env.DATABASE_CLIENT === 'postgres') {
    const rows = await querySql<{ n: string }>(env, "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = 'public'");
    return Number(rows[0]!.n);
  }
  try {
    await fs.access(env.DATABASE_FILENAME!);
  } catch {
    return 0;
  }
  const rows = await querySql<{ n: number }>(env, "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'");
  return Number(rows[0]!.n);
}
