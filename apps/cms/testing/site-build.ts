import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CmsConnection } from './cms';

const SITE_DIR = path.resolve(__dirname, '../../site');

/** Runs the real site build (apps/site `pnpm build`: scripts/build.ts, bundled) against a test CMS into outputDir. */
export function buildSite(cms: CmsConnection, outputDir: string) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/run-bundled.mjs', 'scripts/build.ts'], {
      cwd: SITE_DIR,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        SITE_URL: 'http://localhost:8080',
        STRAPI_URL: cms.url,
        STRAPI_TOKEN: cms.siteToken,
        // Never fall back to a token a local CMS wrote for itself.
        STRAPI_TOKEN_FILE: path.join(SITE_DIR, 'no-such-token-file'),
        SITE_OUTPUT_DIR: outputDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`The site build exited ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

async function listFiles(dir: string) {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The files that differ between two folders (missing on either side, or with other bytes); [] when identical. */
export async function compareTrees(a: string, b: string) {
  const [left, right] = await Promise.all([listFiles(a), listFiles(b)]);
  const differences = [
    ...left.filter((name) => !right.includes(name)).map((name) => `only in ${a}: ${name}`),
    ...right.filter((name) => !left.includes(name)).map((name) => `only in ${b}: ${name}`),
  ];
  for (const name of left.filter((name) => right.includes(name))) {
    const [x, y] = await Promise.all([fs.readFile(path.join(a, name)), fs.readFile(path.join(b, name))]);
    if (!x.equals(y)) differences.push(`differs: ${name}`);
  }
  return { files: left.length, differences };
}
