import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminLogin, createApiToken, graphql } from '../testing';

const cms = inject('cms');
const ARTICLES = `${cms.url}/content-manager/collection-types/api::article.article`;

type ErrorBody = { error: { details: { errors?: { path: string[]; message: string }[] } } };
type Saved = { data: { documentId: string } };

async function admin(method: string, url: string, body?: unknown) {
  const jwt = await adminLogin(cms);
  return fetch(url, {
    method,
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const created: string[] = [];
async function createDraft(data: Record<string, unknown>) {
  const res = await admin('POST', `${ARTICLES}?locale=en`, data);
  const body = (await res.json()) as Saved & ErrorBody;
  if (res.ok) created.push(body.data.documentId);
  return { status: res.status, body };
}
const errorPaths = (body: ErrorBody) => (body.error?.details.errors ?? []).map((e) => e.path.join('.'));

async function authorId(slug: string) {
  const res = await graphql<{ authors: { documentId: string }[] }>(cms, `{ authors(filters: { slug: { eq: "${slug}" } }) { documentId } }`);
  return res.data!.authors[0]!.documentId;
}

const DRAFTS = `query ($page: Int) { articleDrafts(locale: "en", pagination: { page: $page, pageSize: 100 }) {
  nodes { documentId published title slug summary body author { documentId } seo { metaTitle } reviewedBy { documentId } reviewedAt }
  pageInfo { total pageCount }
} }`;
type DraftsData = {
  articleDrafts: {
    nodes: { documentId: string; published: boolean; title: string | null; slug: string | null; summary: string | null; seo: unknown }[];
    pageInfo: { total: number; pageCount: number };
  };
};

describe(`article drafts for previews (${cms.database})`, () => {
  let onlyTitle: string;
  beforeAll(async () => {
    const res = await createDraft({ title: 'Only a title' });
    expect(res.status).toBe(201);
    onlyTitle = res.body.data.documentId;
  });
  afterAll(async () => {
    for (const id of created) await admin('DELETE', `${ARTICLES}/${id}?locale=en`);
  });

  it('answers the site token with every draft, a title-only one included, with nulls where it is incomplete', async () => {
    const res = await graphql<DraftsData>(cms, DRAFTS, { page: 1 });
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.articleDrafts.nodes;
    expect(nodes.find((n) => n.documentId === onlyTitle)).toMatchObject({
      published: false, title: 'Only a title', slug: null, summary: null, seo: null,
    });
    // The demo's published articles are there too, marked published; the demo draft is not.
    expect(nodes.find((n) => n.slug === 'metastatic-breast-cancer-palliative-care')?.published).toBe(true);
    expect(nodes.find((n) => n.slug === 'caregiver-burnout')?.published).toBe(false);
    expect(res.data!.articleDrafts.pageInfo.total).toBe(nodes.length);
  });

  it('is what made the standard query fail: `articles` cannot return the title-only draft', async () => {
    const res = await graphql(cms, '{ articles(locale: "en", status: DRAFT, pagination: { pageSize: 100 }) { slug } }');
    expect(res.errors?.[0]?.message).toMatch(/non-nullable field Article\.slug/);
  });

  it('is refused without a token, and to a token that may not read articles', async () => {
    const anonymous = await graphql(cms, DRAFTS, {}, null);
    expect(anonymous.status).toBe(401);
    const jwt = await adminLogin(cms);
    const res = await fetch(`${cms.url}/admin/api-tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `authors only ${Date.now()}`, type: 'custom', lifespan: null, kind: 'content-api', permissions: ['api::author.author.find'] }),
    });
    expect(res.status).toBe(201);
    const token = ((await res.json()) as { data: { accessKey: string } }).data.accessKey;
    const refused = await graphql(cms, DRAFTS, {}, token);
    expect(refused.errors?.[0]?.message).toMatch(/Forbidden/);
    expect(refused.data).toBeFalsy();
  });
});

const VERSIONS = `{ articleDraftVersions(locale: "en", pagination: { pageSize: 100 }) { nodes { documentId version } pageInfo { total } } }`;
type VersionsData = { articleDraftVersions: { nodes: { documentId: string; version: string }[]; pageInfo: { total: number } } };

describe(`article draft versions for previews (${cms.database})`, () => {
  async function versionOf(documentId: string) {
    const res = await graphql<VersionsData>(cms, VERSIONS);
    expect(res.errors).toBeUndefined();
    // Every draft of the locale, in one page here (the demo has fewer than 100).
    expect(res.data!.articleDraftVersions.nodes).toHaveLength(res.data!.articleDraftVersions.pageInfo.total);
    return res.data!.articleDraftVersions.nodes.find((n) => n.documentId === documentId)?.version;
  }
  const action = (documentId: string, name: string) => admin('POST', `${ARTICLES}/${documentId}/actions/${name}?locale=en`, {});

  it('changes the version on every save, publish, discard and unpublish, and not otherwise; articleDrafts answers with it, for the asked documents only', async () => {
    const slug = `versioned-${Date.now()}`;
    const created = await createDraft({
      title: 'Versioned', slug, summary: 'A summary.', body: 'Body.',
      seo: { metaTitle: 'Versioned', metaDescription: 'A description of the versioned article.' },
    });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    const seen = [await versionOf(id)];
    expect(seen[0]).toEqual(expect.any(String));
    expect(await versionOf(id)).toBe(seen[0]);

    const one = await graphql<DraftsData & { articleDrafts: { nodes: { version: string }[] } }>(
      cms,
      `query ($ids: [ID!]) { articleDrafts(locale: "en", documentIds: $ids) { nodes { documentId version title } pageInfo { total pageCount } } }`,
      { ids: [id] },
    );
    expect(one.data!.articleDrafts.nodes).toEqual([{ documentId: id, version: seen[0], title: 'Versioned' }]);
    expect(one.data!.articleDrafts.pageInfo.total).toBe(1);

    const steps: [string, () => Promise<Response>][] = [
      ['saved', () => admin('PUT', `${ARTICLES}/${id}?locale=en`, { title: 'Versioned again' })],
      ['published', () => action(id, 'publish')],
      ['published again, unchanged', () => action(id, 'publish')],
      ['discarded', () => action(id, 'discard')],
      ['unpublished', () => action(id, 'unpublish')],
    ];
    for (const [what, step] of steps) {
      const res = await step();
      expect(res.status, what).toBe(200);
      const version = await versionOf(id);
      expect(seen, `a new version once ${what}`).not.toContain(version);
      seen.push(version);
    }
  });

  it('is refused without a token', async () => {
    expect((await graphql(cms, VERSIONS, {}, null)).status).toBe(401);
  });
});

describe(`medical review validation (${cms.database})`, () => {
  let elena: string;
  let noCredentials: string;
  const base = { title: 'Reviewed article', summary: 'S', body: 'B' };
  beforeAll(async () => {
    elena = await authorId('elena-marsh');
    const token = await createApiToken(cms, 'full-access');
    const res = await fetch(`${cms.url}/api/authors?locale=en`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { name: 'No Credentials', slug: `no-credentials-${Date.now()}` } }),
    });
    expect(res.status).toBe(201);
    noCredentials = ((await res.json()) as Saved).data.documentId;
  });
  afterAll(async () => {
    for (const id of created) await admin('DELETE', `${ARTICLES}/${id}?locale=en`);
  });

  const reviewer = (documentId: string) => ({ connect: [{ documentId, locale: 'en' }] });

  it('accepts a review by an author with credentials, in the past, due later', async () => {
    const res = await createDraft({ ...base, reviewedBy: reviewer(elena), reviewedAt: '2026-03-03', nextReviewDue: '2027-03-03' });
    expect(res.status).toBe(201);
  });

  it.each([
    ['reviewedAt', { reviewedBy: 'elena', reviewedAt: '2999-01-01' }],
    ['nextReviewDue', { reviewedBy: 'elena', reviewedAt: '2026-03-03', nextReviewDue: '2026-03-03' }],
    ['reviewedBy', { reviewedBy: 'none', reviewedAt: '2026-03-03' }],
    ['reviewedBy', { reviewedBy: 'uncredentialed', reviewedAt: '2026-03-03' }],
    ['reviewedAt', { reviewedBy: 'elena' }],
  ])('refuses a review with a bad %s through the admin, naming the field', async (field, change) => {
    const by = { elena, none: null, uncredentialed: noCredentials }[change.reviewedBy as string];
    const res = await createDraft({ ...base, ...change, reviewedBy: by ? reviewer(by) : undefined });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body)).toEqual([field]);
  });

  it('checks an update against the stored review', async () => {
    const res = await createDraft({ ...base, reviewedBy: reviewer(elena), reviewedAt: '2026-03-03' });
    expect(res.status).toBe(201);
    const update = await admin('PUT', `${ARTICLES}/${res.body.data.documentId}?locale=en`, { nextReviewDue: '2026-01-01' });
    expect(update.status).toBe(400);
    expect(errorPaths((await update.json()) as ErrorBody)).toEqual(['nextReviewDue']);
  });

  it('seeded review data for the demo articles', async () => {
    const res = await graphql<{ articles: { reviewedAt: string; reviewedBy: { name: string; credentials: string } }[] }>(
      cms,
      '{ articles(locale: "en", filters: { slug: { eq: "metastatic-breast-cancer-palliative-care" } }) { reviewedAt reviewedBy { name credentials } } }',
    );
    expect(res.data!.articles[0]).toEqual({ reviewedAt: '2026-03-03', reviewedBy: { name: 'Elena Marsh', credentials: 'MD' } });
  });
});
