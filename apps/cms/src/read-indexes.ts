import type { Core, UID } from '@strapi/strapi';

/**
 * Indexes for the order the site reads whole collections in, page by page (packages/content:
 * `sort` of each `*_connection` query; Strapi adds `id` last). Without them every page sorts the
 * whole locale (10,000 providers: tens of ms per page of 100, the biggest part of reading all the
 * providers); with them a page is a walk along the index.
 *
 * Declared on the content types, as schema.json `indexes` would be, so Strapi's schema sync owns
 * them (created on the next start, on SQLite and PostgreSQL alike).
 */
const SITE_READ_ORDER: Partial<Record<UID.ContentType, { name: string; columns: string[] }>> = {
  'api::provider.provider': { name: 'providers_site_order_idx', columns: ['locale', 'state', 'city', 'name', 'document_id', 'id'] },
  'api::author.author': { name: 'authors_site_order_idx', columns: ['locale', 'name', 'document_id', 'id'] },
};

type Index = { name: string; columns: string[] };

export function addSiteReadIndexes(strapi: Core.Strapi) {
  for (const [uid, index] of Object.entries(SITE_READ_ORDER) as [UID.ContentType, Index][]) {
    const contentType = strapi.contentTypes[uid] as unknown as { indexes?: Index[] } | undefined;
    if (!contentType) throw new Error(`read-indexes: no content type ${uid}`);
    if (contentType.indexes?.some((i) => i.name === index.name)) continue;
    contentType.indexes = [...(contentType.indexes ?? []), index];
  }
}

/**
 * Articles are read `date:desc, publishedAt:desc, documentId:asc` (then Strapi's `id:asc`). An
 * index in one direction gives only the date order: each page then sorts its rows, with every
 * row before its offset (3 KB bodies, the tenth page reads a thousand). This index has the same
 * directions, so a page is a walk along it. Strapi's index declarations name columns only, so it
 * is made here, after the schema sync, on every start (SQLite and PostgreSQL; bootstrap runs
 * under the start-up lock); Strapi's sync leaves indexes it did not make alone.
 */
const ARTICLE_READ_INDEX = 'articles_read_order_idx';

export async function ensureArticleReadIndex(strapi: Core.Strapi) {
  const { tableName, attributes } = strapi.db.metadata.get('api::article.article');
  const column = (attribute: string) => (attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute;
  const [locale, date, publishedAt, documentId] = ['locale', 'date', 'publishedAt', 'documentId'].map(column);
  await strapi.db.connection.raw('create index if not exists ?? on ?? (??, ?? desc, ?? desc, ??, ??)', [
    ARTICLE_READ_INDEX, tableName, locale!, date!, publishedAt!, documentId!, 'id',
  ]);
}
