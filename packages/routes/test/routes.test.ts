import fs from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as routes from '../src/routes.js';

describe('routes', () => {
  it('give every page of a locale a directory URL under the locale', () => {
    expect(routes.homeUrl('es')).toBe('/es/');
    expect(routes.articleUrl('es', 'cuidados')).toBe('/es/articles/cuidados/');
    expect(routes.authorUrl('en', 'ana-ruiz')).toBe('/en/authors/ana-ruiz/');
    expect(routes.topicUrl('en', 'cancer')).toBe('/en/topics/cancer/');
    expect(routes.selfAssessmentResultsUrl('en')).toBe('/en/self-assessment/results/');
    expect(routes.feedUrl('en')).toBe('/en/feed.xml');
  });

  it('keep the first page of the article list at the list’s own address', () => {
    expect(routes.articlesUrl('en')).toBe('/en/articles/');
    expect(routes.articlesUrl('en', 1)).toBe('/en/articles/');
    expect(routes.articlesUrl('en', 3)).toBe('/en/articles/page/3/');
  });

  it('place providers under their state, in lower case', () => {
    expect(routes.stateUrl('en', 'MA')).toBe('/en/providers/ma/');
    expect(routes.providerUrl('es', 'TX', 'hospice-austin')).toBe('/es/providers/tx/hospice-austin/');
  });

  it('list the section pages of a locale', () => {
    const links = routes.localeLinks('es');
    expect(links.home).toBe('/es/');
    expect(links.findCare).toBe('/es/find-care/');
    expect(Object.values(links).every((url) => url.startsWith('/es/'))).toBe(true);
  });

  it('map a CMS document to its page, or null when a field its URL needs is missing', () => {
    const { documentRoutes } = routes;
    expect(documentRoutes.article!.url('es', { slug: 'uno' })).toBe('/es/articles/uno/');
    expect(documentRoutes.article!.url('es', { slug: null, documentId: 'abc123' })).toBe('/es/articles/by-id/abc123/');
    expect(routes.articleByIdUrl('en', 'abc123')).toBe('/en/articles/by-id/abc123/');
    expect(documentRoutes.article!.url('es', {})).toBeNull();
    expect(documentRoutes.provider!.fields).toEqual(['slug', 'state']);
    expect(documentRoutes.provider!.url('en', { slug: 'p', state: 'MA' })).toBe('/en/providers/ma/p/');
    expect(documentRoutes.provider!.url('en', { slug: 'p' })).toBeNull();
    expect(documentRoutes.topic!.url('en', { slug: null })).toBeNull();
    expect(documentRoutes.global!.url('es', {})).toBe('/es/');
    expect(documentRoutes['self-assessment']!.url('es', {})).toBe('/es/self-assessment/');
    expect(documentRoutes['page']).toBeUndefined();
  });

  it('ship declarations generated from the module (run `pnpm types` after changing it)', () => {
    const source = new URL('../src/routes.js', import.meta.url).pathname;
    const program = ts.createProgram([source], {
      allowJs: true,
      checkJs: true,
      declaration: true,
      emitDeclarationOnly: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      // Only the standard library: loading every @types package makes this take a minute on a busy machine.
      types: [],
      skipLibCheck: true,
    });
    let emitted = '';
    program.emit(undefined, (_name, text) => (emitted = text));
    expect(emitted).not.toBe('');
    expect(fs.readFileSync(new URL('../src/routes.d.ts', import.meta.url), 'utf8')).toBe(emitted);
  });
});
