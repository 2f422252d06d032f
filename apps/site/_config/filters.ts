import { telHref } from '../public/js/find-care-core.js';
import { medicalWebPageJsonLd } from './json-ld.js';
import { sitemapXml } from '../src/sitemap.js';
import { stateName } from '../src/us-states.js';
import type { EleventyConfig } from './types.js';

// Making an Intl.DateTimeFormat is slow (a tenth of a corpus build's render time): one per locale.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(iso: string, locale: string) {
  let format = dateFormats.get(locale);
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })));
  return format.format(new Date(iso));
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

/** What the search page's script needs of each author to find them by name (public/js/search-people.js). */
export function peopleToSearch(authors: { name: string; credentials?: string | null; url: string }[]) {
  return authors.map(({ name, credentials, url }) => ({ name, credentials: credentials ?? null, url }));
}

export default function filtersPlugin(eleventyConfig: EleventyConfig) {
  eleventyConfig.addFilter('formatDate', formatDate);
  eleventyConfig.addFilter('medicalWebPageJsonLd', medicalWebPageJsonLd);
  eleventyConfig.addFilter('telHref', telHref);
  eleventyConfig.addFilter('absoluteUrl', absoluteUrl);
  eleventyConfig.addFilter('stateName', stateName);
  eleventyConfig.addFilter('sortByText', sortByText);
  eleventyConfig.addFilter('peopleToSearch', peopleToSearch);
  eleventyConfig.addFilter('sitemapXml', sitemapXml);
  eleventyConfig.addFilter('json', (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c'));
}
