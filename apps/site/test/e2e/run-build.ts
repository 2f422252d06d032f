import { spawn } from 'node:child_process';
import path from 'node:path';

export const SITE_DIR = path.resolve(import.meta.dirname, '../..');

export type BuildRun = { code: number; output: string; ms: number };

/** Runs the real site build (`tsx scripts/build.ts`) with the given settings. */
export function runBuild(env: { STRAPI_URL: string; STRAPI_TOKEN: string; SITE_OUTPUT_DIR: string; SITE_URL?: string; SITE_PREVIEW?: string; SITE_BUILD_COLD?: string }) {
  const started = performance.now();
  return new Promise<BuildRun>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
      cwd: SITE_DIR,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        SITE_URL: 'http://localhost:8080',
        // Never fall back to a token a local CMS wrote for itself.
        STRAPI_TOKEN_FILE: path.join(SITE_DIR, 'no-such-token-file'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code: code ?? 1, output, ms: Math.round(performance.now() - started) }));
  });
}
