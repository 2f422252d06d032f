import type { Core } from '@strapi/strapi';
import { runPublishingSchedule } from '../src/scheduling/run-schedule';
import solace from './solace';

/**
 * Strapi's cron tasks (config/server.ts `cron.tasks`). The rule comes from config/solace.ts
 * (SCHEDULED_PUBLISHING_RULE): every minute by default, every second in tests. Every CMS instance
 * runs the task; it claims each due article before acting, so only one of them does.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  scheduledPublishing: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await runPublishingSchedule(strapi);
    },
    options: { rule: solace({ env }).scheduledPublishing.rule, tz: 'UTC' },
  },
});
