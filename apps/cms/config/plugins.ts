import { graphqlCacheControlPlugins } from '../src/graphql-cache-control';
import { jsonBytes } from '../src/json-bytes';
import { GRAPHQL_LIMITS, RefusedDocumentRule, graphqlLimitsPlugin } from '../src/security/graphql-limits';
import { ALLOWED_UPLOAD_TYPES } from '../src/security/upload-types';
import { objectStorage } from '../src/setup/object-storage';

export default ({ env }) => ({
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // Strapi ships these unbounded: a page is at most 250 documents, a query at most 10 levels deep.
      // 250 rather than Strapi's customary 100: each request costs the CMS about 11 ms whatever its
      // size (koa, the token's lookup, the list's checks), a third of a page of 100 articles, and a
      // build reads every page of every list.
      defaultLimit: 25,
      maxLimit: 250,
      depthLimit: 10,
      landingPage: env.bool('GRAPHQL_PLAYGROUND', false),
      apolloServer: {
        // Introspection feeds the committed schema.graphql, exported from a development CMS
        // (packages/content/scripts/export-schema.ts); in production no token can read the schema.
        // Anonymous requests never reach Apollo (see src/middlewares/graphql-auth.ts).
        introspection: env('NODE_ENV') !== 'production',
        // Cyclic fragments and over-large documents: 400 before Strapi's depth limit runs.
        // Apollo's per-field cache-control work replaced by `no-store` on every answer.
        plugins: [graphqlLimitsPlugin, ...graphqlCacheControlPlugins],
        validationRules: [RefusedDocumentRule],
        parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
        bodyParserConfig: { enableTypes: ['json'], jsonLimit: GRAPHQL_LIMITS.maxBodyBytes },
        // strapi::cors (config/middlewares.ts) answers for /graphql too, with the same allowlist.
        cors: false,
        // Apollo indents every answer by default: a build's answers (megabytes of articles) are
        // read by a program, and compact JSON is smaller and quicker to write. As bytes: Apollo
        // hands this to Koa untouched (`ctx.body`), which sends a Buffer as it is, and encoding
        // one large string cost the CMS more than making it (src/json-bytes.ts).
        stringifyResult: jsonBytes,
      },
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  upload: {
    config: {
      // S3-compatible object storage when S3_BUCKET is set (several CMS instances share the files);
      // otherwise the local provider, <PUBLIC_DIR>/uploads.
      ...uploadProvider(env),
      sizeLimit: 10 * 1024 * 1024,
      // Strapi's own check (declared type, extension and content); src/security/uploads.ts then
      // requires the content itself to be one of these.
      security: { allowedTypes: [...ALLOWED_UPLOAD_TYPES] },
    },
  },
});

function uploadProvider(env) {
  const storage = objectStorage(env);
  return storage ? { provider: storage.provider, providerOptions: storage.providerOptions } : {};
}
