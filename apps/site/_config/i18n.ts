import { markFallbackHtml, stripFallbackMarks } from '../src/fallback-marks.js';
import { pageStrings, textDirection, translatorFor, type Strings, type Translator } from '../src/i18n.js';
import type { EleventyConfig } from './types.js';

type Values = Record<string, unknown>;
/** What Eleventy gives a Nunjucks filter as `this`: the page's data in `ctx`. */
type FilterThis = { ctx?: { model?: { strings?: Record<string, Strings> } } };
type Translators = (locale: string) => Translator;

const cache = new WeakMap<Record<string, Strings>, Translators>();

/** One translator per locale over the interface texts of a build (the model's `strings`), made when first asked for. */
export function translators(strings: Record<string, Strings>): Translators {
  let forStrings = cache.get(strings);
  if (!forStrings) {
    const byLocale = new Map<string, Translator>();
    forStrings = (locale) => {
      let translator = byLocale.get(locale);
      if (!translator) byLocale.set(locale, (translator = remembering(translatorFor(strings, locale))));
      return translator;
    };
    cache.set(strings, forStrings);
  }
  return forStrings;
}

/**
 * The translator, keeping what it gave for a key without placeholder values and for a label:
 * templates ask for the same few hundred texts on every page (about 500,000 times in a corpus
 * build), and the answer for a key never changes within a build.
 */
function remembering(translator: Translator): Translator {
  const texts = new Map<string, string>();
  const labels = new Map<string, string | null>();
  return {
    ...translator,
    t: (key, values) => {
      if (values) return translator.t(key, values);
      let text = texts.get(key);
      if (text === undefined) texts.set(key, (text = translator.t(key)));
      return text;
    },
    label: (key) => {
      let label = labels.get(key);
      if (label === undefined) labels.set(key, (label = translator.label(key)));
      return label;
    },
  };
}

/** The translator of the page being rendered, from the interface texts in its model. */
export function pageTranslatorOf(self: FilterThis | undefined, locale: string): Translator {
  const strings = self?.ctx?.model?.strings;
  if (!strings) throw new Error('Interface texts: the template context has no model with strings.');
  return translators(strings)(locale);
}

/**
 * Interface texts in templates, from the CMS (content type Interface text, in the page model),
 * through the same translator as the browser scripts (public/js/i18n.js):
 *   {{ "findCare.title" | t(locale, { n: 3 }) }}             a string, placeholders filled
 *   {{ "directory.programCount" | plural(locale, n) }}       .zero / .one / .other ... by Intl.PluralRules
 *   {{ provider.organizationType | label("orgType.", locale) }}  a CMS value in English, translated when a string exists
 *   {{ state | stateLabel(locale) }}                         a state's name in the page's language
 *   {{ ("languageName." + name) | optionalT(locale) }}       the translation, or null when there is none
 *   {{ { count: "search.status.count" } | pageStrings(locale) | json | safe }}  strings for a browser script
 * English standing in for a missing translation comes marked; the transform below turns the
 * marks into lang="en" in HTML pages (src/fallback-marks.ts) and drops them elsewhere.
 */
export default function i18nPlugin(eleventyConfig: EleventyConfig) {
  const tr = (self: FilterThis, locale: string) => pageTranslatorOf(self, locale);
  eleventyConfig.addFilter('t', function (this: FilterThis, key: string, locale: string, values?: Values) {
    return tr(this, locale).t(key, values);
  });
  eleventyConfig.addFilter('plural', function (this: FilterThis, key: string, locale: string, n: number, values?: Values) {
    return tr(this, locale).plural(key, n, values);
  });
  // What a preview's draft still needs, as one sentence part in the page's language ("a slug and a summary").
  eleventyConfig.addFilter('draftNeeds', function (this: FilterThis, needs: string[], locale: string) {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(needs.map((need) => tr(this, locale).t(`preview.need.${need}`)));
  });
  eleventyConfig.addFilter('optionalT', function (this: FilterThis, key: string, locale: string) {
    return tr(this, locale).label(key);
  });
  eleventyConfig.addFilter('label', function (this: FilterThis, value: string, prefix: string, locale: string) {
    return tr(this, locale).label(prefix + value) ?? value;
  });
  eleventyConfig.addFilter('stateLabel', function (this: FilterThis, state: { code: string; name: string }, locale: string) {
    return tr(this, locale).label(`stateName.${state.code}`) ?? state.name;
  });
  eleventyConfig.addFilter('pageStrings', function (this: FilterThis, spec: Record<string, string>, locale: string) {
    return pageStrings(tr(this, locale), spec);
  });
  // <html dir> and the direction of a text in another locale ("rtl" for Arabic, Hebrew, ...).
  // Intl.Locale for every alternate of every page was a tenth of the layout's render time: once per code.
  const directions = new Map<string, ReturnType<typeof textDirection>>();
  eleventyConfig.addFilter('textDirection', (locale: string) => {
    let direction = directions.get(locale);
    if (!direction) directions.set(locale, (direction = textDirection(locale)));
    return direction;
  });
  eleventyConfig.addTransform('fallback-lang', (content: unknown, outputPath: unknown) => {
    if (typeof content !== 'string') return content;
    return typeof outputPath === 'string' && outputPath.endsWith('.html') ? markFallbackHtml(content) : stripFallbackMarks(content);
  });
}
