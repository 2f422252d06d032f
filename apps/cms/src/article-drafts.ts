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

type Args = {
  locale?: string | null;
  pagination?: { page?: number | null; pageSize?: number | null } | null;
  documentIds?: string[] | null;
};
type Related = { documentId: string } | null | undefined;
type Row = { id: number | string; documentId: string; updatedAt?: string | Date | null };
type DraftRow = Record<string, unknown> & Row & { topics?: Related[] };

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
            t.nonNull.string('version', { description: VERSION_DESCRIPTION });
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
          name: 'ArticleDraftVersion',
          definition(t) {
            t.nonNull.id('documentId');
            t.nonNull.string('version', { description: VERSION_DESCRIPTION });
          },
        }),
        nexus.objectType({
          name: 'ArticleDraftVersionConnection',
          definition(t) {
            t.nonNull.list.nonNull.field('nodes', { type: 'ArticleDraftVersion' });
            t.nonNull.field('pageInfo', { type: 'Pagination' });
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
              args: {
                locale: nexus.arg({ type: 'I18NLocaleCode' }),
                pagination: nexus.arg({ type: 'PaginationArg' }),
                documentIds: nexus.arg({ type: nexus.list(nexus.nonNull('ID')), description: 'Only these documents.' }),
              },
              resolve: (_parent: unknown, args: Args) => articleDrafts(strapi, args),
            });
            t.nonNull.field('articleDraftVersions', {
              type: 'ArticleDraftVersionConnection',
              description: 'For previews: the version of every article draft in a locale, sorted by documentId (what changed since a build).',
              args: { locale: nexus.arg({ type: 'I18NLocaleCode' }), pagination: nexus.arg({ type: 'PaginationArg' }) },
              resolve: (_parent: unknown, args: Args) => articleDraftVersions(strapi, args),
            });
          },
        }),
      ],
      resolversConfig: {
        // The same permission as `articles`: the site's token may, anonymous requests may not.
        'Query.articleDrafts': { auth: { scope: [`${UID}.find`] } },
        'Query.articleDraftVersions': { auth: { scope: [`${UID}.find`] } },
      },
    }));
}

/**
 * A row of the versions listing is two short strings, a fiftieth of a draft's (its body alone is
 * kilobytes): the listing pages at ten times the GraphQL plugin's maxLimit, so a preview build
 * lists a locale's 1,000 drafts in one request, not four.
 */
const VERSIONS_PAGE_SCALE = 10;

/** The page asked for, its size capped at the GraphQL plugin's maxLimit (times `scale`). */
function pageOf(strapi: Core.Strapi, args: Args, scale = 1) {
  const graphql = strapi.plugin('graphql');
  const maxLimit = Number(graphql.config('maxLimit')) || 100;
  const defaultLimit = Number(graphql.config('defaultLimit')) || 25;
  const page = Math.max(1, Math.floor(args.pagination?.page ?? 1));
  const requested = Math.floor(args.pagination?.pageSize ?? defaultLimit);
  const pageSize = Math.min(Math.max(1, requested), maxLimit > 0 ? maxLimit * scale : requested);
  return { page, pageSize };
}

async function articleDrafts(strapi: Core.Strapi, args: Args) {
  const filters = args.documentIds ? { documentId: { $in: args.documentIds } } : undefined;
  const populate = {
    cover: true,
    seo: true,
    author: { fields: ['documentId'] },
    reviewedBy: { fields: ['documentId'] },
    topics: { fields: ['documentId'] },
  };
  const { drafts, published, pageInfo } = await draftsPage<DraftRow>(strapi, args, { filters, populate });
  return {
    nodes: drafts.map((d) => ({
      ...d,
      published: published.has(d.documentId),
      version: versionOf(d, published),
      topics: (d.topics ?? []).filter(Boolean),
    })),
    pageInfo,
  };
}

async function articleDraftVersions(strapi: Core.Strapi, args: Args) {
  const { drafts, published, pageInfo } = await draftsPage<Row>(strapi, args, { fields: ['updatedAt'] }, VERSIONS_PAGE_SCALE);
  return { nodes: drafts.map((d) => ({ documentId: d.documentId, version: versionOf(d, published) })), pageInfo };
}

/** One page of a locale's drafts (sorted by documentId), their total, and their documents' published rows. */
async function draftsPage<R extends Row>(strapi: Core.Strapi, args: Args, query: { filters?: object; populate?: object; fields?: string[] }, scale = 1) {
  const documents = strapi.documents(UID);
  const locale = args.locale ?? undefined;
  const { page, pageSize } = pageOf(strapi, args, scale);
  const [rows, total] = await Promise.all([
    documents.findMany({
      locale,
      status: 'draft',
      ...(query as object),
      // documentId is unique per locale and version, so pages never overlap; the typings omit it from sortable fields.
      sort: 'documentId:asc' as never,
      start: (page - 1) * pageSize,
      limit: pageSize,
    }),
    documents.count({ locale, status: 'draft', filters: query.filters as never }),
  ]);
  const drafts = rows as unknown as R[];
  const published = await publishedRows(strapi, locale, drafts);
  return { drafts, published, pageInfo: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } };
}

/** The published rows of these drafts' documents, by documentId. */
async function publishedRows(strapi: Core.Strapi, locale: string | undefined, drafts: Row[]) {
  const ids = drafts.map((d) => d.documentId);
  const rows = ids.length
    ? ((await strapi.documents(UID).findMany({ locale, status: 'published', filters: { documentId: { $in: ids } }, fields: ['documentId'] })) as unknown as Row[])
    : [];
  return new Map(rows.map((r) => [r.documentId, r]));
}

const VERSION_DESCRIPTION =
  'Changes whenever this draft may answer differently: saved (its stamp), discarded (Strapi writes the draft anew, under a new row id, with the published stamp) or published and unpublished (the published row is replaced or gone). Not changed by what it links to.';

/** The draft row's id and stamp, and its published row's id (publishing writes that row anew). */
function versionOf(draft: Row, published: Map<string, Row>) {
  const stamp = draft.updatedAt ? new Date(draft.updatedAt).getTime() : 0;
  return `${draft.id}.${stamp}.${published.get(draft.documentId)?.id ?? '-'}`;
}
