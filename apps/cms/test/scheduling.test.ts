import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, startCms, type RunningCms } from '../testing';

// Scheduled publishing: a cron task (every second here, every minute by default) publishes and
// unpublishes articles at the times editors set, through the admin's own content-manager API.
const UID = 'api::article.article';
// What the admin API answers, as far as these tests read it.
type Doc = { documentId: string; publishAt: string | null; unpublishAt: string | null; publishedAt: string | null };
type Json = { data?: Doc; error?: { details: { errors: { path: string[]; message: string }[] } } };
let cms: RunningCms;

beforeAll(async () => {
  cms = await startCms({ seed: false, env: { SCHEDULED_PUBLISHING_RULE: '* * * * * *' } });
});
afterAll(async () => {
  await cms?.dispose();
});

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`${cms.url}/content-manager/collection-types/${UID}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminLogin(cms)}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

let counter = 0;
function article(extra: Record<string, unknown> = {}) {
  counter += 1;
  return {
    title: `Scheduled ${counter}`,
    slug: `scheduled-${counter}-${Date.now()}`,
    summary: 'A summary.',
    body: 'Body text.',
    seo: { metaTitle: `Scheduled ${counter}`, metaDescription: 'A description of the scheduled article.' },
    ...extra,
  };
}

async function createDraft(extra: Record<string, unknown> = {}) {
  const res = await admin('POST', '?locale=en', article(extra));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data!.documentId;
}

/**
 * Whether a published version exists and the draft, as the admin sees them. In that order: the
 * task clears the schedule before it publishes or unpublishes, so the draft read second is current.
 */
async function state(documentId: string) {
  const published = await admin('GET', `/${documentId}?locale=en&status=published`);
  const draft = await admin('GET', `/${documentId}?locale=en`);
  return { draft: draft.body.data!, published: published.status === 200 && Boolean(published.body.data?.publishedAt) };
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    value = await read();
  }
  return value;
}

function fieldErrors(body: Json) {
  return Object.fromEntries((body.error?.details.errors ?? []).map((e) => [e.path.join('.'), e.message]));
}

describe('scheduled publishing', () => {
  it('publishes a draft at its publishAt and clears the schedule', async () => {
    const publishAt = inSeconds(4);
    const documentId = await createDraft({ publishAt });
    expect((await state(documentId)).published).toBe(false);
    const after = await waitFor(() => state(documentId), (s) => s.published);
    expect(after.published).toBe(true);
    expect(after.draft.publishAt).toBeNull();
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(publishAt));
    expect(cms.logs()).toContain(`Scheduled publish: article ${documentId} (en)`);
  });

  it('unpublishes a published article at its unpublishAt', async () => {
    const documentId = await createDraft();
    expect((await admin('POST', `/${documentId}/actions/publish?locale=en`, {})).status).toBe(200);
    expect((await admin('PUT', `/${documentId}?locale=en`, { unpublishAt: inSeconds(4) })).status).toBe(200);
    expect((await state(documentId)).published).toBe(true);
    const after = await waitFor(() => state(documentId), (s) => !s.published);
    expect(after.published).toBe(false);
    expect(after.draft.unpublishAt).toBeNull();
  });

  it('keeps a draft that cannot be published yet scheduled, and says why in the log', async () => {
    const documentId = await createDraft({ summary: '', publishAt: inSeconds(2) });
    await waitFor(async () => cms.logs(), (logs) => logs.includes(`Scheduled publish of article ${documentId} (en) failed, will retry`));
    expect(cms.logs()).toMatch(new RegExp(`Scheduled publish of article ${documentId} \\(en\\) failed, will retry: .*summary`));
    const after = await state(documentId);
    expect(after.published).toBe(false);
    expect(after.draft.publishAt).not.toBeNull();
  });

  it('refuses times in the past and an unpublishAt before publishAt, field by field', async () => {
    const past = await admin('POST', '?locale=en', article({ publishAt: '2020-01-01T00:00:00.000Z' }));
    expect(past.status).toBe(400);
    expect(fieldErrors(past.body).publishAt).toMatch(/publishAt is in the past/);

    const order = await admin('POST', '?locale=en', article({ publishAt: inSeconds(3600), unpublishAt: inSeconds(1800) }));
    expect(order.status).toBe(400);
    expect(fieldErrors(order.body).unpublishAt).toMatch(/unpublishAt must be after publishAt/);

    const documentId = await createDraft({ publishAt: inSeconds(3600) });
    const later = await admin('PUT', `/${documentId}?locale=en`, { unpublishAt: inSeconds(600) });
    expect(later.status).toBe(400);
    expect(fieldErrors(later.body).unpublishAt).toMatch(/after publishAt/);
    // Saving other fields leaves a stored schedule alone.
    expect((await admin('PUT', `/${documentId}?locale=en`, { title: 'Renamed' })).status).toBe(200);
  });

  it('shows the schedule as columns in the articles list', async () => {
    const res = await fetch(`${cms.url}/content-manager/content-types/${UID}/configuration`, {
      headers: { authorization: `Bearer ${await adminLogin(cms)}` },
    });
    const { data } = (await res.json()) as { data: { contentType: { layouts: { list: string[] }; metadatas: Record<string, { list: { label: string } }> } } };
    expect(data.contentType.layouts.list).toEqual(expect.arrayContaining(['publishAt', 'unpublishAt']));
    expect(data.contentType.metadatas.publishAt?.list.label).toBe('Publish at');
  });
});
