import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import dataPlugin, { provideModel } from '../../_config/data.js';
import i18nPlugin from '../../_config/i18n.js';
import { PREVIEW_STYLESHEET_PARTS, siteStylesheet, STYLES_DIR, STYLESHEET_PARTS } from '../../_config/styles.js';
import type { EleventyConfig } from '../../_config/types.js';
import type { SiteModel } from '../../src/model.js';
import { shippedStrings } from './shipped-strings.js';

/** Just enough of Eleventy's configuration API to see what a plugin registers. */
function fakeConfig() {
  const filters = new Map<string, (...args: never[]) => unknown>();
  const globalData: Record<string, unknown> = {};
  const config = {
    globalData,
    addFilter: (name: string, fn: (...args: never[]) => unknown) => void filters.set(name, fn),
    addTransform: () => {},
    addGlobalData: (name: string, data: unknown) => void (globalData[name] = data),
  } as unknown as EleventyConfig;
  return { config, filters, globalData };
}

describe('the data plugin', () => {
  it('keeps a model handed over before it runs', () => {
    const { config, globalData } = fakeConfig();
    const model = { locales: [] } as unknown as SiteModel;
    const renderSet = { articles: [] } as unknown as SiteModel;
    const site = { url: 'https://example.org', cmsUrl: 'http://cms', preview: false, builtAt: '1970-01-01T00:00:00.000Z' };
    provideModel(config, { model, renderSet, site });
    dataPlugin(config);
    expect(globalData.model).toBe(model);
    expect(globalData.renderSet).toBe(renderSet);
    expect(globalData.site).toBe(site);
  });

  it('loads the model itself otherwise, and renders every page of it', () => {
    const { config, globalData } = fakeConfig();
    dataPlugin(config);
    expect(typeof globalData.model).toBe('function');
    expect(globalData.renderSet).toBe(globalData.model);
    expect(typeof globalData.site).toBe('function');
  });
});

describe('the i18n filters', () => {
  const { config, filters } = fakeConfig();
  i18nPlugin(config);
  // Filters read the interface texts from the model in the page's context, as Nunjucks calls them.
  const page = { ctx: { model: { strings: shippedStrings() } } };
  const filter = (name: string) => (...args: unknown[]) => (filters.get(name) as unknown as (...a: unknown[]) => unknown).apply(page, args);

  it('count with the plural forms of the UI strings', () => {
    expect(filter('plural')('directory.programCount', 'en', 1)).toBe('1 program');
    expect(filter('plural')('directory.programCount', 'en', 3)).toBe('3 programs');
    expect(filter('plural')('directory.programCount', 'en', 0)).toBe('No programs listed');
  });

  it('show a CMS value as stored when it has no translation', () => {
    expect(filter('label')('Klingon', 'languageName.', 'es')).toBe('Klingon');
    expect(filter('stateLabel')({ code: 'ZZ', name: 'Nowhere' }, 'es')).toBe('Nowhere');
    expect(filter('optionalT')('languageName.Klingon', 'es')).toBeNull();
  });

  it('fail clearly without a model in the context', () => {
    expect(() => (filters.get('t') as unknown as (...a: unknown[]) => unknown).call({ ctx: {} }, 'nav.home', 'en')).toThrow(/no model with strings/);
  });
});

describe('the stylesheet', () => {
  it('is made of every file in styles/, each listed once (the preview’s parts in previews only)', () => {
    const files = fs
      .readdirSync(STYLES_DIR, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.css'))
      .map((f) => f.split(path.sep).join('/'));
    expect([...STYLESHEET_PARTS, ...PREVIEW_STYLESHEET_PARTS].sort()).toEqual(files.sort());
  });

  it('joins the parts in cascade order with one blank line between them', async () => {
    const css = await siteStylesheet();
    const parts = STYLESHEET_PARTS.map((p) => fs.readFileSync(path.join(STYLES_DIR, p), 'utf8').trimEnd());
    expect(css).toBe(`${parts.join('\n\n')}\n`);
    expect(css.startsWith('/* Solace')).toBe(true);
  });
});
