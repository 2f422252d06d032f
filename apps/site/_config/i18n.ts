import { loadStrings, translatorFor, type Translator } from '../src/i18n.js';
import type { EleventyConfig } from './types.js';

type Values = Record<string, unknown>;

/** One translator per locale over the UI strings in apps/site/i18n, made when first asked for. */
export function translators(strings = loadStrings()) {
  const byLocale = new Map<string, Translator>();
  return (locale: string) => {
    let translator = byLocale.get(locale);
    if (!translator) byLocale.set(locale, (translator = translatorFor(strings, locale)));
    return translator;
  };
}

/**
 * UI strings in templates, through the same translator as the browser scripts (public/js/i18n.js):
 *   {{ "findCare.title" | t(locale, { n: 3 }) }}             a string, placeholders filled
 *   {{ "directory.programCount" | plural(locale, n) }}       .zero / .one / .other ... by Intl.PluralRules
 *   {{ provider.organizationType | label("orgType.", locale) }}  a CMS value in English, translated when a string exists
 *   {{ state | stateLabel(locale) }}                         a state's name in the page's language
 *   {{ ("languageName." + name) | optionalT(locale) }}       the translation, or null when there is none
 */
export default function i18nPlugin(eleventyConfig: EleventyConfig) {
  const translator = translators();
  eleventyConfig.addFilter('t', (key: string, locale: string, values?: Values) => translator(locale).t(key, values));
  eleventyConfig.addFilter('plural', (key: string, locale: string, n: number, values?: Values) =>
    translator(locale).plural(key, n, values),
  );
  // What a preview's draft still needs, as one sentence part in the page's language ("a slug and a summary").
  eleventyConfig.addFilter('draftNeeds', (needs: string[], locale: string) =>
    new Intl.ListFormat(locale, { type: 'conjunction' }).format(needs.map((need) => translator(locale).t(`preview.need.${need}`))),
  );
  eleventyConfig.addFilter('optionalT', (key: string, locale: string) => translator(locale).label(key));
  eleventyConfig.addFilter('label', (value: string, prefix: string, locale: string) => translator(locale).label(prefix + value) ?? value);
  eleventyConfig.addFilter('stateLabel', (state: { code: string; name: string }, locale: string) =>
    translator(locale).label(`stateName.${state.code}`) ?? state.name,
  );
}
