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

/**
 * Text that fell back to English on a page in another language is wrapped in these two
 * private-use characters, so that it can be marked lang="en" where it ends up: the build turns
 * them into <span lang="en"> (src/fallback-marks.ts), a browser script into the same with
 * markedNodes(). They never reach a reader.
 */
export const FALLBACK_START = '\uE000';
export const FALLBACK_END = '\uE001';
const MARKS = /[\uE000\uE001]/g;

/** The text without fallback marks (for attributes, data, comparisons). @param {string} text */
export const unmark = (text) => text.replace(MARKS, '');

/**
 * Marks a template as English fallback: its own words, not the {placeholders}, whose values
 * (names, numbers, what the reader typed) are in the page's language.
 * @param {string} template
 */
export function markFallback(template) {
  return template
    .split(/(\{\w+\})/)
    .map((part) => (part === '' || /^\{\w+\}$/.test(part) ? part : FALLBACK_START + part + FALLBACK_END))
    .join('');
}

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
 * @param {(key: string) => boolean} [isFallback] whether the key's text is English standing in for this locale's
 * @returns {Translator}
 */
export function createTranslator(locale, lookup, missing, isFallback = () => false) {
  /** Made when first needed: most translators never pick a plural. @type {Intl.PluralRules | undefined} */
  let plurals;
  const has = (/** @type {string} */ key) => lookup(key) !== undefined;
  /** @param {string} key @param {Values} [values] */
  const t = (key, values) => {
    const template = lookup(key);
    if (template === undefined) return missing(key);
    return fill(isFallback(key) ? markFallback(template) : template, values);
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
      const other = `${key}.other`;
      // A form English has (.zero) is not taken over the locale's own .other.
      const usable = (/** @type {string} */ form) => has(form) && (!isFallback(form) || isFallback(other));
      if (n === 0 && usable(`${key}.zero`)) return t(`${key}.zero`, values);
      const form = `${key}.${(plurals ??= new Intl.PluralRules(locale)).select(n)}`;
      return t(usable(form) ? form : other, values);
    },
    /** The translation of a value the CMS stores in English ("languageName.Spanish"), or null when there is none. */
    label: (key) => (has(key) ? t(key) : null),
  };
}

/**
 * A translator over the strings of every locale (by locale code), falling back along
 * localeChain; English text on a page in another language comes marked (markFallback); a key
 * missing in English too throws, naming it.
 * @param {Record<string, Strings>} all @param {string} locale
 */
export function translatorFor(all, locale) {
  const chain = localeChain(locale);
  const english = localeChain(locale)[1] === FALLBACK_LOCALE;
  /** @param {string} key */
  const source = (key) => chain.find((code) => all[code]?.[key] !== undefined);
  return createTranslator(
    locale,
    (key) => {
      const code = source(key);
      return code === undefined ? undefined : all[code]?.[key];
    },
    (key) => {
      throw new Error(`Missing interface text "${key}": add it in English in the CMS (Interface text), checked ${chain.join(', ')}.`);
    },
    (key) => !english && source(key) === FALLBACK_LOCALE,
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

/**
 * A text as DOM nodes, its English fallback parts (marked by the build) in <span lang="en">.
 * @param {string} text @param {Document} [doc]
 * @returns {Node[]}
 */
export function markedNodes(text, doc = document) {
  /** @type {Node[]} */
  const out = [];
  /** @type {HTMLElement | null} */
  let span = null;
  for (const part of text.split(/([\uE000\uE001])/)) {
    if (part === FALLBACK_START) {
      span = doc.createElement('span');
      span.lang = FALLBACK_LOCALE;
      out.push(span);
    } else if (part === FALLBACK_END) span = null;
    else if (part) (span ?? { append: (/** @type {Node} */ n) => out.push(n) }).append(doc.createTextNode(part));
  }
  return out;
}

/** Sets an element's text, its English fallback parts marked lang="en". @param {Element} el @param {string} text */
export function setMarkedText(el, text) {
  el.replaceChildren(...markedNodes(text, el.ownerDocument));
}
