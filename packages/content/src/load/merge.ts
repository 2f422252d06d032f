// The pure part of an incremental fetch: what to ask for, and how the answer is merged into the
// nodes the previous build kept. No I/O here, so every rule is unit-tested (test/merge.test.ts).

type Identified = { documentId: string };

/**
 * How far back a delta asks beyond the newest timestamp it has seen: the CMS's clock may step
 * back, and a transaction that stamped a record earlier may commit after a later one was read.
 * Re-fetching a few records is harmless; missing one is not.
 */
export const SAFETY_OVERLAP_MS = 2 * 60_000;

/** The newest of the given timestamps of all nodes, or null when there is none (then fetch in full). */
export function newestStamp<N>(nodes: N[], stamps: (node: N) => (string | null | undefined)[]): number | null {
  let newest: number | null = null;
  for (const node of nodes) {
    for (const stamp of stamps(node)) {
      const time = stamp ? Date.parse(stamp) : NaN;
      if (!Number.isNaN(time) && (newest === null || time > newest)) newest = time;
    }
  }
  return newest;
}

/** The time a delta asks from: the newest timestamp seen, less the safety overlap. */
export const sinceOf = (newest: number, overlapMs = SAFETY_OVERLAP_MS) => new Date(newest - overlapMs).toISOString();

/** The kept nodes with the fetched ones in their place (or added): a fetched node is the newer one. */
export function mergeById<N extends Identified>(kept: N[], fetched: N[]): Map<string, N> {
  const merged = new Map(kept.map((n) => [n.documentId, n]));
  for (const node of fetched) merged.set(node.documentId, node);
  return merged;
}

/**
 * Reconciles a merged set with every documentId the CMS lists now: drops the ones that vanished
 * (deleted, unpublished) and returns the ones it lacks (created while the delta ran).
 */
export function reconcile<N extends Identified>(merged: Map<string, N>, listed: string[]): { dropped: string[]; missing: string[] } {
  const present = new Set(listed);
  const dropped = [...merged.keys()].filter((id) => !present.has(id));
  for (const id of dropped) merged.delete(id);
  return { dropped, missing: listed.filter((id) => !merged.has(id)) };
}

/**
 * The documentIds added, removed or different between two sets of nodes (compared as JSON, unless
 * they are the same object: a merge keeps the kept nodes it did not replace).
 */
export function changedIds<N extends Identified>(before: N[], after: N[]): Set<string> {
  const old = new Map(before.map((n) => [n.documentId, n]));
  const changed = new Set<string>();
  for (const node of after) {
    const previous = old.get(node.documentId);
    if (previous !== node && (previous === undefined || JSON.stringify(previous) !== JSON.stringify(node))) changed.add(node.documentId);
    old.delete(node.documentId);
  }
  for (const id of old.keys()) changed.add(id);
  return changed;
}

/** Comparison by UTF-16 code units, as SQLite compares text by default; nulls sort first. */
export function compareText(a: string | null | undefined, b: string | null | undefined): number {
  if (a === b) return 0;
  if (a == null) return -1;
  if (b == null) return 1;
  return a < b ? -1 : 1;
}

/** Splits a list in chunks of `size` (a GraphQL `in` filter of thousands of ids would be refused). */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
