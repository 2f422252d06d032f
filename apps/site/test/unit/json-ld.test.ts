import { describe, expect, it } from 'vitest';
import { medicalWebPage, medicalWebPageJsonLd, scriptJson } from '../../_config/json-ld.js';
import type { ArticleCard } from '../../src/model.js';

const hostile = 'Eve </script><script>alert(1)</script> <!-- & \u2028';
const reviewer = { documentId: 'au1', locale: 'en', slug: 'eve', name: hostile, credentials: 'MD</script>', url: '/en/authors/eve/' };
const article = {
  url: '/en/articles/a/',
  title: 'A </SCRIPT> title',
  review: { by: reviewer, reviewedAt: '2026-03-03', nextReviewDue: '2027-03-03' },
} as unknown as ArticleCard;

describe('MedicalWebPage JSON-LD', () => {
  it('says when the page was last reviewed and by whom', () => {
    expect(medicalWebPage(article, 'en', 'https://solace.example')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'MedicalWebPage',
      url: 'https://solace.example/en/articles/a/',
      name: 'A </SCRIPT> title',
      inLanguage: 'en',
      lastReviewed: '2026-03-03',
      reviewedBy: { '@type': 'Person', name: hostile, honorificSuffix: 'MD</script>', url: 'https://solace.example/en/authors/eve/' },
    });
  });

  it('cannot end its script element, whatever the names say, and parses back to the same JSON', () => {
    const text = medicalWebPageJsonLd(article, 'en', 'https://solace.example');
    expect(text).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(text)).toEqual(medicalWebPage(article, 'en', 'https://solace.example'));
    expect(JSON.parse(scriptJson({ s: '</script>' }))).toEqual({ s: '</script>' });
  });

  it('is left out for an article without a review', () => {
    expect(medicalWebPageJsonLd({ ...article, review: null }, 'en', 'https://solace.example')).toBe('');
  });
});
