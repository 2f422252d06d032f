import fs from 'node:fs';
import path from 'node:path';
import type { Strings } from '../../src/i18n.js';

/** The interface texts the CMS ships and seeds (apps/cms/data/demo/interface-texts), by locale. */
export const SHIPPED_DIR = path.resolve(import.meta.dirname, '../../../cms/data/demo/interface-texts');

export function shippedStrings(): Record<string, Strings> {
  const read = (code: string) => JSON.parse(fs.readFileSync(path.join(SHIPPED_DIR, `${code}.json`), 'utf8')) as Strings;
  return { en: read('en'), es: read('es') };
}
