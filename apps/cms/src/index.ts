import type { Core } from '@strapi/strapi';
import { registerSecurity } from './security';
import { registerValidation } from './validation';
import { extendGraphql } from './graphql';
import { batchRelationResolvers } from './graphql-bulk-relations';
import { skipInertFieldWrappers } from './graphql-fast-fields';
import { addSiteReadIndexes, ensureArticleReadIndex } from './read-indexes';
import { extendGraphqlWithArticleDrafts } from './article-drafts';
import { ensureLocales, lockDownPublicRole } from './setup/access';
import { ensureAdminUser } from './setup/admin-user';
import { ensureSiteToken } from './setup/site-token';
import { ensureSiteRebuildWebhook } from './setup/site-webhook';
import { registerStartupLock, releaseStartupLock } from './setup/startup-lock';
import { seedDemoContent } from './seed';
import { ensureInterfaceTexts } from './seed/interface-texts';
import { solaceConfig } from './config';
import { registerBuildRoutes } from './builds/routes';
import { showScheduleInArticleList } from './scheduling/list-columns';
import { recordBaselines, registerTranslations } from './translations';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerSecurity(strapi);
    registerValidation(strapi);
    registerBuildRoutes(strapi);
    extendGraphql(strapi);
    batchRelationResolvers(strapi);
    skipInertFieldWrappers(strapi);
    addSiteReadIndexes(strapi);
    extendGraphqlWithArticleDrafts(strapi);
    registerTranslations(strapi);
    // Instances starting at once on one PostgreSQL database take turns, until bootstrap() is done.
    registerStartupLock(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    try {
      await setUp(strapi);
    } finally {
      await releaseStartupLock();
    }
  },
};

async function setUp(strapi: Core.Strapi) {
  await ensureArticleReadIndex(strapi);
  await lockDownPublicRole(strapi);
  await ensureLocales(strapi);
  await ensureAdminUser(strapi);
  await ensureInterfaceTexts(strapi);
  if (solaceConfig(strapi).seedDemoContent) {
    await seedDemoContent(strapi, { force: false });
  }
  await ensureSiteToken(strapi);
  await ensureSiteRebuildWebhook(strapi);
  await showScheduleInArticleList(strapi);
  await recordBaselines(strapi);
}
