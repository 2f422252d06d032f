// The CMS `pnpm bench` measures against: the built Strapi on the reference corpus's own database
// (see apps/cms/scripts/corpus-database.mjs), on a free loopback port, writing its read-only
// token to a temp file. Never the demo's database, token file or rebuild hook.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { childEnv, SITE_DIR } from '../src/env.js';

const CMS_DIR = path.resolve(SITE_DIR, '../cms');

export type BenchCms = { url: string; token: string; stop: () => Promise<void> };

export async function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The database settings of the corpus, as `pnpm corpus` wrote it. */
async function corpusDatabase() {
  const { readConfig } = await import(path.join(CMS_DIR, 'scripts/load-strapi.mjs'));
  const { corpusDatabaseConfig, CORPUS_SQLITE_FILE } = await import(path.join(CMS_DIR, 'scripts/corpus-database.mjs'));
  const target = corpusDatabaseConfig(readConfig('database')) as { label: string; env: Record<string, string> };
  if (target.env.DATABASE_CLIENT === 'sqlite') {
    await fs.access(CORPUS_SQLITE_FILE).catch(() => {
      throw new Error(`No corpus at ${CORPUS_SQLITE_FILE}: run \`pnpm corpus\` first.`);
    });
  }
  return target;
}

export async function startCorpusCms(tempDir: string, log: (line: string) => void): Promise<BenchCms> {
  await fs.access(path.join(CMS_DIR, 'dist/src/index.js')).catch(() => {
    throw new Error('The CMS is not built: run `pnpm --filter @solace/cms build` (pnpm bench does it through turbo).');
  });
  const database = await corpusDatabase();
  const port = await freePort();
  const tokenFile = path.join(tempDir, 'site-token');
  const url = `http://127.0.0.1:${port}`;
  const env = childEnv({
    ...database.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    SITE_TOKEN_FILE: tokenFile,
    SITE_REBUILD_URL: '',
    SITE_REBUILD_SECRET_FILE: '',
    SCHEDULED_PUBLISHING: 'false',
    SEED_DEMO_CONTENT: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
  });
  log(`starting the CMS on ${database.label} at ${url}`);
  const strapiBin = path.join(CMS_DIR, 'node_modules/@strapi/strapi/bin/strapi.js');
  const child = spawn(process.execPath, [strapiBin, 'start'], { cwd: CMS_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const stop = () => stopChild(child);
  try {
    await waitUntilHealthy(url, child, () => output);
    return { url, token: (await fs.readFile(tokenFile, 'utf8')).trim(), stop };
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

async function waitUntilHealthy(url: string, child: ChildProcess, logs: () => string, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited(child)) throw new Error(`The CMS exited before it was ready:\n${logs().slice(-3000)}`);
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
