import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Strapi's GraphQL wraps the resolver of every field of every type (wrap-resolvers in
 * @strapi/plugin-graphql): an async function that runs the field's auth check, then its
 * middlewares, then a policy middleware that builds a policy context and runs the field's
 * policies, then the field's own resolver. For a field with no resolver configuration at all
 * (no `auth`, no `policies`, no `middlewares`) on a type other than Query/Mutation/Subscription,
 * that wrapper checks nothing (Strapi only verifies auth on root fields and on fields with an
 * `auth` configuration) and runs no policy, yet it costs a promise, a policy context and two
 * closures per field per record: most of a large read's time.
 *
 * This gives exactly those fields back their own resolver, the very one Strapi would have
 * called. The root fields (`articles_connection` needs `api::article.article.find`) and anything
 * with policies or middlewares keep Strapi's wrapper untouched.
 *
 * A field whose configuration is an auth scope and nothing else (relation and media fields:
 * `Article.author` needs `api::author.author.find`) gets a lean wrapper instead: the same check,
 * `strapi.auth.verify(auth, config)`, made once per request and scope rather than once per record
 * (a page of 250 articles: 1,250 checks and policy contexts for five relations), and no policy
 * context, since there is no policy to give it to. Like the root field's check, made as the
 * request starts, it holds for the whole request.
 */
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

type Resolver = (parent: unknown, args: unknown, context: unknown, info: unknown) => unknown;
type Field = { resolve?: Resolver };
type ObjectType = { name: string; getFields(): Record<string, Field> };
type Schema = { getTypeMap(): Record<string, unknown> };
type ResolverConfig = { auth?: unknown; policies?: unknown[]; middlewares?: unknown[] };
type ResolversConfig = Record<string, unknown>;
type Extension = { resolversConfig?: ResolversConfig };
type ExtensionService = { generate: (options: unknown) => Extension; use: (config: unknown) => unknown };
type ContentApiService = { buildSchema: () => Schema };
type Nexus = { plugin: (config: { name: string; onAfterBuild: (schema: Schema) => void }) => unknown };

/** What became of the last schema's fields, for the log and the tests. */
type FastFieldsReport = { unwrapped: number; checkedOnce: number; kept: number };
type Auth = { verify: (auth: unknown, config: unknown) => unknown };

const isObjectType = (type: unknown): type is ObjectType =>
  Object.prototype.toString.call(type) === '[object GraphQLObjectType]';

/** Whether Strapi's wrapper of a field runs nothing but, at most, its auth check: off the root types, no policies, no middlewares. */
const runsAuthAtMost = (typeName: string, config: ResolverConfig | undefined) =>
  !ROOT_TYPES.has(typeName) && !typeName.startsWith('__') && (config == null || (isEmptyList(config.policies) && isEmptyList(config.middlewares)));

/** The wrapper verifies auth off the root types only when `auth` is set (null counts as unset) and not false. */
const checksAuth = (config: ResolverConfig | undefined) => config?.auth != null && config.auth !== false;

/** The fields Strapi's wrapper would only pass through: non-root, and nothing configured that it would run. */
export const wrapperIsInert = (typeName: string, config: ResolverConfig | undefined) => runsAuthAtMost(typeName, config) && !checksAuth(config);

/** The auth configuration of a field whose wrapper only checks it (no policies, no middlewares), else null. */
export const authOnlyConfig = (typeName: string, config: ResolverConfig | undefined): unknown =>
  runsAuthAtMost(typeName, config) && checksAuth(config) ? config!.auth : null;

/** Nothing, or an empty list. */
export const isEmptyList = (value: unknown) => value == null || (Array.isArray(value) && value.length === 0);

/** A field's configuration as the wrapper reads it (lodash get: the literal "Type.field" key, else the nested path). */
export function resolverConfigOf(config: ResolversConfig, typeName: string, fieldName: string): ResolverConfig | undefined {
  const path = `${typeName}.${fieldName}`;
  if (path in config) return config[path] as ResolverConfig | undefined;
  return (config[typeName] as Record<string, ResolverConfig> | undefined)?.[fieldName];
}

/** The resolver Strapi's wrapper calls last: the field's own, or lodash's get(fieldName) (same answer for a plain key). */
const ownResolver = (fieldName: string, resolve: Resolver | undefined): Resolver =>
  resolve ?? ((parent) => (parent == null ? undefined : (parent as Record<string, unknown>)[fieldName]));

export function skipInertFieldWrappers(strapi: Core.Strapi) {
  const graphql = strapi.plugin('graphql');
  const extension = graphql.service('extension') as unknown as ExtensionService;
  const contentApi = graphql.service('content-api') as unknown as ContentApiService;
  if (typeof extension.generate !== 'function' || typeof contentApi.buildSchema !== 'function') {
    throw new Error('graphql-fast-fields: @strapi/plugin-graphql no longer has extension.generate/content-api.buildSchema; review this module.');
  }

  // The resolvers as Strapi built them, before its wrapper replaced them (nexus calls this just before).
  let ownResolvers = new Map<string, Resolver | undefined>();
  extension.use(({ nexus }: { nexus: Nexus }) => ({
    plugins: [
      nexus.plugin({
        name: 'solaceCaptureOwnResolvers',
        onAfterBuild(schema) {
          ownResolvers = new Map();
          for (const type of Object.values(schema.getTypeMap())) {
            if (!isObjectType(type)) continue;
            for (const [name, field] of Object.entries(type.getFields())) ownResolvers.set(`${type.name}.${name}`, field.resolve);
          }
        },
      }),
    ],
  }));

  // The resolver configuration the wrapper reads: the last extension generated before it runs.
  let lastExtension: Extension = {};
  const generate = extension.generate.bind(extension);
  extension.generate = (options) => (lastExtension = generate(options));

  const buildSchema = contentApi.buildSchema.bind(contentApi);
  contentApi.buildSchema = () => {
    const schema = buildSchema();
    if (ownResolvers.size === 0) {
      throw new Error('graphql-fast-fields: the GraphQL schema was built without the resolver capture plugin running.');
    }
    const report = unwrapInertFields(schema, ownResolvers, lastExtension.resolversConfig ?? {}, strapi.auth as unknown as Auth);
    strapi.log.debug(
      `GraphQL: ${report.unwrapped} fields resolve without Strapi's pass-through wrapper, ${report.checkedOnce} check their auth once per request, ${report.kept} keep Strapi's wrapper.`,
    );
    return schema;
  };
}

function unwrapInertFields(
  schema: Schema,
  ownResolvers: Map<string, Resolver | undefined>,
  resolversConfig: ResolversConfig,
  auth: Auth,
): FastFieldsReport {
  const report = { unwrapped: 0, checkedOnce: 0, kept: 0 };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const [name, field] of Object.entries(type.getFields())) {
      const path = `${type.name}.${name}`;
      const config = resolverConfigOf(resolversConfig, type.name, name);
      const authConfig = authOnlyConfig(type.name, config);
      if (!ownResolvers.has(path)) {
        report.kept += 1;
      } else if (wrapperIsInert(type.name, config)) {
        field.resolve = ownResolver(name, ownResolvers.get(path));
        report.unwrapped += 1;
      } else if (authConfig) {
        field.resolve = checkedOncePerRequest(auth, authConfig, ownResolver(name, ownResolvers.get(path)));
        report.checkedOnce += 1;
      } else {
        report.kept += 1;
      }
    }
  }
  return report;
}

/** Each request's checks, by scope (its outcome once known): a request's auth does not change while it runs. */
const checksPerRequest = new WeakMap<object, Map<string, Promise<boolean> | boolean>>();

/**
 * The check Strapi's wrapper makes (`strapi.auth.verify`, a refusal answered as ForbiddenError),
 * made at the first record that needs it in a request; the records after it wait for that one
 * answer, or, once it is in, use it directly.
 */
function checkedOncePerRequest(auth: Auth, authConfig: unknown, resolve: Resolver): Resolver {
  const scope = JSON.stringify(authConfig);
  const resolveIf = (allowed: boolean, ...call: Parameters<Resolver>) => {
    if (!allowed) throw new errors.ForbiddenError();
    return resolve(...call);
  };
  return (parent, args, context, info) => {
    const request = context as { state?: { auth?: unknown } };
    let checks = checksPerRequest.get(request);
    if (!checks) checksPerRequest.set(request, (checks = new Map()));
    let check = checks.get(scope);
    if (typeof check === 'boolean') return resolveIf(check, parent, args, context, info);
    if (!check) {
      const known = checks;
      check = Promise.resolve()
        .then(() => auth.verify(request.state?.auth, authConfig))
        .then(() => true, () => false)
        .then((allowed) => (known.set(scope, allowed), allowed));
      checks.set(scope, check);
    }
    return check.then((allowed) => resolveIf(allowed, parent, args, context, info));
  };
}
