import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';

/**
 * What the default locale said when a translation was last saved: per document, locale and text
 * field, a hash of the source text (compared) and the text itself (shown to the translator as
 * "before"). Kept as rows of Strapi's core store table, which exists on SQLite and PostgreSQL
 * alike, goes into backups with everything else, and needs no schema of our own.
 */
export type RecordedSources = {
  /** sha256 of each source text, by field path. */
  hashes: Record<string, string>;
  texts: Record<string, string>;
  recordedAt: string;
  /** Recorded at boot for a translation that existed before any record (trusted as up to date). */
  baseline: boolean;
};

const STORE = 'strapi::core-store';
const PREFIX = 'solace_translation_source::';
const keyOf = (locale: string, uid: string, documentId: string) => `${PREFIX}${locale}::${uid}::${documentId}`;

type Row = { id: number; key: string; value: string };

export const hashText = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

export function sourcesOf(texts: Record<string, string>, baseline = false): RecordedSources {
  const hashes = Object.fromEntries(Object.entries(texts).map(([path, text]) => [path, hashText(text)]));
  return { hashes, texts, recordedAt: new Date().toISOString(), baseline };
}

export async function saveSources(strapi: Core.Strapi, locale: string, uid: string, documentId: string, sources: RecordedSources) {
  const query = strapi.db.query(STORE);
  const key = keyOf(locale, uid, documentId);
  const value = JSON.stringify(sources);
  const rows = (await query.findMany({ select: ['id'], where: { key }, orderBy: { id: 'desc' } })) as Pick<Row, 'id'>[];
  if (rows.length === 0) {
    await query.create({ data: { key, value, type: 'object' } });
    return;
  }
  await query.update({ where: { id: rows[0].id }, data: { value } });
  // Two saves racing may both have created a row: keep the newest only.
  if (rows.length > 1) await query.deleteMany({ where: { id: { $in: rows.slice(1).map((r) => r.id) } } });
}

/** Every record of a locale (optionally of one type), by `${uid}::${documentId}`. */
export async function loadSources(strapi: Core.Strapi, locale: string, uid?: string) {
  const prefix = uid ? `${PREFIX}${locale}::${uid}::` : `${PREFIX}${locale}::`;
  const rows = (await strapi.db.query(STORE).findMany({
    select: ['key', 'value'],
    where: { key: { $startsWith: prefix } },
    orderBy: { id: 'asc' },
  })) as Row[];
  const records = new Map<string, RecordedSources>();
  for (const row of rows) records.set(row.key.slice(PREFIX.length + locale.length + 2), JSON.parse(row.value) as RecordedSources);
  return records;
}

export async function loadDocumentSources(strapi: Core.Strapi, locale: string, uid: string, documentId: string) {
  const row = (await strapi.db.query(STORE).findOne({ where: { key: keyOf(locale, uid, documentId) }, orderBy: { id: 'desc' } })) as Row | null;
  return row ? (JSON.parse(row.value) as RecordedSources) : null;
}

/** Forgets the records of a document (all locales, or one), e.g. when it or a translation is deleted. */
export async function deleteSources(strapi: Core.Strapi, uid: string, documentId: string, locale?: string) {
  const where = locale
    ? { key: keyOf(locale, uid, documentId) }
    : { $and: [{ key: { $startsWith: PREFIX } }, { key: { $endsWith: `::${uid}::${documentId}` } }] };
  await strapi.db.query(STORE).deleteMany({ where });
}
