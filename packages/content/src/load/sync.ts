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
 * (An incremental fetch asks for a locale's deltas and counts together: incremental.ts.)
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
  const filters = deltaFilters(collection, kept, options);
  if (!kept || !filters) return readInFull(client, collection, locale, kept);
  const delta = await collection.where(client, locale, filters);
  // Counted after the delta: a record created in between makes the count differ, never hides a vanished one.
  const { total } = (await collection.ids(client, locale, 1, 1)).pageInfo;
  return mergeDelta(client, collection, locale, kept, delta, total);
}

/** The filters of a collection's delta since `kept` was fetched (see syncCollection); null to read it in full. */
export function deltaFilters<N extends { documentId: string }>(collection: Collection<N>, kept: N[] | undefined, { full = false, overlapMs, keptAt }: SyncOptions) {
  const newestKept = kept && !full ? newestStamp(kept, collection.stamps) : null;
  if (newestKept === null) return null;
  // Everything committed before the kept fetch began was in it: the cursor is the later of that
  // moment (the CMS's clock) and the newest kept stamp (another CMS instance's clock may be ahead).
  const keptAtMs = keptAt ? Date.parse(keptAt) : NaN;
  const newest = Number.isNaN(keptAtMs) ? newestKept : Math.max(newestKept, keptAtMs);
  return collection.changedSince(sinceOf(newest, overlapMs));
}

/** A collection read in full, as a cold build reads it. */
export async function readInFull<N extends { documentId: string }>(client: ContentClient, collection: Collection<N>, locale: string, kept: N[] | undefined): Promise<Synced<N>> {
  const nodes = await collection.full(client, locale);
  return { nodes, changed: changedIds(kept ?? [], nodes), fetched: nodes.length, reused: 0, full: true };
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
