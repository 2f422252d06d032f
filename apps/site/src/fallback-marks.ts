import { FALLBACK_END, FALLBACK_LOCALE, FALLBACK_START, unmark } from './i18n.js';

/**
 * Turns the translator's fallback marks (public/js/i18n.js: English standing in for a missing
 * translation) into lang="en" in a built HTML page:
 * - in text, a <span lang="en"> around the English words;
 * - in elements whose content is text only (<option>, <title>, <textarea>), lang="en" on the
 *   element when its text has English in it;
 * - in attribute values (aria-label, placeholder, content, ...), lang="en" on elements that have
 *   no content of their own to mislabel (<input>, <img>, <area>); on any other element the value
 *   stays plain text, since lang would also claim its translated content is English;
 * - JSON for the browser scripts keeps them (the scripts mark their own text, markedNodes);
 *   other scripts and styles lose them.
 */
export function markFallbackHtml(html: string): string {
  let mark = html.indexOf(FALLBACK_START);
  if (mark === -1) return html;
  // A page has a few marks in 10 KB of markup: the tokens before each mark are only skipped
  // (test() makes no match), and only the text and token holding it are taken apart.
  let out = '';
  let done = 0;
  let from = 0;
  while (mark !== -1) {
    TOKENS.lastIndex = from;
    let end = -1;
    while (TOKENS.test(html)) {
      if (TOKENS.lastIndex > mark) {
        end = TOKENS.lastIndex;
        break;
      }
      from = TOKENS.lastIndex;
    }
    out += html.slice(done, from);
    // No token after the mark: the rest is text.
    if (end === -1) return out + markText(html.slice(from));
    TOKENS.lastIndex = from;
    const token = TOKENS.exec(html)!;
    out += markText(html.slice(from, token.index)) + markToken(token);
    done = from = end;
    mark = html.indexOf(FALLBACK_START, end);
  }
  return out + html.slice(done);
}

/** Any other output (feed, sitemap, JSON): the marks go. */
export function stripFallbackMarks(text: string): string {
  return text.includes(FALLBACK_START) ? unmark(text) : text;
}

const ATTRS = `(?:"[^"]*"|'[^']*'|[^'">])*`;
const TOKENS = new RegExp(
  `<!--[\\s\\S]*?-->|<(script|style|title|textarea|option)\\b(${ATTRS})>([\\s\\S]*?)</\\1\\s*>|</?[A-Za-z][^\\s/>]*${ATTRS}>`,
  'gi',
);
const OWNS_NO_CONTENT = /^<(input|img|area)\b/i;
const TEXT_ONLY = new Set(['title', 'textarea', 'option']);

const markText = (text: string) =>
  text.includes(FALLBACK_START)
    ? text.replaceAll(FALLBACK_START, `<span lang="${FALLBACK_LOCALE}">`).replaceAll(FALLBACK_END, '</span>')
    : text;

const hasLang = (attrs: string) => /\slang\s*=/i.test(attrs);
const withLang = (openTag: string) => openTag.replace(/\s*(\/?)>$/, ` lang="${FALLBACK_LOCALE}"$1>`);

function markToken(match: RegExpMatchArray): string {
  const [token, element, attrs, content] = match;
  if (!token.includes(FALLBACK_START)) return token;
  if (!element) {
    // A tag: marks can only be in attribute values.
    const tag = unmark(token);
    return OWNS_NO_CONTENT.test(tag) && !hasLang(tag) ? withLang(tag) : tag;
  }
  const name = element.toLowerCase();
  const openTag = `<${element}${unmark(attrs ?? '')}>`;
  const close = token.slice(token.lastIndexOf('</'));
  if (name === 'script' && /type\s*=\s*["']?application\/json\b/i.test(attrs ?? '')) return `<${element}${unmark(attrs ?? '')}>${content}${close}`;
  const text = content ?? '';
  const marked = TEXT_ONLY.has(name) && text.includes(FALLBACK_START) && !hasLang(openTag);
  return (marked ? withLang(openTag) : openTag) + unmark(text) + close;
}
