// How this app's Strapi server is started, by `pnpm start` (scripts/start.mjs), the tests
// (testing/cms.ts) and `pnpm bench` alike.
import path from 'node:path';

/**
 * A larger young generation than V8's default (16 MB semi-spaces): a site build's GraphQL
 * requests keep pages of 250 articles alive while they are answered, and with the default much of
 * that was copied and promoted by the garbage collector (a quarter of the CMS's CPU on a full
 * read). Measured on the reference corpus, alternated against an otherwise equal CMS: about a
 * sixth less CPU for the same answers, for about 80 MB more memory.
 */
export const STRAPI_NODE_FLAGS = ['--max-semi-space-size=32'];

/** The arguments for `node` that start the built Strapi of the app in `appDir`. */
export const strapiStartArgs = (appDir) => [...STRAPI_NODE_FLAGS, path.join(appDir, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'];
