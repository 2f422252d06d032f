import { beforeAll, describe, expect, inject, it } from 'vitest';
import { adminLogin, createApiToken, graphql } from '../testing';

const cms = inject('cms');

const VALID_PROVIDER = {
  name: 'Validation Demo Care',
  slug: 'validation-demo-care',
  organizationType: 'clinic',
  streetAddress: '1 Test Way',
  city: 'Boston',
  state: 'MA',
  zip: '02108',
  latitude: 42.3576,
  longitude: -71.0684,
  phone: '(617) 555-0199',
  website: 'https://example.org/validation',
  email: 'care@example.org',
  careHospital: false,
  careOfficeClinic: true,
  careHome: false,
  careNursingHome: false,
  agesAdults: true,
  agesChildren: false,
  languagesSpoken: 'English, Spanish',
  acceptingNewPatients: true,
  description: 'A provider used by the validation tests.',
};

// Each invalid value, and the field the error must name.
const INVALID: [string, Record<string, unknown>][] = [
  ['state', { state: 'XX' }],
  ['state', { state: 'ma' }],
  ['zip', { zip: '0210' }],
  ['zip', { zip: '02108-1234' }],
  ['latitude', { latitude: 91 }],
  ['longitude', { longitude: -181 }],
  ['phone', { phone: 'call us' }],
  ['website', { website: 'javascript:alert(1)' }],
  ['website', { website: 'example.org' }],
  ['email', { email: 'not-an-email' }],
  ['name', { name: '' }],
  ['description', { description: undefined }],
  ['careHospital', { careOfficeClinic: false }],
  ['agesAdults', { agesAdults: false }],
];

type ErrorBody = { error: { name: string; message: string; details: { errors?: { path: string[]; message: string }[] } } };

async function providerTotal() {
  const res = await graphql<{ providers_connection: { pageInfo: { total: number } } }>(
    cms,
    '{ providers_connection(locale: "en") { pageInfo { total } } }',
  );
  return res.data!.providers_connection.pageInfo.total;
}

describe(`validation in the CMS (${cms.database})`, () => {
  let token: string;
  let before: number;
  beforeAll(async () => {
    token = await createApiToken(cms, 'full-access');
    before = await providerTotal();
  });

  const post = (path: string, data: Record<string, unknown>) =>
    fetch(`${cms.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data }),
    });

  it.each(INVALID)('refuses an invalid provider %s over the API, naming the field', async (field, change) => {
    const res = await post('/api/providers?locale=en', { ...VALID_PROVIDER, slug: `invalid-${field}-${Date.now()}`, ...change });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    const paths = (body.error.details.errors ?? []).map((e) => e.path.join('.'));
    expect(paths).toContain(field);
  });

  it('stored none of the invalid providers', async () => {
    expect(await providerTotal()).toBe(before);
  });

  // One fault per request, so each field's own check is what answers.
  it.each([
    ['zip', { zip: 'ABCDE' }],
    ['careHospital', { careOfficeClinic: false }],
  ])('refuses an invalid %s through the admin (content manager), naming the field', async (field, change) => {
    const jwt = await adminLogin(cms);
    const res = await fetch(`${cms.url}/content-manager/collection-types/api::provider.provider?locale=en`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...VALID_PROVIDER, slug: `admin-invalid-${field.toLowerCase()}`, ...change }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    const paths = (body.error.details.errors ?? []).map((e) => e.path.join('.'));
    expect(paths).toEqual([field]);
    expect(await providerTotal()).toBe(before);
  });

  it('accepts a valid provider', async () => {
    const res = await post('/api/providers?locale=en', VALID_PROVIDER);
    expect(res.status).toBe(201);
    expect(await providerTotal()).toBe(before + 1);
    const { data } = (await res.json()) as { data: { documentId: string } };
    const del = await fetch(`${cms.url}/api/providers/${data.documentId}?locale=en`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(del.status).toBe(204);
  });

  it('refuses SEO fields over their length limits', async () => {
    const article = {
      title: 'A test article',
      slug: `seo-test-${Date.now()}`,
      summary: 'Summary',
      body: 'Body',
      seo: { metaTitle: 'T'.repeat(61), metaDescription: 'D'.repeat(161) },
    };
    const res = await post('/api/articles?locale=en', article);
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    const paths = (body.error.details.errors ?? []).map((e) => e.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['seo.metaTitle', 'seo.metaDescription']));
  });

  it('requires alt text when an article has a cover image', async () => {
    const files = (await (
      await fetch(`${cms.url}/api/upload/files`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { id: number }[];
    const res = await post('/api/articles?locale=en', {
      title: 'Cover without alt',
      slug: `cover-test-${Date.now()}`,
      summary: 'Summary',
      body: 'Body',
      cover: files[0]!.id,
      coverAlt: '',
      seo: { metaTitle: 'Fine', metaDescription: 'Fine' },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.details.errors?.[0]?.path).toEqual(['coverAlt']);
  });

  it('requires its own alt text when a translation inherits the cover image', async () => {
    const res = await graphql<{ articles: { documentId: string }[] }>(
      cms,
      '{ articles(locale: "en", filters: { slug: { eq: "copd-palliative-care" } }) { documentId } }',
    );
    const { documentId } = res.data!.articles[0]!;
    const put = await fetch(`${cms.url}/api/articles/${documentId}?locale=es`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        data: { title: 'EPOC', slug: 'epoc', summary: 'Resumen', body: 'Texto', seo: { metaTitle: 'EPOC', metaDescription: 'EPOC' } },
      }),
    });
    expect(put.status).toBe(400);
    const body = (await put.json()) as ErrorBody;
    expect(body.error.details.errors?.[0]?.path).toEqual(['coverAlt']);
    const spanish = await graphql<{ article: unknown }>(cms, `{ article(documentId: "${documentId}", locale: "es") { title } }`);
    expect(spanish.data!.article).toBeNull();
  });

  it('refuses a slug the site cannot use as a URL', async () => {
    const res = await post('/api/topics?locale=en', { name: 'Capitals', slug: 'Bad_Slug' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.details.errors?.[0]?.path).toEqual(['slug']);
  });

  it('refuses to publish a draft whose required text is blank', async () => {
    const jwt = await adminLogin(cms);
    const draft = {
      title: '   ',
      slug: `blank-title-${Date.now()}`,
      summary: 'Summary',
      body: 'Body',
      seo: { metaTitle: 'Fine', metaDescription: 'Fine' },
    };
    const base = `${cms.url}/content-manager/collection-types/api::article.article`;
    const headers = { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' };
    // A draft may be incomplete...
    const created = await fetch(`${base}?locale=en`, { method: 'POST', headers, body: JSON.stringify(draft) });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { documentId: string } };
    // ...but the admin's Publish button refuses it, naming the field.
    const published = await fetch(`${base}/${data.documentId}/actions/publish?locale=en`, { method: 'POST', headers, body: JSON.stringify(draft) });
    expect(published.status).toBe(400);
    const body = (await published.json()) as ErrorBody;
    expect((body.error.details.errors ?? []).map((e) => e.path.join('.'))).toContain('title');
    const check = await graphql<{ articles: unknown[] }>(cms, `{ articles(locale: "en", filters: { slug: { eq: "${draft.slug}" } }) { title } }`);
    expect(check.data!.articles).toEqual([]);
  });

  it('refuses self-assessment results that leave some readers without one', async () => {
    const res = await fetch(`${cms.url}/api/self-assessment?locale=en`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { results: [{ minYes: 2, heading: 'Some', body: 'Talk to your doctor.' }] } }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.details.errors?.[0]?.path).toEqual(['results']);
  });
});
