import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

const UID = 'api::interface-text.interface-text';
const DEFAULT_LOCALE = 'en';

type Texts = Record<string, string>;
type Entry = { documentId: string; key: string };

/**
 * The site's interface texts as shipped (apps/cms/data/demo/interface-texts/<locale>.json) and a
 * note per key for translators (notes.json: where texts with that key's first part appear).
 */
export function loadShippedTexts(root: string) {
  const dir = path.join(root, 'data', 'demo', 'interface-texts');
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Texts;
  const byLocale: Record<string, Texts> = {};
  for (const file of fs.readdirSync(dir)) {
    if (/^[a-z]{2,3}(-[A-Za-z0-9]+)*\.json$/.test(file)) byLocale[path.basename(file, '.json')] = read(file);
  }
  if (!byLocale[DEFAULT_LOCALE]) throw new Error(`${dir} has no ${DEFAULT_LOCALE}.json`);
  return { byLocale: byLocale as Record<string, Texts> & { en: Texts }, areas: read('notes.json') };
}

/** What a translator needs to know about a key: where it shows, its placeholders, its plural form. */
export function noteFor(key: string, english: string, areas: Texts) {
  const parts = [areas[key.split('.')[0]!] ?? ''];
  const placeholders = [...new Set([...english.matchAll(/\{(\w+)\}/g)].map((m) => `{${m[1]}}`))];
  if (placeholders.length) parts.push(`Keep ${placeholders.join(', ')} as written: the site fills ${placeholders.length > 1 ? 'them' : 'it'} in.`);
  const plural = /\.(zero|one|two|few|many|other)$/.exec(key)?.[1];
  if (plural) {
    parts.push(
      plural === 'zero'
        ? 'Used for 0 when present.'
        : `The "${plural}" plural form (Unicode CLDR plural rules of your language); add the other forms your language has as keys ending in .zero, .one, .two, .few, .many or .other.`,
    );
  }
  return parts.filter(Boolean).join(' ');
}

/** A document id in Strapi's format (24 lowercase letters and digits, starting with a letter). */
function newDocumentId() {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.randomBytes(24);
  return [...bytes].map((b, i) => alphabet[i === 0 ? b % 26 : b % 36]).join('');
}

/**
 * Creates every shipped interface text that is missing (in English, and in each shipped
 * translation whose locale the CMS has), never changing one that exists: what translators
 * wrote stays, and a key a new version of the site needs arrives on the next boot. Runs on
 * every boot, not only with the demo content: the site cannot be built without its English texts.
 *
 * Written in a few bulk inserts, as rows the document service reads like its own (a type
 * without draft & publish: one row per locale, published): through the document service, one
 * entry at a time, the first boot took tens of seconds on a busy machine. The shipped texts are
 * ours and checked by test/interface-texts.test.ts, so the per-entry validation is not missed.
 */
export async function ensureInterfaceTexts(strapi: Core.Strapi) {
  const { byLocale, areas } = loadShippedTexts(strapi.dirs.app.root);
  const locales = new Set(((await strapi.plugin('i18n').service('locales').find()) as { code: string }[]).map((l) => l.code));
  const rows = strapi.db.query(UID);
  const existing = async () =>
    (await rows.findMany({ select: ['documentId', 'key', 'locale'] })) as (Entry & { locale: string })[];

  await strapi.db.transaction(async () => {
    const found = await existing();
    const documentIds = new Map(found.filter((e) => e.locale === DEFAULT_LOCALE).map((e) => [e.key, e.documentId]));
    const have = new Set(found.map((e) => `${e.locale}\u0000${e.key}`));
    const now = new Date();
    const missing: Record<string, unknown>[] = [];
    for (const [key, text] of Object.entries(byLocale.en)) {
      if (documentIds.has(key)) continue;
      const documentId = newDocumentId();
      documentIds.set(key, documentId);
      missing.push({ documentId, locale: DEFAULT_LOCALE, key, text, note: noteFor(key, text, areas) });
    }
    for (const [locale, texts] of Object.entries(byLocale)) {
      if (locale === DEFAULT_LOCALE || !locales.has(locale)) continue;
      for (const [key, text] of Object.entries(texts)) {
        const documentId = documentIds.get(key);
        if (!documentId || have.has(`${locale}\u0000${key}`)) continue;
        missing.push({ documentId, locale, key, text, note: noteFor(key, byLocale.en[key] ?? text, areas) });
      }
    }
    for (let i = 0; i < missing.length; i += 200) {
      const batch = missing.slice(i, i + 200).map((row) => ({ ...row, publishedAt: now, createdAt: now, updatedAt: now }));
      await rows.createMany({ data: batch });
    }
    if (missing.length) strapi.log.info(`Interface texts: ${missing.length} created.`);
  });
}
