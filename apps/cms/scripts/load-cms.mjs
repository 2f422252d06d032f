// The CMS `pnpm load` measures: the built Strapi on PostgreSQL, on a free loopback port, on a
// throwaway database: a copy of the reference corpus (`DATABASE_CLIENT=postgres pnpm corpus`) when
// it exists, else a fresh database seeded with the demo content. Dropped afterwards, so the
// editors' saves never reach the corpus or the demo. Also samples the server's memory.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { appDir, readConfig } from './load-strapi.mjs';
import { CORPUS_POSTGRES_DATABASE } from './corpus-database.mjs';

const require = createRequire(import.meta.url);
const pg = require('pg');

/** The configured PostgreSQL server (DATABASE_CLIENT=postgres, DATABASE_URL), else the local one. */
function postgresServer() {
  const { connection } = readConfig('database');
  const url = new URL(connection.client === 'postgres' ? connection.connection.connectionString : 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  return url;
}

async function withServer(server, work) {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function corpusArticles(server) {
  const url = new URL(server);
  url.pathname = `/${CORPUS_POSTGRES_DATABASE}`;
  try {
    return await withServer(url, async (db) => Number((await db.query("SELECT COUNT(*) AS n FROM articles WHERE slug LIKE 'gen-%'")).rows[0].n));
  } catch {
    return 0; // no corpus database, or not loaded yet
  }
}

/** A throwaway database: the corpus copied (PostgreSQL's template copy, seconds), or an empty one for the demo. */
async function createLoadDatabase(log, { demo }) {
  const server = postgresServer();
  const name = `solace_load_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const articles = demo ? 0 : await corpusArticles(server);
  await withServer(server, (db) =>
    db.query(articles > 0 ? `CREATE DATABASE ${name} TEMPLATE ${CORPUS_POSTGRES_DATABASE}` : `CREATE DATABASE ${name}`),
  ).catch((error) => {
    throw new Error(`Could not create the load database on ${server.host}${articles > 0 ? ` (copying ${CORPUS_POSTGRES_DATABASE}: is something connected to it?)` : ''}: ${error.message}`);
  });
  const url = new URL(server);
  url.pathname = `/${name}`;
  if (articles > 0) {
    // The copy keeps the corpus's administrators; the load's own is created on boot instead.
    await withServer(url, (db) => db.query('DELETE FROM admin_users'));
  }
  log(
    articles > 0
      ? `content: a copy of the reference corpus (${articles} article rows)`
      : `content: the demo${demo ? '' : ' (no reference corpus on PostgreSQL: `DATABASE_CLIENT=postgres pnpm corpus` makes one)'}`,
  );
  return {
    url: url.toString(),
    content: articles > 0 ? 'reference corpus' : 'demo',
    drop: () => withServer(server, (db) => db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const secret = () => crypto.randomBytes(24).toString('base64');

/** The largest resident set the process has had (VmHWM), and now (VmRSS), in bytes, from /proc. */
export function memoryOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { peak: kb('VmHWM'), now: kb('VmRSS') };
}

export async function startLoadCms(log, options = { demo: false }) {
  const database = await createLoadDatabase(log, options);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'solace-load-'));
  const port = await freePort();
  const admin = { email: 'load@solace.test', password: `Load-${crypto.randomBytes(9).toString('hex')}-Aa1` };
  const env = {
    // eslint-disable-next-line no-restricted-properties -- the server needs the PATH and HOME it runs with, nothing else of ours
    PATH: process.env.PATH ?? '',
    // eslint-disable-next-line no-restricted-properties -- as above
    HOME: process.env.HOME ?? dir,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: database.url,
    SITE_TOKEN_FILE: path.join(dir, 'site-token'),
    SITE_REBUILD_URL: '',
    SITE_REBUILD_SECRET_FILE: '',
    SCHEDULED_PUBLISHING: 'false',
    SEED_DEMO_CONTENT: database.content === 'demo' ? 'true' : 'false',
    PUBLIC_DIR: path.join(dir, 'public'),
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  fs.mkdirSync(path.join(dir, 'public/uploads'), { recursive: true });
  const url = `http://127.0.0.1:${port}`;
  log(`starting the CMS (production mode) at ${url}`);
  const child = spawn(process.execPath, ['node_modules/@strapi/strapi/bin/strapi.js', 'start'], { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitUntilHealthy(url, child, () => output);
    return {
      url,
      pid: child.pid,
      admin,
      content: database.content,
      siteToken: fs.readFileSync(env.SITE_TOKEN_FILE, 'utf8').trim(),
      logs: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitUntilHealthy(url, child, logs, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The CMS exited before it was ready:\n${logs().slice(-3000)}`);
    try {
      const res = await fetch(`${url}/_health`);
      if (res.ok || res.status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The CMS did not answer at ${url} within ${timeoutMs / 1000} s:\n${logs().slice(-3000)}`);
}
