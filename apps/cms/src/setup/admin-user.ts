import type { Core } from '@strapi/strapi';
import { solaceConfig } from '../config';

/**
 * For local use, creates the first administrator from ADMIN_EMAIL / ADMIN_PASSWORD (written to
 * apps/cms/.env on first run). Without them the admin shows its own first-admin screen.
 */
export async function ensureAdminUser(strapi: Core.Strapi) {
  const { email, password } = solaceConfig(strapi).admin;
  if (!email || !password) return;

  const users = strapi.service('admin::user');
  if (await users.exists()) return;

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) return;

  await users.create({
    email,
    password,
    firstname: 'Solace',
    lastname: 'Admin',
    isActive: true,
    roles: [superAdmin.id],
  });
  strapi.log.info(`Created the administrator ${email} (password: ADMIN_PASSWORD in apps/cms/.env).`);
}
