import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContentValidationError } from '../src/errors.js';
import { checkEntry } from '../src/validate.js';

const Article = z.object({
  title: z.string().min(1),
  seo: z.object({ metaTitle: z.string().max(60) }),
  topics: z.array(z.object({ slug: z.string() })),
});

const where = { type: 'article', documentId: 'abc123', locale: 'es' };

describe('checkEntry', () => {
  it('returns valid data as it came, fields the checks do not name included', () => {
    const raw = { title: 'Hola', seo: { metaTitle: 'Hola' }, topics: [{ slug: 'calma' }], extra: true };
    expect(checkEntry(Article, raw, where)).toBe(raw);
  });

  it('names the entry and every failing field path', () => {
    const raw = { seo: { metaTitle: 'x'.repeat(61) }, topics: [{ slug: 'ok' }, { slug: 7 }] };
    let error: unknown;
    try {
      checkEntry(Article, raw, where);
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(ContentValidationError);
    const { message, issues, type, documentId, locale } = error as ContentValidationError;
    expect({ type, documentId, locale }).toEqual(where);
    expect(issues.map((issue) => issue.path)).toEqual(['title', 'seo.metaTitle', 'topics.1.slug']);
    expect(message).toMatch(/^Invalid article "abc123" \(locale es\): title: /);
    expect(message).toContain('; seo.metaTitle: ');
    expect(message).toContain('; topics.1.slug: ');
  });

  it('checks a node once: the same object passes again without its checks running, another one is checked', () => {
    let runs = 0;
    const Counted = Article.refine(() => ++runs > 0);
    const raw = { title: 'Hola', seo: { metaTitle: 'Hola' }, topics: [] };
    expect(checkEntry(Counted, raw, where)).toBe(raw);
    expect(checkEntry(Counted, raw, where)).toBe(raw);
    expect(runs).toBe(1);
    expect(checkEntry(Counted, { ...raw }, where)).toEqual(raw);
    expect(runs).toBe(2);
    // Passing other checks says nothing about these.
    expect(() => checkEntry(z.object({ title: z.string().max(2) }), raw, where)).toThrow(ContentValidationError);
  });

  it('checks a node that failed every time it is given', () => {
    const raw = { title: '', seo: { metaTitle: 'Hola' }, topics: [] };
    expect(() => checkEntry(Article, raw, where)).toThrow(/title/);
    expect(() => checkEntry(Article, raw, where)).toThrow(/title/);
  });

  it('still reads well without a documentId or locale', () => {
    expect(() => checkEntry(Article, null, { type: 'global' })).toThrow(/^Invalid global: \(entry\): /);
  });
});
