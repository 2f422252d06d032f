import type { Core, UID } from '@strapi/strapi';

/**
 * Indexes for the order the site reads whole collections in, page by page (packages/content:
 * `sort` of each `*_connection` query; Strapi adds `id` last). Without them every page sorts the
 * whole locale (10,000 providers: tens of ms per page of 100, the biggest part of reading all the
 * providers); with them a page is a walk along the index. Articles are sorted `date:desc,
 * publishedAt:desc, documentId:asc`: the index gives the date order, the database sorts only
 * articles of equal date.
 *
 * Declared on the content types, as schema.json `indexes` would be, so Strapi's schema sync owns
 * them (created on the next start, on SQLite and PostgreSQL alike).
 */
const SITE_READ_ORDER: Partial<Record<UID.ContentType, { name: string; columns: string[] }>> = {
  'api::provider.provider': { name: 'providers_site_order_idx', columns: ['locale', 'state', 'city', 'name', 'document_id', 'id'] },
  'api::article.article': { name: 'articles_site_order_idx', columns: ['locale', 'date', 'published_at', 'document_id', 'id'] },
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
