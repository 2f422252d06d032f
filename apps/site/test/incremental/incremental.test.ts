import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { adminLogin, createApiToken, startCms, type RunningCms } from '@solace/cms/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../e2e/output-files.js';
import { runBuild } from '../e2e/run-build.js';

/**
 * The contract of incremental builds: after each kind of change, made through the real CMS, the
 * incremental build's output is byte for byte the output of a cold build of the same content.
 */
describe('an incremental build after each kind of change', () => {
  let cms: RunningCms;
  let token: string;
  let tmp: string;
  let incremental: string;
  let cold: string;

  beforeAll(async () => {
    cms = await startCms();
    token = await createApiToken(cms, 'full-access');
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-incremental-'));
    incremental = path.join(tmp, 'incremental', 'site');
    cold = path.join(tmp, 'cold', 'site');
    await fs.mkdir(path.dirname(incremental));
    await fs.mkdir(path.dirname(cold));
    const first = await build(incremental);
    expect(first).toMatch(/cold build: no previous output/);
  });
  afterAll(async () => {
    await cms?.dispose();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  async function build(outputDir: string, extra: Record<string, string> = {}) {
    const run = await runBuild({ STRAPI_URL: cms.url, STRAPI_TOKEN: cms.siteToken, SITE_OUTPUT_DIR: outputDir, ...extra });
    if (run.code !== 0) throw new Error(`The build failed:\n${run.output}`);
    return run.output;
  }

  /** Builds incrementally and cold, and compares every file; returns the incremental build's log. */
  async function expectSameAsCold() {
    const log = await build(incremental);
    await fs.rm(cold, { recursive: true, force: true });
    await build(cold, { SITE_BUILD_COLD: '1' });
    const files = await listFiles(incremental);
    expect(files).toEqual(await listFiles(cold));
    const differing: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([fs.readFile(path.join(incremental, file)), fs.readFile(path.join(cold, file))]);
      if (!a.equals(b)) differing.push(file);
    }
    expect(differing).toEqual([]);
    return log;
  }

  async function api(method: string, route: string, data?: unknown) {
    const res = await fetch(`${cms.url}/api/${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: data === undefined ? undefined : JSON.stringify({ data }),
    });
    if (!res.ok) throw new Error(`${method} /api/${route}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : ((await res.json()) as { data: Record<string, unknown> & { documentId: string } }).data;
  }

  async function admin(method: string, route: string, body?: unknown) {
    const res = await fetch(`${cms.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${await adminLogin(cms)}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ data?: unknown }>;
  }

  const first = async (type: string, locale = 'en') => {
    const res = await fetch(`${cms.url}/api/${type}?locale=${locale}&sort=documentId&pagination[pageSize]=1&populate=*`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await res.json()) as { data: (Record<string, unknown> & { documentId: string })[] }).data[0]!;
  };

  it('with nothing changed renders nothing', async () => {
    const log = await expectSameAsCold();
    expect(log).toMatch(/incremental build: 0 pages to render/);
  });

  it('after an article is edited, renders only some pages', async () => {
    const article = await first('articles');
    await api('PUT', `articles/${article.documentId}?locale=en&status=published`, { title: 'An edited title, incrementally' });
    const log = await expectSameAsCold();
    const [, rendered, unchanged] = /incremental build: (\d+) pages to render, (\d+) unchanged/.exec(log)!;
    expect(Number(rendered)).toBeGreaterThan(0);
    expect(Number(unchanged)).toBeGreaterThan(Number(rendered));
  });

  let created: string;
  it('after an article is added', async () => {
    const author = await first('authors');
    const topic = await first('topics');
    created = (await api('POST', 'articles?locale=en&status=published', {
      title: 'A new article, incrementally',
      slug: 'a-new-article-incrementally',
      summary: 'Added to check incremental builds.',
      date: '2026-02-01',
      body: 'A paragraph.\n\n## A heading\n\nAnother paragraph.',
      author: author.documentId,
      topics: [topic.documentId],
      seo: { metaTitle: 'A new article', metaDescription: 'Added to check incremental builds.' },
    }))!.documentId;
    await expectSameAsCold();
  });

  it('after an article is unpublished', async () => {
    await admin('POST', `/content-manager/collection-types/api::article.article/${created}/actions/unpublish?locale=en`, {});
    await expectSameAsCold();
  });

  it('after an article is deleted', async () => {
    const article = await first('articles');
    await api('DELETE', `articles/${article.documentId}?locale=en`);
    await expectSameAsCold();
  });

  it('after a locale is added, and then a translation in it', async () => {
    await admin('POST', '/i18n/locales', { code: 'fr', name: 'French (fr)', isDefault: false });
    await expectSameAsCold();
    const article = await first('articles');
    await api('PUT', `articles/${article.documentId}?locale=fr&status=published`, {
      title: 'Un article traduit',
      slug: 'un-article-traduit',
      summary: 'Traduit pour vérifier les builds incrémentaux.',
      date: '2026-02-02',
      body: 'Un paragraphe.',
      coverAlt: 'Une image',
      seo: { metaTitle: 'Un article traduit', metaDescription: 'Traduit pour vérifier les builds incrémentaux.' },
    });
    await expectSameAsCold();
  });

  it('after an author is renamed', async () => {
    const author = await first('authors');
    await api('PUT', `authors/${author.documentId}?locale=en&status=published`, { name: 'Renamed Author' });
    await expectSameAsCold();
  });

  it('after a topic is renamed', async () => {
    const topic = await first('topics');
    await api('PUT', `topics/${topic.documentId}?locale=en&status=published`, { name: 'Renamed topic' });
    await expectSameAsCold();
  });

  it('after a provider moves to another state', async () => {
    const provider = await first('providers');
    const [state, zip, city, latitude, longitude] = provider.state === 'VT' ? ['NH', '03301', 'Concord', 43.2, -71.53] : ['VT', '05401', 'Burlington', 44.48, -73.21];
    await api('PUT', `providers/${provider.documentId}?locale=en&status=published`, { state, zip, city, latitude, longitude });
    await expectSameAsCold();
  });

  it('after the site settings (Global) change', async () => {
    await api('PUT', 'global?locale=en&status=published', { siteName: 'Solace, incrementally' });
    await expectSameAsCold();
  });

  it('falls back to a cold build, saying so, when the snapshot is corrupt', async () => {
    await fs.writeFile(`${incremental}.cache/manifest.json`, '{ not json');
    const log = await expectSameAsCold();
    expect(log).toMatch(/cold build: the snapshot of the previous build is corrupt/);
  });
});
