import { telHref } from '../public/js/find-care-core.js';
import { medicalWebPageJsonLd } from './json-ld.js';
import { stateName } from '../src/us-states.js';
import type { EleventyConfig } from './types.js';

export function formatDate(iso: string, locale: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}

// One tel: link rule for provider pages and the find-care results (which render in the browser).
export { telHref };

export function absoluteUrl(path: string, base: string) {
  return new URL(path, base).toString();
}

/** Sorts by a text field (dotted path) the way readers of that language expect ("Cáncer" before "Cuidar"). */
export function sortByText<T>(items: T[], field: string, locale: string): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const read = (item: T) => String(field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], item) ?? '');
  return [...items].sort((a, b) => collator.compare(read(a), read(b)));
}

export default function filtersPlugin(eleventyConfig: EleventyConfig) {
  eleventyConfig.addFilter('formatDate', formatDate);
  eleventyConfig.addFilter('medicalWebPageJsonLd', medicalWebPageJsonLd);
  eleventyConfig.addFilter('telHref', telHref);
  eleventyConfig.addFilter('absoluteUrl', absoluteUrl);
  eleventyConfig.addFilter('stateName', stateName);
  eleventyConfig.addFilter('sortByText', sortByText);
  eleventyConfig.addFilter('json', (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c'));
}
