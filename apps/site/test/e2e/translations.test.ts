import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { adminLogin, createApiToken, startCms, type RunningCms } from '@solace/cms/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../src/serve.js';
import { axeViolations, useBrowser } from './browser.js';
import { runBuild, SITE_DIR } from './run-build.js';

const EN_SLUG = 'metastatic-breast-cancer-palliative-care';
const AR_SLUG = 'saratan-althady-alnaqili';
const SCREENSHOT = path.join(SITE_DIR, 'test-output', 'rtl-arabic-article.png');

// A translator's day, against a CMS of its own (new locales would change what the other e2e
// files build): French and Arabic added in the CMS, one interface text translated in French, a
// few in Arabic and one article; then a real build. Nothing in the repository changes.
describe('a new language added in the CMS only', () => {
  const chrome = useBrowser();
  let cms: RunningCms;
  let token = '';
  const tmp = { dir: '' };
  const server = { close: () => {}, url: '' };

  const api = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${cms.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { data: { documentId: string }[] | { documentId: string } };
  };
  const textId = async (key: string) =>
    ((await api('GET', `/api/interface-texts?locale=en&filters[key][$eq]=${encodeURIComponent(key)}`)).data as { documentId: string }[])[0]!.documentId;
  const translateText = async (key: string, locale: string, text: string) =>
    api('PUT', `/api/interface-texts/${await textId(key)}?locale=${locale}`, { data: { text } });

  beforeAll(async () => {
    cms = await startCms();
    token = await createApiToken(cms, 'full-access');
    const adminHeaders = { authorization: `Bearer ${await adminLogin(cms)}`, 'content-type': 'application/json' };
    for (const [code, name] of [['fr', 'French (fr)'], ['ar', 'Arabic (ar)']]) {
      const res = await fetch(`${cms.url}/i18n/locales`, { method: 'POST', headers: adminHeaders, body: JSON.stringify({ code, name, isDefault: false }) });
      expect(res.status, await res.text()).toBe(200);
    }
    await translateText('nav.home', 'fr', 'Accueil');
    for (const [key, text] of [['nav.home', 'الرئيسية'], ['nav.articles', 'المقالات'], ['nav.topics', 'المواضيع'], ['nav.directory', 'ابحث عن رعاية'], ['nav.search', 'بحث'], ['site.skipLink', 'انتقل إلى المحتوى الرئيسي'], ['article.by', 'بقلم']]) {
      await translateText(key!, 'ar', text!);
    }
    const en = (await api('GET', `/api/articles?locale=en&filters[slug][$eq]=${EN_SLUG}&populate[reviewedBy][fields][0]=name&populate[author][fields][0]=name`)).data as {
      documentId: string;
      reviewedBy: { documentId: string };
      author: { documentId: string };
    }[];
    // Relations stay within a locale: the author and the reviewer get Arabic versions first.
    for (const id of new Set([en[0]!.author.documentId, en[0]!.reviewedBy.documentId])) {
      const { name, slug, credentials } = (await api('GET', `/api/authors/${id}?locale=en`)).data as unknown as Record<string, string>;
      await api('PUT', `/api/authors/${id}?locale=ar`, { data: { name, slug, credentials, role: 'طبيبة رعاية تلطيفية', bio: 'تكتب عن الرعاية التلطيفية.' } });
    }
    await api('PUT', `/api/articles/${en[0]!.documentId}?locale=ar&status=published`, {
      data: {
        title: 'الرعاية التلطيفية لسرطان الثدي النقيلي',
        slug: AR_SLUG,
        summary: 'كيف تساعد الرعاية التلطيفية في تخفيف الأعراض ودعم العائلة.',
        body: '## ما هي الرعاية التلطيفية؟\n\nرعاية طبية تركز على الراحة وجودة الحياة، إلى جانب العلاج.',
        coverAlt: 'ممرضة تتحدث مع مريضة في غرفة مضيئة',
        // The demo article is medically reviewed: its review date is per language.
        reviewedAt: '2026-01-15',
        reviewedBy: { connect: [{ documentId: en[0]!.reviewedBy.documentId, locale: 'ar' }] },
        author: { connect: [{ documentId: en[0]!.author.documentId, locale: 'ar' }] },
        seo: { metaTitle: 'الرعاية التلطيفية لسرطان الثدي', metaDescription: 'كيف تساعد الرعاية التلطيفية مرضى سرطان الثدي النقيلي.' },
      },
    });

    tmp.dir = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-translations-'));
    const build = await runBuild({ STRAPI_URL: cms.url, STRAPI_TOKEN: cms.siteToken, SITE_OUTPUT_DIR: path.join(tmp.dir, 'site') });
    expect(build.code, build.output).toBe(0);
    const http = createStaticServer(path.join(tmp.dir, 'site'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    server.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    server.close = () => http.close();
  }, 400_000);

  afterAll(async () => {
    server.close();
    if (tmp.dir) await fs.rm(tmp.dir, { recursive: true, force: true });
    await cms?.dispose();
  });

  const open = async (urlPath: string) => {
    const res = await chrome.page.goto(server.url + urlPath);
    expect(res?.status(), urlPath).toBe(200);
  };

  it('shows the French translation, and the untranslated texts in English inside lang="en"', async () => {
    await open('/fr/');
    const page = chrome.page;
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('ltr');
    const home = page.locator('.main-nav li').first();
    await expect(home.innerText()).resolves.toBe('Accueil');
    await expect(home.locator('[lang]').count()).resolves.toBe(0);
    const articles = page.locator('.main-nav a', { hasText: 'Articles' });
    await expect(articles.locator('span[lang="en"]').innerText()).resolves.toBe('Articles');
    await expect(page.locator('.skip-link span[lang="en"]').innerText()).resolves.toBe('Skip to main content');
    // An attribute cannot hold markup: the nav's English label stays plain text.
    await expect(page.locator('.main-nav').getAttribute('aria-label')).resolves.toBe('Main');
    // Every English word on the page is inside an element marked English.
    const unmarked = await page.evaluate(() => {
      type Text = { textContent: string; parentElement: { closest: (s: string) => { getAttribute: (a: string) => string } } };
      const { document, NodeFilter } = globalThis as unknown as {
        document: { createTreeWalker: (root: unknown, show: number) => { nextNode: () => Text | null }; querySelector: (s: string) => unknown };
        NodeFilter: { SHOW_TEXT: number };
      };
      const walker = document.createTreeWalker(document.querySelector('.site-footer'), NodeFilter.SHOW_TEXT);
      const out: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.textContent.trim() && n.parentElement.closest('[lang]').getAttribute('lang') !== 'en') out.push(n.textContent.trim());
      }
      return out;
    });
    expect(unmarked.filter((t) => /[a-z]{4}/i.test(t) && !/Solace/.test(t))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('marks English fallback in the find-care script’s messages too', async () => {
    await open('/fr/find-care/');
    const page = chrome.page;
    await page.fill('#zip', '1');
    await page.locator('#zip').blur();
    await expect(page.locator('#zip-error span[lang="en"]').innerText()).resolves.toMatch(/ZIP code/);
  });

  it('lays the Arabic page out right to left, mirrored, and accessible', async () => {
    await chrome.page.setViewportSize({ width: 1280, height: 900 });
    await open(`/ar/articles/${AR_SLUG}/`);
    const page = chrome.page;
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
    const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
    const first = await box('.main-nav li:first-child');
    const last = await box('.main-nav li:last-child');
    expect(first.x).toBeGreaterThan(last.x);
    await expect(page.locator('.main-nav li').first().innerText()).resolves.toBe('الرئيسية');
    // The heading, the date line and the byline start at the right edge of the text column.
    const main = await box('main .wrap');
    for (const selector of ['main h1', '.article__date', '.byline']) {
      const text = await page.locator(selector).evaluate((el) => {
        type Range = { selectNodeContents: (n: unknown) => void; getBoundingClientRect: () => { x: number; width: number } };
        const range = (globalThis as unknown as { document: { createRange: () => Range } }).document.createRange();
        range.selectNodeContents(el);
        const { x, width } = range.getBoundingClientRect();
        return { x, width };
      });
      expect(text.x + text.width, selector).toBeGreaterThan(main.x + main.width - 40);
      expect(text.x, selector).toBeGreaterThan(main.x + 40);
    }
    // The skip link appears at the top right when focused.
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    const skip = await box('.skip-link');
    expect(skip.x).toBeGreaterThan(640);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    expect(await axeViolations(page)).toEqual([]);
    await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    console.log(`RTL screenshot: ${SCREENSHOT}`);
  });

  it('keeps left-to-right pages left to right', async () => {
    await open(`/en/articles/${EN_SLUG}/`);
    await expect(chrome.page.locator('html').getAttribute('dir')).resolves.toBe('ltr');
    const first = (await chrome.page.locator('.main-nav li:first-child').boundingBox())!;
    const last = (await chrome.page.locator('.main-nav li:last-child').boundingBox())!;
    expect(first.x).toBeLessThan(last.x);
  });
});
