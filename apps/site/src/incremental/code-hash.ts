import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_NODES_FORMAT } from '@solace/content';
import { SITE_DIR } from '../env.js';

/** Bump when the manifest or the way pages are fingerprinted changes. */
export const FORMAT_VERSION = 4;

const REPO_DIR = path.resolve(SITE_DIR, '../..');
/**
 * Everything besides the content that decides what a page looks like: the content package (its
 * queries, the schema, the code that maps them), the route table and the site's own code,
 * templates, styles and static files. Any change there makes the previous output foreign.
 */
const INPUTS = [
  'packages/content/src',
  'packages/content/schema.graphql',
  'packages/content/package.json',
  'packages/routes',
  'apps/site/src',
  'apps/site/_config',
  'apps/site/_data',
  'apps/site/_includes',
  'apps/site/content',
  'apps/site/public',
  'apps/site/styles',
  'apps/site/i18n',
  'apps/site/eleventy.config.ts',
  'apps/site/package.json',
  'pnpm-lock.yaml',
];
const SKIP = new Set(['node_modules', '.cache', 'dist', 'test']);

/**
 * Every file under `target` (a file or a folder), SKIP's folders left out. Read synchronously: the
 * code is about 160 small files, and every build (and a prepared build at its go) hashes it before
 * it does anything else; one file after the other through the thread pool took 70-130 ms of that
 * on a busy machine, read here 6-50 ms.
 */
function filesUnder(target: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return [];
  }
  if (stat.isFile()) return [target];
  return fs
    .readdirSync(target, { withFileTypes: true })
    .filter((entry) => !SKIP.has(entry.name))
    .flatMap((entry) => filesUnder(path.join(target, entry.name)));
}

/**
 * A hash of the code and settings a build's output depends on, besides the content; `sources` is
 * the code's own hash (sourcesHash) when the caller has just taken it.
 */
export function codeHash(settings: Record<string, unknown>, sources?: string): string {
  const code = sources ?? sourcesHash();
  return crypto.createHash('sha256').update(`format ${FORMAT_VERSION}\0${JSON.stringify(settings)}\0${code}`).digest('hex');
}

/** A hash of the code alone (no settings): a process that loaded it can tell whether it changed since. */
export function sourcesHash(): string {
  return filesHash('sources', INPUTS);
}

/**
 * What the kept content nodes (content.json) depend on: the content package's queries, the
 * schema, the code that fetches and merges them, and where they came from. The site's own code
 * does not matter to them: they are mapped anew on every build.
 */
export function contentNodesHash(settings: Record<string, unknown>): string {
  return filesHash(`content nodes ${CONTENT_NODES_FORMAT}\0${JSON.stringify(settings)}`, INPUTS.filter((p) => p.startsWith('packages/content')));
}

function filesHash(prefix: string, inputs: string[]): string {
  const hash = crypto.createHash('sha256');
  hash.update(`${prefix}\0`);
  const files = inputs.flatMap((p) => filesUnder(path.join(REPO_DIR, p))).sort();
  for (const file of files) hash.update(path.relative(REPO_DIR, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}
