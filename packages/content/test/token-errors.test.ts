import { adminLogin, startCms, type CmsConnection, type RunningCms } from '@solace/cms/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContentClient } from '../src/client.js';
import { ContentFetchError } from '../src/errors.js';
import { loadSiteContent } from '../src/load.js';

type PermissionsLayout = Record<string, { controllers: Record<string, string[]> }>;

async function admin<T>(cms: CmsConnection, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${cms.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminLogin(cms)}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: T }).data;
}

/** Every action the admin offers for content-API tokens, as `apiId.controller.action`. */
async function tokenActions(cms: CmsConnection): Promise<string[]> {
  const layout = await admin<PermissionsLayout>(cms, 'GET', '/admin/content-api/permissions');
  return Object.entries(layout).flatMap(([apiId, { controllers }]) =>
    Object.entries(controllers).flatMap(([controller, actions]) => actions.map((a) => `${apiId}.${controller}.${a}`)),
  );
}

/** What the site build reads: find/findOne of every content type, the media and the locale list. */
function siteReads(actions: string[]): string[] {
  return actions.filter(
    (a) =>
      (a.startsWith('api::') && /\.(find|findOne)$/.test(a)) ||
      /^plugin::upload\.content-api\.(find|findOne)$/.test(a) ||
      a === 'plugin::i18n.locales.listLocales',
  );
}

/** A custom token, as an admin would tick it in Settings > API Tokens. */
async function customToken(cms: CmsConnection, permissions: string[]) {
  const name = `token-errors ${Date.now()} ${Math.random()}`;
  return admin<{ id: number; accessKey: string }>(cms, 'POST', '/admin/api-tokens', {
    name,
    type: 'custom',
    kind: 'content-api',
    lifespan: null,
    permissions,
  });
}

async function loadFailure(cms: CmsConnection, token: string): Promise<ContentFetchError> {
  const client = createContentClient({ url: cms.graphqlUrl, token, retries: 0 });
  const error = await loadSiteContent(client, { cmsOrigin: cms.url }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContentFetchError);
  return error as ContentFetchError;
}

// Against the real CMS: Strapi tells a valid token that lacks a permission (a Forbidden error in a
// 200 answer) from a token it does not know (HTTP 401), and the build says which one it was.
describe('token errors against the CMS', () => {
  let cms: RunningCms;
  let reads: string[];
  beforeAll(async () => {
    cms = await startCms();
    reads = siteReads(await tokenActions(cms));
  });
  afterAll(async () => {
    await cms?.dispose();
  });

  it('offers the permissions the messages name', () => {
    expect(reads).toContain('plugin::i18n.locales.listLocales');
    expect(reads).toContain('api::author.author.find');
  });

  it('a token that may not list locales: names that permission and the query, does not call it rejected', async () => {
    const { accessKey } = await customToken(
      cms,
      reads.filter((a) => a !== 'plugin::i18n.locales.listLocales'),
    );
    const error = await loadFailure(cms, accessKey);
    expect(error.kind).toBe('forbidden');
    expect(error.message).toContain('lacks the permission "I18n > locales > listLocales"');
    expect(error.message).toContain('the Locales query (field i18NLocales)');
    expect(error.message).not.toContain('rejected');
  });

  it('a token that may not read authors: names Author > author > find', async () => {
    const { accessKey } = await customToken(
      cms,
      reads.filter((a) => a !== 'api::author.author.find'),
    );
    const error = await loadFailure(cms, accessKey);
    expect(error.kind).toBe('forbidden');
    expect(error.message).toContain('lacks the permission "Author > author > find" (api::author.author.find)');
    expect(error.message).toMatch(/the (Articles|Authors) query \(field \S*author/);
  });

  it('a revoked token: says the CMS rejected it', async () => {
    const { id, accessKey } = await customToken(cms, reads);
    const client = createContentClient({ url: cms.graphqlUrl, token: accessKey, retries: 0 });
    await expect(loadSiteContent(client, { cmsOrigin: cms.url })).resolves.toBeDefined();

    await admin(cms, 'DELETE', `/admin/api-tokens/${id}`);
    const error = await loadFailure(cms, accessKey);
    expect(error.kind).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(error.message).toContain('The CMS rejected the API token (401)');
    expect(error.message).not.toContain('lacks the permission');
  });
});
