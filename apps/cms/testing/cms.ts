import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { strapiStartArgs } from '../scripts/strapi-server.mjs';
import { createThrowawayDatabase, makeTempDir, type ThrowawayDatabase } from './database';

export const CMS_DIR = path.resolve(__dirname, '..');

/** What a test needs to talk to a running CMS. Plain data, so it can cross vitest's provide(). */
export type CmsConnection = {
  url: string;
  graphqlUrl: string;
  /** The site build's read-only token, as the CMS wrote it on boot. */
  siteToken: string;
  admin: { email: string; password: string };
  database: 'sqlite' | 'postgres';
  /** An admin session opened once by a global setup and shared with every test file (Strapi allows only a few logins per address). */
  adminJwt?: string;
  /** The database settings the CMS runs with (for execSql). */
  databaseEnv: Record<string, string>;
};

export type RunningCms = CmsConnection & {
  /** Stops the server; the database and uploads stay until dispose(). */
  stop: () => Promise<void>;
  /** Starts the server again on the same database. */
  restart: () => Promise<void>;
  /** Runs `scripts/seed.mjs` (with --force) against the same database while the server is stopped. */
  runSeedScript: (args?: string[]) => Promise<string>;
  /** Runs a script of apps/cms (e.g. `scripts/backup.mjs`) with the server's settings; never throws. */
  runScript: (args: string[]) => Promise<{ code: number; output: string }>;
  /** With the server stopped: an empty database and an empty uploads folder, as on a new machine. */
  wipe: () => Promise<void>;
  /** Where this CMS keeps uploaded files. */
  uploadsDir: string;
  dispose: () => Promise<void>;
  logs: () => string;
};

/**
 * A loopback port nothing listens on, other than `taken`: a port picked earlier and not listened
 * on yet is free, and the system may hand it out again (the bench's site server once met its CMS).
 */
export async function freePort(taken: readonly number[] = []): Promise<number> {
  const port = await new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
  return taken.includes(port) ? freePort(taken) : port;
}

async function assertBuilt() {
  try {
    await fs.access(path.join(CMS_DIR, 'dist/src/index.js'));
  } catch {
    throw new Error('The CMS is not built: run `pnpm build` (or `pnpm --filter @solace/cms build`) first.');
  }
}

const secret = () => crypto.randomBytes(16).toString('base64');

/** The secrets every instance on one database must share (sessions, token hashes, encryption). */
export function sharedSecrets(): Record<string, string> {
  return {
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  };
}

/** A throwaway PostgreSQL database for several CMS instances (whatever DATABASE_CLIENT says). */
export async function createSharedDatabase() {
  // A PostgreSQL database has no folder of its own.
  return createThrowawayDatabase(os.tmpdir(), 'postgres');
}

/**
 * Boots the real, built Strapi (`strapi start`) on a throwaway database and a free port, with the
 * demo content seeded, and waits until it answers. SQLite by default; PostgreSQL when
 * DATABASE_CLIENT=postgres.
 */
export async function startCms(
  options: {
    seed?: boolean;
    env?: Record<string, string>;
    /** Ports picked for others and not listened on yet (a site server's), which this CMS must not take. */
    takenPorts?: readonly number[];
    /** NODE_ENV: production by default, as deployed; development only where a test needs what production refuses (introspection). */
    mode?: 'production' | 'development';
    /**
     * A database shared with other instances (see createSharedDatabase): this CMS neither creates
     * nor drops it. They must share their secrets, admin and SITE_TOKEN_FILE too (through env).
     */
    sharedDatabase?: ThrowawayDatabase;
  } = {},
): Promise<RunningCms> {
  await assertBuilt();
  const dir = await makeTempDir('cms');
  await fs.mkdir(path.join(dir, 'public/uploads'), { recursive: true });
  const database: ThrowawayDatabase = options.sharedDatabase ?? (await createThrowawayDatabase(dir));
  const port = await freePort(options.takenPorts);
  const admin = {
    email: options.env?.ADMIN_EMAIL ?? 'admin@solace.test',
    password: options.env?.ADMIN_PASSWORD ?? `Test-${crypto.randomBytes(6).toString('hex')}-Aa1`,
  };
  const tokenFile = options.env?.SITE_TOKEN_FILE ?? path.join(dir, 'site-token');

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    NODE_ENV: options.mode ?? 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    ...sharedSecrets(),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    SITE_TOKEN_FILE: tokenFile,
    PUBLIC_DIR: path.join(dir, 'public'),
    SEED_DEMO_CONTENT: options.seed === false ? 'false' : 'true',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    ...database.env,
    ...options.env,
  };

  let output = '';
  let child: ChildProcess | undefined;
  const url = `http://127.0.0.1:${port}`;

  const boot = async () => {
    child = spawn(process.execPath, strapiStartArgs(CMS_DIR), { cwd: CMS_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    await waitUntilHealthy(url, child, () => output);
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || hasExited(running)) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const cleanUp = async () => {
    await stop();
    if (!options.sharedDatabase) await database.drop();
    await fs.rm(dir, { recursive: true, force: true });
  };

  let siteToken: string;
  try {
    await boot();
    siteToken = (await fs.readFile(tokenFile, 'utf8')).trim();
  } catch (error) {
    await cleanUp();
    throw error;
  }

  return {
    url,
    graphqlUrl: `${url}/graphql`,
    siteToken,
    admin,
    database: database.client,
    databaseEnv: database.env,
    stop,
    restart: async () => {
      await stop();
      await boot();
    },
    runSeedScript: (args = ['--force']) =>
      runNode(['scripts/seed.mjs', ...args], env).then(({ code, output }) => {
        if (code !== 0) throw new Error(`node scripts/seed.mjs ${args.join(' ')} exited ${code}:\n${output.slice(-4000)}`);
        return output;
      }),
    runScript: (args) => runNode(args, env),
    wipe: async () => {
      if (child) throw new Error('Stop the CMS before wiping its data.');
      await database.reset();
      await fs.rm(path.join(dir, 'public/uploads'), { recursive: true, force: true });
      await fs.mkdir(path.join(dir, 'public/uploads'), { recursive: true });
    },
    uploadsDir: path.join(dir, 'public/uploads'),
    dispose: cleanUp,
    logs: () => output,
  };
}

/** A process killed by a signal has a signalCode and no exitCode. */
const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Waits for a started CMS to answer /_health; fails with its last output if it exits or stays silent. */
export async function waitUntilHealthy(url: string, child: ChildProcess, logs: () => string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      throw new Error(`Strapi exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${logs().slice(-4000)}`);
    }
    try {
      const res = await fetch(`${url}/_health`);
      if (res.status === 204 || res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`Strapi did not answer at ${url} within ${timeoutMs} ms:\n${logs().slice(-4000)}`);
}

function runNode(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn(process.execPath, args, { cwd: CMS_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}
