import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser } from './browser.js';

const site = inject('site');
const EN_ARTICLE = '/en/articles/metastatic-breast-cancer-palliative-care/';
const ES_ARTICLE = '/es/articles/cancer-de-mama-metastasico-cuidados-paliativos/';

describe('the built site in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (path: string) => {
    const res = await page.goto(site.siteUrl + path);
    expect(res?.status(), path).toBe(200);
  };

  it('shows the breast-cancer article with its byline, sections and ordered list', async () => {
    await open(EN_ARTICLE);
    await expect(page.locator('h1').innerText()).resolves.toMatch(/metastatic breast cancer/i);
    const byline = page.locator('.byline');
    await expect(byline.innerText()).resolves.toContain('Elena Marsh, MD');
    await expect(byline.locator('a').getAttribute('href')).resolves.toBe('/en/authors/elena-marsh/');
    const headings = await page.locator('article h2').allInnerTexts();
    expect(headings).toEqual(
      expect.arrayContaining(['What is palliative care?', 'When to ask your doctor about it', 'Where palliative care is given']),
    );
    const items = await page.locator('article ol > li').allInnerTexts();
    expect(items).toHaveLength(4);
    expect(items[0]).toMatch(/^Symptom relief/);
    expect(items[3]).toMatch(/decision-making/i);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('article img').first().getAttribute('alt')).resolves.toMatch(/\w/);
  });

  it('links the English and Spanish versions both ways, with hreflang', async () => {
    await open(EN_ARTICLE);
    await expect(page.locator('link[rel="alternate"][hreflang="es"]').getAttribute('href')).resolves.toBe(site.siteUrl + ES_ARTICLE);
    await open(ES_ARTICLE);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href')).resolves.toBe(site.siteUrl + EN_ARTICLE);
    await expect(page.locator('.byline').innerText()).resolves.toContain('Elena Marsh, MD');
  });

  it('follows the language switcher to the same document', async () => {
    await open(EN_ARTICLE);
    await page.locator(`a[hreflang="es"][href="${ES_ARTICLE}"]`).first().click();
    await page.waitForURL(`**${ES_ARTICLE}`);
    await expect(page.locator('h1').innerText()).resolves.toMatch(/cáncer de mama/i);
    await page.locator(`a[hreflang="en"][href="${EN_ARTICLE}"]`).first().click();
    await page.waitForURL(`**${EN_ARTICLE}`);
  });

  it('says when a page is not translated, and links to that language instead', async () => {
    await open('/en/articles/copd-palliative-care/');
    expect(await page.locator('link[rel="alternate"][hreflang="es"]').count()).toBe(0);
    const spanish = page.locator('a[hreflang="es"], a[lang="es"]').first();
    await expect(spanish.getAttribute('href')).resolves.toBe('/es/');
  });

  it('works from the keyboard: the skip link is first and moves focus to the main content', async () => {
    await open('/en/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(focused).toBe('#main');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#main');
  });

  it('renders pages without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(site.siteUrl + '/en/providers/');
    const states = await noJs.locator('main a[href^="/en/providers/"]').count();
    expect(states).toBeGreaterThanOrEqual(10);
    await noJs.goto(site.siteUrl + EN_ARTICLE);
    await expect(noJs.locator('article ol > li').count()).resolves.toBe(4);
    await context.close();
  });

  it.each([
    ['home', '/en/'],
    ['Spanish home', '/es/'],
    ['article', EN_ARTICLE],
    ['Spanish article', ES_ARTICLE],
    ['articles list', '/en/articles/'],
    ['author', '/en/authors/elena-marsh/'],
    ['topic', '/en/topics/cancer/'],
    ['directory', '/en/providers/'],
    ['state', '/en/providers/ma/'],
    ['provider', null],
    ['not found', '/en/no-such-page/'],
  ])('has no axe-core violations: %s', async (_name, path) => {
    let target = path;
    if (!target) {
      await open('/en/providers/ma/');
      target = (await page.locator('main a[href^="/en/providers/ma/"]').first().getAttribute('href'))!;
    }
    await page.goto(site.siteUrl + target);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('runs none of the hostile article’s scripts', async () => {
    await open('/en/articles/hostile-markup-test/');
    for (const link of await page.locator('article a').all()) {
      // Unsafe links lose their href altogether.
      const href = await link.getAttribute('href');
      if (href !== null) expect(href).toMatch(/^(https?:|\/)/);
    }
    await expect(page.locator('article iframe, article script, article [onerror], article [onclick]').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).resolves.toBeUndefined();
  });

  it('shows a provider with a tel: link, address and the facts a reader needs', async () => {
    await open('/en/providers/ma/');
    const href = await page.locator('main a[href^="/en/providers/ma/"]').first().getAttribute('href');
    await open(href!);
    await expect(page.locator('a[href^="tel:+1"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('address').innerText()).resolves.toMatch(/MA\s+0\d{4}/);
  });
});
