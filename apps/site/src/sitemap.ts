import { escapeHtml as escapeXml } from './escape-html.js';
import type { Alternate, SiteModel } from './model.js';

type Entry = { url: string; alternates: Alternate[] };

/**
 * /sitemap.xml: every page of the model with its language alternates, and an article's last
 * change. Written in code: it is rendered on every build that renders anything, and a Nunjucks
 * macro per entry (14,000 of them at corpus scale) made it a tenth of an article edit's rebuild.
 */
export function sitemapXml(model: SiteModel, siteUrl: string): string {
  const absolute = (path: string) => escapeXml(new URL(path, siteUrl).toString());
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  const entry = (page: Entry, lastmod?: string) => {
    out.push(`\n  <url>\n    <loc>${absolute(page.url)}</loc>`);
    if (lastmod) out.push(`\n    <lastmod>${escapeXml(lastmod)}</lastmod>`);
    for (const alt of page.alternates) {
      if (alt.url) out.push(`\n    <xhtml:link rel="alternate" hreflang="${escapeXml(alt.code)}" href="${absolute(alt.url)}"/>`);
    }
    for (const alt of page.alternates) {
      if (alt.url && alt.code === model.defaultLocale) out.push(`\n    <xhtml:link rel="alternate" hreflang="x-default" href="${absolute(alt.url)}"/>`);
    }
    out.push('\n  </url>');
  };
  for (const page of model.localePages) {
    entry(page);
    for (const section of [page.sections.authors, page.sections.topics, page.sections.providers, page.sections.findCare, page.sections.search]) entry(section);
    for (const sa of model.selfAssessments) if (sa.locale === page.locale) entry(sa);
  }
  for (const page of model.articleLists) entry(page);
  for (const page of model.articles) entry(page, page.article.updatedAt);
  for (const list of [model.authors, model.topics, model.states, model.providers]) for (const page of list) entry(page);
  out.push('\n</urlset>');
  return out.join('');
}
