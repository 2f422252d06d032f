import type { Core } from '@strapi/strapi';

/**
 * `articleDrafts`: the latest version of every article of a locale, for the site's preview build.
 *
 * Strapi's own `Article` type marks required attributes non-null, but drafts may lack them (an
 * editor saves a title and nothing else), so one such draft would fail the whole preview query.
 * This type has every content field nullable; the site shows what is missing as placeholders.
 * It answers only tokens allowed to `find` articles, like `articles` itself.
 */
const UID = 'api::article.article';

type Args = { locale?: string | null; pagination?: { page?: number | null; pageSize?: number | null } | null };
type Related = { documentId: string } | null | undefined;
type DraftRow = Record<string, unknown> & { documentId: string; topics?: Related[] };

export function extendGraphqlWithArticleDrafts(strapi: Core.Strapi) {
  strapi
    .plugin('graphql')
    .service('extension')
    .use(({ nexus }) => ({
      types: [
        nexus.objectType({
          name: 'ArticleDraftLink',
          description: 'A document a draft links to, by documentId.',
          definition(t) {
            t.nonNull.id('documentId');
          },
        }),
        nexus.objectType({
          name: 'ArticleDraftSeo',
          definition(t) {
            t.string('metaTitle');
            t.string('metaDescription');
            t.string('canonicalUrl');
          },
        }),
        nexus.objectType({
          name: 'ArticleDraft',
          description: 'The latest version of an article, complete or not: every content field may be null.',
          definition(t) {
            t.nonNull.id('documentId');
            t.string('locale');
            t.nonNull.boolean('published', { description: 'Whether this locale also has a published version.' });
            t.string('title');
            t.string('slug');
            t.string('summary');
            t.string('body');
            t.field('date', { type: 'Date' });
            t.field('createdAt', { type: 'DateTime' });
            t.field('updatedAt', { type: 'DateTime' });
            t.string('coverAlt');
            t.field('cover', { type: 'UploadFile' });
            t.field('author', { type: 'ArticleDraftLink' });
            t.nonNull.list.nonNull.field('topics', { type: 'ArticleDraftLink' });
            t.field('seo', { type: 'ArticleDraftSeo' });
            t.field('reviewedBy', { type: 'ArticleDraftLink' });
            t.field('reviewedAt', { type: 'Date' });
            t.field('nextReviewDue', { type: 'Date' });
          },
        }),
        nexus.objectType({
          name: 'ArticleDraftConnection',
          definition(t) {
            t.nonNull.list.nonNull.field('nodes', { type: 'ArticleDraft' });
            t.nonNull.field('pageInfo', { type: 'Pagination' });
          },
        }),
        nexus.extendType({
          type: 'Query',
          definition(t) {
            t.nonNull.field('articleDrafts', {
              type: 'ArticleDraftConnection',
              description: 'For previews: the latest version of every article in a locale, drafts included, sorted by documentId.',
              args: { locale: nexus.arg({ type: 'I18NLocaleCode' }), pagination: nexus.arg({ type: 'PaginationArg' }) },
              resolve: (_parent: unknown, args: Args) => articleDrafts(strapi, args),
            });
          },
        }),
      ],
      resolversConfig: {
        // The same permission as `articles`: the site's token may, anonymous requests may not.
        'Query.articleDrafts': { auth: { scope: [`${UID}.find`] } },
      },
    }));
}

function pageOf(strapi: Core.Strapi, args: Args) {
  const graphql = strapi.plugin('graphql');
  const maxLimit = Number(graphql.config('maxLimit')) || 100;
  const defaultLimit = Number(graphql.config('defaultLimit')) || 25;
  const page = Math.max(1, Math.floor(args.pagination?.page ?? 1));
  const requested = Math.floor(args.pagination?.pageSize ?? defaultLimit);
  const pageSize = Math.min(Math.max(1, requested), maxLimit > 0 ? maxLimit : requested);
  return { page, pageSize };
}

async function articleDrafts(strapi: Core.Strapi, args: Args) {
  const documents = strapi.documents(UID);
  const locale = args.locale ?? undefined;
  const { page, pageSize } = pageOf(strapi, args);
  const [rows, total] = await Promise.all([
    documents.findMany({
      locale,
      status: 'draft',
      // documentId is unique per locale and version, so pages never overlap; the typings omit it from sortable fields.
      sort: 'documentId:asc' as never,
      start: (page - 1) * pageSize,
      limit: pageSize,
      populate: {
        cover: true,
        seo: true,
        author: { fields: ['documentId'] },
        reviewedBy: { fields: ['documentId'] },
        topics: { fields: ['documentId'] },
      },
    }),
    documents.count({ locale, status: 'draft' }),
  ]);
  const drafts = rows as unknown as DraftRow[];
  const ids = drafts.map((d) => d.documentId);
  const published = ids.length
    ? await documents.findMany({ locale, status: 'published', filters: { documentId: { $in: ids } }, fields: ['documentId'] })
    : [];
  const publishedIds = new Set(published.map((d) => d.documentId));
  return {
    nodes: drafts.map((d) => ({
      ...d,
      published: publishedIds.has(d.documentId),
      topics: (d.topics ?? []).filter(Boolean),
    })),
    pageInfo: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
  };
}
