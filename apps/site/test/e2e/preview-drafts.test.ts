import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { adminLogin } from '@solace/cms/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStaticServer } from '../../src/serve.js';
import { axeViolations, useBrowser } from './browser.js';
import { runBuild } from './run-build.js';

const site = inject('site');
const ARTICLES = `${site.cms.url}/content-manager/collection-types/api::article.article`;
const TAKEN_SLUG = 'metastatic-breast-cancer-palliative-care';
const HOSTILE_NAME = 'Dr </script><script>window.__owned = 9</script> Eve';

async function admin(method: string, url: string, body?: unknown) {
  const jwt = await adminLogin(site.cms);
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : ((await res.json()) as { data: { documentId: string } });
}

const ldJson = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);

// Drafts as editors save them (through the admin's content manager), then a real preview build
// and a real public build from the same CMS.
describe('a preview of incomplete drafts', () => {
  const chrome = useBrowser();
  const tmp = { dir: '' };
  const ids = { onlyTitle: '', duplicate: '', bare: '', author: '' };
  const server = { close: () => {}, url: '' };
  let previewOutput = '';

  beforeAll(async () => {
    ids.onlyTitle = (await admin('POST', `${ARTICLES}?locale=en`, { title: 'A draft with only a title' }))!.data.documentId;
    ids.duplicate = (await admin('POST', `${ARTICLES}?locale=en`, {
      title: 'A draft that reuses a slug', slug: TAKEN_SLUG, summary: 'Same slug as a published article.', body: 'Body.',
      seo: { metaTitle: 'Duplicate', metaDescription: 'Duplicate slug.' },
    }))!.data.documentId;
    ids.author = (await admin('POST', `${site.cms.url}/content-manager/collection-types/api::author.author?locale=en`, {
      name: HOSTILE_NAME, slug: 'hostile-reviewer', credentials: 'MD',
    }))!.data.documentId;
    // No cover alt text, no SEO, no author; reviewed by an author whose name tries to end the JSON-LD script.
    ids.bare = (await admin('POST', `${ARTICLES}?locale=en`, {
      title: 'A draft without SEO or author', slug: 'draft-without-seo', summary: 'Summary.', body: 'Body.',
      reviewedBy: { connect: [{ documentId: ids.author, locale: 'en' }] }, reviewedAt: '2026-03-03',
    }))!.data.documentId;

    tmp.dir = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-preview-'));
    const build = await runBuild({
      STRAPI_URL: site.cms.url, STRAPI_TOKEN: site.cms.siteToken, SITE_OUTPUT_DIR: path.join(tmp.dir, 'preview'), SITE_PREVIEW: 'true',
    });
    previewOutput = build.output;
    expect(build.code, build.output).toBe(0);
    const http = createStaticServer(path.join(tmp.dir, 'preview'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    server.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    server.close = () => http.close();
  }, 240_000);

  afterAll(async () => {
    server.close();
    for (const id of [ids.onlyTitle, ids.duplicate, ids.bare]) if (id) await admin('DELETE', `${ARTICLES}/${id}?locale=en`).catch(() => {});
    if (ids.author) await admin('DELETE', `${site.cms.url}/content-manager/collection-types/api::author.author/${ids.author}?locale=en`).catch(() => {});
    if (tmp.dir) await fs.rm(tmp.dir, { recursive: true, force: true });
  });

  const open = async (urlPath: string) => {
    const res = await chrome.page.goto(server.url + urlPath);
    expect(res?.status(), urlPath).toBe(200);
  };

  it('builds, with the title-only draft at a URL by its documentId, showing placeholders', async () => {
    expect(previewOutput).toMatch(/built \d+ pages/);
    await open(`/en/articles/by-id/${ids.onlyTitle}/`);
    await expect(chrome.page.locator('h1').innerText()).resolves.toBe('A draft with only a title');
    const placeholders = await chrome.page.locator('article .placeholder').allInnerTexts();
    expect(placeholders).toEqual(['No summary yet.', 'No author chosen yet.', 'This draft has no body text yet.']);
    await expect(chrome.page.locator('.draft-needs').innerText()).resolves.toBe(
      'Before it can be published, this draft needs a slug, a summary, body text, an SEO title, and an SEO description.',
    );
    expect(await axeViolations(chrome.page)).toEqual([]);
  });

  it('leaves a used slug to the published article and shows the duplicate by documentId', async () => {
    await open(`/en/articles/${TAKEN_SLUG}/`);
    await expect(chrome.page.locator('h1').innerText()).resolves.toMatch(/metastatic breast cancer/i);
    await open(`/en/articles/by-id/${ids.duplicate}/`);
    await expect(chrome.page.locator('.draft-needs').innerText()).resolves.toContain('a slug of its own (another article uses this one)');
  });

  it('lists every incomplete draft in the banner, with what it needs, linking to its page', async () => {
    await open('/en/');
    const banner = chrome.page.locator('.preview-banner__drafts');
    await expect(banner.locator('summary').innerText()).resolves.toBe('3 drafts are not ready to publish');
    await banner.locator('summary').click();
    const items = await banner.locator('li').allInnerTexts();
    expect(items).toEqual(expect.arrayContaining([
      'A draft with only a title: a slug, a summary, body text, an SEO title, and an SEO description',
      'A draft that reuses a slug: a slug of its own (another article uses this one)',
      'A draft without SEO or author: an SEO title and an SEO description',
    ]));
    await banner.locator('a', { hasText: 'A draft without SEO or author' }).click();
    await chrome.page.waitForURL('**/en/articles/draft-without-seo/');
    expect(await axeViolations(chrome.page)).toEqual([]);
  });

  it('escapes a hostile reviewer name in the review line and the JSON-LD', async () => {
    await open('/en/articles/draft-without-seo/');
    await expect(chrome.page.locator('.article__review').innerText()).resolves.toBe(`Medically reviewed by ${HOSTILE_NAME}, MD, on March 3, 2026.`);
    expect(await chrome.page.evaluate(() => (globalThis as { __owned?: number }).__owned)).toBeUndefined();
    const html = await fs.readFile(path.join(tmp.dir, 'preview/en/articles/draft-without-seo/index.html'), 'utf8');
    const [ld] = ldJson(html);
    expect(ld).toMatchObject({ '@type': 'MedicalWebPage', lastReviewed: '2026-03-03', reviewedBy: { '@type': 'Person', name: HOSTILE_NAME, honorificSuffix: 'MD' } });
  });

  it('leaves the public build unaffected: it succeeds and shows no draft', async () => {
    const out = path.join(tmp.dir, 'site');
    const build = await runBuild({ STRAPI_URL: site.cms.url, STRAPI_TOKEN: site.cms.siteToken, SITE_OUTPUT_DIR: out });
    expect(build.code, build.output).toBe(0);
    await expect(fs.access(path.join(out, 'en/articles/by-id'))).rejects.toThrow();
    await expect(fs.access(path.join(out, 'en/articles/draft-without-seo'))).rejects.toThrow();
    const home = await fs.readFile(path.join(out, 'en/index.html'), 'utf8');
    expect(home).not.toContain('preview-banner');
    const published = await fs.readFile(path.join(out, `en/articles/${TAKEN_SLUG}/index.html`), 'utf8');
    expect(published).toContain('Facing metastatic breast cancer?');
  }, 180_000);
});

describe('a medically reviewed article on the public site', () => {
  it('says who reviewed it and when, linking the reviewer, and emits MedicalWebPage JSON-LD', async () => {
    const html = await fs.readFile(path.join(site.outputDir, `en/articles/${TAKEN_SLUG}/index.html`), 'utf8');
    expect(html).toContain(
      '<p class="article__review" data-pagefind-ignore="all">Medically reviewed by <a href="/en/authors/elena-marsh/">Elena Marsh</a>, MD, on <time datetime="2026-03-03">March 3, 2026</time>. Next review due <time datetime="2027-03-03">March 3, 2027</time>.</p>',
    );
    const [ld] = ldJson(html);
    expect(ld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'MedicalWebPage',
      url: `${site.siteUrl}/en/articles/${TAKEN_SLUG}/`,
      name: 'Facing metastatic breast cancer? What palliative care can do for you',
      inLanguage: 'en',
      lastReviewed: '2026-03-03',
      reviewedBy: { '@type': 'Person', name: 'Elena Marsh', honorificSuffix: 'MD', url: `${site.siteUrl}/en/authors/elena-marsh/` },
    });
  });

  it('localises the review date', async () => {
    const html = await fs.readFile(path.join(site.outputDir, 'es/articles/cancer-de-mama-metastasico-cuidados-paliativos/index.html'), 'utf8');
    expect(html).toContain('<time datetime="2026-03-03">3 de marzo de 2026</time>');
    expect(ldJson(html)[0]).toMatchObject({ inLanguage: 'es', lastReviewed: '2026-03-03' });
  });
});
