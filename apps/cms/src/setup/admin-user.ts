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
  if (await users.exists()) {
    await clearRegistrationToken(strapi, email);
    return;
  }

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) return;

  await users.create({
    email,
    password,
    firstname: 'Solace',
    lastname: 'Admin',
    isActive: true,
    roles: [superAdmin.id],
    // Strapi gives every created user an invitation link token; this one is already active.
    registrationToken: null,
  });
  strapi.log.info(`Created the administrator ${email} (password: ADMIN_PASSWORD in apps/cms/.env).`);
}

/**
 * An administrator created from the environment by an earlier version kept the invitation token
 * Strapi gives every new user, a second way into an account that already has a password.
 */
async function clearRegistrationToken(strapi: Core.Strapi, email: string) {
  await strapi.db.query('admin::user').updateMany({
    where: { email: email.toLowerCase(), isActive: true, registrationToken: { $notNull: true } },
    data: { registrationToken: null },
  });
}
