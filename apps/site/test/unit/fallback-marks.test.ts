import { describe, expect, it } from 'vitest';
import { markFallbackHtml, stripFallbackMarks } from '../../src/fallback-marks.js';
import { FALLBACK_END as E, FALLBACK_START as S } from '../../src/i18n.js';

describe('fallback marks in a built page', () => {
  it('leave a page without them as it is', () => {
    const html = '<p class="x">Bonjour</p>';
    expect(markFallbackHtml(html)).toBe(html);
  });

  it('become <span lang="en"> in text, also next to translated words and values', () => {
    expect(markFallbackHtml(`<p>3${S} programs near ${E}02108</p>`)).toBe('<p>3<span lang="en"> programs near </span>02108</p>');
    expect(markFallbackHtml(`<nav><a href="/">${S}Home${E}</a> <a>Articles</a></nav>`)).toBe(
      '<nav><a href="/"><span lang="en">Home</span></a> <a>Articles</a></nav>',
    );
  });

  it('put lang="en" on elements with text content only: option, title', () => {
    expect(markFallbackHtml(`<select><option value="5">${S}Within 5 miles${E}</option><option>10 km</option></select>`)).toBe(
      '<select><option value="5" lang="en">Within 5 miles</option><option>10 km</option></select>',
    );
    expect(markFallbackHtml(`<title>${S}Articles${E} – Solace</title>`)).toBe('<title lang="en">Articles – Solace</title>');
  });

  it('in attributes: lang="en" on inputs and images, plain text on elements with content of their own', () => {
    expect(markFallbackHtml(`<input id="q" placeholder="${S}Search${E}">`)).toBe('<input id="q" placeholder="Search" lang="en">');
    expect(markFallbackHtml(`<img src="a.png" alt="${S}Logo${E}" />`)).toBe('<img src="a.png" alt="Logo" lang="en"/>');
    expect(markFallbackHtml(`<input lang="fr" placeholder="${S}Search${E}">`)).toBe('<input lang="fr" placeholder="Search">');
    expect(markFallbackHtml(`<nav aria-label="${S}Main${E}"><a>Accueil</a></nav>`)).toBe('<nav aria-label="Main"><a>Accueil</a></nav>');
    expect(markFallbackHtml(`<meta name="description" content="${S}About${E} > us">`)).toBe('<meta name="description" content="About > us">');
  });

  it('stay in JSON for the browser scripts, and go from other scripts', () => {
    const json = `<script type="application/json" id="s">{"a":"${S}Hi${E}"}</script>`;
    expect(markFallbackHtml(json)).toBe(json);
    expect(markFallbackHtml(`<script type="application/ld+json">{"name":"${S}Hi${E}"}</script>`)).toBe(
      '<script type="application/ld+json">{"name":"Hi"}</script>',
    );
  });

  it('are found among many tags, in text and in tags alike, to the end of the page', () => {
    const tags = '<div class="a"><p>Bonjour</p></div>'.repeat(50);
    expect(markFallbackHtml(`${tags}<a aria-label="${S}Next${E}">${S}Next${E}</a>${tags}<p>Fin ${S}done${E}`)).toBe(
      `${tags}<a aria-label="Next"><span lang="en">Next</span></a>${tags}<p>Fin <span lang="en">done</span>`,
    );
    // A "<" that starts no tag is text; a lone end mark without a start stays as it is.
    expect(markFallbackHtml(`<p>a < b ${S}c${E}</p><p>d${E}</p>`)).toBe(`<p>a < b <span lang="en">c</span></p><p>d${E}</p>`);
  });

  it('go from feeds and other outputs', () => {
    expect(stripFallbackMarks(`<title>${S}New articles${E}</title>`)).toBe('<title>New articles</title>');
  });
});
