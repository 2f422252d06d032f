import { describe, expect, inject, it } from 'vitest';
import { querySql } from '../testing';

const cms = inject('cms');

// The site's read order per collection (packages/content's `sort`, then Strapi's own `id`), as Strapi's SQL asks for it.
const READS = [
  { index: 'providers_site_order_idx', table: 'providers', where: "locale = 'en'", order: 'state asc, city asc, name asc, document_id asc, id asc' },
  { index: 'articles_site_order_idx', table: 'articles', where: "published_at is not null and locale = 'en'", order: 'date desc, published_at desc, document_id asc, id asc' },
  { index: 'authors_site_order_idx', table: 'authors', where: "locale = 'en'", order: 'name asc, document_id asc, id asc' },
];

describe(`indexes for the site's full reads (${cms.database})`, () => {
  for (const { index, table, where, order } of READS) {
    it(`${table}: a page in the site's order walks ${index} instead of sorting the whole locale`, async () => {
      if (cms.database === 'postgres') {
        const rows = await querySql<{ indexname: string }>(cms.databaseEnv, `select indexname from pg_indexes where tablename = '${table}' and indexname = '${index}'`);
        expect(rows.map((r) => r.indexname)).toEqual([index]);
        return;
      }
      const plan = await querySql<{ detail: string }>(cms.databaseEnv, `explain query plan select * from ${table} where ${where} order by ${order} limit 100 offset 100`);
      const details = plan.map((p) => p.detail).join('\n');
      expect(details).toContain(`USING INDEX ${index}`);
      // Articles: the index gives the date order; only articles of the same date and publication time are sorted.
      expect(details).not.toMatch(table === 'articles' ? /USE TEMP B-TREE FOR ORDER BY/ : /TEMP B-TREE/);
    });
  }
});
