import type { Core, UID } from '@strapi/strapi';
import DataLoader from 'dataloader';
import { isEmptyList } from './graphql-fast-fields';

/**
 * Strapi's GraphQL resolves an article's relations, cover and SEO component (and an author's photo) one record at a
 * time (`strapi.db.query(uid).load(parent, field, query)`: one database query per article and
 * field). These resolvers ask the same question for every article of a response at once: a
 * per-request DataLoader collects the parents and runs the very query `load` runs (find the
 * parents by id, populate the field) with all their ids, so a page of 100 articles costs one
 * query per field instead of 100.
 *
 * The answers are the same as Strapi's: the rows linked to each parent row (so each locale and
 * each draft/published version keeps its own), in the same order, with the same per-parent
 * pagination; the field's arguments are validated and sanitised with the request's auth exactly
 * as Strapi does, and Strapi's auth scope for the field (`<target>.find`) still applies, since
 * it is configured per field path, not per resolver. Relations to a draft & publish type,
 * polymorphic relations, multiple media and repeatable components keep Strapi's resolver.
 */
const BATCHED: Partial<Record<UID.ContentType, string[]>> = {
  'api::article.article': ['author', 'topics', 'reviewedBy', 'cover', 'seo'],
  'api::author.author': ['photo'],
};

type Row = { id: number } & Record<string, unknown>;
type DbQuery = Record<string, unknown> & { limit?: number; offset?: number };
export type FindRows = (params: { select: string[]; where: Record<string, unknown>; populate?: Record<string, unknown> }) => Promise<Row[]>;
type Context = { state: { auth: unknown } };
type GraphqlService = (name: string) => Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Attribute = { type: string; relation?: string; target?: UID.ContentType; multiple?: boolean; component?: UID.Component; repeatable?: boolean };
/** What a field loads: the model its arguments are checked against, and how Strapi's resolver shapes the answer. */
type Loaded = { model: UID.Schema; toMany: boolean; media: boolean };

/** Everything one GraphQL request batched, so nothing leaks from one request (or token) to the next. */
const perRequest = new WeakMap<object, Map<string, { query: Promise<DbQuery>; loader?: DataLoader<Row, unknown, number> }>>();

/** The fields batched here: Strapi's association resolver (relations, media) and component resolver load them alike. */
function loadedBy(strapi: Core.Strapi, attribute: Attribute | undefined): Loaded | null {
  if (!attribute) return null;
  if (attribute.type === 'component') {
    return attribute.component && !attribute.repeatable ? { model: attribute.component, toMany: false, media: false } : null;
  }
  if (attribute.type === 'media') {
    return attribute.multiple ? null : { model: 'plugin::upload.file', toMany: false, media: true };
  }
  if (attribute.type !== 'relation' || !attribute.target || attribute.relation?.startsWith('morph')) return null;
  const target = strapi.contentTypes[attribute.target];
  if (!target || target.options?.draftAndPublish) return null;
  return { model: attribute.target, toMany: attribute.relation!.endsWith('Many'), media: false };
}

export function batchRelationResolvers(strapi: Core.Strapi) {
  const graphql = strapi.plugin('graphql');
  const service: GraphqlService = (name) => graphql.service(name);
  const resolvers: Record<string, Record<string, unknown>> = {};

  for (const [uid, fields] of Object.entries(BATCHED) as [UID.ContentType, string[]][]) {
    const contentType = strapi.contentTypes[uid];
    if (!contentType) continue;
    const typeName: string = service('utils').naming.getTypeName(contentType);
    for (const field of fields) {
      const loaded = loadedBy(strapi, contentType.attributes[field] as Attribute | undefined);
      if (loaded) (resolvers[typeName] ??= {})[field] = relationResolver(strapi, service, uid, field, loaded);
    }
  }
  graphql.service('extension').use(() => ({ resolvers }));
}

function relationResolver(
  strapi: Core.Strapi,
  service: GraphqlService,
  uid: UID.ContentType,
  field: string,
  { model, toMany, media }: Loaded,
) {
  const targetType = strapi.getModel(model);

  // The query Strapi's association resolver builds from the field's arguments, once per request and arguments.
  const buildQuery = async (args: object, auth: unknown): Promise<DbQuery> => {
    const transformed = service('builders').utils.transformArgs(args, { contentType: targetType, usePagination: true });
    await strapi.contentAPI.validate.query(transformed, targetType, { auth });
    const sanitized = await strapi.contentAPI.sanitize.query(transformed, targetType, { auth });
    return strapi.get('query-params').transform(model, sanitized);
  };

  const findMany: FindRows = (params) => strapi.db.query(uid).findMany(params) as Promise<Row[]>;

  return async (parent: Row, args: object, context: Context) => {
    let cache = perRequest.get(context);
    if (!cache) perRequest.set(context, (cache = new Map()));
    const key = `${uid}.${field}:${JSON.stringify(args)}`;
    let entry = cache.get(key);
    if (!entry) cache.set(key, (entry = { query: buildQuery(args, context.state.auth) }));
    const query = await entry.query;
    entry.loader ??= new DataLoader<Row, unknown, number>((parents) => loadForParents(findMany, field, query, toMany, parents), {
      maxBatchSize: 500,
      cacheKeyFn: (row) => row.id,
    });
    let data = await entry.loader.load(parent);
    // As Strapi's association resolver does for media (signed URLs when the upload provider is private).
    if (media && data && strapi.plugin('upload')) data = await strapi.plugin('upload').service('file').signFileUrls(data);
    // What Strapi's field resolver returns: it unwraps its entity response (res.nodes ?? [] / res.value).
    return toMany ? (data ?? []) : data;
  };
}

/**
 * One `load` for many parents: the same findOne-with-populate Strapi runs, as one findMany over
 * all their ids. Publishing replaces a document's published row (and its components) with a new
 * one, and Strapi's populate is several queries outside any transaction, so a parent listed a
 * moment ago can come back missing, or with its relation or component gone. Those parents (and
 * only when their answer is empty) are read once more as the document's current row in the same
 * locale and publication state, so a reader never gets a missing required field (e.g.
 * `Article.seo`) because an editor published at that moment.
 *
 * An empty answer is usually just empty (most articles have no cover): a parent row that is still
 * there once its relation was read was there while it was read (ids are never reused, and a
 * publish removes a row and its relations together), so its answer stands. Only the rows gone by
 * then are read again; checking costs one query on ids, the re-read a query per parent.
 */
export async function loadForParents(
  findMany: FindRows,
  field: string,
  query: DbQuery,
  toMany: boolean,
  parents: readonly Row[],
): Promise<unknown[]> {
  const { limit, offset = 0, ...populate } = query;
  const populateField = { [field]: Object.keys(populate).length > 0 ? populate : true };
  const rows = await findMany({ select: ['id'], where: { id: { $in: parents.map((p) => p.id) } }, populate: populateField });
  const byId = new Map(rows.map((row) => [row.id, row[field]]));

  const suspects = await vanished(findMany, parents.filter((p) => typeof p.documentId === 'string' && isEmptyList(byId.get(p.id))), byId);
  if (suspects.length > 0) {
    const current = await findMany({
      select: ['id', 'documentId', 'locale', 'publishedAt'],
      where: { $or: suspects.map(currentRowOf) },
      populate: populateField,
    });
    for (const parent of suspects) {
      const row = current.find((r) => sameVersion(r, parent));
      if (row) byId.set(parent.id, row[field]);
    }
  }

  return parents.map(({ id }) => {
    if (!byId.has(id)) return null;
    const related = byId.get(id);
    if (!toMany || !Array.isArray(related)) return related ?? null;
    return related.slice(offset, limit === undefined ? undefined : offset + limit);
  });
}

/** Of the parents with an empty answer, those whose row is gone: missing from the answer, or deleted since. */
async function vanished(findMany: FindRows, empty: Row[], byId: Map<number, unknown>): Promise<Row[]> {
  const found = empty.filter((p) => byId.has(p.id));
  if (found.length === 0) return empty;
  const stillThere = new Set((await findMany({ select: ['id'], where: { id: { $in: found.map((p) => p.id) } } })).map((row) => row.id));
  return empty.filter((p) => !stillThere.has(p.id));
}

/** The row that now holds a parent's document in the parent's locale and publication state. */
function currentRowOf(parent: Row) {
  return {
    documentId: parent.documentId,
    ...(typeof parent.locale === 'string' ? { locale: parent.locale } : {}),
    publishedAt: parent.publishedAt ? { $notNull: true } : { $null: true },
  };
}

function sameVersion(row: Row, parent: Row) {
  return row.documentId === parent.documentId && (row.locale ?? null) === (parent.locale ?? null) && Boolean(row.publishedAt) === Boolean(parent.publishedAt);
}
