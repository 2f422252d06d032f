import type { SiteContent } from '@solace/content';
import { FALLBACK_LOCALE, translatorFor, type Strings, type Translator } from '../public/js/i18n.js';

// The translation rules live in public/js/i18n.js, which the browser loads as is; the build
// takes the strings from the CMS (Interface text, through @solace/content) and uses the same rules.
export {
  FALLBACK_END,
  FALLBACK_LOCALE,
  FALLBACK_START,
  translatorFor,
  unmark,
  type Strings,
  type Translator,
} from '../public/js/i18n.js';

/**
 * The interface texts of every locale, by locale code, as translators wrote them in the CMS. A
 * locale needs nothing else: what it lacks falls back to English (marked lang="en"). The English
 * texts must be there, or nothing can fall back.
 */
export function interfaceStrings(content: SiteContent): Record<string, Strings> {
  const out = Object.fromEntries(content.locales.map((l) => [l.code, content.byLocale[l.code]?.interfaceTexts ?? {}]));
  if (!Object.keys(out[FALLBACK_LOCALE] ?? {}).length) {
    throw new Error(`The CMS has no interface texts in "${FALLBACK_LOCALE}" (content type Interface text): the site cannot be built without them.`);
  }
  return out;
}

/** Looks a key up for a locale ("pt-BR" tries "pt-BR", then "pt", then English) and fills {placeholders}. */
export function translate(all: Record<string, Strings>, locale: string, key: string, values: Record<string, unknown> = {}) {
  return translatorFor(all, locale).t(key, values);
}

export const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/**
 * The strings a browser script gets, by its own keys: `{ count: 'search.status.count' }` gives
 * "count", or, for a plural key, every form the page's language has ("count.one", "count.few",
 * ...). Placeholders stay for the script to fill; English fallback stays marked.
 */
export function pageStrings(translator: Translator, spec: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [pageKey, key] of Object.entries(spec)) {
    if (translator.has(key) || !translator.has(`${key}.other`)) out[pageKey] = translator.t(key);
    else for (const form of PLURAL_FORMS) if (translator.has(`${key}.${form}`)) out[`${pageKey}.${form}`] = translator.t(`${key}.${form}`);
  }
  return out;
}

/** Scripts written right to left, for runtimes whose Intl.Locale has no text info. */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

type LocaleWithTextInfo = Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };

/** "rtl" for a locale written right to left (ar, he, fa-IR, ...), else "ltr": from Intl.Locale's text info when the runtime has it. */
export function textDirection(code: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(code) as LocaleWithTextInfo;
    const direction = (locale.getTextInfo?.() ?? locale.textInfo)?.direction;
    if (direction === 'rtl' || direction === 'ltr') return direction;
    return RTL_LANGUAGES.has(locale.language) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
