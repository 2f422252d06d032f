import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { adminLogin, execSql, graphql, querySql } from '@solace/cms/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lockOutput } from '../../src/output-lock.js';
import { listFiles } from './output-files.js';
import { runBuild } from './run-build.js';

const site = inject('site');

/** A fingerprint of every file's path and bytes. */
async function fingerprint(dir: string) {
  const hash = crypto.createHash('sha256');
  for (const file of await listFiles(dir)) hash.update(file).update(await fs.readFile(path.join(dir, file)));
  return hash.digest('hex');
}

async function unusedPort() {
  return new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('a build that cannot read or validate its content', () => {
  let previous: string;
  let before: string;
  let tmp: string;
  beforeAll(async () => {
    // A previously published site: a copy of the real build.
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-previous-'));
    previous = path.join(tmp, 'site');
    await fs.cp(site.outputDir, previous, { recursive: true });
    before = await fingerprint(previous);
  });
  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('fails when the CMS is down, saying so, and leaves the published site untouched', async () => {
    const run = await runBuild({ STRAPI_URL: `http://127.0.0.1:${await unusedPort()}`, STRAPI_TOKEN: site.cms.siteToken, SITE_OUTPUT_DIR: previous });
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/Cannot reach the CMS at http:\/\/127\.0\.0\.1:\d+\/graphql/);
    expect(await fingerprint(previous)).toBe(before);
    expect(await fs.readdir(tmp)).toEqual(['site']);
  });

  it('fails when the token is rejected, saying so, and leaves the published site untouched', async () => {
    const run = await runBuild({ STRAPI_URL: site.cms.url, STRAPI_TOKEN: 'f'.repeat(64), SITE_OUTPUT_DIR: previous });
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/rejected the API token/);
    expect(await fingerprint(previous)).toBe(before);
  });

  it('fails when STRAPI_TOKEN is missing, saying what to set', async () => {
    const run = await runBuild({ STRAPI_URL: site.cms.url, STRAPI_TOKEN: '', SITE_OUTPUT_DIR: previous });
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/STRAPI_TOKEN is not set/);
    expect(await fingerprint(previous)).toBe(before);
  });

  it('fails on content the site cannot publish, naming the entry and field', async () => {
    // The CMS refuses such a slug; content that reached the database another way (a migration, a
    // restored backup) must still stop the build rather than publish a broken page.
    const res = await fetch(`${site.cms.url}/api/topics?locale=en`, {
      method: 'POST',
      headers: { authorization: `Bearer ${site.fullAccessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { name: 'Imported', slug: 'imported-topic' } }),
    });
    expect(res.status).toBe(201);
    const { data } = (await res.json()) as { data: { documentId: string } };
    await execSql(site.cms.databaseEnv, 'UPDATE topics SET slug = ? WHERE document_id = ?', ['Imported_Topic', data.documentId]);
    try {
      const run = await runBuild({ STRAPI_URL: site.cms.url, STRAPI_TOKEN: site.cms.siteToken, SITE_OUTPUT_DIR: previous });
      expect(run.code).not.toBe(0);
      expect(run.output).toContain(`Invalid topic "${data.documentId}" (locale en): slug:`);
      expect(await fingerprint(previous)).toBe(before);
    } finally {
      await fetch(`${site.cms.url}/api/topics/${data.documentId}?locale=en`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${site.fullAccessToken}` },
      });
    }
  });
});

describe('a build that succeeds', () => {
  let tmp: string;
  let output: string;
  let published: string;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-replace-'));
    output = path.join(tmp, 'site');
    await fs.cp(site.outputDir, output, { recursive: true });
    await fs.writeFile(path.join(output, 'left-from-an-old-build.html'), 'old');
    published = await fingerprint(site.outputDir);
  });
  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });
  // Cold: a build with nothing changed leaves the output as it is, which would not show the lock at work.
  const build = () =>
    runBuild({ STRAPI_URL: site.cms.url, STRAPI_TOKEN: site.cms.siteToken, SITE_OUTPUT_DIR: output, SITE_URL: site.siteUrl, SITE_BUILD_COLD: '1' });

  it('replaces the existing output whole, leaving no staging folder behind', async () => {
    const run = await build();
    expect(run.code, run.output).toBe(0);
    // The output, the incremental-build cache beside it and the replaced output, kept as the spare
    // the next build starts from; nothing left from staging.
    expect((await fs.readdir(tmp)).sort()).toEqual(['site', 'site.cache', 'site.spare']);
    await expect(fs.access(path.join(`${output}.spare`, 'left-from-an-old-build.html'))).resolves.toBeUndefined();
    await expect(fs.access(path.join(output, 'left-from-an-old-build.html'))).rejects.toThrow();
    expect(await fingerprint(output)).toBe(published);
  });

  it('waits while another build holds the output folder, then replaces it', async () => {
    const release = await lockOutput(output);
    let finished = false;
    const pending = build().then((run) => ((finished = true), run));
    try {
      // An unlocked build starts writing its staging folder within a few seconds; a waiting one never does.
      const seen = new Set<string>();
      for (let waited = 0; waited < 10_000; waited += 250) {
        for (const name of await fs.readdir(tmp)) seen.add(name);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect([...seen].filter((name) => name !== 'site.cache' && name !== 'site.spare').sort()).toEqual(['site', 'site.lock']);
      expect(finished).toBe(false);
    } finally {
      await release();
    }
    const run = await pending;
    expect(run.code, run.output).toBe(0);
    expect((await fs.readdir(tmp)).sort()).toEqual(['site', 'site.cache', 'site.spare']);
    expect(await fingerprint(output)).toBe(published);
  });

  it('runs two builds into one folder one after the other, never mixing them', async () => {
    const runs = await Promise.all([build(), build()]);
    for (const run of runs) expect(run.code, run.output).toBe(0);
    expect((await fs.readdir(tmp)).sort()).toEqual(['site', 'site.cache', 'site.spare']);
    expect(await fingerprint(output)).toBe(published);
  });
});

describe('an article whose author and topic are not translated', () => {
  let tmp: string;
  const created: string[] = [];
  const headers = () => ({ authorization: `Bearer ${site.fullAccessToken}`, 'content-type': 'application/json' });
  const create = async (path: string, data: Record<string, unknown>, method = 'POST') => {
    const res = await fetch(`${site.cms.url}${path}`, { method, headers: headers(), body: JSON.stringify({ data }) });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return ((await res.json()) as { data: { documentId: string } }).data.documentId;
  };
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-fallback-'));
  });
  afterAll(async () => {
    for (const target of created.reverse()) await fetch(`${site.cms.url}${target}`, { method: 'DELETE', headers: headers() });
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('links them to the default language’s pages, marked as such', async () => {
    const author = await create('/api/authors?locale=en', { name: 'Untranslated Author', slug: 'untranslated-author', credentials: 'RN', bio: 'A demo person.' });
    created.push(`/api/authors/${author}?locale=en`);
    const topic = await create('/api/topics?locale=en', { name: 'Untranslated Topic', slug: 'untranslated-topic' });
    created.push(`/api/topics/${topic}?locale=en`);
    const seo = { metaTitle: 'Fallback', metaDescription: 'Fallback links' };
    const article = await create('/api/articles?locale=en&status=published', {
      title: 'Fallback links', slug: 'fallback-links', summary: 'S', body: 'B', date: '2026-01-03', author, topics: [topic], seo,
    });
    created.push(`/api/articles/${article}?locale=es`, `/api/articles/${article}?locale=en`);
    await create(`/api/articles/${article}?locale=es&status=published`, { title: 'Enlaces', slug: 'enlaces', summary: 'S', body: 'B', seo }, 'PUT');
    // The CMS only links a translation to entries in its own language; the link to the English
    // author and topic is what a translation keeps when those lose their Spanish version.
    const row = async (table: string, id: string, locale: string) =>
      (await querySql<{ id: number }>(site.cms.databaseEnv, `SELECT id FROM ${table} WHERE document_id = '${id}' AND locale = '${locale}' ORDER BY published_at`))
        .map((r) => r.id);
    for (const articleRow of await row('articles', article, 'es')) {
      await execSql(site.cms.databaseEnv, 'INSERT INTO articles_author_lnk (article_id, author_id, article_ord) VALUES (?, ?, 1)', [articleRow, (await row('authors', author, 'en'))[0]]);
      await execSql(site.cms.databaseEnv, 'INSERT INTO articles_topics_lnk (article_id, topic_id, topic_ord, article_ord) VALUES (?, ?, 1, 1)', [articleRow, (await row('topics', topic, 'en'))[0]]);
    }

    const run = await runBuild({ STRAPI_URL: site.cms.url, STRAPI_TOKEN: site.cms.siteToken, SITE_OUTPUT_DIR: path.join(tmp, 'site') });
    expect(run.code, run.output).toBe(0);
    const html = await fs.readFile(path.join(tmp, 'site/es/articles/enlaces/index.html'), 'utf8');
    expect(html).toMatch(/<a href="\/en\/authors\/untranslated-author\/" hreflang="en"[^>]*>Untranslated Author<\/a>/);
    expect(html).toMatch(/<a href="\/en\/topics\/untranslated-topic\/"[^>]*hreflang="en"[^>]*>/);
    // No Spanish page is made up for them.
    await expect(fs.access(path.join(tmp, 'site/es/authors/untranslated-author'))).rejects.toThrow();
    await expect(fs.access(path.join(tmp, 'site/es/topics/untranslated-topic'))).rejects.toThrow();
  });
});

// In the same file as the failure cases: each changes the CMS, so they must not run at once.
describe('a translator adds a language in the CMS', () => {
  let tmp: string;
  let jwt: string;
  let localeId: number | undefined;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-fr-'));
    jwt = await adminLogin(site.cms);
  });
  afterAll(async () => {
    if (localeId) {
      await fetch(`${site.cms.url}/i18n/locales/${localeId}`, { method: 'DELETE', headers: { authorization: `Bearer ${jwt}` } });
    }
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('appears on the next build, with no code change', async () => {
    const created = await fetch(`${site.cms.url}/i18n/locales`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'French (fr)', code: 'fr', isDefault: false }),
    });
    expect(created.status).toBe(200);
    localeId = ((await created.json()) as { id: number }).id;

    const articles = await graphql<{ articles: { documentId: string }[] }>(
      site.cms,
      '{ articles(locale: "en", filters: { slug: { eq: "copd-palliative-care" } }) { documentId } }',
    );
    const { documentId } = articles.data!.articles[0]!;
    const translated = await fetch(`${site.cms.url}/api/articles/${documentId}?locale=fr&status=published`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${site.fullAccessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        data: {
          title: 'BPCO et soins palliatifs',
          slug: 'bpco-soins-palliatifs',
          summary: 'Comment les soins palliatifs aident quand on vit avec une BPCO.',
          coverAlt: 'Illustration abstraite de cercles doux',
          body: '## Respirer un peu mieux\n\nLes soins palliatifs accompagnent les personnes atteintes de BPCO.',
          seo: { metaTitle: 'BPCO et soins palliatifs', metaDescription: 'Soins palliatifs et BPCO.' },
        },
      }),
    });
    expect(translated.status).toBe(200);

    const output = path.join(tmp, 'site');
    const run = await runBuild({ STRAPI_URL: site.cms.url, STRAPI_TOKEN: site.cms.siteToken, SITE_OUTPUT_DIR: output });
    expect(run.code, run.output).toBe(0);

    const home = await fs.readFile(path.join(output, 'fr/index.html'), 'utf8');
    expect(home).toMatch(/<html lang="fr" dir="ltr">/);
    // No interface texts in French yet: English ones stand in, marked as English for screen readers.
    expect(home).toMatch(/<a [^>]*href="\/fr\/articles\/"[^>]*><span lang="en">Articles<\/span><\/a>/);
    const article = await fs.readFile(path.join(output, 'fr/articles/bpco-soins-palliatifs/index.html'), 'utf8');
    expect(article).toContain('BPCO et soins palliatifs');
    const english = await fs.readFile(path.join(output, 'en/articles/copd-palliative-care/index.html'), 'utf8');
    expect(english).toMatch(/hreflang="fr" href="[^"]*\/fr\/articles\/bpco-soins-palliatifs\/"/);
  });
});

describe('the editors’ preview build', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-preview-'));
  });
  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('shows drafts, says it is a preview and keeps search engines out', async () => {
    const output = path.join(tmp, 'preview');
    const run = await runBuild({ STRAPI_URL: site.cms.url, STRAPI_TOKEN: site.cms.siteToken, SITE_OUTPUT_DIR: output, SITE_PREVIEW: 'true' });
    expect(run.code, run.output).toBe(0);
    const draft = await fs.readFile(path.join(output, 'en/articles/caregiver-burnout/index.html'), 'utf8');
    expect(draft).toContain('When caring wears you down');
    expect(draft).toContain('<meta name="robots" content="noindex">');
    expect(draft).toMatch(/class="preview-banner"/);
    // The published site never had it.
    await expect(fs.access(path.join(site.outputDir, 'en/articles/caregiver-burnout/index.html'))).rejects.toThrow();
  });
});
