import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carryOverInto } from '../../src/incremental/copy.js';
import { searchInputOf, searchLanguageOf } from '../../src/indexed-pages.js';

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

  it('is the whole page when the element cannot be cut out, and null for a page not indexed', () => {
    const twice = '<html lang="en"><body><div data-pagefind-body>a</div><div data-pagefind-body>b</div></body></html>';
    expect(searchInputOf(twice)).toBe(twice);
    const unclosed = '<html lang="en"><body><div data-pagefind-body>a</body></html>';
    expect(searchInputOf(unclosed)).toBe(unclosed);
    expect(searchInputOf('<html lang="en"><body>a</body></html>')).toBeNull();
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
});
