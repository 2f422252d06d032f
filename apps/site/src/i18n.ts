import fs from 'node:fs';
import path from 'node:path';
import { FALLBACK_LOCALE, translatorFor, type Strings } from '../public/js/i18n.js';
import { SITE_DIR } from './env.js';

// The translation rules live in public/js/i18n.js, which the browser loads as is; the build
// reads the strings from disk and uses the same rules through this module.
export { FALLBACK_LOCALE, translatorFor, type Strings, type Translator } from '../public/js/i18n.js';

/** UI strings, one JSON file per locale in apps/site/i18n; missing files and keys fall back to English. */
export function loadStrings(dir = path.join(SITE_DIR, 'i18n')): Record<string, Strings> {
  const out: Record<string, Strings> = {};
  for (const file of fs.readdirSync(dir)) {
    if (file.endsWith('.json')) out[path.basename(file, '.json')] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  }
  if (!out[FALLBACK_LOCALE]) throw new Error(`UI strings for "${FALLBACK_LOCALE}" are missing in ${dir}.`);
  return out;
}

/** Looks a key up for a locale ("pt-BR" tries "pt-BR", then "pt", then English) and fills {placeholders}. */
export function translate(all: Record<string, Strings>, locale: string, key: string, values: Record<string, unknown> = {}) {
  return translatorFor(all, locale).t(key, values);
}
