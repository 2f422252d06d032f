import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carryOverInto, removeFiles, writtenPageFacts } from '../../src/incremental/copy.js';
import {
  articleStampsOf,
  beginsWith,
  bySearchOrder,
  expectedIndexes,
  headOfIndex,
  indexOfFile,
  inSearchOrder,
  searchIndexesOf,
  searchIndexFolder,
  searchInputOf,
  searchLanguageOf,
  searchOrderOf,
  unchangedSince,
} from '../../src/indexed-pages.js';
import type { ContentNodes } from '@solace/content';

describe('searchLanguageOf', () => {
  it('names the index Pagefind puts a marked page in: its <html lang>, lower-cased', () => {
    expect(searchLanguageOf('<html lang="pt-BR"><body><main data-pagefind-body>x</main></body></html>')).toBe('pt-br');
    expect(searchLanguageOf('<!doctype html><html class="no-js" lang="es"><body data-pagefind-body></body></html>')).toBe('es');
    expect(searchLanguageOf('<html><body><main data-pagefind-body>x</main></body></html>')).toBe('unknown');
  });

  it('is null for a page the index does not take', () => {
    expect(searchLanguageOf('<html lang="en"><body><main>x</main></body></html>')).toBeNull();
  });
});

describe('writtenPageFacts', () => {
  const pages = [
    '<html lang="es"><body><main data-pagefind-body><img src="/img/a-1.webp" alt="é"><img src="/img/a-1.webp"> /img/b_2.JPG</main></body></html>',
    '<html lang="fr"><body>Délai – /img//img/c.png /img/ /img/d.avif?w=1 “/img/e”</body></html>',
    '<html><body><article data-pagefind-body>ünïcode 名前 /img/f.webp</article></body></html>',
    '<html lang="en"><body>no images</body></html>',
  ];

  it("lists a page's images once each, in order, and the search index that takes it", () => {
    expect(writtenPageFacts(pages[0]!)).toEqual({ images: ['img/a-1.webp', 'img/b_2.JPG'], searchLanguage: 'es' });
    expect(writtenPageFacts(pages[1]!)).toEqual({ images: ['img/c.png', 'img/d.avif', 'img/e'], searchLanguage: null });
  });

  it('finds the same in the UTF-8 bytes Eleventy writes as in the text', () => {
    for (const page of pages) expect(writtenPageFacts(Buffer.from(page))).toEqual(writtenPageFacts(page));
  });
});

describe('searchInputOf', () => {
  const page = (around: string, body = '<h1>Title</h1><p>Text</p>') =>
    `<!doctype html><html lang="es"><head><title>T</title></head><body><nav>${around}</nav><main><article class="a" data-pagefind-body>${body}</article><aside>${around}</aside></main></body></html>`;

  it('is the page language and the marked element, whatever surrounds it', () => {
    expect(searchInputOf(page('one'))).toBe('<!doctype html><html lang="es"><body><article class="a" data-pagefind-body><h1>Title</h1><p>Text</p></article></body></html>');
    expect(searchInputOf(page('one'))).toBe(searchInputOf(page('another')));
    expect(searchInputOf(page('one'))).not.toBe(searchInputOf(page('one', '<h1>Title</h1><p>Other text</p>')));
  });

  it('keeps elements of the same kind nested in the marked one', () => {
    const input = searchInputOf(page('x', '<h1>T</h1><article><p>inner</p></article><p>after</p>'))!;
    expect(input).toContain('<article><p>inner</p></article><p>after</p></article></body>');
  });

  it('leaves out what Pagefind is told to leave out entirely (the byline), and nothing else', () => {
    const withByline = (name: string, rest = '<p>Text</p>') =>
      page('x', `<h1>Title</h1><p class="byline" data-pagefind-ignore="all">By <a href="/a/">${name}</a>, <span><p>MD</p></span></p>${rest}`);
    expect(searchInputOf(withByline('Ana'))).toBe(searchInputOf(page('x')));
    expect(searchInputOf(withByline('Ana'))).toBe(searchInputOf(withByline('Ana Ruiz Núñez')));
    expect(searchInputOf(withByline('Ana'))).not.toBe(searchInputOf(withByline('Ana', '<p>Other text</p>')));
    // Only an element that carries it: the same words in the page's text cut nothing (the page goes whole).
    const told = page('x', '<h1>Title</h1><p>Write data-pagefind-ignore="all" on it</p>');
    expect(searchInputOf(told)).toBe(told);
    const twice = page('x', '<h1>T</h1><p data-pagefind-ignore="all">a</p><p>kept</p><div data-pagefind-ignore="all">b</div>');
    expect(searchInputOf(twice)).toContain('<h1>T</h1><p>kept</p></article>');
  });

  it('is the whole page when the element cannot be cut out, and null for a page not indexed', () => {
    const twice = '<html lang="en"><body><div data-pagefind-body>a</div><div data-pagefind-body>b</div></body></html>';
    expect(searchInputOf(twice)).toBe(twice);
    const unclosed = '<html lang="en"><body><div data-pagefind-body>a</body></html>';
    expect(searchInputOf(unclosed)).toBe(unclosed);
    const ignoredUnclosed = '<html lang="en"><body><div data-pagefind-body>a<p data-pagefind-ignore="all">b</div></body></html>';
    expect(searchInputOf(ignoredUnclosed)).toBe(ignoredUnclosed);
    expect(searchInputOf('<html lang="en"><body>a</body></html>')).toBeNull();
  });
});

describe('search order', () => {
  const model = {
    articles: [
      { url: '/en/articles/b/', article: { updatedAt: '2026-03-01T10:00:00.000Z' } },
      { url: '/en/articles/a/', article: { updatedAt: '2026-03-02T10:00:00.000Z' } },
      { url: '/en/articles/c/', article: { updatedAt: '2026-03-01T10:00:00.000Z' } },
    ],
  };

  it('puts the article changed last last, ties by path, pages without an article first', () => {
    const order = searchOrderOf(model);
    expect(order.get('en/articles/a/index.html')).toBe('2026-03-02T10:00:00.000Z');
    const files = ['en/articles/a/index.html', 'en/articles/c/index.html', 'en/about/index.html', 'en/articles/b/index.html'];
    expect(files.sort(bySearchOrder(order))).toEqual(['en/about/index.html', 'en/articles/b/index.html', 'en/articles/c/index.html', 'en/articles/a/index.html']);
  });

  it('is path order without a model (as under eleventy --serve, where the model is loaded later)', () => {
    const order = searchOrderOf(async () => model);
    expect(['b', 'a'].sort(bySearchOrder(order))).toEqual(['a', 'b']);
  });

  it('orders article pages for the render as the index takes them (inSearchOrder), leaving the list given as it was', () => {
    const pages = [...model.articles];
    expect(inSearchOrder(pages).map((p) => p.url)).toEqual(['/en/articles/b/', '/en/articles/c/', '/en/articles/a/']);
    expect(pages).toEqual(model.articles);
  });

  it("lists the expected indexes' pages by the locale their path begins with, lower-cased as Pagefind names indexes", () => {
    const order = searchOrderOf({
      articles: [...model.articles, { url: '/pt-BR/articles/d/', article: { updatedAt: '2026-01-01T00:00:00.000Z' } }, { url: '/es/articles/e/', article: { updatedAt: '2026-01-01T00:00:00.000Z' } }],
    });
    const expected = expectedIndexes(order, 250);
    expect([...expected.keys()].sort()).toEqual(['en', 'es', 'pt-br']);
    expect(expected.get('en')!.files).toEqual(['en/articles/b/index.html', 'en/articles/c/index.html', 'en/articles/a/index.html']);
    expect(expected.get('pt-br')!.files).toEqual(['pt-BR/articles/d/index.html']);
  });
});

describe('search indexes (searchIndexesOf)', () => {
  const pagesOf = (language: string, count: number) => Array.from({ length: count }, (_, i) => [`${language}/articles/a${i}/index.html`, language] as const);

  it('keeps a language whole up to the part size, its index named as the language, in the main folder', () => {
    const indexes = searchIndexesOf([...pagesOf('en', 4), ...pagesOf('es', 1)], 4);
    expect([...indexes.keys()]).toEqual(['en', 'es']);
    expect(indexes.get('en')).toEqual({ language: 'en', part: 0, count: 1, files: pagesOf('en', 4).map(([file]) => file) });
    expect(searchIndexFolder('en')).toBe('');
  });

  it('splits a larger language into parts by a hash of the path: every page in one part, the first part named as the language', () => {
    const pages = pagesOf('en', 1000);
    const indexes = searchIndexesOf(pages, 250);
    expect([...indexes.keys()]).toEqual(['en', 'en/1', 'en/2', 'en/3']);
    const sizes = [...indexes.values()].map((index) => index.files.length);
    expect(sizes.reduce((a, b) => a + b)).toBe(1000);
    for (const size of sizes) expect(size).toBeGreaterThan(150);
    expect(new Set([...indexes.values()].flatMap((index) => index.files)).size).toBe(1000);
    expect(searchIndexFolder('en/2')).toBe('parts/en/2');
  });

  it('gives a page the same part whatever else changes, while the number of parts stays', () => {
    const before = indexOfFile(searchIndexesOf(pagesOf('en', 900), 250));
    const after = indexOfFile(searchIndexesOf([...pagesOf('en', 900).slice(1), ['en/articles/new/index.html', 'en'] as const], 250));
    for (const [file, index] of after) if (before.has(file)) expect(index).toBe(before.get(file));
  });

  it('numbers parts by their hash: a part left empty is missing, and the first non-empty one is the main index', () => {
    // Three pages in three parts of one page: some sets of three leave part 0 empty.
    const files = pagesOf('en', 30).map(([file]) => file);
    const splits = files.slice(0, -2).map((_, i) => searchIndexesOf(files.slice(i, i + 3).map((file) => [file, 'en'] as const), 1));
    const withoutPartZero = splits.filter((indexes) => indexes.get('en')!.part !== 0);
    expect(withoutPartZero.length).toBeGreaterThan(0);
    for (const indexes of withoutPartZero) {
      const names = [...indexes.keys()];
      expect(names[0]).toBe('en');
      expect(names.slice(1).every((name) => /^en\/[12]$/.test(name))).toBe(true);
      expect([...indexes.values()].reduce((sum, index) => sum + index.files.length, 0)).toBe(3);
      // A part's name is its number: the main index is not also "en/<its number>".
      expect(names).not.toContain(`en/${indexes.get('en')!.part}`);
    }
    expect(splits.some((indexes) => indexes.size < 3)).toBe(true);
  });
});

describe('headOfIndex', () => {
  // Three English articles and one Spanish, each changed at its own time.
  const order = new Map([
    ['en/articles/a/index.html', '2026-01-01'],
    ['en/articles/b/index.html', '2026-01-02'],
    ['en/articles/c/index.html', '2026-01-03'],
    ['es/articles/a/index.html', '2026-01-01'],
  ]);
  const indexed = new Map([...order.keys()].map((file) => [file, file.slice(0, 2)]));
  const allBut = (...files: string[]) => (file: string) => order.has(file) && !files.includes(file);

  it('after an edit: its language, with the carried pages that come before it', () => {
    const edited = new Map([...order, ['en/articles/a/index.html', '2026-02-01']]);
    expect(headOfIndex(indexed, allBut('en/articles/a/index.html'), edited, 250)).toEqual({ index: 'en', head: ['en/articles/b/index.html', 'en/articles/c/index.html'] });
    // An older page re-rendered cuts the head short before it.
    expect(headOfIndex(indexed, allBut('en/articles/b/index.html'), order, 250)).toEqual({ index: 'en', head: ['en/articles/a/index.html'] });
  });

  it('after a new article: the language of its locale, with every carried page of it', () => {
    const added = new Map([...order, ['es/articles/new/index.html', '2026-02-01']]);
    expect(headOfIndex(indexed, allBut(), added, 250)).toEqual({ index: 'es', head: ['es/articles/a/index.html'] });
  });

  it('after a page is gone: its language, whole', () => {
    const gone = new Map([...order].filter(([file]) => file !== 'en/articles/b/index.html'));
    expect(headOfIndex(indexed, allBut('en/articles/b/index.html'), gone, 250)).toEqual({ index: 'en', head: ['en/articles/a/index.html', 'en/articles/c/index.html'] });
  });

  it("in parts: the edited page's part, with its carried pages that come before it; a gone page's part, whole", () => {
    const many = new Map(Array.from({ length: 40 }, (_, i) => [`en/articles/p${String(i).padStart(2, '0')}/index.html`, `2026-01-${String((i % 28) + 1).padStart(2, '0')}`]));
    const inParts = new Map([...many.keys()].map((file) => [file, 'en']));
    const parts = searchIndexesOf(inParts, 10);
    const editedFile = 'en/articles/p05/index.html';
    const [name, part] = [...parts].find(([, index]) => index.files.includes(editedFile))!;
    const edited = new Map([...many, [editedFile, '2026-02-01']]);
    const guess = headOfIndex(inParts, (file) => many.has(file) && file !== editedFile, edited, 10)!;
    expect(guess.index).toBe(name);
    expect(guess.head.sort()).toEqual(part.files.filter((file) => file !== editedFile).sort());
    const gone = new Map([...many].filter(([file]) => file !== editedFile));
    const after = headOfIndex(inParts, (file) => gone.has(file), gone, 10)!;
    expect(after.index).toBe(indexOfFile(searchIndexesOf([...gone.keys()].map((file) => [file, 'en'] as const), 10)).get(part.files.find((f) => f !== editedFile)!));
  });

  it('is null when nothing indexed changes, or when no carried page comes first', () => {
    expect(headOfIndex(indexed, allBut(), order, 250)).toBeNull();
    expect(headOfIndex(indexed, allBut('en/articles/a/index.html'), order, 250)).toBeNull();
  });

  it('is checked against the pages as rendered: they must begin with the head, in its order', () => {
    expect(beginsWith(['a', 'b', 'c'], ['a', 'b'])).toBe(true);
    expect(beginsWith(['a', 'x', 'b'], ['a', 'b'])).toBe(false);
    expect(beginsWith(['b', 'a'], ['a', 'b'])).toBe(false);
    expect(beginsWith(['a'], ['a', 'b'])).toBe(false);
  });

  describe("guessed before the plan, from the articles' stamps (unchangedSince)", () => {
    // The model's article pages for `order`, each article's stamp as in `stamps`.
    const modelOf = (stamps: ReadonlyMap<string, string>) => ({
      articles: [...stamps].map(([file, updatedAt]) => ({
        url: `/${file.replace(/index\.html$/, '')}`,
        article: { updatedAt, locale: file.slice(0, 2), documentId: file.split('/')[2] },
      })),
    });
    const stampsIn = (stamps: ReadonlyMap<string, string>) => new Map([...stamps].map(([file, stamp]) => [`${file.slice(0, 2)} ${file.split('/')[2]}`, stamp]));
    const previous = stampsIn(order);

    it('takes a page as unchanged while its article has the stamp it had in the previous content', () => {
      const edited = new Map([...order, ['en/articles/a/index.html', '2026-02-01T10:00:00.500Z']]);
      const unchanged = unchangedSince(indexed, modelOf(edited), previous);
      expect([...edited.keys()].filter(unchanged)).toEqual(['en/articles/b/index.html', 'en/articles/c/index.html', 'es/articles/a/index.html']);
      // The same head as the carried pages give once the plan is known.
      expect(headOfIndex(indexed, unchanged, edited, 250)).toEqual(headOfIndex(indexed, allBut('en/articles/a/index.html'), edited, 250));
    });

    it('compares stamps, not times: an article changed in the second the previous fetch began is unchanged since', () => {
      const late = new Map([...order, ['en/articles/a/index.html', '2026-02-01T10:00:00.900Z']]);
      expect(unchangedSince(indexed, modelOf(late), stampsIn(late))('en/articles/a/index.html')).toBe(true);
    });

    it('takes no page as unchanged that is new, gone, or had no stamp before', () => {
      const changed = new Map([...order, ['es/articles/new/index.html', '2026-01-01']]);
      changed.delete('en/articles/b/index.html');
      const before = new Map(previous);
      before.delete('en c');
      const unchanged = unchangedSince(indexed, modelOf(changed), before);
      expect(['es/articles/new/index.html', 'en/articles/b/index.html', 'en/articles/c/index.html'].filter(unchanged)).toEqual([]);
      expect(unchanged('en/articles/a/index.html')).toBe(true);
      expect(unchangedSince(indexed, undefined, previous)('en/articles/a/index.html')).toBe(false);
    });

    it("reads the kept content's stamps by locale and documentId, a preview's drafts included", () => {
      const nodes = {
        fetchedAt: null,
        localeList: [],
        media: [],
        locales: {
          en: { articles: [{ documentId: 'a', updatedAt: '2026-01-01' }, { documentId: 'n', updatedAt: null }], articleDrafts: [] },
          es: { articles: [], articleDrafts: [{ documentId: 'a', updatedAt: '2026-01-02' }] },
        },
      } as unknown as ContentNodes;
      expect(articleStampsOf(nodes)).toEqual(new Map([['en a', '2026-01-01'], ['es a', '2026-01-02']]));
    });
  });
});

describe('removeFiles', () => {
  it('removes the files and the folders they leave empty, and nothing else', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-remove-'));
    try {
      for (const file of ['a/b/index.html', 'a/c/index.html', 'd/e/f/index.html', 'g/index.html']) {
        await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
        await fs.writeFile(path.join(dir, file), file);
      }
      await removeFiles(dir, ['a/b/index.html', 'd/e/f/index.html', 'gone/index.html'].map((f) => f.split('/').join(path.sep)));
      expect((await fs.readdir(dir, { recursive: true })).map((f) => f.split(path.sep).join('/')).sort()).toEqual(['a', 'a/c', 'a/c/index.html', 'g', 'g/index.html']);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('carryOverInto', () => {
  let tmp: string;
  let live: string;
  let spare: string;
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-carry-'));
    live = path.join(tmp, 'live');
    spare = path.join(tmp, 'spare');
  });
  afterEach(() => fs.rm(tmp, { recursive: true, force: true }));

  const write = async (file: string, text: string) => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text);
  };
  const inode = async (file: string) => (await fs.stat(file)).ino;

  it('leaves exactly the carried files, each a link of the live one, and nothing the build could write into', async () => {
    await write(path.join(live, 'a/index.html'), 'a live');
    await write(path.join(live, 'b/index.html'), 'b live');
    await write(path.join(live, 'c/index.html'), 'c live');
    // The spare: "a" already linked to the live file, "b" an older copy, "d" a page that is gone,
    // "pagefind" an index the build writes anew.
    await fs.mkdir(path.join(spare, 'a'), { recursive: true });
    await fs.link(path.join(live, 'a/index.html'), path.join(spare, 'a/index.html'));
    await write(path.join(spare, 'b/index.html'), 'b old');
    await write(path.join(spare, 'd/deep/index.html'), 'd old');
    await write(path.join(spare, 'pagefind/fragment/en_1.pf_fragment'), 'old');

    await carryOverInto(live, spare, ['a/index.html', 'b/index.html', 'c/index.html'].map((f) => f.split('/').join(path.sep)));

    const left: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await fs.readdir(path.join(spare, dir), { withFileTypes: true })) {
        const file = path.posix.join(dir, entry.name);
        if (entry.isDirectory()) await walk(file);
        else left.push(file);
      }
    };
    await walk('');
    expect(left.sort()).toEqual(['a/index.html', 'b/index.html', 'c/index.html']);
    for (const file of left) expect(await inode(path.join(spare, file))).toBe(await inode(path.join(live, file)));
    // Folders left empty are gone too, as a cold build would not have them.
    expect((await fs.readdir(spare)).sort()).toEqual(['a', 'b', 'c']);
  });

  it('compares only the files not known to be linked already', async () => {
    await write(path.join(live, 'a/index.html'), 'a live');
    await write(path.join(live, 'b/index.html'), 'b live');
    await write(path.join(spare, 'a/index.html'), 'a old');
    await write(path.join(spare, 'b/index.html'), 'b old');
    // Told (wrongly, to see it trusted) that "a" is linked: only "b" is compared and replaced.
    await carryOverInto(live, spare, ['a/index.html', 'b/index.html'], undefined, new Set(['a/index.html']));
    expect(await fs.readFile(path.join(spare, 'a/index.html'), 'utf8')).toBe('a old');
    expect(await inode(path.join(spare, 'b/index.html'))).toBe(await inode(path.join(live, 'b/index.html')));
  });

  it('stops when told to, leaving a folder the next sweep can take as it is', async () => {
    for (let i = 0; i < 600; i++) await write(path.join(spare, `old/${i}/index.html`), 'old');
    await write(path.join(live, 'a/index.html'), 'a live');
    const stop = new AbortController();
    stop.abort();
    await carryOverInto(live, spare, ['a/index.html'], stop.signal);
    // Stopped after its first step: most of the old files are still there, no link was made.
    expect((await fs.readdir(path.join(spare, 'old'))).length).toBeGreaterThan(300);
    await carryOverInto(live, spare, ['a/index.html']);
    expect(await fs.readdir(spare)).toEqual(['a']);
    expect(await inode(path.join(spare, 'a/index.html'))).toBe(await inode(path.join(live, 'a/index.html')));
  });
});
