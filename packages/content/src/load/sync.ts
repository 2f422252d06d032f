import type { ContentClient } from '../client.js';
import { ContentFetchError } from '../errors.js';
import { filterByIds, PAGE_SIZE, type Collection } from './collections.js';
import { changedIds, chunks, mergeById, newestStamp, reconcile, sinceOf } from './merge.js';

/** One collection of one locale after a fetch: its nodes, which changed since the kept ones, and what it cost. */
export type Synced<N> = {
  nodes: N[];
  /** documentIds added, removed or different from the kept nodes. */
  changed: Set<string>;
  /** Records received in full, and records taken from the kept ones. */
  fetched: number;
  reused: number;
  /** Read in full (nothing kept, or `full` asked for). */
  full: boolean;
};

/** When the kept nodes were fetched (see syncCollection); `full` reads the collection in full. */
export type SyncOptions = { full?: boolean; overlapMs?: number; keptAt?: string | null };

/**
 * A collection as the CMS has it now, asking only for what changed since `kept` was fetched:
 * the records stamped after the fetch of `kept` began (`keptAt`, or the newest kept stamp if
 * later or unknown; less a safety overlap), merged over the kept
 * ones; then one count, and only when the count and the merged set differ, a listing of
 * documentIds to drop the records that vanished and fetch any that arrived meanwhile.
 * Without kept nodes, or with `full`, reads the whole list, as a cold build does.
 * (An incremental fetch asks for a locale's deltas and counts together: locale-sync.ts.)
 *
 * The count cannot tell a record that vanished from one the delta missed at the same time (they
 * cancel out): a record is missed only if its transaction commits later than the safety overlap.
 */
export async function syncCollection<N extends { documentId: string }>(
  client: ContentClient,
  collection: Collection<N>,
  locale: string,
  kept: N[] | undefined,
  options: SyncOptions = {},
): Promise<Synced<N>> {
  const newest = kept && !options.full ? newestStamp(kept, collection.stamps) : null;
  return settleList(client, collection, locale, kept, await askCollection(client, collection, locale, newest, options));
}

/** A collection as the CMS answered before the kept nodes are needed: its delta and count, or (nothing to ask from) the whole list. */
export type ListAnswer<N> = { delta: N[]; total: number } | { full: N[] };

/** What syncCollection asks, from the newest kept stamp alone (null: read in full). */
export async function askCollection<N extends { documentId: string }>(
  client: ContentClient,
  collection: Collection<N>,
  locale: string,
  newestKept: number | null,
  options: SyncOptions,
): Promise<ListAnswer<N>> {
  const filters = deltaFiltersFrom(collection, newestKept, options);
  if (!filters) return { full: await collection.full(client, locale) };
  const delta = await collection.where(client, locale, filters);
  // Counted after the delta: a record created in between makes the count differ, never hides a vanished one.
  const { total } = (await collection.ids(client, locale, 1, 1)).pageInfo;
  return { delta, total };
}

/** A collection brought up to date from its answer: a delta merged over the kept nodes and checked against the count, or the whole list. */
export async function settleList<N extends { documentId: string }>(
  client: ContentClient,
  collection: Collection<N>,
  locale: string,
  kept: N[] | undefined,
  answer: ListAnswer<N>,
): Promise<Synced<N>> {
  if ('full' in answer) return { nodes: answer.full, changed: changedIds(kept ?? [], answer.full), fetched: answer.full.length, reused: 0, full: true };
  // A delta is asked only from a kept list's cursor.
  if (!kept) throw new Error(`A delta of the ${collection.name} of ${locale} without the kept ${collection.name}`);
  return mergeDelta(client, collection, locale, kept, answer.delta, answer.total);
}

/** The filters of a collection's delta from its newest kept stamp (null: none, read it in full), see syncCollection. */
export function deltaFiltersFrom<N extends { documentId: string }>(collection: Collection<N>, newestKept: number | null, { overlapMs, keptAt }: SyncOptions) {
  if (newestKept === null) return null;
  return collection.changedSince(sinceOf(deltaCursor(newestKept, keptAt), overlapMs));
}

/**
 * The moment a delta asks from, before the safety overlap. Everything committed before the kept
 * fetch began (`keptAt`, the CMS's clock) was in it: the later of that and the newest kept stamp
 * (another CMS instance's clock may be ahead).
 */
export function deltaCursor(newestKept: number, keptAt: string | null | undefined) {
  const keptAtMs = keptAt ? Date.parse(keptAt) : NaN;
  return Number.isNaN(keptAtMs) ? newestKept : Math.max(newestKept, keptAtMs);
}

/**
 * The kept nodes with a delta merged over them, checked against the collection's count (`total`,
 * asked after the delta): only when they differ, its documentIds are listed to drop the records
 * that vanished and fetch any that arrived meanwhile.
 */
export async function mergeDelta<N extends { documentId: string }>(
  client: ContentClient,
  collection: Collection<N>,
  locale: string,
  kept: N[],
  delta: N[],
  total: number,
): Promise<Synced<N>> {
  const merged = mergeById(kept, delta);
  let fetched = delta.length;
  if (total !== merged.size) {
    const { missing } = reconcile(merged, await listIds(client, collection, locale));
    for (const ids of chunks(missing, PAGE_SIZE)) {
      const arrived = await collection.where(client, locale, filterByIds(ids));
      for (const node of arrived) merged.set(node.documentId, node);
      fetched += arrived.length;
    }
  }
  // In no particular order: load.ts sorts every list, fetched or merged, the same way.
  const nodes = [...merged.values()];
  const keptNodes = new Set<N>(kept);
  const reused = nodes.filter((n) => keptNodes.has(n)).length;
  return { nodes, changed: changedIds(kept, nodes), fetched, reused, full: false };
}

/** Every documentId of a collection, paged; refuses a listing that changed while paging. */
async function listIds<N extends { documentId: string }>(client: ContentClient, collection: Collection<N>, locale: string) {
  const first = await collection.ids(client, locale, 1, PAGE_SIZE);
  const { pageCount, total } = first.pageInfo;
  const later = await Promise.all(
    Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) => collection.ids(client, locale, i + 2, PAGE_SIZE)),
  );
  const ids = [first, ...later].flatMap((page) => page.nodes.map((n) => n.documentId));
  if (ids.length !== total || new Set(ids).size !== ids.length) {
    throw new ContentFetchError(
      'graphql',
      '',
      `Listing the ${collection.name}${locale ? ` of ${locale}` : ''}: the CMS said ${total} but ${ids.length} arrived. ` +
        'Content probably changed during the build; run it again.',
    );
  }
  return ids;
}
