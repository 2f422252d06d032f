import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

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

/** Markdown from the CMS to safe HTML. */
export function renderRichText(source: string | null | undefined): string {
  if (!source) return '';
  return sanitizeHtml(markdown.render(source), SANITIZE);
}

/** Plain text from the CMS (bios, descriptions) as paragraphs, escaped. */
export function paragraphs(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export default function richTextPlugin(eleventyConfig: { addFilter: (name: string, fn: (...args: never[]) => unknown) => void }) {
  eleventyConfig.addFilter('richText', renderRichText);
  eleventyConfig.addFilter('paragraphs', paragraphs);
}
