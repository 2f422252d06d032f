import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { readEnv } from '../src/env.js';
import { escapeHtml } from '../src/escape-html.js';

// CommonMark as editors write it in the CMS; inline HTML is allowed through the parser and then
// everything is cleaned by sanitize-html, which has the final say.
const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i',
    'a', 'code', 'pre', 'abbr', 'sup', 'sub', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption', 'img',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'lang', 'hreflang'],
    img: ['src', 'alt', 'width', 'height'],
    abbr: ['title'],
    th: ['scope'],
    ol: ['start'],
    '*': ['lang'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  // The page title is the only h1: a heading 1 in the body becomes a section heading.
  transformTags: { h1: 'h2' },
  // Drop the contents of dangerous elements rather than leaving their text behind.
  nonTextTags: ['script', 'style', 'textarea', 'noscript', 'iframe', 'object', 'embed', 'template'],
  disallowedTagsMode: 'discard',
};

/** The origin of an absolute http(s) URL, or null (relative, protocol-relative or malformed). */
function originOf(src: string | undefined) {
  try {
    return new URL(src ?? '').origin;
  } catch {
    return null;
  }
}

/**
 * Markdown from the CMS to safe HTML. Images are kept only from imageOrigins (an image from
 * anywhere else, e.g. a tracking pixel, would tell a third party who reads the page) and only with
 * a text alternative; without imageOrigins, none are kept.
 */
export function renderRichText(source: string | null | undefined, options: { imageOrigins?: string[] } = {}): string {
  if (!source) return '';
  const origins = new Set(options.imageOrigins ?? []);
  return sanitizeHtml(markdown.render(source), {
    ...SANITIZE,
    exclusiveFilter: (frame) => {
      if (frame.tag !== 'img') return false;
      const origin = originOf(frame.attribs.src);
      return !origin || !origins.has(origin) || !frame.attribs.alt?.trim();
    },
  });
}

/** Plain text from the CMS (bios, descriptions) as paragraphs, escaped. */
export function paragraphs(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

export default function richTextPlugin(eleventyConfig: { addFilter: (name: string, fn: (...args: never[]) => unknown) => void }) {
  // Read when first used, not on import, so that modules importing this one need no CMS settings.
  let imageOrigins: string[] | undefined;
  eleventyConfig.addFilter('richText', (source: string | null | undefined) => {
    imageOrigins ??= readEnv().mediaOrigins;
    return renderRichText(source, { imageOrigins });
  });
  eleventyConfig.addFilter('paragraphs', paragraphs);
}
