/** Only pages with this attribute (the articles) go into the search index, as soon as one page has it. */
export const SEARCH_BODY_MARKER = 'data-pagefind-body';

export const isIndexedPage = (html: string) => html.includes(SEARCH_BODY_MARKER);

/**
 * The search index a page goes into, as Pagefind names it: one index per `<html lang>`,
 * lower-cased ("pt-BR" -> "pt-br"), "unknown" without one. Null for a page not indexed.
 * The search index build checks this against what Pagefind writes.
 */
export function searchLanguageOf(html: string): string | null {
  if (!isIndexedPage(html)) return null;
  const lang = /<html\b[^>]*?\slang="([^"]*)"/i.exec(html)?.[1]?.trim();
  return lang ? lang.toLowerCase() : 'unknown';
}
