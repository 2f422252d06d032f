import type { Core } from '@strapi/strapi';
import type { LocalisedType } from './fields';

export type Entry = Record<string, unknown> & { documentId: string };

const PAGE = 500;

/**
 * Every version of a type in one locale: drafts (the text being worked on; for types without
 * draft & publish, the only version) or published versions. Paged, so a large corpus is read in
 * bounded queries.
 */
export async function readAll(
  strapi: Core.Strapi,
  type: LocalisedType,
  locale: string,
  status: 'draft' | 'published' = 'draft',
  documentIds?: string[],
): Promise<Entry[]> {
  if (status === 'published' && !type.draftAndPublish) return [];
  const documents = strapi.documents(type.uid) as unknown as {
    findMany(params: Record<string, unknown>): Promise<Entry[]>;
  };
  const entries: Entry[] = [];
  for (let start = 0; ; start += PAGE) {
    const page = await documents.findMany({
      locale,
      ...(type.draftAndPublish ? { status } : {}),
      populate: type.populate,
      ...(documentIds ? { filters: { documentId: { $in: documentIds } } } : {}),
      sort: 'id:asc',
      start,
      limit: PAGE,
    });
    entries.push(...page);
    if (page.length < PAGE) return entries;
  }
}

export async function readOne(strapi: Core.Strapi, type: LocalisedType, documentId: string, locale: string, status: 'draft' | 'published' = 'draft') {
  if (status === 'published' && !type.draftAndPublish) return null;
  const documents = strapi.documents(type.uid) as unknown as { findOne(params: Record<string, unknown>): Promise<Entry | null> };
  return documents.findOne({ documentId, locale, ...(type.draftAndPublish ? { status } : {}), populate: type.populate });
}

/** The default locale (the source of every translation) and the other locales, as codes. */
export async function localeCodes(strapi: Core.Strapi) {
  const service = strapi.plugin('i18n').service('locales');
  const defaultLocale = (await service.getDefaultLocale()) as string;
  const all = ((await service.find()) as { code: string; name: string }[]).map((l) => ({ code: l.code, name: l.name }));
  return { defaultLocale, all, targets: all.filter((l) => l.code !== defaultLocale) };
}
