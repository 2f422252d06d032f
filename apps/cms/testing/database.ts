import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A database that exists only for one test run: a SQLite file, or a fresh PostgreSQL database. */
export type ThrowawayDatabase = {
  client: 'sqlite' | 'postgres';
  env: Record<string, string>;
  drop: () => Promise<void>;
};

/** The PostgreSQL server used to create throwaway databases (trust auth on the project's machines). */
const postgresServerUrl = () => process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function createThrowawayDatabase(dir: string): Promise<ThrowawayDatabase> {
  const client = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';

  if (client === 'sqlite') {
    const filename = path.join(dir, 'cms.db');
    return {
      client,
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm', '-journal']) await fs.rm(filename + suffix, { force: true });
      },
    };
  }

  const name = `solace_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const serverUrl = postgresServerUrl();
  await withPostgres(serverUrl, (db) => db.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    client,
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    drop: () => withPostgres(serverUrl, (db) => db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
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

export const makeTempDir = (label: string) => fs.mkdtemp(path.join(os.tmpdir(), `solace-${label}-`));
