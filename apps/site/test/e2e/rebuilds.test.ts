import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { adminLogin, execSql, graphql } from '@solace/cms/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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
    expect(home).toContain('<html lang="fr">');
    // No UI strings for French in the repo yet: English ones stand in.
    expect(home).toContain('>Articles</a>');
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
