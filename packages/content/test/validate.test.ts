import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContentValidationError } from '../src/errors.js';
import { parseEntry } from '../src/validate.js';

const Article = z.object({
  title: z.string().min(1),
  seo: z.object({ metaTitle: z.string().max(60) }),
  topics: z.array(z.object({ slug: z.string() })),
});

const where = { type: 'article', documentId: 'abc123', locale: 'es' };

describe('parseEntry', () => {
  it('returns the parsed value of valid data', () => {
    const raw = { title: 'Hola', seo: { metaTitle: 'Hola' }, topics: [{ slug: 'calma' }], extra: true };
    expect(parseEntry(Article, raw, where)).toEqual({
      title: 'Hola',
      seo: { metaTitle: 'Hola' },
      topics: [{ slug: 'calma' }],
    });
  });

  it('names the entry and every failing field path', () => {
    const raw = { seo: { metaTitle: 'x'.repeat(61) }, topics: [{ slug: 'ok' }, { slug: 7 }] };
    let error: unknown;
    try {
      parseEntry(Article, raw, where);
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

  it('still reads well without a documentId or locale', () => {
    expect(() => parseEntry(Article, null, { type: 'global' })).toThrow(/^Invalid global: \(entry\): /);
  });
});
