import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summarizeNodes, type ContentNodes } from '@solace/content';
import { keepContentAsOf, NODES_FILE, readKeptContent, writeContentNodes as writeWithOverlap } from '../../src/incremental/content-nodes.js';

const OVERLAP_MS = 60_000;
const writeContentNodes = (outputDir: string, key: string, nodes: ContentNodes) => writeWithOverlap(outputDir, key, nodes, OVERLAP_MS);
/** The kept nodes whole, as a load that needs every list reads them. */
async function readContentNodes(outputDir: string, key: string) {
  const read = await readKeptContent(outputDir, key);
  return read.kept ? read.kept.read() : { nodes: null, reason: read.reason };
}

// A node that counts how often it is turned into JSON (a list written again is).
let serialised = 0;
const node = (documentId: string, title = documentId) => ({
  documentId,
  title,
  toJSON() {
    serialised++;
    return { documentId, title };
  },
});

function countedJson(this: object) {
  serialised++;
  return { ...this };
}

const lists = (articles: unknown[] = []) => ({ articles, articleDrafts: [], authors: [], topics: [], providers: [], interfaceTexts: [], global: { siteName: 'S' }, selfAssessment: null });
const nodesWith = (en: unknown[], es: unknown[]) =>
  ({
    fetchedAt: '2026-12-01T10:00:00.000Z',
    localeList: [{ code: 'en', name: 'English', isDefault: true }, { code: 'es', name: 'Spanish', isDefault: false }],
    media: [],
    locales: { en: lists(en), es: lists(es) },
  }) as unknown as ContentNodes;

describe('the kept content nodes', () => {
  let tmp: string;
  let outputDir: string;
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-nodes-'));
    outputDir = path.join(tmp, 'site');
    serialised = 0;
  });
  afterEach(() => fs.rm(tmp, { recursive: true, force: true }));

  const listFiles = async () => (await fs.readdir(path.join(`${outputDir}.cache`, 'content'))).sort();

  it('read back as they were written', async () => {
    const nodes = nodesWith([node('a'), node('b')], [node('c')]);
    await writeContentNodes(outputDir, 'key', nodes);
    const read = await readContentNodes(outputDir, 'key');
    expect(JSON.parse(JSON.stringify(read.nodes))).toEqual(JSON.parse(JSON.stringify(nodes)));
    expect(await readContentNodes(outputDir, 'another key')).toEqual({ nodes: null, reason: expect.stringMatching(/the CMS changed since/) });
  });

  it('write again only the lists not made of the nodes they were read with', async () => {
    await writeContentNodes(outputDir, 'key', nodesWith([node('a'), node('b')], [node('c')]));
    const before = await listFiles();
    const read = (await readContentNodes(outputDir, 'key')).nodes!;
    const [a, b] = read.locales.en!.articles;
    // Counted too, as the nodes written first were.
    for (const kept of [a, b]) Object.defineProperty(kept, 'toJSON', { value: countedJson });
    serialised = 0;
    // English as it was (new lists of the same nodes), one Spanish article edited.
    const next = nodesWith([a, b], [node('c', 'edited')]);
    await writeContentNodes(outputDir, 'key', next);
    expect(serialised).toBe(1);
    const after = await listFiles();
    // The English list's file stays, the old Spanish one is gone: one file each, and the empty lists'.
    expect(after).toHaveLength(before.length);
    expect(after.filter((file) => before.includes(file))).toHaveLength(before.length - 1);
    const again = (await readContentNodes(outputDir, 'key')).nodes!;
    expect(JSON.parse(JSON.stringify(again.locales.es!.articles))).toEqual([{ documentId: 'c', title: 'edited' }]);
    expect(JSON.parse(JSON.stringify(again.locales.en!.articles))).toEqual([{ documentId: 'a', title: 'a' }, { documentId: 'b', title: 'b' }]);
  });

  it('are not used, saying why, when a list is missing or corrupt, or the file is an older format', async () => {
    await writeContentNodes(outputDir, 'key', nodesWith([node('a')], [node('c')]));
    const index = JSON.parse(await fs.readFile(path.join(`${outputDir}.cache`, NODES_FILE), 'utf8')) as { nodes: { locales: { en: { articles: { list: string } } } } };
    const englishFile = path.join(`${outputDir}.cache`, 'content', index.nodes.locales.en.articles.list);
    await fs.writeFile(englishFile, '[{"documentId":');
    expect(await readContentNodes(outputDir, 'key')).toEqual({ nodes: null, reason: expect.stringMatching(/content snapshot's .*\.json is corrupt/) });
    // The next build writes it again, though it is named by the same text's hash as the corrupt file.
    await writeContentNodes(outputDir, 'key', nodesWith([node('a')], [node('c')]));
    const read = (await readContentNodes(outputDir, 'key')).nodes!;
    expect(JSON.parse(JSON.stringify(read.locales.en!.articles))).toEqual([{ documentId: 'a', title: 'a' }]);
    await fs.rm(englishFile);
    expect(await readContentNodes(outputDir, 'key')).toEqual({ nodes: null, reason: expect.stringMatching(/content snapshot's .*\.json is missing/) });
    // A list whose file is gone is written again, even when its nodes are the ones it was read with.
    await writeContentNodes(outputDir, 'key', nodesWith([...read.locales.en!.articles], [...read.locales.es!.articles]));
    expect((await readContentNodes(outputDir, 'key')).nodes).not.toBeNull();
    await fs.writeFile(path.join(`${outputDir}.cache`, NODES_FILE), JSON.stringify({ kind: 'solace-content-nodes', key: 'key', nodes: nodesWith([], []) }));
    expect(await readContentNodes(outputDir, 'key')).toEqual({ nodes: null, reason: 'the content snapshot is not one this version writes' });
  });

  it('give their summary without reading the lists, which are read when asked for', async () => {
    const nodes = nodesWith([{ documentId: 'a', title: 'A', updatedAt: '2026-12-01T09:59:30.000Z' }], [node('c')]);
    await writeContentNodes(outputDir, 'key', nodes);
    const index = JSON.parse(await fs.readFile(path.join(`${outputDir}.cache`, NODES_FILE), 'utf8')) as { nodes: { locales: { en: { articles: { list: string } } } } };
    const englishFile = path.join(`${outputDir}.cache`, 'content', index.nodes.locales.en.articles.list);
    await fs.writeFile(englishFile, '[{"documentId":');
    const read = await readKeptContent(outputDir, 'key');
    expect(read.kept?.summary).toEqual(JSON.parse(JSON.stringify(summarizeNodes(nodes, OVERLAP_MS))));
    expect(read.kept?.summary.locales.en?.lists.articles).toMatchObject({ count: 1, newest: Date.parse('2026-12-01T09:59:30.000Z'), recent: { a: expect.any(String) } });
    // Not read yet, so not found corrupt (and removed) either.
    expect(await fs.readFile(englishFile, 'utf8')).toBe('[{"documentId":');
    expect(await read.kept!.read()).toEqual({ nodes: null, reason: expect.stringMatching(/content snapshot's .*\.json is corrupt/) });
  });

  it('are kept as of a later fetch that found them unchanged: its summary and start, the same lists', async () => {
    const nodes = nodesWith([{ documentId: 'a', title: 'A', updatedAt: '2026-12-01T09:59:30.000Z' }], [node('c')]);
    await writeContentNodes(outputDir, 'key', nodes);
    const files = await listFiles();
    const later = summarizeNodes({ ...nodes, fetchedAt: '2026-12-01T11:00:00.000Z' }, OVERLAP_MS);
    expect(later.locales.en?.lists.articles.recent).toEqual({});
    await keepContentAsOf(outputDir, 'key', later);
    const read = await readKeptContent(outputDir, 'key');
    expect(read.kept?.summary).toEqual(later);
    expect(await listFiles()).toEqual(files);
    const lists = await read.kept!.read();
    expect(JSON.parse(JSON.stringify(lists.nodes))).toEqual(JSON.parse(JSON.stringify({ ...nodes, fetchedAt: '2026-12-01T11:00:00.000Z' })));
    // Nodes kept under another key (another CMS, other queries) are not this build's to move on.
    await keepContentAsOf(outputDir, 'another key', summarizeNodes({ ...nodes, fetchedAt: '2026-12-01T12:00:00.000Z' }, OVERLAP_MS));
    expect((await readKeptContent(outputDir, 'key')).kept?.summary).toEqual(later);
  });
});
