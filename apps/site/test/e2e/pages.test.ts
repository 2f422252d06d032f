import { describe, expect, inject, it } from 'vitest';
import { axeViolations, useBrowser } from './browser.js';

const site = inject('site');
const EN_ARTICLE = '/en/articles/metastatic-breast-cancer-palliative-care/';
const ES_ARTICLE = '/es/articles/cancer-de-mama-metastasico-cuidados-paliativos/';

describe('the built site in Chromium', () => {
  const chrome = useBrowser();

  const open = async (path: string) => {
    const res = await chrome.page.goto(site.siteUrl + path);
    expect(res?.status(), path).toBe(200);
  };

  it('shows the breast-cancer article with its byline, sections and ordered list', async () => {
    await open(EN_ARTICLE);
    await expect(chrome.page.locator('h1').innerText()).resolves.toMatch(/metastatic breast cancer/i);
    const byline = chrome.page.locator('.byline');
    await expect(byline.innerText()).resolves.toContain('Elena Marsh, MD');
    await expect(byline.locator('a').getAttribute('href')).resolves.toBe('/en/authors/elena-marsh/');
    const headings = await chrome.page.locator('article h2').allInnerTexts();
    expect(headings).toEqual(
      expect.arrayContaining(['What is palliative care?', 'When to ask your doctor about it', 'Where palliative care is given']),
    );
    const items = await chrome.page.locator('article ol > li').allInnerTexts();
    expect(items).toHaveLength(4);
    expect(items[0]).toMatch(/^Symptom relief/);
    expect(items[3]).toMatch(/decision-making/i);
    await expect(chrome.page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(chrome.page.locator('article img').first().getAttribute('alt')).resolves.toMatch(/\w/);
  });

  it('links the English and Spanish versions both ways, with hreflang', async () => {
    await open(EN_ARTICLE);
    await expect(chrome.page.locator('link[rel="alternate"][hreflang="es"]').getAttribute('href')).resolves.toBe(site.siteUrl + ES_ARTICLE);
    await open(ES_ARTICLE);
    await expect(chrome.page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(chrome.page.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href')).resolves.toBe(site.siteUrl + EN_ARTICLE);
    await expect(chrome.page.locator('.byline').innerText()).resolves.toContain('Elena Marsh, MD');
  });

  it('follows the language switcher to the same document', async () => {
    await open(EN_ARTICLE);
    await chrome.page.locator(`a[hreflang="es"][href="${ES_ARTICLE}"]`).first().click();
    await chrome.page.waitForURL(`**${ES_ARTICLE}`);
    await expect(chrome.page.locator('h1').innerText()).resolves.toMatch(/cáncer de mama/i);
    await chrome.page.locator(`a[hreflang="en"][href="${EN_ARTICLE}"]`).first().click();
    await chrome.page.waitForURL(`**${EN_ARTICLE}`);
  });

  it('says when a page is not translated, and links to that language instead', async () => {
    await open('/en/articles/copd-palliative-care/');
    expect(await chrome.page.locator('link[rel="alternate"][hreflang="es"]').count()).toBe(0);
    const spanish = chrome.page.locator('a[hreflang="es"], a[lang="es"]').first();
    await expect(spanish.getAttribute('href')).resolves.toBe('/es/');
  });

  it('works from the keyboard: the skip link is first and moves focus to the main content', async () => {
    await open('/en/');
    await chrome.page.keyboard.press('Tab');
    const focused = await chrome.page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(focused).toBe('#main');
    await chrome.page.keyboard.press('Enter');
    await expect(chrome.page.evaluate(() => location.hash)).resolves.toBe('#main');
  });

  it('renders pages without JavaScript', async () => {
    const context = await chrome.browser.newContext({ javaScriptEnabled: false });
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
      target = (await chrome.page.locator('main a[href^="/en/providers/ma/"]').first().getAttribute('href'))!;
    }
    await chrome.page.goto(site.siteUrl + target);
    expect(await axeViolations(chrome.page)).toEqual([]);
  });

  it('runs none of the hostile article’s scripts', async () => {
    await open('/en/articles/hostile-markup-test/');
    const links = await chrome.page.locator('article a').evaluateAll((as) =>
      as.map((a) => ({ text: a.textContent?.trim(), href: a.getAttribute('href') })),
    );
    // Unsafe links lose their href altogether; the safe one keeps it; every remaining href is http(s) or the site's own.
    expect(links).toEqual(
      expect.arrayContaining([
        { text: 'another', href: null },
        { text: 'data link', href: null },
        { text: 'safe link', href: 'https://example.org/safe' },
      ]),
    );
    for (const { href } of links.filter((l) => l.href !== null)) expect(href).toMatch(/^(https?:\/\/|\/(?!\/))/);
    await expect(chrome.page.locator('article iframe, article script, article [onerror], article [onclick]').count()).resolves.toBe(0);
    await expect(chrome.page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).resolves.toBeUndefined();
  });

  it('shows a provider with a tel: link, address and the facts a reader needs', async () => {
    await open('/en/providers/ma/');
    const href = await chrome.page.locator('main a[href^="/en/providers/ma/"]').first().getAttribute('href');
    await open(href!);
    await expect(chrome.page.locator('a[href^="tel:+1"]').count()).resolves.toBeGreaterThan(0);
    await expect(chrome.page.locator('address').innerText()).resolves.toMatch(/MA\s+0\d{4}/);
  });
});
