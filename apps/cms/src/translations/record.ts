import type { Core } from '@strapi/strapi';
import { localeCodes, readAll, readOne } from './content';
import { localisedTypes, textFields } from './fields';
import { deleteSources, loadSources, saveSources, sourcesOf } from './store';

type Params = { documentId?: string; locale?: string };

/**
 * Saving a translation (creating or updating a non-default locale, from the admin, an API or an
 * XLIFF import) records what the default locale says at that moment. Later changes to the
 * default locale then show as "outdated" with the exact fields. Default-locale saves record
 * nothing: they are what makes translations outdated.
 */
export function recordSourcesOnSave(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const { action, uid } = context;
    if (!uid.startsWith('api::') || !['create', 'update', 'delete'].includes(action)) return next();
    const type = localisedTypes(strapi).find((t) => t.uid === uid);
    if (!type) return next();

    const params = context.params as Params;
    const result = await next();
    const { defaultLocale } = await localeCodes(strapi);
    const locale = params.locale ?? defaultLocale;

    if (action === 'delete') {
      if (params.documentId && locale !== defaultLocale) {
        await deleteSources(strapi, uid, params.documentId, locale === '*' ? undefined : locale);
      }
      return result;
    }
    const documentId = (result as { documentId?: string } | null)?.documentId ?? params.documentId;
    if (!documentId || locale === defaultLocale || locale === '*') return result;
    const source = await readOne(strapi, type, documentId, defaultLocale);
    // A document that exists only in this locale has no source to be outdated against.
    if (source) await saveSources(strapi, locale, uid, documentId, sourcesOf(textFields(strapi, uid, source)));
    return result;
  });
}

/**
 * Translations that existed before any record (the demo's Spanish, a database from before this
 * feature) get their current source recorded once, at boot, and so count as up to date: there is
 * no earlier evidence to say otherwise. The record says it is a baseline, and the admin shows it.
 */
export async function recordBaselines(strapi: Core.Strapi) {
  const { defaultLocale, targets } = await localeCodes(strapi);
  let recorded = 0;
  for (const { code } of targets) {
    for (const type of localisedTypes(strapi)) {
      const [translations, records] = await Promise.all([readAll(strapi, type, code), loadSources(strapi, code, type.uid)]);
      const unrecorded = translations.map((t) => t.documentId).filter((id) => !records.has(`${type.uid}::${id}`));
      if (unrecorded.length === 0) continue;
      const sources = await readAll(strapi, type, defaultLocale, 'draft', unrecorded);
      for (const source of sources) {
        await saveSources(strapi, code, type.uid, source.documentId, sourcesOf(textFields(strapi, type.uid, source), true));
        recorded++;
      }
    }
  }
  if (recorded > 0) strapi.log.info(`Translations: recorded the current source of ${recorded} earlier translation(s) as their baseline.`);
}
