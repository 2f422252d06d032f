// @ts-check
// The one implementation of UI strings, shared by the build (src/i18n.ts, the Nunjucks filters)
// and the browser scripts (find-care.js, search.js, self-assessment.js): a translator looks keys
// up, fills {placeholders}, picks plural forms with Intl.PluralRules and says whether an optional
// label (a value the CMS stores in English) has a translation. No DOM, no file system.

/**
 * @typedef {Record<string, string>} Strings one locale's UI strings, by key
 * @typedef {Record<string, unknown>} Values placeholder values, by name
 * @typedef {{
 *   locale: string,
 *   has: (key: string) => boolean,
 *   t: (key: string, values?: Values) => string,
 *   plural: (key: string, n: number, values?: Values) => string,
 *   label: (key: string) => string | null,
 * }} Translator
 */

export const FALLBACK_LOCALE = 'en';

/** The locales a key is looked up in: "pt-BR" tries "pt-BR", then "pt", then English. @param {string} locale */
export function localeChain(locale) {
  return [locale, /** @type {string} */ (locale.split('-')[0]), FALLBACK_LOCALE];
}

/**
 * Fills {name} placeholders; a placeholder without a value stays as written.
 * @param {string} template @param {Values} [values]
 */
export function fill(template, values = {}) {
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? `{${name}}`));
}

/**
 * A translator for one locale.
 * @param {string} locale
 * @param {(key: string) => string | undefined} lookup the string for a key, or undefined
 * @param {(key: string) => string} missing what a key nobody wrote gives (throw to fail loudly)
 * @returns {Translator}
 */
export function createTranslator(locale, lookup, missing) {
  /** Made when first needed: most translators never pick a plural. @type {Intl.PluralRules | undefined} */
  let plurals;
  const has = (/** @type {string} */ key) => lookup(key) !== undefined;
  /** @param {string} key @param {Values} [values] */
  const t = (key, values) => {
    const template = lookup(key);
    return template === undefined ? missing(key) : fill(template, values);
  };
  return {
    locale,
    has,
    t,
    /**
     * "No articles yet" / "1 article" / "3 articles": the key ending in .zero for 0 when there is
     * one, else in the locale's plural category (.one, .few, ...), else in .other.
     */
    plural(key, n, values = { n }) {
      if (n === 0 && has(`${key}.zero`)) return t(`${key}.zero`, values);
      const form = `${key}.${(plurals ??= new Intl.PluralRules(locale)).select(n)}`;
      return t(has(form) ? form : `${key}.other`, values);
    },
    /** The translation of a value the CMS stores in English ("languageName.Spanish"), or null when there is none. */
    label: (key) => (has(key) ? t(key) : null),
  };
}

/**
 * A translator over the strings of every locale (by locale code), falling back along
 * localeChain; a missing key throws.
 * @param {Record<string, Strings>} all @param {string} locale
 */
export function translatorFor(all, locale) {
  const chain = localeChain(locale);
  return createTranslator(
    locale,
    (key) => chain.map((code) => all[code]?.[key]).find((s) => s !== undefined),
    (key) => {
      throw new Error(`Missing UI string "${key}" (checked ${chain.join(', ')}).`);
    },
  );
}

/**
 * The translator of a browser script: the strings the page wrote for it as JSON into the element
 * with this id, already in the page's language; a missing key shows as itself.
 * @param {string} id @param {string} locale
 */
export function pageTranslator(id, locale) {
  /** @type {Strings} */
  const strings = JSON.parse(document.getElementById(id)?.textContent || '{}');
  return createTranslator(locale, (key) => (Object.hasOwn(strings, key) ? strings[key] : undefined), (key) => key);
}
