/** Only pages with this attribute (the articles) go into the search index, as soon as one page has it. */
const SEARCH_BODY_MARKER = 'data-pagefind-body';

const isIndexedPage = (html: string) => html.includes(SEARCH_BODY_MARKER);

/**
 * The search index a page goes into, as Pagefind names it: one index per `<html lang>`,
 * lower-cased ("pt-BR" -> "pt-br"), "unknown" without one. Null for a page not indexed.
 * The search index build checks this against what Pagefind writes.
 */
export function searchLanguageOf(html: string): string | null {
  if (!isIndexedPage(html)) return null;
  const lang = htmlLang(html)?.trim();
  return lang ? lang.toLowerCase() : 'unknown';
}

/**
 * What Pagefind is given of an indexed page: its language and the marked element, nothing of
 * the layout around it (navigation, language switcher, related articles), which Pagefind does
 * not index anyway. So a page whose article is unchanged gives the same input when only its
 * surroundings changed, and the search index of its language can be kept. The whole page when
 * the marked element cannot be cut out (more than one, or not closed).
 */
export function searchInputOf(html: string): string | null {
  const marker = html.indexOf(SEARCH_BODY_MARKER);
  if (marker < 0) return null;
  if (html.indexOf(SEARCH_BODY_MARKER, marker + SEARCH_BODY_MARKER.length) >= 0) return html;
  const start = html.lastIndexOf('<', marker);
  const tag = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(start, marker))?.[1];
  if (!tag) return html;
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      const lang = htmlLang(html);
      return `<!doctype html><html${lang === undefined ? '' : ` lang="${lang}"`}><body>${html.slice(start, m.index + m[0].length)}</body></html>`;
    }
  }
  return html;
}

/** A page's `<html lang>` attribute, as written. */
const htmlLang = (html: string) => /<html\b[^>]*?\slang="([^"]*)"/i.exec(html)?.[1];
