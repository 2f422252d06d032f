import { describe, expect, inject, it } from 'vitest';
import { querySql } from '../testing';

const cms = inject('cms');

// The site's read order per collection (packages/content's `sort`, then Strapi's own `id`), as Strapi's SQL asks for it.
const READS = [
  { index: 'providers_site_order_idx', table: 'providers', where: "locale = 'en'", order: 'state asc, city asc, name asc, document_id asc, id asc', columns: '(locale, state, city, name, document_id, id)' },
  { index: 'articles_read_order_idx', table: 'articles', where: "published_at is not null and locale = 'en'", order: 'date desc, published_at desc, document_id asc, id asc', columns: '(locale, date DESC, published_at DESC, document_id, id)' },
  { index: 'authors_site_order_idx', table: 'authors', where: "locale = 'en'", order: 'name asc, document_id asc, id asc', columns: '(locale, name, document_id, id)' },
];

describe(`indexes for the site's full reads (${cms.database})`, () => {
  for (const { index, table, where, order, columns } of READS) {
    it(`${table}: a page in the site's order walks ${index} instead of sorting the whole locale`, async () => {
      if (cms.database === 'postgres') {
        // A table this small is read whole by PostgreSQL's planner: the index is checked by its definition.
        const rows = await querySql<{ indexdef: string }>(cms.databaseEnv, `select indexdef from pg_indexes where tablename = '${table}' and indexname = '${index}'`);
        expect(rows.map((r) => r.indexdef.replace(/.* USING btree /, ''))).toEqual([columns]);
        return;
      }
      const plan = await querySql<{ detail: string }>(cms.databaseEnv, `explain query plan select * from ${table} where ${where} order by ${order} limit 100 offset 100`);
      const details = plan.map((p) => p.detail).join('\n');
      expect(details).toContain(`USING INDEX ${index}`);
      // Nothing to sort: a page is a walk along the index (articles too: its directions are the read's).
      expect(details).not.toMatch(/TEMP B-TREE/);
    });
  }
});
