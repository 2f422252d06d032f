// Runs the real `pnpm start` (scripts/start.ts) of the site against a CMS, on free ports, for the
// start-up test and the publish benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';

export const SITE_DIR = path.resolve(import.meta.dirname, '../..');

export const newSecret = () => crypto.randomBytes(32).toString('base64url');

export type RunningSite = {
  sitePort: number;
  previewPort: number;
  output: () => string;
  exited: () => boolean;
  stop: () => Promise<void>;
};

/** Starts scripts/start.ts with these settings; stop() sends SIGTERM as Ctrl-C would. */
export function startSite(env: Record<string, string> & { SITE_PORT: string; SITE_PREVIEW_PORT: string }): RunningSite {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: SITE_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      // Never fall back to files a local CMS wrote for itself.
      STRAPI_TOKEN_FILE: path.join(SITE_DIR, 'no-such-token-file'),
      SITE_REBUILD_SECRET_FILE: path.join(SITE_DIR, 'no-such-secret-file'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    sitePort: Number(env.SITE_PORT),
    previewPort: Number(env.SITE_PREVIEW_PORT),
    output: () => output,
    exited,
    stop: async () => {
      if (exited()) return;
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await done;
      clearTimeout(timer);
    },
  };
}

export type Reply = { status: number; body: string };

/** A real HTTP request to 127.0.0.1:port with any Host header (fetch does not let a caller set it). */
export function request(port: number, options: { method?: string; path?: string; host?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<Reply>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { host: options.host ?? `localhost:${port}`, ...options.headers },
        setHost: false,
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
