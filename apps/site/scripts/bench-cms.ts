// The CMS `pnpm bench` measures against: the built Strapi on a throwaway copy of the reference
// corpus (see apps/cms/scripts/corpus-database.mjs), on a free loopback port, with an administrator
// of its own and its read-only token in a temp file. The rebuild rows edit content, so the copy:
// SQLite's file copied with SQLite's backup API into the bench's temp dir, PostgreSQL's database
// copied as a template (`CREATE DATABASE ... TEMPLATE solace_corpus`) and dropped afterwards.
// Never the corpus's own database, nor the demo's database, token file or rebuild hook.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { execSql, freePort, strapiStartArgs, waitUntilHealthy, type CmsConnection } from '@solace/cms/testing';
import { childEnv, SITE_DIR } from '../src/env.js';

const CMS_DIR = path.resolve(SITE_DIR, '../cms');
// The CMS's own database drivers (the site does not depend on them).
const cmsRequire = createRequire(path.join(CMS_DIR, 'package.json'));
// The little of better-sqlite3 used here (its types are the CMS's, not the site's).
type Sqlite = new (file: string, options: { readonly: boolean; fileMustExist: boolean }) => { backup: (to: string) => Promise<unknown>; close: () => void };

export type BenchCms = {
  url: string;
  /** The site build's read-only token. */
  token: string;
  /** For the admin API and the testing helpers (adminLogin, createApiToken). */
  connection: CmsConnection;
  /** Holds the CMS still (SIGSTOP) until `resume`: it answers nothing and takes no CPU meanwhile. */
  pause: () => void;
  resume: () => void;
  stop: () => Promise<void>;
};

export type BenchCmsOptions = {
  /** The rebuild webhook: where the CMS calls on every change, and the secret it sends. */
  rebuild?: { url: string; secret: string };
  /** Ports picked for others and not listened on yet (the site server's), which the CMS must not take. */
  takenPorts?: readonly number[];
};

type ThrowawayCopy = { label: string; client: 'sqlite' | 'postgres'; env: Record<string, string>; drop: () => Promise<void> };

/** A copy of the corpus `pnpm corpus` wrote, for this run only. */
export async function copyCorpus(tempDir: string): Promise<ThrowawayCopy> {
  const { readConfig } = await import(path.join(CMS_DIR, 'scripts/load-strapi.mjs'));
  const { corpusDatabaseConfig, CORPUS_SQLITE_FILE, CORPUS_POSTGRES_DATABASE } = await import(path.join(CMS_DIR, 'scripts/corpus-database.mjs'));
  const corpus = corpusDatabaseConfig(readConfig('database')) as { label: string; env: Record<string, string> };
  if (corpus.env.DATABASE_CLIENT === 'sqlite') {
    await fs.access(CORPUS_SQLITE_FILE).catch(() => {
      throw new Error(`No corpus at ${CORPUS_SQLITE_FILE}: run \`pnpm corpus\` first.`);
    });
    const file = path.join(tempDir, 'corpus-copy.db');
    // The backup API gives a consistent copy even while something else has the corpus open.
    const Database = cmsRequire('better-sqlite3') as Sqlite;
    const source = new Database(CORPUS_SQLITE_FILE, { readonly: true, fileMustExist: true });
    try {
      await source.backup(file);
    } finally {
      source.close();
    }
    return {
      label: `a copy of ${path.relative(process.cwd(), CORPUS_SQLITE_FILE)}`,
      client: 'sqlite',
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm', '-journal']) await fs.rm(file + suffix, { force: true });
      },
    };
  }
  const server = new URL(corpus.env.DATABASE_URL!);
  server.pathname = '/postgres';
  const onServer = (sql: string) => execSql({ DATABASE_CLIENT: 'postgres', DATABASE_URL: server.toString() }, sql);
  const name = `solace_bench_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  await onServer(`CREATE DATABASE ${name} TEMPLATE ${CORPUS_POSTGRES_DATABASE}`).catch((error: Error) => {
    throw new Error(`Could not copy the PostgreSQL corpus ${CORPUS_POSTGRES_DATABASE} (has \`DATABASE_CLIENT=postgres pnpm corpus\` run? is something connected to it?): ${error.message}`);
  });
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    label: `a copy of the PostgreSQL database ${CORPUS_POSTGRES_DATABASE}`,
    client: 'postgres',
    env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
    drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function startCorpusCms(tempDir: string, log: (line: string) => void, options: BenchCmsOptions = {}): Promise<BenchCms> {
  await fs.access(path.join(CMS_DIR, 'dist/src/index.js')).catch(() => {
    throw new Error('The CMS is not built: run `pnpm --filter @solace/cms build` (pnpm bench does it through turbo).');
  });
  const database = await copyCorpus(tempDir);
  // The copy keeps the corpus's administrator, whose password is not ours: the CMS creates the
  // bench's own on boot instead (it does when there is none).
  await execSql(database.env, 'DELETE FROM admin_users');
  const admin = { email: 'bench@solace.test', password: `Bench-${crypto.randomBytes(9).toString('hex')}-Aa1` };
  const port = await freePort(options.takenPorts);
  const tokenFile = path.join(tempDir, 'site-token');
  const url = `http://127.0.0.1:${port}`;
  const env = childEnv({
    ...database.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    SITE_TOKEN_FILE: tokenFile,
    SITE_REBUILD_URL: options.rebuild?.url ?? '',
    SITE_REBUILD_SECRET: options.rebuild?.secret ?? '',
    SITE_REBUILD_SECRET_FILE: '',
    SCHEDULED_PUBLISHING: 'false',
    SEED_DEMO_CONTENT: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
  });
  log(`starting the CMS on ${database.label} at ${url}`);
  const child = spawn(process.execPath, strapiStartArgs(CMS_DIR), { cwd: CMS_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // The webhook's failed calls (no site server listening during the rebuild rows) add up: keep the tail.
  child.stdout!.on('data', (chunk) => (output = (output + chunk).slice(-50_000)));
  child.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-50_000)));
  const pause = () => void child.kill('SIGSTOP');
  const resume = () => void child.kill('SIGCONT');
  const stop = async () => {
    // A paused process would only see its SIGTERM once it runs again.
    if (!exited(child)) resume();
    await stopChild(child);
    await database.drop();
  };
  try {
    await waitUntilHealthy(url, child, () => output, 180_000);
    const token = (await fs.readFile(tokenFile, 'utf8')).trim();
    const connection: CmsConnection = { url, graphqlUrl: `${url}/graphql`, siteToken: token, admin, database: database.client, databaseEnv: database.env };
    return { url, token, connection, pause, resume, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function stopChild(child: ChildProcess) {
  if (exited(child)) return;
  const done = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await done;
  clearTimeout(timer);
}

