import { describe, expect, inject, it } from 'vitest';
import { adminLogin, graphql } from '../testing';

const cms = inject('cms');

async function previewUrl(uid: string, query: Record<string, string>) {
  const jwt = await adminLogin(cms);
  const res = await fetch(`${cms.url}/content-manager/preview/url/${uid}?${new URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${jwt}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { url: string } }).data.url;
}

// The admin shows each document's page of the site's preview build (PREVIEW_URL) beside the editor.
describe(`preview links (${cms.database})`, () => {
  it('point at the document’s page on the preview site, in the edited locale', async () => {
    const res = await graphql<{ articles: { documentId: string }[] }>(
      cms,
      '{ articles(locale: "en", filters: { slug: { eq: "metastatic-breast-cancer-palliative-care" } }) { documentId } }',
    );
    const { documentId } = res.data!.articles[0]!;
    await expect(previewUrl('api::article.article', { documentId, locale: 'es', status: 'draft' })).resolves.toBe(
      'http://preview.test:8081/es/articles/cancer-de-mama-metastasico-cuidados-paliativos/',
    );
  });

  it('work for drafts that were never published', async () => {
    const drafts = await graphql<{ articles: { documentId: string }[] }>(
      cms,
      '{ articles(locale: "en", status: DRAFT, filters: { slug: { eq: "caregiver-burnout" } }) { documentId } }',
    );
    const { documentId } = drafts.data!.articles[0]!;
    await expect(previewUrl('api::article.article', { documentId, locale: 'en', status: 'draft' })).resolves.toBe(
      'http://preview.test:8081/en/articles/caregiver-burnout/',
    );
  });

  it('place providers under their state', async () => {
    const res = await graphql<{ providers: { documentId: string; slug: string; state: string }[] }>(
      cms,
      '{ providers(locale: "en", pagination: { pageSize: 1 }) { documentId slug state } }',
    );
    const p = res.data!.providers[0]!;
    await expect(previewUrl('api::provider.provider', { documentId: p.documentId, locale: 'en' })).resolves.toBe(
      `http://preview.test:8081/en/providers/${p.state.toLowerCase()}/${p.slug}/`,
    );
  });

  it('give authors, topics and the self-assessment their pages, from the site’s route table', async () => {
    const res = await graphql<{
      authors: { documentId: string; slug: string }[];
      topics: { documentId: string; slug: string }[];
      selfAssessment: { documentId: string } | null;
    }>(
      cms,
      '{ authors(locale: "es", pagination: { pageSize: 1 }) { documentId slug } topics(locale: "es", pagination: { pageSize: 1 }) { documentId slug } selfAssessment(locale: "es") { documentId } }',
    );
    const author = res.data!.authors[0]!;
    const topic = res.data!.topics[0]!;
    await expect(previewUrl('api::author.author', { documentId: author.documentId, locale: 'es' })).resolves.toBe(
      `http://preview.test:8081/es/authors/${author.slug}/`,
    );
    await expect(previewUrl('api::topic.topic', { documentId: topic.documentId, locale: 'es' })).resolves.toBe(
      `http://preview.test:8081/es/topics/${topic.slug}/`,
    );
    await expect(
      previewUrl('api::self-assessment.self-assessment', { documentId: res.data!.selfAssessment!.documentId, locale: 'es' }),
    ).resolves.toBe('http://preview.test:8081/es/self-assessment/');
  });
});
