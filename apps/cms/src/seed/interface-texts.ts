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

/**
 * Creates every shipped interface text that is missing (in English, and in each shipped
 * translation whose locale the CMS has), never changing one that exists: what translators
 * wrote stays, and a key a new version of the site needs arrives on the next boot. Runs on
 * every boot, not only with the demo content: the site cannot build without its English texts.
 */
export async function ensureInterfaceTexts(strapi: Core.Strapi) {
  const { byLocale, areas } = loadShippedTexts(strapi.dirs.app.root);
  const locales = new Set(((await strapi.plugin('i18n').service('locales').find()) as { code: string }[]).map((l) => l.code));
  const docs = strapi.documents(UID);
  const existing = async (locale: string) =>
    new Map(((await docs.findMany({ locale, fields: ['key'] })) as Entry[]).map((e) => [e.key, e.documentId]));

  let created = 0;
  await strapi.db.transaction(async () => {
    const english = await existing(DEFAULT_LOCALE);
    for (const [key, text] of Object.entries(byLocale.en)) {
      if (english.has(key)) continue;
      const { documentId } = await docs.create({ locale: DEFAULT_LOCALE, data: { key, text, note: noteFor(key, text, areas) } });
      english.set(key, documentId);
      created++;
    }
    for (const [locale, texts] of Object.entries(byLocale)) {
      if (locale === DEFAULT_LOCALE || !locales.has(locale)) continue;
      const translated = await existing(locale);
      for (const [key, text] of Object.entries(texts)) {
        const documentId = english.get(key);
        if (!documentId || translated.has(key)) continue;
        await docs.update({ documentId, locale, data: { key, text } });
        created++;
      }
    }
  });
  if (created) strapi.log.info(`Interface texts: ${created} created.`);
}
