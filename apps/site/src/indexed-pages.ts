import type { ContentNodes } from '@solace/content';
import { textHash } from './incremental/hash.js';

/** Only pages with this attribute (the articles) go into the search index, as soon as one page has it. */
const SEARCH_BODY_MARKER = 'data-pagefind-body';

/** Whether a page goes into the search index; on its UTF-8 bytes too (the marker is ASCII). */
export const isIndexedPage = (html: string | Buffer) => html.includes(SEARCH_BODY_MARKER);

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

/** Marks an element Pagefind leaves out entirely: its text, and any filters, metadata or sort in it. */
const SEARCH_IGNORE_MARKER = 'data-pagefind-ignore="all"';

/**
 * What Pagefind is given of an indexed page: its language and the marked element, nothing of
 * the layout around it (navigation, language switcher, related articles), which Pagefind does
 * not index anyway, nor the elements in it Pagefind leaves out (the byline: an author renamed
 * changes no search index). So a page whose indexed text is unchanged gives the same input when
 * only the rest changed, and the search index of its language can be kept. The whole page when
 * an element cannot be cut out (more than one marked, or one not closed).
 */
export function searchInputOf(html: string): string | null {
  const marker = html.indexOf(SEARCH_BODY_MARKER);
  if (marker < 0) return null;
  if (html.indexOf(SEARCH_BODY_MARKER, marker + SEARCH_BODY_MARKER.length) >= 0) return html;
  const body = elementAround(html, marker);
  if (!body) return html;
  let indexed = '';
  let from = body.start;
  for (let ignored = html.indexOf(SEARCH_IGNORE_MARKER, from); ignored >= 0 && ignored < body.end; ignored = html.indexOf(SEARCH_IGNORE_MARKER, from)) {
    const left = elementAround(html, ignored);
    if (!left || left.start < from || left.end > body.end) return html;
    indexed += html.slice(from, left.start);
    from = left.end;
  }
  indexed += html.slice(from, body.end);
  const lang = htmlLang(html);
  return `<!doctype html><html${lang === undefined ? '' : ` lang="${lang}"`}><body>${indexed}</body></html>`;
}

/**
 * The element whose start tag holds the text at `inside`: where it starts, and where its end tag
 * ends (elements of the same name nested in it are counted). Null if that text is not in a start
 * tag (a page's text that reads like the attribute), or the element is not closed.
 */
function elementAround(html: string, inside: number): { start: number; end: number } | null {
  const start = html.lastIndexOf('<', inside);
  if (start < 0 || html.indexOf('>', start) < inside) return null;
  const tag = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(start, inside))?.[1];
  if (!tag) return null;
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return { start, end: m.index + m[0].length };
  }
  return null;
}

/** A page's `<html lang>` attribute, as written. */
const htmlLang = (html: string) => /<html\b[^>]*?\slang="([^"]*)"/i.exec(html)?.[1];

/**
 * The search indexes pages go into: one per language, split by a hash of each page's path into
 * parts of about `partPages` pages. Pagefind makes an index's files anew whenever one of its pages
 * changes (a second for 1,000 pages on this machine, a fifth of that for 250), so an edit re-makes
 * its part only. The search page merges a language's parts (Pagefind's mergeIndex, which shares
 * the first part's WebAssembly). The first non-empty part of a language is its main index (named
 * as the language: Pagefind's own folder holds the main indexes); another is "<language>/<n>"
 * (SEARCH_PARTS_DIR/<language>/<n>/). A function of the pages alone: a cold and an incremental
 * build of the same pages split them alike.
 */
export function searchIndexesOf(pages: Iterable<readonly [file: string, language: string]>, partPages: number): Map<string, SearchIndexPages> {
  const byLanguage = new Map<string, string[]>();
  for (const [file, language] of pages) {
    let files = byLanguage.get(language);
    if (!files) byLanguage.set(language, (files = []));
    files.push(file);
  }
  const indexes = new Map<string, SearchIndexPages>();
  for (const [language, files] of byLanguage) {
    const count = Math.max(1, Math.ceil(files.length / partPages));
    const parts = new Map<number, string[]>();
    for (const file of files) {
      const part = count === 1 ? 0 : partOf(file, count);
      let list = parts.get(part);
      if (!list) parts.set(part, (list = []));
      list.push(file);
    }
    const numbers = [...parts.keys()].sort((a, b) => a - b);
    for (const part of numbers) {
      const name = part === numbers[0] ? language : `${language}/${part}`;
      indexes.set(name, { language, part, count, files: parts.get(part)! });
    }
  }
  return indexes;
}

/** Part `part` of the `count` its language's pages are split into. */
export type SearchIndexPages = { language: string; part: number; count: number; files: string[] };

/** Where the parts of languages' search indexes go, under Pagefind's folder (searchIndexesOf). */
export const SEARCH_PARTS_DIR = 'parts';

/** The folder of a search index under Pagefind's: '' for a language's main index. */
export const searchIndexFolder = (name: string) => (name.includes('/') ? `${SEARCH_PARTS_DIR}/${name}` : '');

const partOf = (file: string, count: number) => Number.parseInt(textHash(file).slice(0, 8), 16) % count;

/** Which index each page goes into (searchIndexesOf), by file. */
export function indexOfFile(indexes: ReadonlyMap<string, SearchIndexPages>): Map<string, string> {
  const byFile = new Map<string, string>();
  for (const [name, { files }] of indexes) for (const file of files) byFile.set(file, name);
  return byFile;
}

/** Each article's output file (relative, with "/") and when its content last changed. */
export type SearchOrder = ReadonlyMap<string, string>;

/** An article page of the model, as far as the search order and the guess below read it. */
type ModelArticlePage = { url: string; article: { updatedAt: string; locale: string; documentId: string } };

/** The model's article pages with their output file (read as the model comes: none without one). */
function articlePagesOf(model: unknown) {
  const articles = (model as { articles?: ModelArticlePage[] } | undefined)?.articles;
  if (!Array.isArray(articles)) return [];
  return articles.filter((page) => page.url.endsWith('/')).map((page) => ({ file: fileOfUrl(page.url), article: page.article }));
}

/**
 * The order Pagefind is given a language's pages in (its index numbers them so): by when their
 * article last changed, oldest first, then by path; a page the model has no article for first.
 * Cold and incremental builds of the same content give the same order. An edited or new article
 * comes last, so its language's other pages can be indexed before it is rendered.
 */
export function searchOrderOf(model: unknown): SearchOrder {
  return new Map(articlePagesOf(model).map(({ file, article }) => [file, article.updatedAt]));
}

export const bySearchOrder = (order: SearchOrder) => (a: string, b: string) => {
  const ka = order.get(a) ?? '';
  const kb = order.get(b) ?? '';
  return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/** The output file of a page URL ("/en/articles/x/" -> "en/articles/x/index.html"), as the search order names it. */
const fileOfUrl = (url: string) => (url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1));

/**
 * Article pages in search order. Rendered in this order, a build that renders a whole language
 * hands Pagefind its pages in the order the index takes them, as they are written.
 */
export function inSearchOrder<T extends { url: string; article: { updatedAt: string } }>(pages: T[]): T[] {
  const compare = bySearchOrder(searchOrderOf({ articles: pages }));
  return pages.map((page) => ({ page, file: fileOfUrl(page.url) })).sort((a, b) => compare(a.file, b.file)).map(({ page }) => page);
}

/**
 * The search indexes as far as the model tells (searchIndexesOf), each with its pages in the
 * order it takes them: the articles, in the language their path begins with (a guess at their
 * `<html lang>`, checked once the pages are written).
 */
export function expectedIndexes(order: SearchOrder, partPages: number): Map<string, SearchIndexPages> {
  return searchIndexesInOrder(
    [...order.keys()].map((file) => [file, languageOfPath(file)] as const),
    order,
    partPages,
  );
}

/** The search indexes of these pages (searchIndexesOf), each index's pages in search order. */
export function searchIndexesInOrder(pages: Iterable<readonly [file: string, language: string]>, order: SearchOrder, partPages: number) {
  const indexes = searchIndexesOf(pages, partPages);
  for (const index of indexes.values()) index.files.sort(bySearchOrder(order));
  return indexes;
}

/** The search language a page's path suggests: its first segment, the locale, lower-cased as Pagefind names indexes. */
export const languageOfPath = (file: string) => file.split('/')[0]!.toLowerCase();

/**
 * The search index a change most likely re-makes (searchIndexesOf), and the unchanged pages that
 * come first in it: those before any article this build renders or adds to it. An edited or new
 * article changed last and comes last, so nearly all of its index can be made while it renders.
 * `indexed`: the previous output's indexed files and their language; `unchanged`: whether a file
 * is taken as it was (carried, or guessed so: unchangedSince); `order`: this build's articles,
 * split into indexes as the build will split them (a page not indexed before is guessed to go
 * into its locale's, the first part of its path). The index is the one with the most pages
 * re-rendered, gone or new. Null when no unchanged page comes first.
 */
export function headOfIndex(
  indexed: ReadonlyMap<string, string>,
  unchanged: (file: string) => boolean,
  order: SearchOrder,
  partPages: number,
): { index: string; head: string[] } | null {
  const languageOf = (file: string) => indexed.get(file) ?? languageOfPath(file);
  const indexes = searchIndexesOf([...order.keys()].map((file) => [file, languageOf(file)] as const), partPages);
  const indexOf = indexOfFile(indexes);
  const touched = new Map<string, number>();
  const touch = (index: string | null | undefined) => index && touched.set(index, (touched.get(index) ?? 0) + 1);
  for (const [file, language] of indexed) if (!unchanged(file)) touch(indexOf.get(file) ?? wouldBeIn(indexes, file, language));
  for (const file of order.keys()) if (!unchanged(file) && !indexed.has(file)) touch(indexOf.get(file));
  const index = [...touched].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))[0]?.[0];
  if (!index) return null;
  const compare = bySearchOrder(order);
  const first = [...order.keys()].filter((file) => !unchanged(file) && indexOf.get(file) === index).sort(compare)[0];
  const head = [...indexed.keys()]
    .filter((file) => unchanged(file) && indexOf.get(file) === index)
    .sort(compare)
    .filter((file) => first === undefined || compare(file, first) < 0);
  return head.length ? { index, head } : null;
}

/** The index a page no longer there was in, as its language's pages are split now (null: that part has no page left). */
function wouldBeIn(indexes: ReadonlyMap<string, SearchIndexPages>, file: string, language: string) {
  const count = [...indexes.values()].find((index) => index.language === language)?.count;
  if (count === undefined) return null;
  const part = count === 1 ? 0 : partOf(file, count);
  return [...indexes].find(([, index]) => index.language === language && index.part === part)?.[0] ?? null;
}

/** Each article's stamp in some content, by locale and documentId ("en abc123"). */
export type ArticleStamps = ReadonlyMap<string, string>;

const articleKey = (locale: string, documentId: string) => `${locale} ${documentId}`;

/** The articles' stamps in the content a build kept (published articles, or a preview's drafts). */
export function articleStampsOf(nodes: ContentNodes): ArticleStamps {
  const stamps = new Map<string, string>();
  for (const [locale, sets] of Object.entries(nodes.locales)) {
    for (const node of [...(sets.articles ?? []), ...(sets.articleDrafts ?? [])]) {
      if (node?.documentId && node.updatedAt) stamps.set(articleKey(locale, node.documentId), node.updatedAt);
    }
  }
  return stamps;
}

/**
 * A guess, before the plan, at which indexed pages a build takes as they were: those whose
 * article has the stamp it had in the content the previous build used (`previous`; a stamp
 * only changes when its article does). Only a guess: what a page shows of other documents (its
 * author's name) can change without its stamp.
 */
export function unchangedSince(indexed: ReadonlyMap<string, string>, model: unknown, previous: ArticleStamps) {
  const articleOf = new Map(articlePagesOf(model).map(({ file, article }) => [file, article]));
  return (file: string) => {
    const article = articleOf.get(file);
    return indexed.has(file) && article !== undefined && previous.get(articleKey(article.locale, article.documentId)) === article.updatedAt;
  };
}

/** Whether a list of pages begins with `head`, in its order. */
export const beginsWith = (files: string[], head: string[]) => files.length >= head.length && head.every((file, i) => files[i] === file);
