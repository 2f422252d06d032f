import type { ArticleCard } from '../src/model.js';

/**
 * JSON for a <script type="application/ld+json"> element. The HTML parser ends a script at the
 * first "</script" whatever the JSON says, so "<" and ">" (and "&", and the line separators old
 * parsers choke on) are written as \u escapes: the same JSON, nothing an editor types can break out.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * schema.org MedicalWebPage for a medically reviewed article: when it was last reviewed and by
 * whom (a Person with name and credentials). Null for an article without a review.
 */
export function medicalWebPage(article: ArticleCard, locale: string, siteUrl: string): Record<string, unknown> | null {
  const review = article.review;
  if (!review) return null;
  const absolute = (url: string) => new URL(url, siteUrl).toString();
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    url: absolute(article.url),
    name: article.title,
    inLanguage: locale,
    lastReviewed: review.reviewedAt,
    reviewedBy: {
      '@type': 'Person',
      name: review.by.name,
      honorificSuffix: review.by.credentials,
      url: absolute(review.by.url),
    },
  };
}

/** The filter templates use: the JSON-LD, escaped for a script element, or '' when there is none. */
export function medicalWebPageJsonLd(article: ArticleCard, locale: string, siteUrl: string): string {
  const data = medicalWebPage(article, locale, siteUrl);
  return data ? scriptJson(data) : '';
}
