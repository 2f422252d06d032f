import fs from 'node:fs/promises';
import path from 'node:path';
import { closeSearchService, createSearchIndex, type SearchIndex } from './pagefind-service.js';
import { eachFile } from '../src/incremental/copy.js';
import { beginsWith, expectedIndexes, headOfIndex, indexOfFile, searchIndexesOf, searchInputOf, searchOrderOf, unchangedSince, type ArticleStamps, type SearchOrder } from '../src/indexed-pages.js';

/** A Pagefind index being made on one of its services, and what was sent to it: pages are indexed in the order they are sent. */
export type IndexRun = { index: SearchIndex; service: number; sent: number; results: Promise<string[]>[] };

/** A run on `service` (pagefind-service.ts), or on the one with fewer indexes open. */
export async function openRun(service?: number): Promise<IndexRun> {
  const made = await createSearchIndex(service);
  if (!made.index) throw new Error(`Pagefind could not start: ${made.errors.join('; ')}`);
  return { index: made.index, service: made.service, sent: 0, results: [] };
}

/** What Pagefind is given of each page whose search input is already known, by output file (relative, with "/"). */
export type SearchInputs = ReadonlyMap<string, string>;

/**
 * The search input of indexed pages of an output (paths relative, with "/"), read before it is
 * needed: by a build process while it waits for its go, or while the content arrives. A page that
 * cannot be read is left out (it is read again if it is needed).
 */
export async function readSearchInputs(outputDir: string, files: string[]): Promise<SearchInputs> {
  const inputs = new Map<string, string>();
  await eachFile(files, async (file) => {
    const html = await fs.readFile(path.join(outputDir, file), 'utf8').catch(() => null);
    const input = html === null ? null : searchInputOf(html);
    if (input !== null) inputs.set(file, input);
  });
  return inputs;
}

/**
 * Sends pages to the run one after the other, without waiting for each: Pagefind takes them in
 * the order they come. A page not in `inputs` is read from `outputDir`; `given` (if any) records
 * what each page was given as. Resolves once all are sent; their results are the run's to await.
 */
export function addPages(run: IndexRun, outputDir: string, files: string[], inputs: SearchInputs, given?: Map<string, string>) {
  const read = files.map(async (file) => ({ file, content: inputs.get(file) ?? searchInputOf(await fs.readFile(path.join(outputDir, file), 'utf8'))! }));
  const results: Promise<string[]>[] = [];
  const sent = (async () => {
    for (const page of read) {
      const { file, content } = await page;
      given?.set(file, content);
      results.push(indexPage(run, file, content));
    }
  })();
  const indexed = sent.then(async () => (await Promise.all(results)).flat());
  // Awaited when the run is finished; a run dropped meanwhile leaves no unhandled failure.
  indexed.catch(() => {});
  run.sent += files.length;
  run.results.push(indexed);
  return sent;
}

/** Sends one page to the run now: Pagefind gets the message before any page sent after it. */
function sendPage(run: IndexRun, file: string, content: string) {
  const indexed = indexPage(run, file, content).catch((error: Error) => [`${file}: ${error.message}`]);
  run.sent += 1;
  run.results.push(indexed);
}

const indexPage = (run: IndexRun, file: string, content: string) =>
  run.index.addHTMLFile({ sourcePath: file, content }).then((r) => r.errors.map((e) => `${file}: ${e}`));

/** The service a waiting build process warms up, and the one a run started ahead of the render takes. */
const WARMED = 0;

/**
 * Pagefind's service makes an index's files of 1,000 pages in 0.9-1.0 s the first time, in
 * 0.55-0.6 s once it has made an index as large (measured on the corpus, with another language's
 * pages; after a run of 20 or 500 pages it is hardly quicker: its memory, once grown, is reused).
 * A build process waiting for its go (src/build.ts, prepareBuild) makes such an index from the
 * previous output's largest search index (searchIndexesOf), and drops it; that service (the first
 * of two: pagefind-service.ts), still running, takes the build's run started ahead of the render,
 * and its first index besides. A failure only leaves the service cold.
 */
export async function warmUpSearch(indexed: ReadonlyMap<string, string>, inputs: SearchInputs, partPages: number, stop: AbortSignal) {
  const largest = [...searchIndexesOf(indexed, partPages).values()].sort((a, b) => b.files.length - a.files.length)[0];
  const files = (largest?.files ?? []).filter((file) => inputs.has(file));
  if (files.length === 0 || stop.aborted) return;
  // Stopped (a go came), the service goes at once with what it was given: the build's runs start a fresh one.
  const closeService = () => void closeSearchService(WARMED);
  stop.addEventListener('abort', closeService, { once: true });
  try {
    const run = await openRun(WARMED);
    try {
      for (const file of files) sendPage(run, file, inputs.get(file)!);
      await Promise.all(run.results);
      if (!stop.aborted) await run.index.getFiles();
    } finally {
      await run.index.deleteIndex().catch(() => {});
    }
  } catch {
    // A service that failed is started afresh by the build's first run.
    await closeSearchService(WARMED);
  } finally {
    stop.removeEventListener('abort', closeService);
  }
}

/** A search index's Pagefind run started before its pages are rendered, with pages of the previous output that come first. */
export type EarlyRun = {
  /** The search index (src/indexed-pages.ts, searchIndexesOf). */
  index: string;
  /** The pages it was given, in order. */
  head: string[];
  /** For the log: "before the plan", "during the render". */
  started: string;
  /** Settles once they are all sent (Pagefind then indexes them while the build goes on). */
  sent: Promise<void>;
  run: Promise<IndexRun>;
  /**
   * Whether the index's pages, as this build has them, begin with the pages given, each as it
   * was given: a page this build rendered (`rendered`: its search input) must give the same input.
   */
  fits: (files: string[], rendered: SearchInputs) => boolean;
  discard: () => Promise<void>;
};

function startRun(outputDir: string, { index, head }: { index: string; head: string[] }, inputs: SearchInputs, started: string): EarlyRun {
  const given = new Map<string, string>();
  const run = openRun(WARMED);
  const sent = run.then((opened) => addPages(opened, outputDir, head, inputs, given));
  run.catch(() => {});
  return {
    index,
    head,
    started,
    run,
    sent: sent.catch(() => {}),
    fits: (files, rendered) => beginsWith(files, head) && head.every((file) => !rendered.has(file) || rendered.get(file) === given.get(file)),
    // Its service goes with what it was given; the other's runs go on.
    discard: async () => {
      const opened = await run.catch(() => null);
      await closeSearchService(opened?.service ?? WARMED);
    },
  };
}

/**
 * Started once the content is known, before the plan: the search index a change most likely
 * re-makes, with the pages whose article has the stamp it had in the previous build's content
 * (`previous`; src/indexed-pages.ts, unchangedSince), as the previous output `previousDir` has
 * them. Pagefind indexes them on the other core while this build works out its plan and
 * renders. A guess, checked once the pages are rendered (`fits`): a page rendered again for what
 * it shows of others (its related articles) gives the same input, one whose author was renamed
 * does not, and then the run is dropped.
 */
export function startBeforePlan(
  previousDir: string,
  indexed: ReadonlyMap<string, string>,
  model: unknown,
  previous: ArticleStamps,
  inputs: SearchInputs,
  partPages: number,
) {
  const order = searchOrderOf(model);
  const guess = headOfIndex(indexed, unchangedSince(indexed, model, previous), order, partPages);
  return guess ? startRun(previousDir, guess, inputs, 'before the plan') : null;
}

/**
 * Without one started before the plan (no article's stamp changed: an author renamed, say), one
 * started as Eleventy begins, from the carried pages that come first in the search index a change
 * most likely re-makes.
 */
export function startDuringRender(
  outputDir: string,
  { indexed, carried, inputs }: { indexed: ReadonlyMap<string, string>; carried: ReadonlySet<string>; inputs: SearchInputs },
  order: SearchOrder,
  partPages: number,
) {
  const guess = headOfIndex(indexed, (file) => carried.has(file), order, partPages);
  return guess ? startRun(outputDir, guess, inputs, 'during the render') : null;
}

/**
 * A build with no previous output renders every page, and only once all are rendered does Eleventy
 * write them (transforms first): a while of writing files, with the other core free. The search
 * index is made meanwhile: each search index's run takes its pages as they are written, in the order
 * the index numbers them (the articles render in that order: src/incremental/pages.ts; a page
 * written ahead of its turn waits for the pages before it). Whether each run got its index's
 * pages as the build has them in the end is checked (`fits`), as for any run started early.
 */
export function streamWhileWriting(order: SearchOrder, partPages: number) {
  const expected = expectedIndexes(order, partPages);
  const indexOf = indexOfFile(expected);
  const runs = new Map<string, { run: EarlyRun; expected: string[]; waiting: Map<string, string>; send: (file: string, content: string) => void }>();
  const runFor = (index: string) => {
    let stream = runs.get(index);
    if (stream) return stream;
    const head: string[] = [];
    const given = new Map<string, string>();
    const opened = openRun();
    opened.catch(() => {});
    // Reactions to one promise run in the order they were added: the pages go in the order taken,
    // and all of them before a later `await` of the run (the build finishing it) resumes.
    const send = (file: string, content: string) => {
      head.push(file);
      given.set(file, content);
      opened.then((run) => sendPage(run, file, content), () => {});
    };
    const run: EarlyRun = {
      index,
      head,
      started: 'as the pages were written',
      sent: Promise.resolve(),
      run: opened,
      fits: (files, rendered) => beginsWith(files, head) && head.every((file) => rendered.get(file) === given.get(file)),
      discard: async () => {
        const made = await opened.catch(() => null);
        await made?.index.deleteIndex().catch(() => {});
      },
    };
    runs.set(index, (stream = { run, expected: expected.get(index)!.files, waiting: new Map(), send }));
    return stream;
  };
  return {
    /**
     * A page as it is written: sent to its index's run in its turn. A page the model did not
     * foretell is left for the end (the build sends its index's remaining pages).
     */
    take(file: string, input: string) {
      const index = indexOf.get(file);
      if (index === undefined) return;
      const stream = runFor(index);
      stream.waiting.set(file, input);
      for (let next = stream.expected[stream.run.head.length]; next !== undefined && stream.waiting.has(next); next = stream.expected[stream.run.head.length]) {
        stream.send(next, stream.waiting.get(next)!);
        stream.waiting.delete(next);
      }
    },
    /** The runs, one per search index with a page written. */
    runs: () => [...runs.values()].map((stream) => stream.run),
  };
}
