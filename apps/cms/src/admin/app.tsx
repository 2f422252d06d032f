import type { StrapiApp } from '@strapi/strapi/admin';
import { ArrowsCounterClockwise, Earth } from '@strapi/icons';
import { ArticleSitePanel } from './components/ArticleSitePanel';
import { TranslationPanel } from './translations/TranslationPanel';

// The content-manager's public admin API, declared here: its package is not a dependency of the app.
type ContentManagerApis = { addEditViewSidePanel(panels: Array<(props: never) => unknown>): void };

export default {
  config: { locales: [] },
  register(app: StrapiApp) {
    app.addMenuLink({
      to: 'site-builds',
      icon: ArrowsCounterClockwise,
      intlLabel: { id: 'solace.site-builds', defaultMessage: 'Site builds' },
      permissions: [],
      Component: () => import('./pages/SiteBuilds'),
    });
    app.addMenuLink({
      to: 'translations',
      icon: Earth,
      intlLabel: { id: 'solace.translations', defaultMessage: 'Translations' },
      permissions: [],
      Component: () => import('./translations/TranslationsPage'),
    });
  },
  bootstrap(app: Pick<StrapiApp, 'getPlugin'>) {
    (app.getPlugin('content-manager').apis as unknown as ContentManagerApis).addEditViewSidePanel([ArticleSitePanel, TranslationPanel]);
  },
};
