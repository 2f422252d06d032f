import { getNamedType, isObjectType, type DocumentNode, type GraphQLNamedType } from 'graphql';
import { committedSchema, operationName, stepsAlong, type PathStep, type ResponsePath } from './document-paths.js';
import type { ContentFetchErrorKind } from './errors.js';
import { permissionFor, type TokenPermission } from './strapi-permissions.js';

/** A GraphQL error as Strapi sends it; every part but the message may be missing. */
export interface GraphQLErrorLike {
  message: string;
  path?: ResponsePath;
  extensions?: { code?: unknown; error?: { name?: unknown } };
}

/** The request the errors answered, to name the query, the entry and the page. */
export interface FailedRequest {
  url: string;
  document: DocumentNode | null;
  variables: Record<string, unknown> | undefined;
}

export interface Explanation {
  kind: Extract<ContentFetchErrorKind, 'unauthorized' | 'forbidden' | 'graphql'>;
  message: string;
}

const NON_NULL = /^Cannot return null for non-nullable field (\w+)\.(\w+)\.?$/;
const TOO_DEEP = /exceeds maximum operation depth of (\d+)/;
// Without Apollo's codes, these openings still mark a document the schema does not accept.
const INVALID_DOCUMENT =
  /^(Syntax Error|Cannot query field|Unknown argument|Unknown type|Unknown fragment|Field "[^"]*" argument|Variable "\$)/;
const CODEGEN_HINT =
  'If the content model changed, update the query and re-run codegen (pnpm --filter @solace/content export-schema).';

/** For a token the CMS does not accept at all: unknown, revoked or expired. */
export function rejectedTokenMessage(detail: string): string {
  return (
    `The CMS rejected the API token (${detail}): it does not know the token, or the token was revoked or ` +
    'has expired. Check STRAPI_TOKEN: it must be the key of a valid read-only API token ' +
    '(Settings > API Tokens in the CMS admin).'
  );
}

/**
 * Turns the GraphQL errors of an answer into one message naming the cause a person can act on:
 * a refused token, a missing permission, a query deeper than the CMS allows, a query the schema
 * does not accept, or an entry missing a field the schema requires. Anything else is quoted.
 */
export function explainGraphQLErrors(errors: GraphQLErrorLike[], request: FailedRequest): Explanation {
  const query = describeQuery(request.document);
  const rejected = errors.find((e) => errorName(e) === 'UnauthorizedError');
  if (rejected) {
    return { kind: 'unauthorized', message: rejectedTokenMessage(rejected.message) };
  }

  const forbidden = errors.filter(isForbidden);
  if (forbidden.length > 0) return { kind: 'forbidden', message: explainForbidden(forbidden, request, query) };

  const tooDeep = errors.map((e) => TOO_DEEP.exec(e.message)).find(Boolean);
  if (tooDeep) {
    return {
      kind: 'graphql',
      message:
        `${capitalize(query)} is nested deeper than the CMS allows (at most ${tooDeep[1]} levels; Strapi said: ` +
        `${tooDeep.input}). Query the related entries separately, or raise graphql.config.depthLimit in ` +
        'apps/cms/config/plugins.ts.',
    };
  }

  const invalid = errors.filter(isInvalidDocument);
  if (invalid.length > 0) {
    return {
      kind: 'graphql',
      message: `The CMS at ${request.url} does not accept ${query}: ${quote(invalid)}. ${CODEGEN_HINT}`,
    };
  }

  const missing = errors.filter((e) => NON_NULL.test(e.message));
  if (missing.length > 0) return { kind: 'graphql', message: explainMissingValues(missing, request, query) };

  return { kind: 'graphql', message: explainOther(errors, request, query) };
}

function explainForbidden(errors: GraphQLErrorLike[], request: FailedRequest, query: string): string {
  const permissions = new Map<string, TokenPermission>();
  for (const error of errors) {
    const permission = error.path ? permissionFor(steps(request.document, error.path) ?? []) : null;
    if (permission) permissions.set(permission.action, permission);
  }
  // A refused relation fails once per entry: name each field once, by its first path.
  const byField = new Map<string, string>();
  for (const path of errors.flatMap((e) => (e.path ? [e.path] : []))) {
    const field = path.filter((key) => typeof key === 'string').join('.');
    if (!byField.has(field)) byField.set(field, formatPath(path));
  }
  const fields = [...byField.values()];
  const where = fields.length > 0 ? `${query} (field ${list(fields.slice(0, 3))})` : query;
  const lacking =
    permissions.size === 0
      ? `a permission that ${where} needs (Strapi answered "${errors[0]?.message}")`
      : `the permission${permissions.size > 1 ? 's' : ''} ${list(
          [...permissions.values()].map((p) => `"${p.label}" (${p.action})`),
        )} that ${where} needs`;
  return (
    `The API token is valid, but it lacks ${lacking}. In the CMS admin, open Settings > API Tokens, edit the ` +
    'token the build uses (STRAPI_TOKEN) and tick it under Permissions; or give the build a custom token with ' +
    'find and findOne on the content types, Upload, and I18n > locales > listLocales (see the README).'
  );
}

function explainMissingValues(errors: GraphQLErrorLike[], request: FailedRequest, query: string): string {
  const first = errors[0]!;
  const [, typeName = 'entry', fieldName = 'field'] = NON_NULL.exec(first.message) ?? [];
  const path = first.path ?? [];
  const entry = entryAt(request, path, typeName, fieldName);
  const { locale, status } = request.variables ?? {};
  const context = [
    locale ? `locale ${String(locale)}` : null,
    status ? `status ${String(status)}` : null,
    path.length > 0 ? `error path ${formatPath(path)}` : null,
  ]
    .filter(Boolean)
    .join('; ');
  const more =
    errors.length > 1
      ? ` ${errors.length - 1} more like it: ${list(errors.slice(1, 4).map((e) => formatPath(e.path ?? [])))}.`
      : '';
  return (
    `The ${entry.type}${entry.which ? ` ${entry.which}` : ''} in ${query}${context ? ` (${context})` : ''} has no ${entry.field}, which ` +
    `the site requires (Strapi said: ${first.message}). This is a content problem, not a code one: ` +
    `usually an unfinished draft (a preview build reads drafts) or an entry saved without that field. ` +
    `Open that ${entry.type} in the CMS, fill in ${entry.field} and save, then build again.${more}`
  );
}

interface EntryAtPath {
  /** In words, e.g. "article" or "self assessment". */
  type: string;
  /** Which one, e.g. "(the 4th on page 2)", or "" for the only one. */
  which: string;
  /** The field from the entry down, e.g. "slug" or "seo.metaTitle". */
  field: string;
}

// The entry is the deepest document (a type with a documentId) on the path above the empty field.
function entryAt(request: FailedRequest, path: ResponsePath, typeName: string, fieldName: string): EntryAtPath {
  const fallbackIndex = [...path].reverse().find((key): key is number => typeof key === 'number');
  const found = steps(request.document, path);
  const above = found?.slice(0, -1) ?? [];
  const entryStep = [...above].reverse().find((step) => isEntry(getNamedType(step.field.type)));
  const entryType = entryStep ? getNamedType(entryStep.field.type).name : typeName;
  const afterEntry = entryStep ? path.slice(entryStep.path.length) : [];
  const index = entryStep ? afterEntry.find((key): key is number => typeof key === 'number') : fallbackIndex;
  const fieldKeys = entryStep ? afterEntry.filter((key) => typeof key === 'string') : [fieldName];
  const page = typeof request.variables?.page === 'number' ? ` on page ${request.variables.page}` : '';
  return {
    type: words(entryType),
    which: index === undefined ? '' : `(the ${ordinal(index + 1)}${page})`,
    field: fieldKeys.join('.') || fieldName,
  };
}

function explainOther(errors: GraphQLErrorLike[], request: FailedRequest, query: string): string {
  const details = errors.slice(0, 3).map((e) => {
    const code = typeof e.extensions?.code === 'string' ? e.extensions.code : null;
    const at = e.path ? `at ${formatPath(e.path)}` : null;
    const tags = [code, at].filter(Boolean).join(' ');
    return `${e.message}${tags ? ` (${tags})` : ''}`;
  });
  const codes = new Set(errors.map((e) => e.extensions?.code));
  const hint = codes.has('STRAPI_PAGINATION_ERROR')
    ? ' Check the paging arguments (page and pageSize, or start and limit, not both).'
    : codes.has('INTERNAL_SERVER_ERROR')
      ? ' The CMS log has the details.'
      : '';
  return `The CMS at ${request.url} could not answer ${query}: ${details.join('; ')}.${hint}`;
}

function steps(document: DocumentNode | null, path: ResponsePath): PathStep[] | null {
  if (!document) return null;
  try {
    return stepsAlong(committedSchema(), document, path);
  } catch {
    return null; // no readable schema.graphql: say less rather than fail differently
  }
}

function describeQuery(document: DocumentNode | null): string {
  const name = operationName(document);
  return name ? `the ${name} query` : 'the query';
}

function errorName(error: GraphQLErrorLike): unknown {
  return error.extensions?.error?.name;
}

// Strapi's GraphQL plugin refuses a field the token may not read with a ForbiddenError in a 200 answer.
function isForbidden(error: GraphQLErrorLike): boolean {
  return errorName(error) === 'ForbiddenError' || error.message === 'Forbidden access';
}

function isInvalidDocument(error: GraphQLErrorLike): boolean {
  const code = error.extensions?.code;
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED') return true;
  // Variables the schema refuses come as BAD_USER_INPUT without a path; with one, a resolver refused them.
  if (code === 'BAD_USER_INPUT') return !error.path;
  return code === undefined && INVALID_DOCUMENT.test(error.message);
}

function isEntry(type: GraphQLNamedType): boolean {
  return isObjectType(type) && 'documentId' in type.getFields();
}

const formatPath = (path: ResponsePath) => path.join('.');
const quote = (errors: GraphQLErrorLike[]) => errors.slice(0, 3).map((e) => e.message).join('; ');
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const words = (typeName: string) => typeName.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
