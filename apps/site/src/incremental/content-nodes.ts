import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { summarizeNodes, trustKeptNodes, type ContentNodes, type KeptContent, type KeptNodesRead, type KeptSummary } from '@solace/content';
import { exists } from '../file-exists.js';
import { cacheDirOf, dropCacheFile, readCacheFile, stageCacheFile } from './manifest.js';

/**
 * The raw CMS nodes the last build fetched, kept next to its manifest (`<outputDir>.cache/`), so
 * the next build asks the CMS only for what changed since. `key` (contentNodesHash) ties them to
 * the queries, the schema, the code that merges them and the CMS they came from.
 *
 * `content.json` holds the nodes with each list (the media files, a locale's articles, providers...)
 * replaced by the name of the file that holds it, `content/<hash of its JSON>.json`: a build
 * writes only the lists it did not take whole from the kept ones (after an edit, its locale's
 * articles: 4 MB of the corpus's 24, a few hundred milliseconds less after every rebuild).
 * It also holds their summary (the content package's KeptSummary): the next build asks the CMS
 * for the deltas with it, reads the lists only once the answers show a change, and takes their
 * nodes as checked (the content package's trustKeptNodes: `key` ties them to its code).
 */
type ContentNodesFile = { kind: 'solace-content-nodes'; format: typeof FILE_FORMAT; key: string; summary: KeptSummary; nodes: StoredNodes };
type ListRef = { list: string };
type StoredNodes = Omit<ContentNodes, 'media' | 'locales'> & {
  media: ListRef;
  locales: Record<string, Record<string, unknown>>;
};

export const NODES_FILE = 'content.json';
const LISTS_DIR = 'content';
const FILE_FORMAT = 3;
const LISTS = ['articles', 'articleDrafts', 'authors', 'topics', 'providers', 'interfaceTexts'] as const;

export type KeptContentRead = { kept: KeptContent } | { kept: null; reason: string };

/**
 * The lists this process read or wrote last, by cache folder and place ('media', 'en/articles'):
 * a list made of the same nodes in the same order is that file's (nodes are never changed once
 * received, and a load keeps the very objects it did not replace).
 */
const known = new Map<string, Map<string, { file: string; nodes: readonly unknown[] }>>();

/**
 * The kept content, or why it cannot be used (then the content is fetched in full): its summary
 * (`content.json`, a few kilobytes) at once, its lists (megabytes) when the load reads them, once.
 */
export async function readKeptContent(outputDir: string, key: string): Promise<KeptContentRead> {
  const read = await readNodesFile(outputDir, key);
  if ('reason' in read) return { kept: null, reason: read.reason };
  const { summary, nodes: stored } = read.file;
  let lists: Promise<KeptNodesRead> | null = null;
  return { kept: { summary, read: () => (lists ??= readLists(outputDir, stored)) } };
}

/** `content.json`, if it is one this version writes, under `key`. */
async function readNodesFile(outputDir: string, key: string): Promise<{ file: ContentNodesFile } | { reason: string }> {
  const read = await readCacheFile<ContentNodesFile>(outputDir, NODES_FILE, {
    missing: 'no content snapshot of a previous build',
    corrupt: 'the content snapshot is corrupt',
  });
  if ('reason' in read) return read;
  const parsed = read.value;
  const stored = parsed?.nodes;
  if (
    parsed?.kind !== 'solace-content-nodes' ||
    parsed.format !== FILE_FORMAT ||
    typeof parsed.summary !== 'object' ||
    parsed.summary === null ||
    !stored ||
    !isListRef(stored.media) ||
    !Array.isArray(stored.localeList) ||
    !isLocaleSets(stored.locales)
  ) {
    return { reason: 'the content snapshot is not one this version writes' };
  }
  if (parsed.key !== key) return { reason: 'the queries, the schema or the CMS changed since the content snapshot' };
  return { file: parsed as ContentNodesFile };
}

async function readLists(outputDir: string, stored: StoredNodes): Promise<KeptNodesRead> {
  const places = listPlaces(stored.locales).map(([place, code, list]) => ({ place, ref: stored.locales[code]![list] as ListRef, code, list }));
  const lists = await Promise.all([readList(outputDir, stored.media), ...places.map(({ ref }) => readList(outputDir, ref))]);
  const failed = lists.find((list) => 'reason' in list);
  if (failed && 'reason' in failed) return { nodes: null, reason: failed.reason };
  const [media, ...byPlace] = lists as { nodes: unknown[] }[];
  const remembered = new Map<string, { file: string; nodes: readonly unknown[] }>();
  remembered.set('media', { file: stored.media.list, nodes: [...media!.nodes] });
  const locales: Record<string, Record<string, unknown>> = {};
  for (const [code, sets] of Object.entries(stored.locales)) locales[code] = { ...sets };
  places.forEach(({ place, ref, code, list }, i) => {
    locales[code]![list] = byPlace[i]!.nodes;
    remembered.set(place, { file: ref.list, nodes: [...byPlace[i]!.nodes] });
  });
  known.set(cacheDirOf(outputDir), remembered);
  const nodes = { ...stored, media: media!.nodes, locales } as ContentNodes;
  // Checked by the build that kept them, under the same content package (`key`): not checked again.
  trustKeptNodes(nodes);
  return { nodes };
}

/** `overlapMs`: the load's safety overlap, which the summary's recent records depend on. */
export async function writeContentNodes(outputDir: string, key: string, nodes: ContentNodes, overlapMs: number) {
  const dir = path.join(cacheDirOf(outputDir), LISTS_DIR);
  await fs.mkdir(dir, { recursive: true });
  const before = known.get(cacheDirOf(outputDir));
  const remembered = new Map<string, { file: string; nodes: readonly unknown[] }>();
  const keep = async (place: string, list: readonly unknown[]): Promise<ListRef> => {
    const previous = before?.get(place);
    const file = previous && sameItems(previous.nodes, list) && (await exists(path.join(dir, previous.file))) ? previous.file : await writeList(dir, list);
    remembered.set(place, { file, nodes: [...list] });
    return { list: file };
  };
  const locales: StoredNodes['locales'] = {};
  for (const [code, sets] of Object.entries(nodes.locales)) locales[code] = { ...sets };
  for (const [place, code, list] of listPlaces(nodes.locales)) locales[code]![list] = await keep(place, nodes.locales[code]![list]);
  const stored: StoredNodes = { ...nodes, media: await keep('media', nodes.media), locales };
  const file: ContentNodesFile = { kind: 'solace-content-nodes', format: FILE_FORMAT, key, summary: summarizeNodes(nodes, overlapMs), nodes: stored };
  await (await stageCacheFile(outputDir, NODES_FILE, file)).commit();
  known.set(cacheDirOf(outputDir), remembered);
  // Lists no longer named (and any a stopped build left half written) go.
  const named = new Set([...remembered.values()].map((entry) => entry.file));
  for (const file of await fs.readdir(dir)) if (!named.has(file)) await fs.rm(path.join(dir, file), { force: true });
}

/**
 * The kept nodes as of a later fetch whose answers showed them unchanged, without reading their
 * lists: the same lists, with that fetch's start and the summary it gives (the content package's
 * summaryAsOf). Only `content.json` is written; nodes kept under another key are left alone.
 */
export async function keepContentAsOf(outputDir: string, key: string, summary: KeptSummary) {
  const read = await readNodesFile(outputDir, key);
  if ('reason' in read) return;
  const file: ContentNodesFile = { ...read.file, summary, nodes: { ...read.file.nodes, fetchedAt: summary.fetchedAt } };
  await (await stageCacheFile(outputDir, NODES_FILE, file)).commit();
}

/** Forgets the kept nodes (before the output they were fetched for is replaced: a crash then means a full fetch). */
export async function dropContentNodes(outputDir: string) {
  await dropCacheFile(outputDir, NODES_FILE);
}

/** A list's file, named by its text's hash: one already there holds the same text. */
async function writeList(dir: string, list: readonly unknown[]) {
  const text = JSON.stringify(list);
  const file = `${crypto.createHash('sha256').update(text).digest('hex').slice(0, 32)}.json`;
  const target = path.join(dir, file);
  if (await exists(target)) return file;
  const aside = `${target}.${process.pid}.tmp`;
  await fs.writeFile(aside, text);
  await fs.rename(aside, target);
  return file;
}

async function readList(outputDir: string, ref: ListRef): Promise<{ nodes: unknown[] } | { reason: string }> {
  const file = path.join(cacheDirOf(outputDir), LISTS_DIR, path.basename(ref.list));
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return { reason: `the content snapshot's ${ref.list} is missing` };
  }
  let nodes: unknown;
  try {
    nodes = JSON.parse(text);
  } catch {
    nodes = null;
  }
  if (Array.isArray(nodes)) return { nodes };
  // Removed: a list of the same text would otherwise be taken for it (writeList), build after build.
  await fs.rm(file, { force: true });
  return { reason: `the content snapshot's ${ref.list} is corrupt` };
}

/** Every locale's lists: their place ('en/articles'), locale and name. */
const listPlaces = (locales: Record<string, unknown>) =>
  Object.keys(locales).flatMap((code) => LISTS.map((list) => [`${code}/${list}`, code, list] as const));

const sameItems = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((item, i) => item === b[i]);

const isListRef = (value: unknown): value is ListRef => typeof value === 'object' && value !== null && typeof (value as ListRef).list === 'string';
const isLocaleSets = (locales: unknown): locales is StoredNodes['locales'] =>
  typeof locales === 'object' &&
  locales !== null &&
  Object.values(locales).every((sets) => typeof sets === 'object' && sets !== null && LISTS.every((list) => isListRef((sets as Record<string, unknown>)[list])));
