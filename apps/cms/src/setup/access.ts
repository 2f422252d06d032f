import type { Core } from '@strapi/strapi';

/** The Public role keeps no permission at all: every anonymous content request is refused. */
export async function lockDownPublicRole(strapi: Core.Strapi) {
  const publicRole = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  if (!publicRole) return;
  const deleted = await strapi.db
    .query('plugin::users-permissions.permission')
    .deleteMany({ where: { role: publicRole.id } });
  if (deleted.count > 0) {
    strapi.log.info(`Removed ${deleted.count} permission(s) from the Public role.`);
  }
}

const STARTING_LOCALES = [
  { code: 'en', name: 'English (en)' },
  { code: 'es', name: 'Spanish (es)' },
];

/**
 * English (the default) and Spanish exist from the first boot. Afterwards locales are the
 * translators' data: one that was deleted in the admin is not brought back.
 */
export async function ensureLocales(strapi: Core.Strapi) {
  const store = strapi.store({ type: 'plugin', name: 'solace' });
  if (await store.get({ key: 'localesInitialised' })) return;

  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of STARTING_LOCALES) {
    if (!(await locales.findByCode(locale.code))) {
      await locales.create(locale);
    }
  }
  await locales.setDefaultLocale({ code: 'en' });
  await store.set({ key: 'localesInitialised', value: true });
}
