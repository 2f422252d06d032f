import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, graphql, startCms, type RunningCms } from '../testing';
import { axeViolations, useBrowser } from '../testing/browser';

// The site server reports its builds here (apps/site/src/rebuild-report.ts); editors read them in the admin.
const SECRET = crypto.randomBytes(24).toString('hex');
const SITE_URL = 'http://site.test:8080';
let cms: RunningCms;

beforeAll(async () => {
  cms = await startCms({ env: { SITE_REBUILD_SECRET: SECRET } });
});
afterAll(async () => {
  await cms?.dispose();
});

type Report = Record<string, unknown>;
const at = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString();

function report(overrides: Report = {}): Report {
  return {
    target: 'site',
    buildId: `b-${crypto.randomBytes(6).toString('hex')}`,
    state: 'live',
    triggers: [{ event: 'entry.publish', uid: 'api::article.article', documentId: 'abc', locale: 'en', at: at(-2000) }],
    startedAt: at(-1000),
    finishedAt: at(),
    durationMs: 1000,
    siteUrl: SITE_URL,
    error: null,
    ...overrides,
  };
}

function send(body: unknown, secret: string | null = SECRET) {
  return fetch(`${cms.url}/api/solace/site-builds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'x-solace-secret': secret }) },
    body: JSON.stringify(body),
  });
}

async function adminGet<T>(path: string) {
  const res = await fetch(`${cms.url}${path}`, { headers: { authorization: `Bearer ${await adminLogin(cms)}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: T }).data;
}

type Build = Report & { buildId: string; state: string; error: { message: string; entryPath: string | null } | null };
const builds = () => adminGet<Record<'site' | 'preview', Build[]>>('/solace/site-builds');

async function publishedArticle(slug: string) {
  const res = await graphql<{ articles: { documentId: string; slug: string; publishedAt: string }[] }>(
    cms,
    `{ articles(locale: "en", filters: { slug: { eq: "${slug}" } }) { documentId slug publishedAt } }`,
  );
  return res.data!.articles[0]!;
}

describe('build reports from the site server', () => {
  it('are refused without the shared secret (401) or with a wrong one (403), and nothing is stored', async () => {
    const missing = await send(report({ buildId: 'no-secret' }), null);
    expect(missing.status).toBe(401);
    const wrong = await send(report({ buildId: 'wrong-secret' }), `${SECRET.slice(0, -1)}x`);
    expect(wrong.status).toBe(403);
    const site = (await builds()).site.map((b) => b.buildId);
    expect(site).not.toContain('no-secret');
    expect(site).not.toContain('wrong-secret');
  });

  it('refuse an invalid body with 400 naming each wrong field', async () => {
    const res = await send(report({ target: 'staging', state: 'done', triggers: [{ event: 'entry.publish', at: 'yesterday' }], siteUrl: 'ftp://x' }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { errors: { path: string[]; message: string }[] } } };
    const messages = Object.fromEntries(body.error.details.errors.map((e) => [e.path.join('.'), e.message]));
    expect(messages.target).toMatch(/target must be one of the following values: site, preview/);
    expect(messages.state).toMatch(/state must be one of the following values/);
    expect(messages['triggers.0.at']).toMatch(/ISO 8601/);
    expect(messages.siteUrl).toMatch(/http\(s\) URL/);
  });

  it('track one build through its states; a late, older state never undoes the outcome', async () => {
    const buildId = `states-${Date.now()}`;
    for (const state of ['queued', 'building', 'failed', 'building']) {
      const res = await send(report({ buildId, state, target: 'preview', error: state === 'failed' ? { message: 'boom', entry: null } : null }));
      expect(res.status).toBe(204);
    }
    const mine = (await builds()).preview.filter((b) => b.buildId === buildId);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.state).toBe('failed');
    expect(mine[0]!.error?.message).toBe('boom');
  });

  it('keep the last 20 builds of each target, newest first', async () => {
    const ids = Array.from({ length: 23 }, (_, i) => `cap-${i}`);
    for (const buildId of ids) expect((await send(report({ buildId, target: 'preview' }))).status).toBe(204);
    const preview = (await builds()).preview.map((b) => b.buildId);
    expect(preview).toEqual(ids.slice(-20).reverse());
  });

  it('are read only by signed-in admins: anonymous and the site token are refused', async () => {
    const anonymous = await fetch(`${cms.url}/solace/site-builds`);
    expect(anonymous.status).toBe(401);
    const siteToken = await fetch(`${cms.url}/solace/site-builds`, { headers: { authorization: `Bearer ${cms.siteToken}` } });
    expect(siteToken.status).toBe(401);
    const article = await fetch(`${cms.url}/solace/site-builds/articles/x?locale=en`, { headers: { authorization: `Bearer ${cms.siteToken}` } });
    expect(article.status).toBe(401);
    // The site token cannot read them through the content API either.
    const contentApi = await fetch(`${cms.url}/api/solace/site-builds`, { headers: { authorization: `Bearer ${cms.siteToken}` } });
    expect([404, 405]).toContain(contentApi.status);
  });

  it('tell an article’s editor whether the published version is live, waiting or failed', async () => {
    const { documentId, slug } = await publishedArticle('metastatic-breast-cancer-palliative-care');
    const status = () => adminGet<{ state: string; url?: string; message?: string }>(`/solace/site-builds/articles/${documentId}?locale=en`);
    // Builds that started before the article was published do not count.
    await send(report({ buildId: 'before-publish', startedAt: '2000-01-01T00:00:00.000Z', finishedAt: '2000-01-01T00:01:00.000Z' }));
    expect((await status()).state).toBe('waiting');
    await send(report({ buildId: 'after-publish-failed', state: 'failed', error: { message: 'Invalid article', entry: null } }));
    expect(await status()).toMatchObject({ state: 'failed', message: 'Invalid article' });
    await send(report({ buildId: 'after-publish-live' }));
    expect(await status()).toMatchObject({ state: 'live', url: `${SITE_URL}/en/articles/${slug}/` });
    const never = await adminGet<{ state: string }>(`/solace/site-builds/articles/does-not-exist?locale=en`);
    expect(never.state).toBe('not-published');
  });
});

describe('the admin, in Chromium', () => {
  const browser = useBrowser();
  let article: { documentId: string; slug: string };

  beforeAll(async () => {
    article = await publishedArticle('metastatic-breast-cancer-palliative-care');
    await send(
      report({
        buildId: 'admin-failed',
        state: 'failed',
        error: {
          message: `Invalid article "${article.documentId}" (locale en): summary: must not be empty`,
          entry: { type: 'article', documentId: article.documentId, locale: 'en', field: 'summary' },
        },
      }),
    );
    await send(report({ buildId: 'admin-live', triggers: [{ event: 'entry.publish', uid: 'api::article.article', documentId: article.documentId, locale: 'en', at: at() }] }));

    const { page } = browser;
    // The admin is a large single-page app; on a busy machine its first load takes a while.
    page.setDefaultTimeout(60_000);
    await page.goto(`${cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(cms.admin.email);
    await page.locator('input[name="password"]').fill(cms.admin.password);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
  });

  it('shows the Site builds page from the menu, with the failure naming the entry and linking to it', { timeout: 180_000 }, async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Site builds' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Site builds' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Public site' }).waitFor();
    const failure = page.getByRole('row').filter({ hasText: 'summary: must not be empty' });
    await failure.waitFor();
    expect(await failure.textContent()).toContain(article.documentId);
    await page.getByRole('heading', { level: 2, name: 'Medical reviews overdue' }).waitFor();

    const violations = await axeViolations(page, { within: 'main' });
    expect(violations).toEqual([]);

    await failure.getByRole('link', { name: /Open the article \(en\) in the content manager/ }).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/content-manager/collection-types/api::article.article/${article.documentId}`));
    expect(new URL(page.url()).searchParams.get('plugins[i18n][locale]')).toBe('en');
    await page.getByRole('textbox', { name: /^title/i }).waitFor();
  });

  it('shows on the article’s edit view where it is live', { timeout: 120_000 }, async () => {
    const { page } = browser;
    await page.goto(`${cms.url}/admin/content-manager/collection-types/api::article.article/${article.documentId}?plugins[i18n][locale]=en`);
    const panel = page.getByText(/^Live at /);
    await panel.waitFor({ timeout: 30_000 });
    const text = await panel.textContent();
    expect(text).toMatch(new RegExp(`^Live at ${SITE_URL}/en/articles/${article.slug}/, built \\d{1,2}:\\d{2}`));
    expect(await panel.getByRole('link').getAttribute('href')).toBe(`${SITE_URL}/en/articles/${article.slug}/`);
  });
});
