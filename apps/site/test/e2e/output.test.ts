import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { linkTargets, listFiles, resolves } from './output-files.js';

const site = inject('site');
const read = (file: string) => fs.readFile(path.join(site.outputDir, file), 'utf8');

describe('the built output', () => {
  let files: string[];
  let html: string[];
  beforeAll(async () => {
    files = await listFiles(site.outputDir);
    html = files.filter((f) => f.endsWith('.html'));
  });

  it('has every locale the CMS has, and a root page that sends readers to the default one', async () => {
    expect(files).toContain('en/index.html');
    expect(files).toContain('es/index.html');
    const root = await read('index.html');
    expect(root).toContain('href="/en/"');
    expect(root).toContain('href="/es/"');
  });

  it('never shows the draft article: not in pages, the sitemap or the feeds', async () => {
    const texts = await Promise.all(files.filter((f) => /\.(html|xml|txt|json)$/.test(f)).map(read));
    for (const text of texts) {
      expect(text).not.toContain('caregiver-burnout');
      expect(text).not.toMatch(/When caring wears you down/);
    }
    expect(files.some((f) => f.includes('caregiver'))).toBe(false);
  });

  it('has a sitemap with hreflang alternates in both directions', async () => {
    const sitemap = await read('sitemap.xml');
    const en = `${site.siteUrl}/en/articles/metastatic-breast-cancer-palliative-care/`;
    const es = `${site.siteUrl}/es/articles/cancer-de-mama-metastasico-cuidados-paliativos/`;
    expect(sitemap).toContain(`<loc>${en}</loc>`);
    expect(sitemap).toContain(`<loc>${es}</loc>`);
    expect(sitemap).toMatch(new RegExp(`hreflang="es"\\s+href="${es}"`));
    expect(sitemap).toMatch(new RegExp(`hreflang="en"\\s+href="${en}"`));
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    for (const loc of locs) expect(await resolves(site.outputDir, new URL(loc).pathname), loc).toBe(true);
    expect(await read('robots.txt')).toContain(`Sitemap: ${site.siteUrl}/sitemap.xml`);
  });

  it('has an Atom feed per locale with that locale’s articles', async () => {
    const en = await read('en/feed.xml');
    const es = await read('es/feed.xml');
    expect(en).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect([...en.matchAll(/<entry>/g)]).toHaveLength(8); // 7 demo articles + the hostile-markup test article
    expect([...es.matchAll(/<entry>/g)]).toHaveLength(2);
    expect(es).toContain('cancer-de-mama-metastasico-cuidados-paliativos');
  });

  it('has no broken internal link', async () => {
    const broken: string[] = [];
    for (const file of html) {
      const page = `/${file}`;
      for (const target of linkTargets(await read(file))) {
        if (/^(https?:|mailto:|tel:|#|data:)/.test(target) && !target.startsWith(site.siteUrl)) continue;
        const url = new URL(target, site.siteUrl + page);
        if (url.origin !== site.siteUrl) continue;
        if (!(await resolves(site.outputDir, url.pathname))) broken.push(`${page} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
    expect(html.length).toBeGreaterThan(100);
  });

  it('escapes markup in titles, summaries and meta fields, wherever they appear', async () => {
    const files = ['en/articles/hostile-markup-test/index.html', 'en/articles/index.html', 'en/index.html', 'en/feed.xml', 'sitemap.xml'];
    for (const file of files) {
      const text = await read(file);
      expect(text, file).not.toMatch(/<script>window\.__owned|<script>x<\/script>|<img src=x/);
    }
    const page = await read('en/articles/hostile-markup-test/index.html');
    expect(page).toContain('&lt;script&gt;window.__owned = 7&lt;/script&gt;');
  });

  it('renders hostile rich text inert', async () => {
    const page = await read('en/articles/hostile-markup-test/index.html');
    const article = page.slice(page.indexOf('<article'), page.indexOf('</article>'));
    expect(article).not.toMatch(/<script|<iframe|<svg|<style/i);
    expect(article).not.toMatch(/\son\w+\s*=/i);
    expect(article).not.toMatch(/(href|src)="\s*(javascript|data):/i);
    expect(article).not.toMatch(/style=/i);
    expect(article).toContain('<h2>Still a heading</h2>');
    expect(article).toContain('href="https://example.org/safe"');
  });
});
