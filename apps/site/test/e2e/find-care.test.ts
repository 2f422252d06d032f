import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { graphql } from '@solace/cms/testing';
import { authorUrl } from '@solace/routes';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createStaticServer } from '../../src/serve.js';
import { axeViolations, useBrowser } from './browser.js';
import { runBuild } from './run-build.js';

const site = inject('site');
const zipcodes = createRequire(import.meta.url)('zipcodes') as { lookup: (zip: string) => { latitude: number; longitude: number } };

type Listing = { slug: string; name: string; latitude: number; longitude: number; careHome: boolean; agesChildren: boolean; acceptingNewPatients: boolean; languagesSpoken: string };

/** Great-circle distance in miles: the test's own arithmetic, to check the page's. */
function miles(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 3958.8 * Math.asin(Math.sqrt(h));
}

describe('finding care', () => {
  const chrome = useBrowser();
  let listings: Listing[];
  const boston = { lat: zipcodes.lookup('02108').latitude, lng: zipcodes.lookup('02108').longitude };

  beforeAll(async () => {
    const res = await graphql<{ providers: Listing[] }>(
      site.cms,
      '{ providers(locale: "en", pagination: { pageSize: 100 }) { slug name latitude longitude careHome agesChildren acceptingNewPatients languagesSpoken } }',
    );
    listings = res.data!.providers;
  });

  /** The programs the page should list within `radius` miles of Boston, nearest first. */
  const expectedNear = (radius: number, keep: (l: Listing) => boolean = () => true) =>
    listings
      .map((l) => ({ ...l, distance: miles(boston, { lat: l.latitude, lng: l.longitude }) }))
      .filter((l) => l.distance <= radius && keep(l))
      .sort((a, b) => a.distance - b.distance);

  const shown = async () => {
    const items = chrome.page.locator('#results > li');
    const slugs = await items.locator('a[href*="/providers/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('/').at(-2)!));
    const distances = (await items.locator('.distance').allInnerTexts()).map((t) => Number.parseFloat(t.replace(',', '.')));
    return { slugs, distances };
  };

  const settle = () => chrome.page.waitForFunction(() => document.getElementById('results-status')?.textContent?.trim());

  it('lists the programs near a ZIP code, nearest first, with distances', async () => {
    await chrome.page.goto(`${site.siteUrl}/en/find-care/`);
    await chrome.page.fill('#zip', '02108');
    await expect.poll(async () => (await shown()).slugs.length).toBeGreaterThan(0);
    const { slugs, distances } = await shown();
    const expected = expectedNear(25);
    expect(new Set(slugs)).toEqual(new Set(expected.map((l) => l.slug)));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(slugs.slice(0, 3).every((slug) => slug.endsWith('boston'))).toBe(true);
    // The count is announced once the reader pauses typing.
    await expect.poll(() => chrome.page.locator('#results-status').innerText(), { timeout: 5000 }).toMatch(new RegExp(`${expected.length} programs? within 25 miles`));
    expect(chrome.page.url()).toContain('zip=02108');
  });

  it('narrows with a smaller radius and with each filter', async () => {
    await chrome.page.selectOption('#radius', '100');
    await expect.poll(async () => (await shown()).slugs.length).toBe(expectedNear(100).length);
    await chrome.page.selectOption('#radius', '10');
    await expect.poll(async () => (await shown()).slugs.length).toBe(expectedNear(10).length);
    await chrome.page.selectOption('#radius', '100');

    const filters: [string, (l: Listing) => boolean][] = [
      ['input[name="setting"][value="home"]', (l) => l.careHome],
      ['input[name="age"][value="children"]', (l) => l.agesChildren],
      ['input[name="accepting"]', (l) => l.acceptingNewPatients],
    ];
    for (const [selector, keep] of filters) {
      await chrome.page.check(selector);
      const expected = expectedNear(100, keep);
      expect(expected.length).toBeLessThan(expectedNear(100).length);
      await expect.poll(async () => new Set((await shown()).slugs), { message: selector }).toEqual(new Set(expected.map((l) => l.slug)));
      await chrome.page.uncheck(selector);
    }
    await chrome.page.selectOption('#lang', 'Portuguese');
    const portuguese = expectedNear(100, (l) => l.languagesSpoken.includes('Portuguese'));
    await expect.poll(async () => new Set((await shown()).slugs)).toEqual(new Set(portuguese.map((l) => l.slug)));
  });

  it('keeps the search in the URL: reload and back restore it', async () => {
    await chrome.page.goto(`${site.siteUrl}/en/find-care/?zip=02108&radius=50&setting=home`);
    await expect.poll(async () => (await shown()).slugs.length).toBeGreaterThan(0);
    const before = await shown();
    expect(new Set(before.slugs)).toEqual(new Set(expectedNear(50, (l) => l.careHome).map((l) => l.slug)));
    await chrome.page.reload();
    await expect.poll(async () => (await shown()).slugs).toEqual(before.slugs);
    await expect(chrome.page.inputValue('#radius')).resolves.toBe('50');
    await expect(chrome.page.isChecked('input[name="setting"][value="home"]')).resolves.toBe(true);

    await chrome.page.selectOption('#radius', '10');
    await expect.poll(() => chrome.page.url()).toContain('radius=10');
    await chrome.page.goBack();
    await expect.poll(() => chrome.page.inputValue('#radius')).toBe('50');
    await expect.poll(async () => (await shown()).slugs).toEqual(before.slugs);
  });

  it.each(['00000', '123', 'abcde'])('explains an unknown or malformed ZIP code (%s)', async (zip) => {
    await chrome.page.goto(`${site.siteUrl}/en/find-care/`);
    await chrome.page.fill('#zip', zip);
    // A half-typed ZIP is not an error yet: submitting it is.
    await chrome.page.press('#zip', 'Enter');
    await expect.poll(() => chrome.page.locator('#zip-error').isVisible()).toBe(true);
    await expect(chrome.page.locator('#zip-error').innerText()).resolves.toMatch(/ZIP/);
    await expect(chrome.page.getAttribute('#zip', 'aria-invalid')).resolves.toBe('true');
    await settle();
    await expect(chrome.page.locator('#results > li').count()).resolves.toBe(0);
  });

  it('points to the state lists when JavaScript is off', async () => {
    const context = await chrome.browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${site.siteUrl}/en/find-care/`);
    await expect(noJs.locator('#find-care-nojs').isVisible()).resolves.toBe(true);
    await expect(noJs.locator('#find-care-nojs a').getAttribute('href')).resolves.toBe('/en/providers/');
    await context.close();
  });

  it('has no axe-core violations on the search page, with results shown', async () => {
    await chrome.page.goto(`${site.siteUrl}/en/find-care/?zip=02108`);
    await expect.poll(async () => (await shown()).slugs.length).toBeGreaterThan(0);
    expect(await axeViolations(chrome.page)).toEqual([]);
  });
});

describe('self-assessment', () => {
  const chrome = useBrowser();

  const answer = async (page: Page, answers: ('yes' | 'no')[]) => {
    for (const [i, value] of answers.entries()) await page.check(`input[name="q${i + 1}"][value="${value}"]`);
    await page.click('#self-assessment button[type="submit"]');
  };

  it('gives its result in the page with JavaScript, sending nothing', async () => {
    const page = await chrome.browser.newPage();
    const requests: string[] = [];
    await page.goto(`${site.siteUrl}/en/self-assessment/`);
    page.on('request', (r) => requests.push(r.url()));
    await answer(page, ['yes', 'yes', 'yes', 'no', 'no']);
    await expect(page.locator('#assessment-result').isVisible()).resolves.toBe(true);
    const visible = page.locator('#assessment-result [data-min-yes]:visible');
    await expect(visible.getAttribute('data-min-yes')).resolves.toBe('3');
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H2');
    expect(requests).toEqual([]);
    expect(page.url()).toBe(`${site.siteUrl}/en/self-assessment/`);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${site.siteUrl}/es/self-assessment/`);
    await answer(page, ['no', 'no', 'no', 'no', 'no']);
    await expect(page.locator('#assessment-result [data-min-yes]:visible').getAttribute('data-min-yes')).resolves.toBe('0');
    await page.close();
  });

  it('gives its result without JavaScript too, on the page, sending nothing', async () => {
    const context = await chrome.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.siteUrl}/en/self-assessment/`);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const shownResult = () => page.locator('.assessment-live__option:visible').getAttribute('id');

    await expect(page.locator('.assessment-live__empty').isVisible()).resolves.toBe(true);
    for (const [i, value] of (['yes', 'yes', 'yes', 'no'] as const).entries()) await page.check(`input[name="q${i + 1}"][value="${value}"]`);
    // Not every question answered yet: no result.
    await expect(page.locator('.assessment-live__option:visible').count()).resolves.toBe(0);
    await page.check('input[name="q5"][value="no"]');
    await expect(shownResult()).resolves.toBe('live-result-3');
    await page.check('input[name="q3"][value="no"]');
    await expect(shownResult()).resolves.toBe('live-result-1');
    for (const q of [1, 2]) await page.check(`input[name="q${q}"][value="no"]`);
    await expect(shownResult()).resolves.toBe('live-result-0');
    expect(requests).toEqual([]);

    // The form's button still leads to the static page of every result.
    await page.click('#self-assessment button[type="submit"]');
    await page.waitForURL('**/en/self-assessment/results/**');
    expect(page.url()).not.toContain('q1=');
    const headings = await page.locator('main h2').allInnerTexts();
    expect(headings.some((h) => /3 or more/i.test(h))).toBe(true);
    await context.close();

    // axe-core needs JavaScript to run: the same static page, checked with it on.
    const checker = await chrome.browser.newPage();
    await checker.goto(`${site.siteUrl}/en/self-assessment/results/`);
    expect(await axeViolations(checker)).toEqual([]);
    await checker.close();
  });
});

describe('site search', () => {
  const chrome = useBrowser();

  const search = async (locale: string, query: string, siteUrl = site.siteUrl) => {
    await chrome.page.goto(`${siteUrl}/${locale}/search/?q=${encodeURIComponent(query)}`);
    await chrome.page.waitForFunction(() => document.getElementById('search-status')?.textContent?.trim());
    return chrome.page.locator('#search-results a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  };

  it('finds an article by a word only in its body, in its own language only', async () => {
    expect(await search('en', 'bronchodilator')).toEqual(['/en/articles/copd-palliative-care/']);
    expect(await search('es', 'bronchodilator')).toEqual([]);
    expect(await search('es', 'diurético')).toEqual(['/es/articles/insuficiencia-cardiaca-cuidados-paliativos/']);
    expect(await search('en', 'diurético')).toEqual([]);
  });

  // Bylines are not indexed (an author renamed re-makes no search index): people are found by name.
  it('finds an author by name, linking to their page in the reader\'s language, and no article by its byline', async () => {
    const people = () => chrome.page.locator('#search-people-list a').evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.textContent]));
    expect(await search('en', 'oyelaran')).toEqual([]);
    expect(await people()).toEqual([[authorUrl('en', 'marcus-oyelaran'), 'Marcus Oyelaran, LCSW']]);
    // No article is found, and the status says so and that the author list has one.
    await expect(chrome.page.locator('#search-status').textContent()).resolves.toBe('0 articles found for “oyelaran”. Authors: 1');
    expect(await axeViolations(chrome.page)).toEqual([]);
    await search('es', 'marcus oye');
    expect(await people()).toEqual([[authorUrl('es', 'marcus-oyelaran'), 'Marcus Oyelaran, LCSW']]);
    expect((await search('en', 'bronchodilator')).length).toBe(1);
    expect(await people()).toEqual([]);
    expect(await chrome.page.locator('#search-people').isHidden()).toBe(true);
  });

  it('has no axe-core violations, with results shown', async () => {
    await search('en', 'palliative');
    await expect(chrome.page.locator('#search-results li').count()).resolves.toBeGreaterThan(0);
    expect(await axeViolations(chrome.page)).toEqual([]);
  });

  // The corpus's languages are split into parts of 250 articles; the demo's, here, into parts of 2.
  it('searches every part of an index split in parts, as one index would', async () => {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-search-parts-'));
    const outputDir = path.join(tmp, 'site');
    const server = createStaticServer(outputDir);
    try {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const build = await runBuild({ STRAPI_URL: site.cms.url, STRAPI_TOKEN: site.cms.siteToken, SITE_OUTPUT_DIR: outputDir, SITE_URL: siteUrl, SITE_SEARCH_PART_PAGES: '2' });
      expect(build.code, build.output).toBe(0);
      const parts = JSON.parse(await fs.readFile(path.join(outputDir, 'pagefind/parts.json'), 'utf8')) as Record<string, { pages: number; parts: string[] }>;
      expect(parts.en!.parts.length).toBeGreaterThan(1);
      // Every English article is in one of the parts, the same results as the whole index (at most a page of them).
      const whole = await search('en', 'palliative');
      expect(whole.length).toBeGreaterThan(2);
      expect(whole.length).toBeLessThan(10);
      expect((await search('en', 'palliative', siteUrl)).sort()).toEqual([...whole].sort());
      expect(await search('en', 'bronchodilator', siteUrl)).toEqual(['/en/articles/copd-palliative-care/']);
      expect(await search('es', 'diurético', siteUrl)).toEqual(['/es/articles/insuficiencia-cardiaca-cuidados-paliativos/']);
      expect(await search('es', 'bronchodilator', siteUrl)).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await fs.rm(tmp, { recursive: true, force: true });
    }
  });
});
