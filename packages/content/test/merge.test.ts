import { describe, expect, it } from 'vitest';
import type { Collection } from '../src/load/collections.js';
import { changedIds, chunks, compareText, mergeById, newestStamp, reconcile, sinceOf } from '../src/load/merge.js';
import { syncCollection } from '../src/load/sync.js';
import type { ContentClient } from '../src/client.js';

type Node = { documentId: string; name: string; updatedAt: string | null };
const node = (documentId: string, name: string, updatedAt: string | null = '2026-01-01T10:00:00.000Z'): Node => ({ documentId, name, updatedAt });

describe('merging a delta into kept nodes', () => {
  it('takes the newest timestamp of any of a node’s stamps, ignoring missing ones', () => {
    const nodes = [{ a: '2026-01-01T10:00:00.000Z', b: null }, { a: '2026-01-01T09:00:00.000Z', b: '2026-01-02T00:00:00.000Z' }];
    expect(newestStamp(nodes, (n) => [n.a, n.b])).toBe(Date.parse('2026-01-02T00:00:00.000Z'));
    expect(newestStamp([{ a: null }], (n) => [n.a])).toBeNull();
    expect(newestStamp([], () => [])).toBeNull();
  });

  it('asks from the newest stamp less the safety overlap', () => {
    expect(sinceOf(Date.parse('2026-01-01T10:02:00.000Z'))).toBe('2026-01-01T10:00:00.000Z');
    expect(sinceOf(Date.parse('2026-01-01T10:02:00.000Z'), 0)).toBe('2026-01-01T10:02:00.000Z');
  });

  it('puts fetched nodes in place of kept ones and adds new ones', () => {
    const merged = mergeById([node('a', 'A'), node('b', 'B')], [node('b', 'B2'), node('c', 'C')]);
    expect([...merged.values()].map((n) => n.name)).toEqual(['A', 'B2', 'C']);
  });

  it('drops the nodes the CMS no longer lists and names the ones it lacks', () => {
    const merged = mergeById([node('a', 'A'), node('b', 'B')], []);
    expect(reconcile(merged, ['b', 'c'])).toEqual({ dropped: ['a'], missing: ['c'] });
    expect([...merged.keys()]).toEqual(['b']);
  });

  it('tells which documents were added, removed or changed', () => {
    const before = [node('a', 'A'), node('b', 'B'), node('c', 'C')];
    const after = [node('a', 'A'), node('b', 'B2'), node('d', 'D')];
    expect([...changedIds(before, after)].sort()).toEqual(['b', 'c', 'd']);
    expect(changedIds(before, [...before].reverse()).size).toBe(0);
  });

  it('compares text by code unit, missing first, and splits lists in chunks', () => {
    expect(['b', 'B', 'a', null].sort(compareText)).toEqual([null, 'B', 'a', 'b']);
    expect(chunks([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });
});

/** A collection over an in-memory table, logging what it was asked. */
function table(rows: Node[]) {
  const asked: string[] = [];
  const collection: Collection<Node> = {
    name: 'things',
    full: async () => (asked.push('full'), [...rows]),
    where: async (_client, _locale, filters) => {
      const f = filters as { updatedAt?: { gt: string }; documentId?: { in: string[] } };
      asked.push(f.updatedAt ? `since ${f.updatedAt.gt}` : `ids ${f.documentId!.in.join(',')}`);
      return rows.filter((r) => (f.updatedAt ? (r.updatedAt ?? '') > f.updatedAt.gt : f.documentId!.in.includes(r.documentId)));
    },
    ids: async (_client, _locale, page, pageSize) => {
      asked.push(pageSize === 1 ? 'count' : `list ${page}`);
      const sorted = [...rows].sort((a, b) => compareText(a.documentId, b.documentId));
      const nodes = sorted.slice((page - 1) * pageSize, page * pageSize).map(({ documentId }) => ({ documentId }));
      return { nodes, pageInfo: { total: rows.length, pageCount: Math.ceil(rows.length / pageSize) } };
    },
    stamps: (n) => [n.updatedAt],
    changedSince: (since) => ({ updatedAt: { gt: since } }),
    compare: (a, b) => compareText(a.name, b.name) || compareText(a.documentId, b.documentId),
  };
  return { collection, asked, rows };
}
const client = {} as ContentClient;
const T = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe('syncCollection', () => {
  it('reads in full without kept nodes', async () => {
    const { collection, asked } = table([node('a', 'A', T(1))]);
    const synced = await syncCollection(client, collection, 'en', undefined);
    expect(asked).toEqual(['full']);
    expect(synced).toMatchObject({ full: true, fetched: 1, reused: 0 });
  });

  it('asks only for what changed since the newest kept stamp less the overlap, and counts', async () => {
    const kept = [node('a', 'A', T(1)), node('b', 'B', T(5))];
    const { collection, asked } = table([node('a', 'A', T(1)), node('b', 'B', T(5)), node('c', 'C', T(9))]);
    const synced = await syncCollection(client, collection, 'en', kept, { overlapMs: 60_000 });
    expect(asked).toEqual([`since ${T(4)}`, 'count']);
    expect(synced.nodes.map((n) => n.documentId)).toEqual(['a', 'b', 'c']);
    // b was re-fetched by the overlap but is the same: only c changed.
    expect([...synced.changed]).toEqual(['c']);
    expect(synced).toMatchObject({ full: false, fetched: 2, reused: 1 });
  });

  it('lists the documentIds only when the count differs, dropping the vanished ones', async () => {
    const kept = [node('a', 'A', T(1)), node('b', 'B', T(5)), node('gone', 'G', T(2))];
    const { collection, asked } = table([node('a', 'A', T(1)), node('b', 'B2', T(6))]);
    const synced = await syncCollection(client, collection, 'en', kept, { overlapMs: 0 });
    expect(asked).toEqual([`since ${T(5)}`, 'count', 'list 1']);
    expect(synced.nodes.map((n) => n.name)).toEqual(['A', 'B2']);
    expect([...synced.changed].sort()).toEqual(['b', 'gone']);
  });

  it('fetches by documentId a record the delta missed (stamped before the cursor, committed late)', async () => {
    const kept = [node('a', 'A', T(1)), node('b', 'B', T(5))];
    const { collection, asked } = table([node('a', 'A', T(1)), node('b', 'B', T(5)), node('late', 'L', T(0))]);
    const synced = await syncCollection(client, collection, 'en', kept, { overlapMs: 0 });
    expect(asked).toEqual([`since ${T(5)}`, 'count', 'list 1', 'ids late']);
    expect(synced.nodes.map((n) => n.name)).toEqual(['A', 'B', 'L']);
    expect(synced).toMatchObject({ fetched: 1, reused: 2 });
  });

  it('asks only for what was stamped since the kept fetch began (the CMS clock), whatever the newest kept stamp', async () => {
    // Content loaded in bulk long before the last build: nothing of it is asked for again.
    const kept = [node('a', 'A', T(1)), node('b', 'B', T(5))];
    const { collection, asked } = table([node('a', 'A', T(1)), node('b', 'B', T(5))]);
    const synced = await syncCollection(client, collection, 'en', kept, { overlapMs: 60_000, keptAt: T(30) });
    expect(asked).toEqual([`since ${T(29)}`, 'count']);
    expect(synced).toMatchObject({ fetched: 0, reused: 2 });
  });

  it('keeps the newest kept stamp as the cursor when it is later than the kept fetch (a clock ahead)', async () => {
    const kept = [node('a', 'A', T(1)), node('b', 'B', T(40))];
    const { collection, asked } = table(kept);
    await syncCollection(client, collection, 'en', kept, { overlapMs: 60_000, keptAt: T(30) });
    expect(asked[0]).toBe(`since ${T(39)}`);
  });

  it('reads in full when asked to, even with kept nodes', async () => {
    const { collection, asked } = table([node('a', 'A', T(1))]);
    await syncCollection(client, collection, 'en', [node('a', 'A', T(1))], { full: true });
    expect(asked).toEqual(['full']);
  });
});
