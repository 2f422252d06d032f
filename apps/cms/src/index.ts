import type { Core } from '@strapi/strapi';
import { registerValidation } from './validation';
import { extendGraphql } from './graphql';
import { ensureLocales, lockDownPublicRole } from './setup/access';
import { ensureAdminUser } from './setup/admin-user';
import { ensureSiteToken } from './setup/site-token';
import { ensureSiteRebuildWebhook } from './setup/site-webhook';
import { seedDemoContent } from './seed';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerValidation(strapi);
    extendGraphql(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await lockDownPublicRole(strapi);
    await ensureLocales(strapi);
    await ensureAdminUser(strapi);
    if (process.env.SEED_DEMO_CONTENT !== 'false') {
      await seedDemoContent(strapi, { force: false });
    }
    await ensureSiteToken(strapi);
    await ensureSiteRebuildWebhook(strapi);
  },
};
