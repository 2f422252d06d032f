// The manifest's figures: rows per content type, locale and status, read straight from the database.
import { queryRows } from './backup-database.mjs';

const quote = (identifier) => `"${identifier.replace(/"/g, '""')}"`;

/** { 'api::article.article': { en: { draft: 3, published: 3 } } }: every api:: type, whatever types exist. */
export async function countContent(database, contentTypes) {
  const counts = {};
  for (const type of contentTypes) {
    const locale = type.localized ? 'locale' : "''";
    const status = type.draftAndPublish ? "CASE WHEN published_at IS NULL THEN 'draft' ELSE 'published' END" : "'published'";
    const rows = await queryRows(
      database,
      `SELECT ${locale} AS locale, ${status} AS status, COUNT(*) AS n FROM ${quote(type.table)} GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    counts[type.uid] = {};
    for (const row of rows) {
      const key = row.locale || '-';
      counts[type.uid][key] ??= {};
      counts[type.uid][key][row.status] = Number(row.n);
    }
  }
  return counts;
}
