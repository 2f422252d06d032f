import type { Core } from '@strapi/strapi';
import { readAll, readOne, localeCodes, type Entry } from './content';
import { documentLabel, localisedTypes, textFields, type LocalisedType } from './fields';
import { hashText, loadDocumentSources, loadSources, type RecordedSources } from './store';
import { entryAdminPath } from '../builds/entry-link';

/**
 * missing: no version in the locale; outdated: a source text changed (or appeared, or went) since
 * the translation was last saved; up-to-date; unknown: a translation with no record of its
 * source (written around the Document Service since boot; the next boot takes it as a baseline).
 */
export type TranslationState = 'missing' | 'outdated' | 'up-to-date' | 'unknown';
export type SourceChange = { field: string; before: string | null; after: string | null };

export type DocumentStatus = {
  uid: string;
  typeName: string;
  documentId: string;
  label: string;
  locale: string;
  state: TranslationState;
  changes: SourceChange[];
  /** When the source was recorded, and whether that was the first boot's baseline rather than a save. */
  recordedAt: string | null;
  baseline: boolean;
  /** For types with draft & publish: whether the locale has a published version. */
  published: boolean | null;
  adminPath: string | null;
};

/** Which source fields changed since the record, with the recorded and current texts. */
export function sourceChanges(record: RecordedSources, current: Record<string, string>): SourceChange[] {
  const fields = [...new Set([...Object.keys(record.hashes), ...Object.keys(current)])];
  return fields
    .filter((field) => record.hashes[field] !== (field in current ? hashText(current[field]) : undefined))
    .map((field) => ({ field, before: record.texts[field] ?? null, after: current[field] ?? null }));
}

function statusOf(
  strapi: Core.Strapi,
  type: LocalisedType,
  source: Entry,
  locale: string,
  target: Entry | null | undefined,
  record: RecordedSources | null | undefined,
  published: boolean,
): DocumentStatus {
  const changes = target && record ? sourceChanges(record, textFields(strapi, type.uid, source)) : [];
  const state: TranslationState = !target ? 'missing' : !record ? 'unknown' : changes.length > 0 ? 'outdated' : 'up-to-date';
  return {
    uid: type.uid,
    typeName: type.displayName,
    documentId: source.documentId,
    label: documentLabel(type, source),
    locale,
    state,
    changes,
    recordedAt: target && record ? record.recordedAt : null,
    baseline: Boolean(target && record?.baseline),
    published: type.draftAndPublish ? Boolean(target && published) : null,
    adminPath: entryAdminPath(strapi, { type: type.uid, documentId: source.documentId, locale }),
  };
}

/** The status of every document of every localised type in one (non-default) locale. */
export async function localeStatus(strapi: Core.Strapi, locale: string): Promise<DocumentStatus[]> {
  const { defaultLocale } = await localeCodes(strapi);
  const statuses: DocumentStatus[] = [];
  for (const type of localisedTypes(strapi)) {
    const [sources, targets, published, records] = await Promise.all([
      readAll(strapi, type, defaultLocale),
      readAll(strapi, type, locale),
      readAll(strapi, type, locale, 'published'),
      loadSources(strapi, locale, type.uid),
    ]);
    const targetById = new Map(targets.map((t) => [t.documentId, t]));
    const publishedIds = new Set(published.map((p) => p.documentId));
    for (const source of sources) {
      const id = source.documentId;
      statuses.push(statusOf(strapi, type, source, locale, targetById.get(id), records.get(`${type.uid}::${id}`), publishedIds.has(id)));
    }
  }
  return statuses;
}

/** One document's status in every non-default locale (the edit view's panel). */
export async function documentStatus(strapi: Core.Strapi, uid: string, documentId: string): Promise<DocumentStatus[] | null> {
  const type = localisedTypes(strapi).find((t) => t.uid === uid);
  if (!type) return null;
  const { defaultLocale, targets } = await localeCodes(strapi);
  const source = await readOne(strapi, type, documentId, defaultLocale);
  if (!source) return null;
  return Promise.all(
    targets.map(async ({ code }) => {
      const [target, published, record] = await Promise.all([
        readOne(strapi, type, documentId, code),
        readOne(strapi, type, documentId, code, 'published'),
        loadDocumentSources(strapi, code, uid, documentId),
      ]);
      return statusOf(strapi, type, source, code, target, record, Boolean(published));
    }),
  );
}
