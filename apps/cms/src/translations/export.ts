import type { Core } from '@strapi/strapi';
import { localeCodes, readAll } from './content';
import { localisedTypes, textFields } from './fields';
import { localeStatus } from './status';
import type { SegmentState, XliffDocument, XliffFile } from './xliff';

export type ExportFilter = 'all' | 'missing' | 'outdated';

/**
 * What goes to a translator for one locale: per document, each source text with the current
 * translation and its state. `initial`: not translated; `translated`: translated but its source
 * changed since, or not published yet; `final`: up to date and published (or live, for types
 * without drafts). `outdated` exports only the fields whose source changed; `missing` only the
 * documents with no translation.
 */
export async function exportLocale(strapi: Core.Strapi, locale: string, only: ExportFilter = 'all'): Promise<XliffFile> {
  const { defaultLocale } = await localeCodes(strapi);
  const statuses = (await localeStatus(strapi, locale)).filter((s) => only === 'all' || s.state === only);
  const documents: XliffDocument[] = [];
  for (const type of localisedTypes(strapi)) {
    const wanted = statuses.filter((s) => s.uid === type.uid);
    if (wanted.length === 0) continue;
    const ids = wanted.map((s) => s.documentId);
    const [sources, drafts, published] = await Promise.all([
      readAll(strapi, type, defaultLocale, 'draft', ids),
      readAll(strapi, type, locale, 'draft', ids),
      readAll(strapi, type, locale, 'published', ids),
    ]);
    const byId = <T extends { documentId: string }>(list: T[]) => new Map(list.map((e) => [e.documentId, e]));
    const [sourceById, draftById, publishedById] = [byId(sources), byId(drafts), byId(published)];

    for (const status of wanted) {
      const source = textFields(strapi, type.uid, sourceById.get(status.documentId) ?? null);
      const draft = textFields(strapi, type.uid, draftById.get(status.documentId) ?? null);
      const live = type.draftAndPublish ? textFields(strapi, type.uid, publishedById.get(status.documentId) ?? null) : draft;
      const changed = new Map(status.changes.map((c) => [c.field, c]));
      const fields = Object.keys(source).filter((field) => only !== 'outdated' || changed.has(field));
      const units = fields.map((field) => {
        const target = draft[field] ?? null;
        const state: SegmentState =
          target === null ? 'initial' : status.state === 'up-to-date' && !changed.has(field) && live[field] === target ? 'final' : 'translated';
        const change = changed.get(field);
        return { field, source: source[field], target, state, ...(change ? { previousSource: change.before } : {}) };
      });
      if (units.length > 0) documents.push({ uid: type.uid, documentId: status.documentId, label: `${type.displayName}: ${status.label}`, units });
    }
  }
  return { srcLang: defaultLocale, trgLang: locale, documents };
}
