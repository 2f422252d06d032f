import { describe, expect, it } from 'vitest';
import { loadForParents, type FindRows } from '../src/graphql-bulk-relations';

type Row = { id: number } & Record<string, unknown>;

/**
 * A table of article rows the way the database holds them mid-publish: the listing query saw
 * row 2 (the published version of doc-b), then the publish replaced it with row 5.
 */
function articlesTable(rows: Row[], ...later: Row[][]) {
  const calls: Record<string, unknown>[] = [];
  const matches = (row: Row, where: Record<string, unknown>): boolean =>
    Object.entries(where).every(([key, condition]) => {
      if (key === '$or') return (condition as Record<string, unknown>[]).some((w) => matches(row, w));
      if (key === 'id') return (condition as { $in: number[] }).$in.includes(row.id);
      if (condition && typeof condition === 'object' && '$notNull' in condition) return row[key] != null;
      if (condition && typeof condition === 'object' && '$null' in condition) return row[key] == null;
      return row[key] === condition;
    });
  const findMany: FindRows = async ({ where }) => {
    calls.push(where);
    // The table as it is at this query: `later` tables are what the next queries see.
    const now = calls.length === 1 ? rows : (later[calls.length - 2] ?? later.at(-1) ?? rows);
    return now.filter((row) => matches(row, where));
  };
  return { findMany, calls };
}

const seo = (title: string) => ({ metaTitle: title });

describe('bulk relation loading when a parent row was replaced by a publish', () => {
  const listed = [
    { id: 1, documentId: 'doc-a', locale: 'en', publishedAt: '2026-11-01' },
    { id: 2, documentId: 'doc-b', locale: 'en', publishedAt: '2026-11-01' },
  ];
  const table = [
    { id: 1, documentId: 'doc-a', locale: 'en', publishedAt: '2026-11-01', seo: seo('A') },
    { id: 3, documentId: 'doc-b', locale: 'en', publishedAt: null, seo: seo('B draft') },
    { id: 4, documentId: 'doc-b', locale: 'es', publishedAt: '2026-11-02', seo: seo('B es') },
    { id: 5, documentId: 'doc-b', locale: 'en', publishedAt: '2026-11-30', seo: seo('B republished') },
  ];

  it("answers for the vanished row with the document's current row in the same locale and state", async () => {
    const { findMany, calls } = articlesTable(table);
    const answers = await loadForParents(findMany, 'seo', {}, false, listed);
    expect(answers).toEqual([seo('A'), seo('B republished')]);
    // One query for the page, one more only for the row that vanished.
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ $or: [{ documentId: 'doc-b', locale: 'en', publishedAt: { $notNull: true } }] });
  });

  it('reads a row whose component vanished between the two queries of a populate as its replacement', async () => {
    // Row 2 was still found, but the publish removed its SEO component before the populate read it.
    const midPublish = [table[0]!, { id: 2, documentId: 'doc-b', locale: 'en', publishedAt: '2026-11-01', seo: null }, ...table.slice(1, 3)];
    const { findMany } = articlesTable(midPublish, table);
    const answers = await loadForParents(findMany, 'seo', {}, false, listed);
    expect(answers).toEqual([seo('A'), seo('B republished')]);
  });

  it('asks nothing more when every answer is there', async () => {
    const { findMany, calls } = articlesTable(table);
    await loadForParents(findMany, 'seo', {}, false, [listed[0]!]);
    expect(calls).toHaveLength(1);
  });

  it('takes an empty answer as it is when the row is still there afterwards (an article with no cover)', async () => {
    const noSeo = { id: 6, documentId: 'doc-c', locale: 'en', publishedAt: '2026-11-01', seo: null };
    const { findMany, calls } = articlesTable([...table, noSeo]);
    const answers = await loadForParents(findMany, 'seo', {}, false, [listed[0]!, noSeo]);
    expect(answers).toEqual([seo('A'), null]);
    // The page, then only whether row 6 still exists: no re-read of the document.
    expect(calls).toEqual([{ id: { $in: [1, 6] } }, { id: { $in: [6] } }]);
  });

  it('reads a vanished draft row as the current draft, never the published version', async () => {
    const { findMany } = articlesTable(table);
    const [answer] = await loadForParents(findMany, 'seo', {}, false, [{ id: 9, documentId: 'doc-b', locale: 'en', publishedAt: null }]);
    expect(answer).toEqual(seo('B draft'));
  });

  it('answers null when the document itself is gone, and pages to-many relations as before', async () => {
    const rows = [{ id: 1, documentId: 'doc-a', locale: 'en', publishedAt: 'x', topics: [{ n: 1 }, { n: 2 }, { n: 3 }] }];
    const { findMany } = articlesTable(rows);
    const answers = await loadForParents(findMany, 'topics', { limit: 1, offset: 1 }, true, [
      rows[0]!,
      { id: 7, documentId: 'doc-deleted', locale: 'en', publishedAt: 'x' },
    ]);
    expect(answers).toEqual([[{ n: 2 }], null]);
  });
});
