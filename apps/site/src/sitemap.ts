import { isLasting } from '@solace/content';
import { escapeHtml as escapeXml } from './escape-html.js';
import { sectionsIn, type Alternate, type SiteModel } from './model.js';

type Entry = { url: string; alternates: Alternate[] };

/** Each page's entry by its language switcher, when that is a lasting value (src/model.ts). */
const entriesKept = new WeakMap<Alternate[], { key: string; text: string }>();

/**
 * /sitemap.xml: every page of the model with its language alternates, and an article's last
 * change. Written in code: it is rendered on every build that renders anything, and a Nunjucks
 * macro per entry (14,000 of them at corpus scale) made it a tenth of an article edit's rebuild.
 * A process that wrote the previous content's sitemap while it waited (src/build.ts) writes again
 * only the entries of pages whose URL, switcher or last change is new.
 */
export function sitemapXml(model: SiteModel, siteUrl: string): string {
  // A page's URL is in its own entry and in each of its translations': each is resolved once.
  const absoluteUrls = new Map<string, string>();
  const absolute = (path: string) => {
    let url = absoluteUrls.get(path);
    if (url === undefined) absoluteUrls.set(path, (url = escapeXml(new URL(path, siteUrl).toString())));
    return url;
  };
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  const entry = (page: Entry, lastmod?: string) => {
    const key = `${page.url}\0${lastmod ?? ''}\0${siteUrl}\0${model.defaultLocale}`;
    const lasting = isLasting(page.alternates);
    const kept = lasting ? entriesKept.get(page.alternates) : undefined;
    if (kept?.key === key) return out.push(kept.text);
    let text = `\n  <url>\n    <loc>${absolute(page.url)}</loc>`;
    if (lastmod) text += `\n    <lastmod>${escapeXml(lastmod)}</lastmod>`;
    for (const alt of page.alternates) {
      if (alt.url) text += `\n    <xhtml:link rel="alternate" hreflang="${escapeXml(alt.code)}" href="${absolute(alt.url)}"/>`;
    }
    for (const alt of page.alternates) {
      if (alt.url && alt.code === model.defaultLocale) text += `\n    <xhtml:link rel="alternate" hreflang="x-default" href="${absolute(alt.url)}"/>`;
    }
    text += '\n  </url>';
    if (lasting) entriesKept.set(page.alternates, { key, text });
    out.push(text);
  };
  for (const page of model.localePages) {
    entry(page);
    for (const section of Object.values(sectionsIn(model, page.locale))) entry(section);
    for (const sa of model.selfAssessments) if (sa.locale === page.locale) entry(sa);
  }
  for (const page of model.articleLists) entry(page);
  for (const page of model.articles) entry(page, page.article.updatedAt);
  for (const list of [model.authors, model.topics, model.states, model.providers]) for (const page of list) entry(page);
  out.push('\n</urlset>');
  return out.join('');
}
