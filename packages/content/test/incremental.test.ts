import { describe, expect, it } from 'vitest';
import type { ContentClient } from '../src/client.js';
import { ContentValidationError } from '../src/errors.js';
import { checkAhead, loadSiteContent, loadSiteContentSince, trustKeptNodes } from '../src/load.js';
import type { ContentNodes } from '../src/load/incremental.js';
import { summarizeNodes, type KeptContent, type KeptNodesRead } from '../src/load/kept.js';
import { PAGE_SIZE } from '../src/load/collections.js';
import { rawArticle } from './fixtures.js';

type Row = Record<string, unknown> & { documentId: string; updatedAt: string | null; publishedAt?: string | null };

/**
 * An in-memory CMS answering the site's queries by operation name, with the filters the delta
 * uses (updatedAt/publishedAt gt, or, documentId in), so the orchestration is tested without Strapi
 * (test/incremental in apps/site does it against the real one).
 */
function fakeCms() {
  const stamp = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
  const cover = { documentId: 'f1', url: '/uploads/cover.jpg', updatedAt: stamp(0) };
  const data = {
    media: [cover] as Row[],
    articles: [{ ...rawArticle, topics: [{ documentId: 't1' }], cover: { url: cover.url, width: 10, height: 10, mime: 'image/jpeg', updatedAt: stamp(0) }, updatedAt: stamp(1), publishedAt: stamp(1) }] as Row[],
    authors: [{ documentId: 'au1', locale: 'en', slug: 'elena', name: 'Elena', credentials: 'MD', role: null, bio: null, photo: null, updatedAt: stamp(1) }] as Row[],
    topics: [{ documentId: 't1', locale: 'en', slug: 'pain', name: 'Pain', description: null, updatedAt: stamp(1) }] as Row[],
    drafts: [
      { ...draftOf(rawArticle), documentId: 'a1', published: true, version: '1.1.2', updatedAt: stamp(1) },
      { ...draftOf(rawArticle), documentId: 'a2', slug: 'unfinished', title: 'Unfinished', published: false, version: '3.1.-', updatedAt: stamp(1) },
    ] as Row[],
    global: { siteName: 'Solace', tagline: null as string | null, about: null },
    localeName: 'English',
  };
  const requests: string[] = [];
  const COLLECTIONS = [['articles', 'Articles'], ['authors', 'Authors'], ['topics', 'Topics'], ['providers', 'Providers'], ['interfaceTexts', 'InterfaceTexts']] as const;
  const matches = (row: Row, filters: Record<string, unknown> | null | undefined): boolean => {
    if (!filters) return true;
    if (Array.isArray(filters.or)) return (filters.or as Record<string, unknown>[]).some((f) => matches(row, f));
    const ids = (filters.documentId as { in?: string[] } | undefined)?.in;
    if (ids) return ids.includes(row.documentId);
    return Object.entries(filters).every(([field, cond]) => String(row[field] ?? '') > (cond as { gt: string }).gt);
  };
  const tableOf = (op: string): Row[] => {
    if (op.startsWith('ArticleDraft')) return data.drafts;
    if (op.startsWith('Article')) return data.articles;
    if (op.startsWith('Author')) return data.authors;
    if (op.startsWith('Topic')) return data.topics;
    if (op.startsWith('Media')) return data.media;
    return [];
  };
  const field = (op: string) =>
    op.startsWith('ArticleDraft')
      ? op.charAt(0).toLowerCase() + op.slice(1)
      : op.startsWith('Media') ? 'uploadFiles_connection' : `${op.replace(/(Where|Ids)$/, '').replace(/^(Article|Author|Topic|Provider|InterfaceText)s?$/, '$1').toLowerCase()}s_connection`;
  const opName = (doc: unknown) => (doc as { definitions: { name?: { value: string } }[] }).definitions.find((d) => d.name)!.name!.value;
  const answer = (op: string, vars: Record<string, unknown>) => {
    const ids = vars.documentIds as string[] | undefined;
    const rows = tableOf(op).filter((r) => matches(r, vars.filters as Record<string, unknown> | null) && (!ids || ids.includes(r.documentId)));
    const pageSize = Number(vars.pageSize ?? 100);
    const page = Number(vars.page ?? 1);
    const listing = op.endsWith('Ids') ? ({ documentId }: Row) => ({ documentId }) : op.endsWith('Versions') ? ({ documentId, version }: Row) => ({ documentId, version }) : structuredClone;
    const nodes = rows.slice((page - 1) * pageSize, page * pageSize).map((r) => listing(r));
    return { [field(op)]: { nodes, pageInfo: { total: rows.length, pageCount: Math.ceil(rows.length / pageSize) } } };
  };
  const client = {
    async request(doc: unknown, vars: Record<string, unknown> = {}) {
      const op = opName(doc);
      requests.push(vars.documentIds ? `${op} ${JSON.stringify(vars.documentIds)}` : op);
      if (op === 'Locales') return { i18NLocales: [{ code: 'en', name: data.localeName, isDefault: true }] };
      if (op === 'Global') return { global: structuredClone(data.global) };
      if (op === 'SelfAssessment') return { selfAssessment: null };
      // A locale's deltas and counts asked together: each part answered (and logged) as its own query would be.
      if (op === 'LocaleChanges' || op === 'LocaleCounts') {
        const parts = COLLECTIONS.filter(([, name]) => vars[`with${name}`]);
        requests.push(`${op} ${parts.map(([key]) => key).join(',')}`);
        const part = ([key, name]: (typeof COLLECTIONS)[number]) =>
          op === 'LocaleChanges'
            ? (requests.push(`${name}Where ${JSON.stringify(vars[key])}`), Object.values(answer(`${name}Where`, { filters: vars[key], pageSize: vars.pageSize }))[0])
            : Object.values(answer(`${name.slice(0, -1)}Ids`, { pageSize: 1 }))[0];
        const answered = Object.fromEntries(parts.map((p) => [p[0], part(p)]));
        return op === 'LocaleChanges' ? { global: structuredClone(data.global), selfAssessment: null, ...answered } : answered;
      }
      return answer(op, vars);
    },
    async fetchAllPages(doc: unknown, vars: Record<string, unknown>, select: (d: unknown) => { nodes: unknown[] }) {
      const op = opName(doc);
      requests.push(vars.filters ? `${op} ${JSON.stringify(vars.filters)}` : op);
      return select(answer(op, { ...vars, pageSize: 1000 })).nodes;
    },
  } as unknown as ContentClient;
  return { client, data, requests, stamp };
}

/** An article's answer as `articleDrafts` gives it (no publishedAt; published, version and createdAt instead). */
function draftOf({ publishedAt: _publishedAt, ...article }: typeof rawArticle) {
  return { ...article, topics: [{ documentId: 't1' }], createdAt: article.updatedAt };
}

type Previous = Parameters<typeof loadSiteContentSince>[1]['previous'];
const load = (client: ContentClient, previous: Previous) => loadSiteContentSince(client, { cmsOrigin: 'http://cms.test', previous, overlapMs: 0 });
const loadPreview = (client: ContentClient, previous: Previous) =>
  loadSiteContentSince(client, { cmsOrigin: 'http://cms.test', previous, overlapMs: 0, drafts: true });

describe('loadSiteContentSince', () => {
  it('fetches in full without kept nodes, then nothing but counts when nothing changed', async () => {
    const cms = fakeCms();
    const first = await load(cms.client, null);
    expect(first.report).toMatchObject({ mode: 'full', fetched: 3, reused: 0 });
    expect(first.content).toEqual(await loadSiteContent(cms.client, { cmsOrigin: 'http://cms.test' }));
    cms.requests.length = 0;
    const second = await load(cms.client, first.nodes);
    expect(second.report).toMatchObject({ mode: 'delta', fetched: 0, reused: 3, notes: [] });
    expect(second.content).toEqual(first.content);
    // Full lists only of the types that were empty (nothing to ask a delta from), never of the others.
    expect(cms.requests.filter((r) => /^(Articles|Authors|Topics|Providers|InterfaceTexts)$/.test(r))).toEqual(['Providers', 'InterfaceTexts']);
    // The deltas of a locale in one request, then their counts in one more.
    expect(cms.requests.filter((r) => /^Locale(Changes|Counts) /.test(r))).toEqual(['LocaleChanges articles,authors,topics', 'LocaleCounts articles,authors,topics']);
    expect(cms.requests.filter((r) => /(Ids|^Global|^SelfAssessment)$/.test(r))).toEqual([]);
  });

  it('says the content is unchanged only when every record, single type, media file and locale is', async () => {
    const cms = fakeCms();
    const first = await load(cms.client, null);
    expect(first.report.unchanged).toBe(false);
    let kept = (await load(cms.client, first.nodes)).nodes;
    const unchangedAfter = async (change: () => void) => {
      change();
      const next = await load(cms.client, kept);
      kept = next.nodes;
      return next.report.unchanged;
    };
    expect(await unchangedAfter(() => {})).toBe(true);
    expect(await unchangedAfter(() => (cms.data.global.tagline = 'Care, near you'))).toBe(false);
    expect(await unchangedAfter(() => (cms.data.localeName = 'English (US)'))).toBe(false);
    expect(await unchangedAfter(() => Object.assign(cms.data.topics[0]!, { name: 'Pain relief', updatedAt: cms.stamp(20) }))).toBe(false);
    expect(await unchangedAfter(() => cms.data.media.push({ documentId: 'f2', url: '/uploads/other.jpg', updatedAt: cms.stamp(50) }))).toBe(false);
    expect(await unchangedAfter(() => {})).toBe(true);
  });

  it('with skipUnchanged, maps nothing when the content is the kept nodes exactly, and all of it otherwise', async () => {
    const cms = fakeCms();
    const first = await load(cms.client, null);
    const skip = (previous: Previous) => loadSiteContentSince(cms.client, { cmsOrigin: 'http://cms.test', previous, overlapMs: 0, skipUnchanged: true });
    const same = await skip(first.nodes);
    expect(same.report.unchanged).toBe(true);
    expect(same.content).toBeNull();
    // Told by the answers alone: the kept nodes are still the CMS's.
    expect(same.nodes).toBeNull();
    Object.assign(cms.data.topics[0]!, { name: 'Pain relief', updatedAt: cms.stamp(20) });
    const changed = await skip(first.nodes);
    expect(changed.report.unchanged).toBe(false);
    expect(changed.content).toEqual(await loadSiteContent(cms.client, { cmsOrigin: 'http://cms.test' }));
  });

  it('reads a delta longer than the page its locale\'s request brings whole, before counting', async () => {
    const cms = fakeCms();
    const first = await load(cms.client, null);
    const longer = PAGE_SIZE + 50;
    for (let i = 0; i < longer; i++) {
      cms.data.topics.push({ documentId: `t-new-${i}`, locale: 'en', slug: `new-${i}`, name: `New topic ${i}`, description: null, updatedAt: cms.stamp(40) });
    }
    cms.requests.length = 0;
    const next = await load(cms.client, first.nodes);
    expect(next.report).toMatchObject({ mode: 'delta', fetched: longer });
    expect(next.content).toEqual(await loadSiteContent(cms.client, { cmsOrigin: 'http://cms.test' }));
    // Its first page came with the other deltas; all of it was read again (as a delta is), then counted.
    const topicRequests = cms.requests.filter((r) => r.startsWith('TopicsWhere') || r.startsWith('LocaleCounts '));
    expect(topicRequests).toEqual([expect.stringMatching(/^TopicsWhere /), expect.stringMatching(/^TopicsWhere /), 'LocaleCounts articles,authors,topics']);
  });

  it('asks for published articles by updatedAt or publishedAt', async () => {
    const cms = fakeCms();
    const first = await load(cms.client, null);
    cms.data.articles[0]!.publishedAt = cms.stamp(30); // published again: updatedAt unchanged
    cms.requests.length = 0;
    const next = await load(cms.client, first.nodes);
    expect(cms.requests).toContain(
      `ArticlesWhere ${JSON.stringify({ or: [{ updatedAt: { gt: cms.stamp(1) } }, { publishedAt: { gt: cms.stamp(1) } }] })}`,
    );
    expect(next.report).toMatchObject({ mode: 'delta', fetched: 1 });
    expect(next.nodes.locales.en!.articles[0]!.publishedAt).toBe(cms.stamp(30));
  });

  it('re-reads a locale’s articles in full when one of its authors vanished (the CMS unlinks it without stamping the article)', async () => {
    const cms = fakeCms();
    const first = await load(cms.client, null);
    expect(first.content.byLocale.en!.articles[0]!.author?.name).toBe('Elena');
    cms.data.authors.length = 0;
    cms.data.articles[0] = { ...cms.data.articles[0]!, author: null, reviewedBy: null };
    const next = await load(cms.client, first.nodes);
    expect(next.report.notes).toEqual(['articles of en read in full: an author or topic is gone']);
    expect(next.content.byLocale.en!.articles[0]!.author).toBeNull();
    expect(next.content).toEqual(await loadSiteContent(cms.client, { cmsOrigin: 'http://cms.test' }));
  });

  it('re-reads the articles showing a media file that changed', async () => {
    const cms = fakeCms();
    const first = await load(cms.client, null);
    cms.data.media[0]!.updatedAt = cms.stamp(40); // replaced: same URL, new file
    cms.data.articles[0] = { ...cms.data.articles[0]!, cover: { url: '/uploads/cover.jpg', width: 20, height: 20, mime: 'image/jpeg', updatedAt: cms.stamp(40) } };
    const next = await load(cms.client, first.nodes);
    expect(next.report.notes).toEqual(['articles of en read in full: a cover image changed']);
    expect(next.content.byLocale.en!.articles[0]!.cover?.width).toBe(20);
    // A file nothing shows changes nothing.
    cms.data.media.push({ documentId: 'f2', url: '/uploads/other.jpg', updatedAt: cms.stamp(50) });
    expect((await load(cms.client, next.nodes)).report.notes).toEqual([]);
  });

  it('brings a preview’s drafts up to date by their versions: only the ones that changed are read', async () => {
    const cms = fakeCms();
    const cold = () => loadSiteContent(cms.client, { cmsOrigin: 'http://cms.test', drafts: true });
    const first = await loadPreview(cms.client, null);
    expect(first.content.byLocale.en!.articles.map((a) => a.title).sort()).toEqual(['Living with heart failure?', 'Unfinished']);
    cms.requests.length = 0;
    const same = await loadPreview(cms.client, first.nodes);
    expect(same.report.unchanged).toBe(true);
    expect(cms.requests.filter((r) => r.startsWith('ArticleDraft'))).toEqual(['ArticleDraftVersions']);

    // Saved (or discarded, or published: the CMS gives it a new version each time): read again, alone.
    Object.assign(cms.data.drafts[1]!, { title: 'Nearly finished', version: '3.2.-' });
    cms.requests.length = 0;
    const saved = await loadPreview(cms.client, same.nodes);
    expect(cms.requests.filter((r) => r.startsWith('ArticleDraft'))).toEqual(['ArticleDraftVersions', 'ArticleDrafts ["a2"]']);
    expect(saved.report).toMatchObject({ unchanged: false, fetched: 1 });
    expect(saved.content).toEqual(await cold());

    // A new draft is read; a deleted one is dropped.
    cms.data.drafts.splice(1, 1, { ...cms.data.drafts[1]!, documentId: 'a3', slug: 'new-one', title: 'New one', version: '4.3.-' });
    const replaced = await loadPreview(cms.client, saved.nodes);
    expect(replaced.content.byLocale.en!.articles.map((a) => a.title).sort()).toEqual(['Living with heart failure?', 'New one']);
    expect(replaced.content).toEqual(await cold());
  });

  it('re-reads a preview’s drafts in full when an author they link to is gone', async () => {
    const cms = fakeCms();
    const first = await loadPreview(cms.client, null);
    cms.data.authors.length = 0;
    for (const d of cms.data.drafts) Object.assign(d, { author: null, reviewedBy: null });
    const next = await loadPreview(cms.client, first.nodes);
    expect(next.report.notes).toEqual(['article drafts of en read in full: an author or topic is gone']);
    expect(next.content).toEqual(await loadSiteContent(cms.client, { cmsOrigin: 'http://cms.test', drafts: true }));
  });
});

/** Kept nodes as a build reads them from its files (kept.ts): the summary, and the lists on demand. */
function keptFile(nodes: ContentNodes, overlapMs: number, lists: KeptNodesRead = { nodes }) {
  let reads = 0;
  const kept: KeptContent = {
    summary: summarizeNodes(structuredClone(nodes), overlapMs),
    read: async () => {
      reads++;
      return structuredClone(lists);
    },
  };
  return { kept, reads: () => reads };
}

describe('loadSiteContentSince from a summary of the kept nodes', () => {
  const since = (client: ContentClient, previous: KeptContent, overlapMs = 0) =>
    loadSiteContentSince(client, { cmsOrigin: 'http://cms.test', previous, overlapMs, skipUnchanged: true });

  it('asks for the deltas with the summary alone, and reads no list when the answers show nothing changed', async () => {
    const cms = fakeCms();
    const first = await load(cms.client, null);
    const { kept, reads } = keptFile(first.nodes, 0);
    cms.requests.length = 0;
    const same = await since(cms.client, kept);
    expect(same).toMatchObject({ content: null, nodes: null, report: { mode: 'delta', unchanged: true, fetched: 0, reused: 3 } });
    expect(cms.requests.filter((r) => /^Locale(Changes|Counts) /.test(r))).toEqual(['LocaleChanges articles,authors,topics', 'LocaleCounts articles,authors,topics']);
    expect(reads()).toBe(0);
  });

  it('tells a record the overlap brings back unchanged by its hash, and a changed one from it', async () => {
    const cms = fakeCms();
    const overlapMs = 60 * 60_000; // every record is within it
    const first = await load(cms.client, null);
    const unchanged = keptFile(first.nodes, overlapMs);
    const same = await since(cms.client, unchanged.kept, overlapMs);
    expect(same.report).toMatchObject({ unchanged: true, fetched: 3, reused: 0 });
    expect(unchanged.reads()).toBe(0);

    cms.data.articles[0]!.title = 'Living well with heart failure'; // no new stamp: only its hash tells
    const edited = keptFile(first.nodes, overlapMs);
    const next = await since(cms.client, edited.kept, overlapMs);
    expect(next.report.unchanged).toBe(false);
    expect(edited.reads()).toBe(1);
    expect(next.content).toEqual(await loadSiteContent(cms.client, { cmsOrigin: 'http://cms.test' }));
    expect(next.nodes!.locales.en!.articles[0]!.title).toBe('Living well with heart failure');
  });

  it('when nothing changed, gives the kept nodes\' summary as of this fetch, and the next delta asks from its start', async () => {
    const cms = fakeCms();
    const at = (time: string) => Object.assign(Object.create(cms.client) as ContentClient, { firstAnswerAt: () => `2026-01-01T${time}.000Z` });
    const overlapMs = 5 * 60_000;
    const first = await load(at('10:02:00'), null);
    expect(first.nodes.fetchedAt).toBe('2026-01-01T10:02:00.000Z');
    // Every record was stamped within the overlap before that fetch: the next delta brings each back.
    const before = keptFile(first.nodes, overlapMs);
    const later = await since(at('10:30:00'), before.kept, overlapMs);
    expect(later).toMatchObject({ nodes: null, report: { unchanged: true, fetched: 3 } });
    expect(before.reads()).toBe(0);
    const moved = later.summary!;
    expect(moved).toEqual(summarizeNodes({ ...first.nodes, fetchedAt: '2026-01-01T10:30:00.000Z' }, overlapMs));
    expect(moved.locales.en!.lists.articles).toMatchObject({ count: 1, recent: {} });
    // From the moved summary, nothing stamped before 10:25 is asked again; from the kept one, all of it.
    const fromMoved = await since(at('10:40:00'), { ...before.kept, summary: moved }, overlapMs);
    expect(fromMoved).toMatchObject({ nodes: null, report: { unchanged: true, fetched: 0, reused: 3 } });
    expect((await since(at('10:40:00'), before.kept, overlapMs)).report).toMatchObject({ unchanged: true, fetched: 3 });
    // A fetch no later than the kept one (the CMS's clock stepped back) leaves the summary as it was.
    expect((await since(at('10:01:00'), before.kept, overlapMs)).summary).toEqual(before.kept.summary);
    // And a change made since is found from it as from the kept summary.
    cms.data.authors[0] = { ...cms.data.authors[0]!, name: 'Elena R.', updatedAt: '2026-01-01T10:35:00.000Z' };
    const changed = await since(at('10:40:00'), { ...before.kept, summary: moved }, overlapMs);
    expect(changed.report).toMatchObject({ unchanged: false, fetched: 1 });
    expect(changed.content).toEqual(await loadSiteContent(cms.client, { cmsOrigin: 'http://cms.test' }));
  });

  it('reads the lists and merges as before when a count differs (a record vanished, none stamped)', async () => {
    const cms = fakeCms();
    const first = await load(cms.client, null);
    cms.data.topics.length = 0;
    cms.data.articles[0] = { ...cms.data.articles[0]!, topics: [] };
    const { kept, reads } = keptFile(first.nodes, 0);
    const next = await since(cms.client, kept);
    expect(reads()).toBe(1);
    expect(next.report).toMatchObject({ unchanged: false, notes: ['articles of en read in full: an author or topic is gone'] });
    expect(next.content).toEqual(await loadSiteContent(cms.client, { cmsOrigin: 'http://cms.test' }));
  });

  it('fetches everything, saying why, when the lists cannot be read', async () => {
    const cms = fakeCms();
    const first = await load(cms.client, null);
    cms.data.global.tagline = 'Care, near you';
    const { kept } = keptFile(first.nodes, 0, { nodes: null, reason: "the content snapshot's 1234.json is missing" });
    const next = await since(cms.client, kept);
    expect(next.report).toMatchObject({ mode: 'full', notes: ["full fetch: the content snapshot's 1234.json is missing"], reused: 0 });
    expect(next.content).toEqual(await loadSiteContent(cms.client, { cmsOrigin: 'http://cms.test' }));
  });
});

describe('checkAhead', () => {
  it('changes nothing a load since the nodes it checked gives', async () => {
    const cms = fakeCms();
    const first = await load(cms.client, null);
    checkAhead(first.nodes, { cmsOrigin: 'http://cms.test' });
    Object.assign(cms.data.topics[0]!, { name: 'Pain relief', updatedAt: cms.stamp(20) });
    const next = await load(cms.client, first.nodes);
    expect(next.report).toMatchObject({ mode: 'delta', fetched: 1 });
    expect(next.content).toEqual(await loadSiteContent(cms.client, { cmsOrigin: 'http://cms.test' }));
  });

  it('keeps the values of unchanged nodes, and maps again an article whose author was renamed', async () => {
    const cms = fakeCms();
    const first = await load(cms.client, null);
    const ahead = checkAhead(first.nodes, { cmsOrigin: 'http://cms.test' })!;
    Object.assign(cms.data.authors[0]!, { name: 'Elena Renamed', updatedAt: cms.stamp(20) });
    const next = await load(cms.client, first.nodes);
    expect(next.report).toMatchObject({ mode: 'delta', fetched: 1 });
    const [before, after] = [ahead.byLocale.en!, next.content.byLocale.en!];
    // The topic's node is the kept one: its value is the one mapped ahead, not a copy.
    expect(after.topics[0]).toBe(before.topics[0]);
    // The article's node is the kept one too, but the author it names is another value now.
    expect(after.articles[0]!.author).toMatchObject({ name: 'Elena Renamed' });
    expect(after.articles[0]).not.toBe(before.articles[0]);
    expect(next.content).toEqual(await loadSiteContent(cms.client, { cmsOrigin: 'http://cms.test' }));
  });

  it('with trustKeptNodes, takes kept nodes as checked, and still checks every node received anew', async () => {
    const cms = fakeCms();
    const kept = structuredClone((await load(cms.client, null)).nodes);
    kept.locales.en!.articles[0]!.title = ''; // would fail its checks
    trustKeptNodes(kept);
    const next = await load(cms.client, kept);
    expect(next.content.byLocale.en!.articles[0]!.title).toBe('');
    Object.assign(cms.data.articles[0]!, { title: '', updatedAt: cms.stamp(30) });
    await expect(load(cms.client, next.nodes)).rejects.toThrow(ContentValidationError);
  });

  it('leaves kept nodes that fail their checks for the load to report, naming the entry', async () => {
    const cms = fakeCms();
    const broken = structuredClone((await load(cms.client, null)).nodes);
    broken.locales.en!.articles[0]!.title = '';
    expect(() => checkAhead(broken, { cmsOrigin: 'http://cms.test' })).not.toThrow();
    const failed = await load(cms.client, broken).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ContentValidationError);
    expect((failed as ContentValidationError).message).toMatch(/^Invalid article "[^"]+" \(locale en\): title/);
  });
});
