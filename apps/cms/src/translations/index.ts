import type { Core } from '@strapi/strapi';
import { recordBaselines, recordSourcesOnSave } from './record';
import { registerTranslationRoutes } from './routes';

/** Translation status (missing / outdated / up to date) and XLIFF 2.0 export and import. */
export function registerTranslations(strapi: Core.Strapi) {
  recordSourcesOnSave(strapi);
  registerTranslationRoutes(strapi);
}

export { recordBaselines };
