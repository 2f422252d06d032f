import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { solaceConfig } from '../config';
import { articleSiteStatus } from './article-status';
import { entryAdminPath } from './entry-link';
import { parseBuildReport, TARGETS } from './report';
import { secretMatches } from './secret';
import { listBuilds, saveBuild } from './store';
import { overdueReviews } from '../reviews';

const READ_ARTICLES = { name: 'admin::hasPermissions', config: { actions: [['plugin::content-manager.explorer.read', 'api::article.article']] } };

/**
 * The site server reports its builds to POST /api/solace/site-builds with the shared rebuild
 * secret (no API token: the site's own token is read-only). Editors read them in the admin
 * through /solace/* admin routes, which take the admin session and nothing else.
 */
export function registerBuildRoutes(strapi: Core.Strapi) {
  strapi.server.routes({
    type: 'content-api',
    routes: [
      {
        method: 'POST',
        path: '/solace/site-builds',
        info: {},
        config: { auth: false },
        handler: async (ctx) => {
          const presented = ctx.get('x-solace-secret');
          if (!presented) throw new errors.UnauthorizedError('Build reports need the x-solace-secret header (SITE_REBUILD_SECRET).');
          if (!secretMatches(presented, solaceConfig(strapi).rebuildSecret)) {
            throw new errors.ForbiddenError('The x-solace-secret header does not match SITE_REBUILD_SECRET.');
          }
          await saveBuild(strapi, await parseBuildReport(ctx.request.body));
          ctx.status = 204;
        },
      },
    ],
  });

  strapi.server.routes({
    type: 'admin',
    prefix: '/solace',
    routes: [
      {
        method: 'GET',
        path: '/site-builds',
        info: {},
        config: { policies: ['admin::isAuthenticatedAdmin'] },
        handler: async (ctx) => {
          const entries = await Promise.all(
            TARGETS.map(async (target) => {
              const builds = (await listBuilds(strapi, target)).map((build) => ({
                ...build,
                error: build.error && { ...build.error, entryPath: entryAdminPath(strapi, build.error.entry) },
              }));
              return [target, builds] as const;
            }),
          );
          ctx.body = { data: Object.fromEntries(entries) };
        },
      },
      {
        method: 'GET',
        path: '/site-builds/articles/:documentId',
        info: {},
        config: { policies: ['admin::isAuthenticatedAdmin', READ_ARTICLES] },
        handler: async (ctx) => {
          const locale = typeof ctx.query.locale === 'string' && ctx.query.locale ? ctx.query.locale : undefined;
          if (!locale) throw new errors.ValidationError('Give the locale, as ?locale=en.');
          ctx.body = { data: await articleSiteStatus(strapi, ctx.params.documentId, locale) };
        },
      },
      {
        method: 'GET',
        path: '/overdue-reviews',
        info: {},
        config: { policies: ['admin::isAuthenticatedAdmin', READ_ARTICLES] },
        handler: async (ctx) => {
          ctx.body = { data: await overdueReviews(strapi) };
        },
      },
    ],
  });
}
