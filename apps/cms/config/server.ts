import type { Core } from '@strapi/strapi';
import cronTasks from './cron-tasks';
import solace from './solace';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  dirs: {
    // Uploaded media live under <public>/uploads; tests point this at a throwaway folder.
    public: env('PUBLIC_DIR', './public'),
  },
  app: {
    keys: env.array('APP_KEYS'),
  },
  // Scheduled publishing (config/cron-tasks.ts), switched by SCHEDULED_PUBLISHING.
  cron: {
    enabled: solace({ env }).scheduledPublishing.enabled,
    tasks: cronTasks({ env }),
  },
});
