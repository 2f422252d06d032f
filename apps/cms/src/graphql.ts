import type { Core } from '@strapi/strapi';

/**
 * Adds `isDefault` to GraphQL locales, so the site learns the default locale from the CMS like
 * the rest of the locale list.
 */
export function extendGraphql(strapi: Core.Strapi) {
  strapi
    .plugin('graphql')
    .service('extension')
    .use(({ nexus }) => ({
      types: [
        nexus.extendType({
          type: 'I18NLocale',
          definition(t) {
            t.nonNull.boolean('isDefault', {
              resolve: async (parent: { code: string }) =>
                parent.code === (await strapi.plugin('i18n').service('locales').getDefaultLocale()),
            });
          },
        }),
      ],
      resolversConfig: {
        'I18NLocale.isDefault': { auth: false },
      },
    }));
}
