import { spawn } from 'node:child_process';
import path from 'node:path';
import { bundledArgs } from '../../src/bundled.js';

export const SITE_DIR = path.resolve(import.meta.dirname, '../..');

export type BuildRun = { code: number; output: string; ms: number };

type BuildEnv = {
  STRAPI_URL: string;
  STRAPI_TOKEN: string;
  SITE_OUTPUT_DIR: string;
  SITE_URL?: string;
  SITE_PREVIEW?: string;
  SITE_BUILD_COLD?: string;
  SITE_CONTENT_OVERLAP_MS?: string;
  SITE_SEARCH_PART_PAGES?: string;
};

const buildEnv = (env: BuildEnv) => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  SITE_URL: 'http://localhost:8080',
  // Never fall back to a token a local CMS wrote for itself.
  STRAPI_TOKEN_FILE: path.join(SITE_DIR, 'no-such-token-file'),
  ...env,
});

/**
 * A build by a process started ahead of it, as `pnpm start` runs them (src/rebuild-child.ts):
 * once it says it has loaded, `prepare` has it prepare the build's start (resolving when it says it
 * has), and `go` starts the build and gives its log and exit code.
 */
export async function startBuildAhead(env: BuildEnv) {
  const child = spawn(process.execPath, bundledArgs('src/rebuild-child.ts'), {
    cwd: SITE_DIR,
    env: { ...buildEnv(env), SITE_BUILD_ON_GO: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  const said = (what: string) =>
    new Promise<void>((resolve, reject) => {
      child.on('message', (message) => message === what && resolve());
      void exited.then(() => reject(new Error(`The build process ended before it said "${what}":\n${output}`)));
    });
  await said('loaded');
  return {
    pid: child.pid!,
    prepare: () => {
      const prepared = said('prepared');
      child.send('prepare');
      return prepared;
    },
    /** Stops it as the site server does when it stops; resolves with its exit code. */
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
    go: async (): Promise<BuildRun> => {
      const started = performance.now();
      child.send('go');
      const code = await exited;
      return { code, output, ms: Math.round(performance.now() - started) };
    },
  };
}

/** Runs the real site build (`pnpm build`: scripts/build.ts, bundled) with the given settings. */
export function runBuild(env: BuildEnv) {
  const started = performance.now();
  return new Promise<BuildRun>((resolve) => {
    const child = spawn(process.execPath, bundledArgs('scripts/build.ts'), {
      cwd: SITE_DIR,
      env: buildEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code: code ?? 1, output, ms: Math.round(performance.now() - started) }));
  });
}
