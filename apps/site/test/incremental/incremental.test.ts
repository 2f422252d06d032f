import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { adminLogin, createApiToken, startCms, type RunningCms } from '@solace/cms/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../e2e/output-files.js';
import { runBuild, startBuildAhead } from '../e2e/run-build.js';

/**
 * The contract of incremental builds: after each kind of change, made through the real CMS, the
 * incremental build's output is byte for byte the output of a cold build of the same content.
 */
describe('an incremental build after each kind of change', () => {
  let cms: RunningCms;
  let token: string;
  let tmp: string;
  let incremental: string;
  let cold: string;

  beforeAll(async () => {
    cms = await startCms();
    token = await createApiToken(cms, 'full-access');
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-incremental-'));
    incremental = path.join(tmp, 'incremental', 'site');
    cold = path.join(tmp, 'cold', 'site');
    await fs.mkdir(path.dirname(incremental));
    await fs.mkdir(path.dirname(cold));
    const first = await build(incremental);
    expect(first).toMatch(/cold build: no previous output/);
    expect(first).toMatch(/content: full fetch: no content snapshot of a previous build/);
  });
  afterAll(async () => {
    await cms?.dispose();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  // No safety overlap: the seed content is seconds old, and a delta should then fetch only what changed.
  async function build(outputDir: string, extra: Record<string, string> = {}) {
    const settings: Record<string, string> = { SITE_CONTENT_OVERLAP_MS: '0', ...extra };
    const run = await runBuild({ STRAPI_URL: cms.url, STRAPI_TOKEN: cms.siteToken, SITE_OUTPUT_DIR: outputDir, ...settings });
    if (run.code !== 0) throw new Error(`The build failed:\n${run.output}`);
    return run.output;
  }

  /** Every file of a folder with a hash of its bytes. */
  async function contentsOf(dir: string) {
    const files = await listFiles(dir);
    const hashes = await Promise.all(files.map(async (file) => crypto.createHash('sha256').update(await fs.readFile(path.join(dir, file))).digest('hex')));
    return Object.fromEntries(files.map((file, i) => [file, hashes[i]]));
  }

  /**
   * Builds incrementally and cold, and compares every file; returns the incremental build's log.
   * Also checks that the incremental build never wrote into the output it replaced (served while
   * it ran; it shares files with the new one and becomes the spare the next build starts from).
   */
  async function expectSameAsCold(target = { incremental, cold, env: {} as Record<string, string> }, run = () => build(target.incremental, target.env)) {
    const served = await contentsOf(target.incremental);
    const log = await run();
    const replaced = /incremental build: 0 pages to render/.test(log) ? target.incremental : `${target.incremental}.spare`;
    expect(await contentsOf(replaced)).toEqual(served);
    await fs.rm(target.cold, { recursive: true, force: true });
    expect(await build(target.cold, { ...target.env, SITE_BUILD_COLD: '1' })).toMatch(/content: full fetch: a cold build was asked for/);
    const files = await listFiles(target.incremental);
    expect(files).toEqual(await listFiles(target.cold));
    const differing: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([fs.readFile(path.join(target.incremental, file)), fs.readFile(path.join(target.cold, file))]);
      if (!a.equals(b)) differing.push(file);
    }
    expect(differing).toEqual([]);
    return log;
  }

  async function api(method: string, route: string, data?: unknown) {
    const res = await fetch(`${cms.url}/api/${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: data === undefined ? undefined : JSON.stringify({ data }),
    });
    if (!res.ok) throw new Error(`${method} /api/${route}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : ((await res.json()) as { data: Record<string, unknown> & { documentId: string } }).data;
  }

  async function admin(method: string, route: string, body?: unknown) {
    const res = await fetch(`${cms.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${await adminLogin(cms)}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ data?: unknown }>;
  }

  const all = async (type: string, locale = 'en', sort = 'documentId') => {
    const res = await fetch(`${cms.url}/api/${type}?locale=${locale}&sort=${sort}&pagination[pageSize]=100&populate=*`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await res.json()) as { data: (Record<string, unknown> & { documentId: string })[] }).data;
  };
  const first = async (type: string, locale = 'en', sort = 'documentId') => (await all(type, locale, sort))[0]!;

  /** What the build's log says it fetched: `full` or `delta`, records fetched and records re-used. */
  const fetchOf = (log: string) => {
    const match = /content: (full|delta) fetch, (\d+) records fetched, (\d+) re-used/.exec(log);
    if (!match) throw new Error(`No fetch figures in the log:\n${log}`);
    return { mode: match[1], fetched: Number(match[2]), reused: Number(match[3]) };
  };

  /** When the fetch the kept content is as of began (the next delta asks from it). */
  const keptAt = async () => (JSON.parse(await fs.readFile(path.join(`${incremental}.cache`, 'content.json'), 'utf8')) as { nodes: { fetchedAt: string } }).nodes.fetchedAt;

  it('with nothing changed renders nothing and fetches no record', async () => {
    const before = await keptAt();
    const log = await expectSameAsCold();
    // The kept content is as of this build's fetch: the next delta asks from its start.
    expect(Date.parse(await keptAt())).toBeGreaterThan(Date.parse(before));
    expect(log).toMatch(/incremental build: 0 pages to render/);
    const { mode, fetched, reused } = fetchOf(log);
    expect({ mode, fetched }).toEqual({ mode: 'delta', fetched: 0 });
    expect(reused).toBeGreaterThan(20);
    // Told by the CMS's answers to the deltas, without reading the kept lists.
    expect(log).toMatch(/nothing changed \(as the CMS's answers showed: the kept lists were not read\)/);
  });

  it('with nothing changed, but more records within the overlap than its summary tells by hash, reads the lists and keeps the content as of its fetch', async () => {
    const before = await keptAt();
    // A day's overlap: every seeded record is in the delta, the interface texts more than a page of them.
    const log = await build(incremental, { SITE_CONTENT_OVERLAP_MS: String(24 * 60 * 60_000) });
    expect(log).toMatch(/incremental build: 0 pages to render/);
    expect(log).toMatch(/content: delta fetch, \d+ records fetched, \d+ re-used, nothing changed\n/);
    expect(fetchOf(log).fetched).toBeGreaterThan(250);
    expect(Date.parse(await keptAt())).toBeGreaterThan(Date.parse(before));
  });

  it('after an article is edited, renders only some pages', async () => {
    const article = await first('articles');
    await api('PUT', `articles/${article.documentId}?locale=en&status=published`, { title: 'An edited title, incrementally' });
    const log = await expectSameAsCold();
    const [, rendered, unchanged] = /incremental build: (\d+) pages to render, (\d+) unchanged/.exec(log)!;
    expect(Number(rendered)).toBeGreaterThan(0);
    expect(Number(unchanged)).toBeGreaterThan(Number(rendered));
    expect(fetchOf(log)).toMatchObject({ mode: 'delta', fetched: 1 });
    // An English article page changed: the English search index is built again, the Spanish one taken as it was.
    expect(log).toMatch(/search index: \d+ pages indexed \(en\), es unchanged and taken from the previous build/);
    // The edited article changed last, so it comes last in the index: the others were sent to
    // Pagefind as soon as the content was known, before the plan, and indexed while it rendered.
    expect(log).toMatch(/; en started before the plan with [1-9]\d* pages/);
    // The build before it changed nothing and left the copy it had started as the spare output.
    expect(log).toMatch(/carried \d+ pages into the spare output/);
    // The find-care pages show no article: they, and their data files, are carried as they were.
    expect(log).not.toMatch(/find-care data:/);
  });

  // Its search text is the same, but it changed last, so it moves to the end of its index's order.
  it('after only an article\'s SEO description is edited (its place in the search index moves)', async () => {
    const oldest = await first('articles', 'en', 'updatedAt');
    const seo = oldest.seo as { metaTitle: string; metaDescription: string };
    await api('PUT', `articles/${oldest.documentId}?locale=en&status=published`, { seo: { metaTitle: seo.metaTitle, metaDescription: `${seo.metaDescription} (edited)` } });
    const log = await expectSameAsCold();
    expect(log).toMatch(/search index: \d+ pages indexed \(en\)/);
  });

  let created: string;
  it('after an article is added', async () => {
    const author = await first('authors');
    // Not a topic of the first article in the search order (the oldest): articles sharing the new
    // one's topic show it as related, so they render again, and that one would leave no head start.
    const oldest = await first('articles', 'en', 'updatedAt');
    const oldestTopics = new Set((oldest.topics as { documentId: string }[]).map((t) => t.documentId));
    const topic = (await all('topics')).find((t) => !oldestTopics.has(t.documentId))!;
    created = (await api('POST', 'articles?locale=en&status=published', {
      title: 'A new article, incrementally',
      slug: 'a-new-article-incrementally',
      summary: 'Added to check incremental builds.',
      date: '2026-02-01',
      body: 'A paragraph.\n\n## A heading\n\nAnother paragraph.',
      author: author.documentId,
      topics: [topic.documentId],
      seo: { metaTitle: 'A new article', metaDescription: 'Added to check incremental builds.' },
    }))!.documentId;
    // Unchanged pages carried into the spare output (the one the edit replaced), which had most of
    // them: the edit's build recorded which are links already, and they were not compared.
    const log = await expectSameAsCold();
    expect(log).toMatch(/carried \d+ pages into the spare output, [1-9]\d* of its files known to be links already/);
    // So were the search index's files: the English index is made again, but most of its files (one per page) are the same and stay.
    const [, written, files] = /search index: \d+ pages indexed \(en\).*; (\d+) of (\d+) files written/.exec(log)!;
    expect(Number(written)).toBeGreaterThan(0);
    expect(Number(written)).toBeLessThan(Number(files) / 2);
    // A new article is the newest: its locale's index was started with every other article of it.
    expect(log).toMatch(/; en started before the plan with [1-9]\d* pages/);
  });

  it('after an article is unpublished', async () => {
    await admin('POST', `/content-manager/collection-types/api::article.article/${created}/actions/unpublish?locale=en`, {});
    await expectSameAsCold(undefined, byProcessAhead);
  });

  it('after an article is deleted', async () => {
    const article = await first('articles');
    await api('DELETE', `articles/${article.documentId}?locale=en`);
    await expectSameAsCold(undefined, byProcessAhead);
  });

  it('after a locale is added, and then a translation in it', async () => {
    await admin('POST', '/i18n/locales', { code: 'fr', name: 'French (fr)', isDefault: false });
    expect(await expectSameAsCold(undefined, byProcessAhead)).toMatch(/content: fr is new: read in full/);
    const article = await first('articles');
    await api('PUT', `articles/${article.documentId}?locale=fr&status=published`, {
      title: 'Un article traduit',
      slug: 'un-article-traduit',
      summary: 'Traduit pour vérifier les builds incrémentaux.',
      date: '2026-02-02',
      body: 'Un paragraphe.',
      coverAlt: 'Une image',
      seo: { metaTitle: 'Un article traduit', metaDescription: 'Traduit pour vérifier les builds incrémentaux.' },
    });
    await expectSameAsCold(undefined, byProcessAhead);
  });

  it('after an author is renamed', async () => {
    const author = await first('authors');
    await api('PUT', `authors/${author.documentId}?locale=en&status=published`, { name: 'Renamed Author' });
    const log = await expectSameAsCold(undefined, byProcessAhead);
    // The articles hold the author's documentId, which a rename leaves as it is: not read again.
    expect(log).not.toMatch(/articles of en read in full/);
    // No article's stamp changed: nothing is sent to Pagefind before the plan says what changed.
    expect(log).not.toMatch(/started before the plan/);
    // Bylines are not indexed: the articles' pages are rendered again, and every search index kept.
    expect(log).toMatch(/search index: the indexed pages are unchanged, index taken from the previous build/);
    const { mode, fetched } = fetchOf(log);
    expect(mode).toBe('delta');
    expect(fetched).toBeLessThan(5);
  });

  it('after an article is edited and a topic of other articles renamed, at once', async () => {
    // Before the plan, the topic's articles look unchanged (their stamps are): their pages go to
    // Pagefind ahead as the previous build wrote them, then are rendered with the topic's new name
    // (which is indexed), so that run is dropped and the language indexed from scratch.
    const articles = await all('articles');
    const tagged = articles.find((a) => (a.topics as unknown[] | undefined)?.length)!;
    const topic = (tagged.topics as { documentId: string }[])[0]!;
    const edited = articles.find((a) => !(a.topics as { documentId: string }[]).some((t) => t.documentId === topic.documentId))!;
    await api('PUT', `topics/${topic.documentId}?locale=en&status=published`, { name: 'Renamed while an article was edited' });
    await api('PUT', `articles/${edited.documentId}?locale=en&status=published`, { title: 'Edited while a topic was renamed' });
    const log = await expectSameAsCold();
    expect(log).toMatch(/search index: \d+ pages indexed \([^)]*\ben\b.*; en started before the plan, not used/);
  });

  it('after a topic is renamed', async () => {
    const topic = await first('topics');
    await api('PUT', `topics/${topic.documentId}?locale=en&status=published`, { name: 'Renamed topic' });
    await expectSameAsCold(undefined, byProcessAhead);
  });

  it('after a provider moves to another state', async () => {
    const provider = await first('providers');
    const [state, zip, city, latitude, longitude] = provider.state === 'VT' ? ['NH', '03301', 'Concord', 43.2, -71.53] : ['VT', '05401', 'Burlington', 44.48, -73.21];
    await api('PUT', `providers/${provider.documentId}?locale=en&status=published`, { state, zip, city, latitude, longitude });
    const log = await expectSameAsCold(undefined, byProcessAhead);
    // No indexed page (the articles) changed: the previous index is this build's, as the cold build shows.
    expect(log).toMatch(/search index: the indexed pages are unchanged, index taken from the previous build/);
    // English find-care data is written again; the ZIP code data carried with the other locales' pages is replaced, not written into.
    expect(log).toMatch(/find-care data: \d+ files/);
  });

  it('after a provider is added, and after one is deleted', async () => {
    const { id: _id, documentId, createdAt: _c, updatedAt: _u, publishedAt: _p, locale: _l, localizations: _z, ...fields } = await first('providers');
    const added = (await api('POST', 'providers?locale=en', { ...fields, name: 'A new program, incrementally', slug: 'a-new-program-incrementally' }))!;
    let log = await expectSameAsCold(undefined, byProcessAhead);
    expect(fetchOf(log)).toMatchObject({ mode: 'delta', fetched: 1 });
    expect(log).toMatch(/find-care data: \d+ files/);
    await api('DELETE', `providers/${documentId}?locale=en`);
    log = await expectSameAsCold();
    // A record gone is found by the count, with no stamp to go by: the kept list is read and compared.
    expect(fetchOf(log)).toMatchObject({ mode: 'delta' });
    await api('DELETE', `providers/${added.documentId}?locale=en`);
    await expectSameAsCold(undefined, byProcessAhead);
  });

  it('after the site settings (Global) change', async () => {
    await api('PUT', 'global?locale=en&status=published', { siteName: 'Solace, incrementally' });
    await expectSameAsCold(undefined, byProcessAhead);
  });

  // Every page shows the interface texts: a translator's change reaches every page of the site.
  it('after a translator changes an interface text', async () => {
    const res = await fetch(`${cms.url}/api/interface-texts?locale=es&filters[key][$eq]=nav.home`, { headers: { authorization: `Bearer ${token}` } });
    const [text] = ((await res.json()) as { data: { documentId: string; text: string }[] }).data;
    expect(text?.text).toBeTruthy();
    await api('PUT', `interface-texts/${text!.documentId}?locale=es`, { text: `${text!.text} (editado)` });
    const log = await expectSameAsCold();
    expect(fetchOf(log)).toMatchObject({ mode: 'delta', fetched: 1 });
  });

  it('after the self-assessment changes', async () => {
    await api('PUT', 'self-assessment?locale=en', { title: 'Is palliative care right for you? (edited)' });
    await expectSameAsCold(undefined, byProcessAhead);
  });

  // The media library's replace keeps the file's id and URL, with new bytes and a new updatedAt;
  // the articles showing it are not stamped, so their locale's articles are read again in full.
  it('after an article\'s cover image is replaced in the media library', async () => {
    type Cover = { id: number; url: string; updatedAt: string } | null;
    const withCovers = (await all('articles')).filter((a) => a.cover);
    expect(withCovers.length).toBeGreaterThan(1);
    const [replaced, other] = withCovers.map((a) => a.cover as NonNullable<Cover>);
    const bytes = await (await fetch(new URL(other!.url, cms.url))).arrayBuffer();
    const form = new FormData();
    form.append('files', new Blob([bytes], { type: 'image/jpeg' }), 'replaced-cover.jpg');
    const res = await fetch(`${cms.url}/api/upload?id=${replaced!.id}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    if (!res.ok) throw new Error(`POST /api/upload: ${res.status} ${await res.text()}`);
    const log = await expectSameAsCold(undefined, byProcessAhead);
    expect(log).toMatch(/content: articles of en read in full: a cover image changed/);
    const now = (await all('articles')).find((a) => (a.cover as Cover)?.id === replaced!.id)!.cover as NonNullable<Cover>;
    // The page's images are named by their bytes: a build that kept the old file would differ from the cold one.
    expect(now.updatedAt).not.toBe(replaced!.updatedAt);
  });

  // Without re-reading the articles, the stale link would fall back to the default locale's author.
  it('after an author translation that articles of its locale name is deleted', async () => {
    const author = await first('authors');
    await api('PUT', `authors/${author.documentId}?locale=es`, { name: 'Autora traducida', slug: 'autora-traducida' });
    const article = await first('articles', 'es');
    await api('PUT', `articles/${article.documentId}?locale=es&status=published`, { author: author.documentId });
    await expectSameAsCold(undefined, byProcessAhead);
    await api('DELETE', `authors/${author.documentId}?locale=es`);
    const log = await expectSameAsCold(undefined, byProcessAhead);
    expect(log).toMatch(/content: articles of es read in full: an author or topic is gone/);
  });

  it('after an author that articles name is deleted', async () => {
    const article = await first('articles');
    const author = article.author as { documentId: string } | null;
    expect(author).toBeTruthy();
    await api('DELETE', `authors/${author!.documentId}?locale=en`);
    const log = await expectSameAsCold(undefined, byProcessAhead);
    expect(log).toMatch(/content: articles of en read in full: an author or topic is gone/);
  });

  it('after a topic that articles list is deleted', async () => {
    const article = await first('articles');
    const [topic] = article.topics as { documentId: string }[];
    expect(topic).toBeTruthy();
    await api('DELETE', `topics/${topic!.documentId}?locale=en`);
    const log = await expectSameAsCold(undefined, byProcessAhead);
    expect(log).toMatch(/content: articles of en read in full: an author or topic is gone/);
  });

  it('after an article is published again (publishedAt changes, not always updatedAt)', async () => {
    await admin('POST', `/content-manager/collection-types/api::article.article/${created}/actions/publish?locale=en`, {});
    const log = await expectSameAsCold(undefined, byProcessAhead);
    expect(fetchOf(log)).toMatchObject({ mode: 'delta', fetched: 1 });
  });

  /**
   * Most kinds of change are built by a process that prepared while it waited, as `pnpm start`
   * builds: it made the previous content's pages and fingerprints ahead, and keeps what is
   * unchanged of them (@solace/content's lasting values). The first kinds, and one rename, are
   * built by a fresh process, as `pnpm build` builds.
   */
  async function byProcessAhead() {
    return (await buildAhead()).go();
  }

  /** A build as `pnpm start` runs it: its process started ahead, told to prepare, and to go once the content changed. */
  async function buildAhead({ prepare = true } = {}) {
    const waiting = await startBuildAhead({ STRAPI_URL: cms.url, STRAPI_TOKEN: cms.siteToken, SITE_OUTPUT_DIR: incremental, SITE_CONTENT_OVERLAP_MS: '0' });
    if (prepare) await waiting.prepare();
    return {
      prepare: waiting.prepare,
      stop: waiting.stop,
      go: async () => {
        const run = await waiting.go();
        if (run.code !== 0) throw new Error(`The build failed:\n${run.output}`);
        return run.output;
      },
      // Its staging folder: where it prepared the build, and built.
      staging: `${incremental}.building-${waiting.pid}`,
    };
  }

  it('by a process that read the previous build and copied its output while it waited', async () => {
    const waiting = await buildAhead();
    expect(await fs.readdir(waiting.staging)).not.toEqual([]);
    const article = await first('articles');
    await api('PUT', `articles/${article.documentId}?locale=en&status=published`, { title: 'Edited while a build waited' });
    const log = await expectSameAsCold(undefined, waiting.go);
    expect(log).toMatch(/the previous build was read, and its output copied, while this build waited for its go/);
    expect(fetchOf(log)).toMatchObject({ mode: 'delta', fetched: 1 });
  });

  it('by a process that prepared while it waited, after another build replaced the output meanwhile', async () => {
    const waiting = await buildAhead();
    const article = await first('articles');
    await api('PUT', `articles/${article.documentId}?locale=en&status=published`, { title: 'Edited before another build' });
    await build(incremental);
    await api('PUT', `articles/${article.documentId}?locale=en&status=published`, { title: 'Edited after it' });
    const log = await expectSameAsCold(undefined, waiting.go);
    expect(log).toMatch(/the output changed since this build was prepared: starting again/);
    expect(fetchOf(log)).toMatchObject({ mode: 'delta', fetched: 1 });
    await expect(fs.stat(waiting.staging)).rejects.toThrow();
  });

  it('by a process told to go while it prepared: it stops preparing, and builds as any build does', async () => {
    const waiting = await buildAhead({ prepare: false });
    const article = await first('articles');
    await api('PUT', `articles/${article.documentId}?locale=en&status=published`, { title: 'Edited while a build prepared' });
    // Told to prepare, and to go at once: as when a change comes just after a build ended.
    const log = await expectSameAsCold(undefined, () => {
      void waiting.prepare().catch(() => {});
      return waiting.go();
    });
    expect(log).not.toMatch(/while this build waited for its go/);
    expect(fetchOf(log)).toMatchObject({ mode: 'delta', fetched: 1 });
  });

  it('after a process that prepared while it waited was stopped: its copy is the spare the next build starts from', async () => {
    const waiting = await buildAhead();
    await fs.rm(`${incremental}.spare`, { recursive: true, force: true });
    expect(await waiting.stop()).toBe(143);
    await expect(fs.stat(waiting.staging)).rejects.toThrow();
    expect(await fs.readdir(`${incremental}.spare`)).not.toEqual([]);
    const article = await first('articles');
    await api('PUT', `articles/${article.documentId}?locale=en&status=published`, { title: 'Edited after a stopped build' });
    expect(await expectSameAsCold()).toMatch(/carried \d+ pages into the spare output/);
  });

  it('fetches everything, saying so, when the content snapshot is corrupt or foreign', async () => {
    const file = `${incremental}.cache/content.json`;
    await fs.writeFile(file, '{ not json');
    let log = await expectSameAsCold();
    expect(log).toMatch(/content: full fetch: the content snapshot is corrupt/);
    expect(fetchOf(log)).toMatchObject({ mode: 'full', reused: 0 });
    // Written again by that build: the next one is a delta.
    const kept = JSON.parse(await fs.readFile(file, 'utf8')) as { key: string };
    await fs.writeFile(file, JSON.stringify({ ...kept, key: 'another schema' }));
    log = await expectSameAsCold();
    expect(log).toMatch(/content: full fetch: the queries, the schema or the CMS changed since the content snapshot/);
    await fs.writeFile(file, JSON.stringify({ kind: 'solace-content-nodes', key: kept.key, nodes: { media: [], locales: { en: {} } } }));
    log = await expectSameAsCold();
    expect(log).toMatch(/content: full fetch: the content snapshot is not one this version writes/);
    // Its lists are files of their own: one gone is as good as none, once they are needed (the
    // CMS's answers, asked with content.json's summary, show nothing changed: none is read).
    await fs.rm(`${incremental}.cache/content`, { recursive: true });
    expect(await expectSameAsCold()).toMatch(/nothing changed \(as the CMS's answers showed: the kept lists were not read\)/);
    const article = await first('articles');
    await api('PUT', `articles/${article.documentId}?locale=en&status=published`, { title: 'Edited with the kept lists gone' });
    log = await expectSameAsCold();
    expect(log).toMatch(/content: full fetch: the content snapshot's \w+\.json is missing/);
    expect(fetchOf(log)).toMatchObject({ mode: 'full', reused: 0 });
    // As a build leaves it that stopped once its output was in place, before it kept the content.
    await fs.rm(file);
    log = await expectSameAsCold();
    expect(log).toMatch(/content: full fetch: no content snapshot of a previous build/);
    expect(fetchOf(await expectSameAsCold()).mode).toBe('delta');
  });

  // The preview reads every article's latest version in full, and the rest as changed.
  it('the preview, after a draft is saved, after it is discarded and after nothing changed', async () => {
    const preview = {
      incremental: path.join(tmp, 'preview-incremental', 'site'),
      cold: path.join(tmp, 'preview-cold', 'site'),
      env: { SITE_PREVIEW: '1', SITE_URL: 'http://localhost:8081' },
    };
    await fs.mkdir(path.dirname(preview.incremental));
    await fs.mkdir(path.dirname(preview.cold));
    const coldLog = await build(preview.incremental, preview.env);
    expect(coldLog).toMatch(/content: full fetch: no content snapshot of a previous build/);
    // Every article of every locale has a draft: reading them all again would fetch at least these.
    const drafts = [...coldLog.matchAll(/(\d+) articles/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(drafts).toBeGreaterThan(3);
    const readAgain = (log: string) => {
      const { mode, fetched } = fetchOf(log);
      expect(mode).toBe('delta');
      return fetched;
    };
    const shows = async (text: string) => {
      const pages = (await listFiles(preview.incremental)).filter((f) => f.endsWith('.html'));
      const shown = await Promise.all(pages.map(async (f) => (await fs.readFile(path.join(preview.incremental, f), 'utf8')).includes(text)));
      return shown.some(Boolean);
    };
    const article = await first('articles');
    await api('PUT', `articles/${article.documentId}?locale=en&status=draft`, { title: 'A draft title, incrementally' });
    // That draft is read again (its version changed), not every article of every locale.
    const afterSave = readAgain(await expectSameAsCold(preview));
    expect(afterSave).toBeGreaterThanOrEqual(1);
    expect(afterSave).toBeLessThan(drafts);
    expect(readAgain(await expectSameAsCold(preview))).toBe(0);
    expect(await shows('A draft title, incrementally')).toBe(true);

    // Discarded: the draft is the published version again, stamped as that one was.
    const discard = await fetch(`${cms.url}/content-manager/collection-types/api::article.article/${article.documentId}/actions/discard?locale=en`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await adminLogin(cms)}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(discard.status).toBe(200);
    const afterDiscard = readAgain(await expectSameAsCold(preview));
    expect(afterDiscard).toBeGreaterThanOrEqual(1);
    expect(afterDiscard).toBeLessThan(drafts);
    expect(await shows('A draft title, incrementally')).toBe(false);
    expect(await expectSameAsCold(preview)).toMatch(/incremental build: 0 pages to render, \d+ unchanged \(the content is the previous build's\)/);
  });

  // The corpus's languages have 1,000 articles, in parts of 250; the demo's few, in parts of 2 here.
  it('with the search index in parts: after an edit (its part only made again), a new article and an unpublished one', async () => {
    const inParts = {
      incremental: path.join(tmp, 'parts-incremental', 'site'),
      cold: path.join(tmp, 'parts-cold', 'site'),
      env: { SITE_SEARCH_PART_PAGES: '2' },
    };
    await fs.mkdir(path.dirname(inParts.incremental));
    await fs.mkdir(path.dirname(inParts.cold));
    await build(inParts.incremental, inParts.env);
    const parts = JSON.parse(await fs.readFile(path.join(inParts.incremental, 'pagefind/parts.json'), 'utf8')) as Record<string, { pages: number; parts: string[] }>;
    expect(parts.en!.parts.length).toBeGreaterThan(0);
    for (const name of parts.en!.parts) expect(await fs.readFile(path.join(inParts.incremental, 'pagefind/parts', name, 'pagefind-entry.json'), 'utf8')).toMatch(/"en"/);

    const article = await first('articles', 'en', 'updatedAt');
    await api('PUT', `articles/${article.documentId}?locale=en&status=published`, { title: 'Edited, its search part made again' });
    const log = await expectSameAsCold(inParts);
    const [, indexed, unchanged] = /search index: \d+ pages indexed \(([^)]*)\), (.*) unchanged and taken from the previous build/.exec(log)!;
    expect(indexed).toMatch(/^en(\/\d+)?$/);
    const kept = unchanged!.split(', ');
    expect(kept).toContain('es');
    expect(kept.filter((name) => name === 'en' || name.startsWith('en/')).length).toBe(parts.en!.parts.length);

    const added = (await api('POST', 'articles?locale=en&status=published', {
      title: 'Another new article, in a search part',
      slug: 'another-new-article-in-a-search-part',
      summary: 'Added to check a search index in parts.',
      date: '2026-02-03',
      body: 'A paragraph about parts.',
      seo: { metaTitle: 'Another new article', metaDescription: 'Added to check a search index in parts.' },
    }))!.documentId;
    await expectSameAsCold(inParts);
    await admin('POST', `/content-manager/collection-types/api::article.article/${added}/actions/unpublish?locale=en`, {});
    await expectSameAsCold(inParts);
  });

  it('falls back to a cold build, saying so, when the snapshot is corrupt', async () => {
    await fs.writeFile(`${incremental}.cache/manifest.json`, '{ not json');
    const log = await expectSameAsCold();
    expect(log).toMatch(/cold build: the snapshot of the previous build is corrupt/);
  });

  // Last: it leaves no article. The search index then covers the whole folder, placed like any
  // other index in the spare output, which has the previous index's files, links of the served ones.
  it('after every article is unpublished (no page marked for the search index)', async () => {
    // A change first, so that a build swaps and leaves a spare to start from, whatever ran before.
    const article = await first('articles');
    await api('PUT', `articles/${article.documentId}?locale=en&status=published`, { title: 'Edited before everything is unpublished' });
    await expectSameAsCold();
    const locales = ((await (await fetch(`${cms.url}/api/i18n/locales`, { headers: { authorization: `Bearer ${token}` } })).json()) as { code: string }[]).map((l) => l.code);
    for (const locale of locales) {
      const res = await fetch(`${cms.url}/api/articles?locale=${locale}&pagination[pageSize]=100&fields[0]=title`, { headers: { authorization: `Bearer ${token}` } });
      for (const { documentId } of ((await res.json()) as { data: { documentId: string }[] }).data) {
        await admin('POST', `/content-manager/collection-types/api::article.article/${documentId}/actions/unpublish?locale=${locale}`, {});
      }
    }
    const log = await expectSameAsCold();
    expect(log).toMatch(/search index: \d+ pages indexed \(no page marked: the whole folder\)/);
    expect(log).toMatch(/carried \d+ pages into the spare output/);
  });
});
