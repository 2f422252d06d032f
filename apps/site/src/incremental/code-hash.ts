import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_NODES_FORMAT } from '@solace/content';
import { SITE_DIR } from '../env.js';

/** Bump when the manifest or the way pages are fingerprinted changes. */
export const FORMAT_VERSION = 3;

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

async function filesUnder(target: string): Promise<string[]> {
  const stat = await fs.stat(target).catch(() => null);
  if (!stat) return [];
  if (stat.isFile()) return [target];
  const entries = await fs.readdir(target, { withFileTypes: true });
  const nested = await Promise.all(
    entries.filter((e) => !SKIP.has(e.name)).map((e) => filesUnder(path.join(target, e.name))),
  );
  return nested.flat();
}

/**
 * A hash of the code and settings a build's output depends on, besides the content; `sources` is
 * the code's own hash (sourcesHash) when the caller has just taken it.
 */
export async function codeHash(settings: Record<string, unknown>, sources?: string): Promise<string> {
  const code = sources ?? (await sourcesHash());
  return crypto.createHash('sha256').update(`format ${FORMAT_VERSION}\0${JSON.stringify(settings)}\0${code}`).digest('hex');
}

/** A hash of the code alone (no settings): a process that loaded it can tell whether it changed since. */
export function sourcesHash(): Promise<string> {
  return filesHash('sources', INPUTS);
}

/**
 * What the kept content nodes (content.json) depend on: the content package's queries, the
 * schema, the code that fetches and merges them, and where they came from. The site's own code
 * does not matter to them: they are mapped anew on every build.
 */
export function contentNodesHash(settings: Record<string, unknown>): Promise<string> {
  return filesHash(`content nodes ${CONTENT_NODES_FORMAT}\0${JSON.stringify(settings)}`, INPUTS.filter((p) => p.startsWith('packages/content')));
}

async function filesHash(prefix: string, inputs: string[]): Promise<string> {
  const hash = crypto.createHash('sha256');
  hash.update(`${prefix}\0`);
  const files = (await Promise.all(inputs.map((p) => filesUnder(path.join(REPO_DIR, p))))).flat().sort();
  for (const file of files) hash.update(path.relative(REPO_DIR, file)).update('\0').update(await fs.readFile(file)).update('\0');
  return hash.digest('hex');
}
