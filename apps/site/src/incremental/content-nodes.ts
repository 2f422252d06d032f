import type { ContentNodes } from '@solace/content';
import { dropCacheFile, readCacheFile, stageCacheFile } from './manifest.js';

/**
 * The raw CMS nodes the last build fetched, kept next to its manifest (`<outputDir>.cache/`), so
 * the next build asks the CMS only for what changed since. `key` (contentNodesHash) ties them to
 * the queries, the schema, the code that merges them and the CMS they came from.
 */
type ContentNodesFile = { kind: 'solace-content-nodes'; key: string; nodes: ContentNodes };

export const NODES_FILE = 'content.json';

export type ContentNodesRead = { nodes: ContentNodes } | { nodes: null; reason: string };

/** The kept nodes, or why they cannot be used (then the content is fetched in full). */
export async function readContentNodes(outputDir: string, key: string): Promise<ContentNodesRead> {
  const read = await readCacheFile<ContentNodesFile>(outputDir, NODES_FILE, {
    missing: 'no content snapshot of a previous build',
    corrupt: 'the content snapshot is corrupt',
  });
  if ('reason' in read) return { nodes: null, reason: read.reason };
  const parsed = read.value;
  const nodes = parsed?.nodes;
  if (parsed?.kind !== 'solace-content-nodes' || !nodes || !Array.isArray(nodes.media) || !Array.isArray(nodes.localeList) || !isLocaleSets(nodes.locales)) {
    return { nodes: null, reason: 'the content snapshot is not one this version writes' };
  }
  if (parsed.key !== key) return { nodes: null, reason: 'the queries, the schema or the CMS changed since the content snapshot' };
  return { nodes };
}

export async function writeContentNodes(outputDir: string, key: string, nodes: ContentNodes) {
  await (await stageContentNodes(outputDir, key, nodes)).commit();
}

/** Forgets the kept nodes (before the output they were fetched for is replaced: a crash then means a full fetch). */
export async function dropContentNodes(outputDir: string) {
  await dropCacheFile(outputDir, NODES_FILE);
}

export function stageContentNodes(outputDir: string, key: string, nodes: ContentNodes) {
  return stageCacheFile(outputDir, NODES_FILE, { kind: 'solace-content-nodes', key, nodes } satisfies ContentNodesFile);
}

const LISTS = ['articles', 'articleDrafts', 'authors', 'topics', 'providers', 'interfaceTexts'] as const;
const isLocaleSets = (locales: unknown) =>
  typeof locales === 'object' &&
  locales !== null &&
  Object.values(locales).every((sets) => typeof sets === 'object' && sets !== null && LISTS.every((list) => Array.isArray((sets as Record<string, unknown>)[list])));
