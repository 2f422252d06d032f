import { afterEach, describe, expect, it } from 'vitest';
import { closeSearchService } from '../../_config/pagefind-service.js';
import { addPages, openRun, startDuringRender, streamWhileWriting, warmUpSearch, type IndexRun } from '../../_config/search-runs.js';
import { searchOrderOf } from '../../src/indexed-pages.js';

// Real Pagefind runs (its service process), no mock: what the index makes of the pages it was given.
const article = (locale: string, slug: string, updatedAt: string) => ({ url: `/${locale}/articles/${slug}/`, article: { updatedAt } });
const order = searchOrderOf({
  articles: [
    article('en', 'b', '2026-03-01T00:00:00.000Z'),
    article('en', 'a', '2026-03-02T00:00:00.000Z'),
    article('en', 'c', '2026-03-03T00:00:00.000Z'),
    article('es', 'd', '2026-03-01T00:00:00.000Z'),
  ],
});
const file = (locale: string, slug: string) => `${locale}/articles/${slug}/index.html`;
const input = (locale: string, slug: string) =>
  `<!doctype html><html lang="${locale}"><body><article data-pagefind-body><h1>${slug} palliative care</h1><p>Page ${slug}.</p></article></body></html>`;

async function filesOf(run: IndexRun) {
  expect((await Promise.all(run.results)).flat()).toEqual([]);
  const made = await run.index.getFiles();
  expect(made.errors).toEqual([]);
  return new Map(made.files.map((f) => [f.path, Buffer.from(f.content).toString('base64')]));
}

afterEach(() => closeSearchService());

describe('streamWhileWriting', () => {
  it("sends a language's parts each their own pages", async () => {
    const stream = streamWhileWriting(order, 1);
    for (const slug of ['b', 'a', 'c']) stream.take(file('en', slug), input('en', slug));
    const runs = stream.runs();
    // Three English pages, one a part (parts a hash leaves empty are not there).
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.map((r) => r.index)).toContain('en');
    expect(runs.flatMap((r) => r.head).sort()).toEqual([file('en', 'a'), file('en', 'b'), file('en', 'c')]);
    for (const run of runs) {
      expect(run.index).toMatch(/^en(\/\d+)?$/);
      await run.discard();
    }
  });

  it('sends each index its pages in search order, holding a page written ahead of its turn', async () => {
    const stream = streamWhileWriting(order, 250);
    // Written in another order than the index takes them: c and a wait for b.
    stream.take(file('en', 'c'), input('en', 'c'));
    stream.take(file('es', 'd'), input('es', 'd'));
    stream.take(file('en', 'a'), input('en', 'a'));
    // A page the model did not foretell is left for the end.
    stream.take(file('en', 'unforeseen'), input('en', 'unforeseen'));
    expect(stream.runs().map((r) => [r.index, [...r.head]])).toEqual([
      ['en', []],
      ['es', [file('es', 'd')]],
    ]);
    stream.take(file('en', 'b'), input('en', 'b'));
    const [en, es] = stream.runs();
    expect(en!.head).toEqual([file('en', 'b'), file('en', 'a'), file('en', 'c')]);

    const rendered = new Map([file('en', 'a'), file('en', 'b'), file('en', 'c')].map((f) => [f, input('en', f.split('/')[2]!)]));
    expect(en!.fits([file('en', 'b'), file('en', 'a'), file('en', 'c')], rendered)).toBe(true);
    // Not as the build has them in the end (another page first, or another input): not used.
    expect(en!.fits([file('en', 'z'), file('en', 'b'), file('en', 'a'), file('en', 'c')], rendered)).toBe(false);
    expect(en!.fits([file('en', 'b'), file('en', 'a'), file('en', 'c')], new Map([...rendered, [file('en', 'a'), input('en', 'x')]]))).toBe(false);

    // The streamed run makes the index a run given the same pages at once, in order, makes.
    const streamed = await filesOf(await en!.run);
    await es!.discard();
    const fresh = await openRun();
    addPages(fresh, '/nowhere', [...rendered.keys()].sort((x, y) => en!.head.indexOf(x) - en!.head.indexOf(y)), rendered);
    expect(await filesOf(fresh)).toEqual(streamed);
    expect(streamed.size).toBeGreaterThan(3);
  });
});

describe('warmUpSearch', () => {
  const pages = new Map(['a', 'b', 'c'].map((slug) => [file('en', slug), input('en', slug)]));
  const indexed = new Map([...pages.keys()].map((f) => [f, 'en']));
  const indexOf = async (files: string[]) => {
    const run = await openRun();
    addPages(run, '/nowhere', files, pages);
    return filesOf(run);
  };

  it('leaves a service that makes the index a fresh one makes: nothing of the warm-up in it', async () => {
    const fresh = await indexOf([file('en', 'b')]);
    await closeSearchService();
    await warmUpSearch(indexed, pages, 250, new AbortController().signal);
    expect(await indexOf([file('en', 'b')])).toEqual(fresh);
  });
});

describe("Pagefind's two services", () => {
  const pages = new Map(['a', 'b', 'c'].map((slug) => [file('en', slug), input('en', slug)]));

  it('make the same index, each new run going to the one with fewer open', async () => {
    const first = await openRun();
    const second = await openRun();
    expect([first.service, second.service].sort()).toEqual([0, 1]);
    for (const run of [first, second]) addPages(run, '/nowhere', [...pages.keys()], pages);
    const [one, other] = await Promise.all([filesOf(first), filesOf(second)]);
    expect(one).toEqual(other);
    expect(one.size).toBeGreaterThan(3);
  });

  it("drop a run started ahead with its own service only: the other's runs go on", async () => {
    // c rendered again, b and a carried: a run for their index, started with them.
    const carried = new Set([file('en', 'b'), file('en', 'a')]);
    const early = startDuringRender('/nowhere', { indexed: new Map([...pages.keys()].map((f) => [f, 'en'])), carried, inputs: pages }, order, 250)!;
    const other = await openRun();
    expect(other.service).not.toBe((await early.run).service);
    addPages(other, '/nowhere', [...pages.keys()], pages);
    await early.discard();
    expect((await filesOf(other)).size).toBeGreaterThan(3);
  });
});
