import { describe, expect, it } from 'vitest';
import { paragraphs, renderRichText } from '../../_config/rich-text.js';

describe('renderRichText', () => {
  it('renders headings, ordered lists, links, quotes and typographic characters faithfully', () => {
    const html = renderRichText(
      '## How it helps\n\n1. **Symptom relief.** Less pain.\n2. Support\n\n> “It gave us time,” she said — gently.\n\n[Directory](/en/providers/)',
    );
    expect(html).toContain('<h2>How it helps</h2>');
    expect(html).toContain('<ol>\n<li><strong>Symptom relief.</strong> Less pain.</li>');
    expect(html).toContain('<blockquote>\n<p>“It gave us time,” she said — gently.</p>\n</blockquote>');
    expect(html).toContain('<a href="/en/providers/">Directory</a>');
  });

  it('keeps the page title the only h1', () => {
    expect(renderRichText('# Title in body')).toBe('<h2>Title in body</h2>\n');
  });

  // Each case: the hostile input, what must not survive, and the harmless part that must.
  it.each([
    ['<script>alert(1)</script>Text', /<script|alert/, 'Text'],
    ['<img src="x" onerror="alert(1)"> after', /onerror|<img/, '<p> after</p>'],
    ['[x](javascript:alert(1))', /href/i, '<p>[x]('],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', /href/i, '<a>x</a>'],
    ['<a href="data:text/html,hi">x</a>', /href/, '<a>x</a>'],
    ['<iframe src="https://evil.example"></iframe> after', /iframe|evil/, ' after'],
    ['<p style="position:fixed" onclick="x()">Hi</p>', /style|onclick/, '<p>Hi</p>'],
    ['<svg><script>alert(1)</script></svg> after', /svg|script|alert/, '<p> after</p>'],
    ['<a href="//evil.example/">x</a>', /evil|href/, '<a>x</a>'],
  ])('makes %s inert', (input, forbidden, kept) => {
    const html = renderRichText(input);
    expect(html).not.toMatch(forbidden);
    expect(html).toContain(kept);
  });

  it('keeps images only from the CMS and only with a text alternative', () => {
    const imageOrigins = ['http://localhost:1337'];
    const kept = renderRichText('![Nurse at a bedside](http://localhost:1337/uploads/nurse.jpg)', { imageOrigins });
    expect(kept).toContain('<img src="http://localhost:1337/uploads/nurse.jpg" alt="Nurse at a bedside" />');
    // A pixel from another host would tell it who reads the page.
    expect(renderRichText('Hi <img src="https://tracker.example/p.gif" alt="x">', { imageOrigins })).not.toMatch(/img|tracker/);
    expect(renderRichText('![x](https://localhost:1337.evil.example/a.png)', { imageOrigins })).not.toMatch(/img/);
    expect(renderRichText('![x](/uploads/a.png)', { imageOrigins })).not.toMatch(/img/);
    expect(renderRichText('![x](//localhost:1337/uploads/a.png)', { imageOrigins })).not.toMatch(/img/);
    // Without a text alternative, screen reader users get nothing (or the file name).
    expect(renderRichText('![](http://localhost:1337/uploads/a.png)', { imageOrigins })).not.toMatch(/img/);
    expect(renderRichText('<img src="http://localhost:1337/uploads/a.png">', { imageOrigins })).not.toMatch(/img/);
    expect(renderRichText('<img src="http://localhost:1337/uploads/a.png" alt="  ">', { imageOrigins })).not.toMatch(/img/);
    // No origins given: no images.
    expect(renderRichText('![x](http://localhost:1337/uploads/a.png)')).not.toMatch(/img/);
  });

  it('returns nothing for empty input', () => {
    expect(renderRichText(null)).toBe('');
  });
});

describe('paragraphs', () => {
  it('escapes plain text and splits it into paragraphs', () => {
    expect(paragraphs('One <b>\n\nTwo & three')).toBe('<p>One &lt;b&gt;</p>\n<p>Two &amp; three</p>');
  });
});
