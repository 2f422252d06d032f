import fs from 'node:fs';
import path from 'node:path';
import { SITE_DIR } from './env.js';

export type Strings = Record<string, string>;
export const FALLBACK_LOCALE = 'en';

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
  const candidates = [locale, locale.split('-')[0]!, FALLBACK_LOCALE];
  const template = candidates.map((c) => all[c]?.[key]).find((s) => s !== undefined);
  if (template === undefined) throw new Error(`Missing UI string "${key}" (checked ${candidates.join(', ')}).`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
