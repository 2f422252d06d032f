import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, CMS_DIR, makeTempDir, startCms, type RunningCms } from '../testing';
import { readXliff, writeXliff, type XliffFile } from '../src/translations/xliff';
import { axeViolations, useBrowser } from '../testing/browser';

type Change = { field: string; before: string | null; after: string | null };
type Status = { uid: string; documentId: string; label: string; locale: string; state: string; changes: Change[]; baseline: boolean; published: boolean | null; adminPath: string };
type ImportResult = { refused: Problem[]; failed: Problem[]; written: { documentId: string; fields: string[] }[] };
type Problem = { uid: string; documentId: string; label: string; field: string | null; message: string };

const ARTICLE = 'api::article.article';
// Every localised type of the schema is covered (interface texts when that type exists in this tree).
const EXPECTED_TYPES = ['article', 'author', 'global', 'provider', 'self-assessment', 'topic', 'interface-text'];

let cms: RunningCms;
let dir: string;

async function admin(method: string, route: string, body?: unknown, token?: string | null) {
  const bearer = token === undefined ? await adminLogin(cms) : token;
  return fetch(`${cms.url}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
async function json<T>(method: string, route: string, body?: unknown) {
  const res = await admin(method, route, body);
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}
const status = async (locale: string) => (await json<{ data: Status[] }>('GET', `/solace/translations/status?locale=${locale}`)).data;
/** `pnpm translations …` against the test CMS, with an admin session token (logging in each time would hit Strapi's login rate limit). */
async function cli(...args: string[]) {
  const env = { STRAPI_URL: cms.url, STRAPI_ADMIN_TOKEN: await adminLogin(cms) };
  return new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['scripts/translations.mjs', ...args], { cwd: CMS_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}
const articleDraft = async (documentId: string, locale: string) =>
  (await json<{ data: Record<string, unknown> }>('GET', `/content-manager/collection-types/${ARTICLE}/${documentId}?locale=${locale}`)).data;

async function exportFile(...args: string[]) {
  const out = path.join(dir, `export-${Date.now()}.xlf`);
  const run = await cli('export', ...args, '--out', out);
  expect(run.code, run.output).toBe(0);
  return { out, file: readXliff(await fs.readFile(out, 'utf8')), xml: await fs.readFile(out, 'utf8') };
}
async function importFile(file: XliffFile) {
  const out = path.join(dir, `import-${Date.now()}.xlf`);
  await fs.writeFile(out, writeXliff(file));
  const run = await cli('import', out, '--json');
  const start = run.output.indexOf('{');
  return { out, code: run.code, output: run.output, result: JSON.parse(run.output.slice(start, run.output.lastIndexOf('}') + 1)) as ImportResult };
}

/** A French rendering that keeps each text's length and form (slugs stay slugs, URLs stay URLs). */
function frenchOf(field: string, source: string) {
  if (field === 'slug') return `${source}-fr`;
  if (/^https?:/.test(source)) return source;
  return source.replace(/a/g, 'à').replace(/\be\b/g, 'é');
}

describe('translation status and XLIFF round trip', () => {
  const browser = useBrowser();
  let article: Status;
  let englishTitle: string;

  beforeAll(async () => {
    cms = await startCms();
    dir = await makeTempDir('translations');
    const res = await admin('POST', '/i18n/locales', { name: 'French (fr)', code: 'fr', isDefault: false });
    expect(res.status, await res.clone().text()).toBe(200);
  });
  afterAll(async () => {
    await cms?.dispose();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('serves the status to administrators only: not anonymously, not with the site token', async () => {
    expect((await admin('GET', '/solace/translations/status?locale=fr', undefined, null)).status).toBe(401);
    expect((await admin('GET', '/solace/translations/status?locale=fr', undefined, cms.siteToken)).status).toBe(401);
    const bad = await admin('GET', '/solace/translations/status?locale=xx');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/no locale "xx"/);
  });

  it('lists every document of every localised type as missing in a new locale', async () => {
    const fr = await status('fr');
    expect(fr.length).toBeGreaterThan(10);
    expect(fr.every((s) => s.state === 'missing')).toBe(true);
    const types = new Set(fr.map((s) => s.uid.split('.')[1]));
    const existing = await fs.readdir(path.join(__dirname, '../src/api'));
    expect([...types].sort()).toEqual(EXPECTED_TYPES.filter((t) => existing.includes(t)).sort());
    // The demo's Spanish existed before any record: its first boot took it as the baseline.
    const es = await status('es');
    expect(es.some((s) => s.state === 'up-to-date')).toBe(true);
    expect(es.filter((s) => s.state === 'outdated' || s.state === 'unknown')).toEqual([]);
    article = fr.find((s) => s.uid === ARTICLE)!;
    expect(article.adminPath).toBe(`/content-manager/collection-types/${ARTICLE}/${article.documentId}?plugins[i18n][locale]=fr`);
  });

  it('says up to date after a translation is saved, and outdated with the old and new text once the English title changes', async () => {
    const en = await articleDraft(article.documentId, 'en');
    englishTitle = en.title as string;
    const saved = await admin('PUT', `/content-manager/collection-types/${ARTICLE}/${article.documentId}?locale=fr`, {
      title: 'Titre français',
      slug: 'titre-francais',
      summary: 'Résumé.',
      body: 'Corps **en Markdown**.',
      coverAlt: 'Une image',
      seo: { metaTitle: 'Titre', metaDescription: 'Description.' },
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect((await status('fr')).find((s) => s.documentId === article.documentId)).toMatchObject({ state: 'up-to-date', changes: [], baseline: false, published: false });

    const changed = await admin('PUT', `/content-manager/collection-types/${ARTICLE}/${article.documentId}?locale=en`, { title: `${englishTitle} (revised)` });
    expect(changed.status).toBe(200);
    const after = (await status('fr')).find((s) => s.documentId === article.documentId)!;
    expect(after.state).toBe('outdated');
    expect(after.changes).toEqual([{ field: 'title', before: englishTitle, after: `${englishTitle} (revised)` }]);

    // The edit view's panel: every locale of the one document.
    const panel = (await json<{ data: Status[] }>('GET', `/solace/translations/documents/${ARTICLE}/${article.documentId}`)).data;
    expect(panel.map((s) => [s.locale, s.state]).sort()).toEqual([['es', 'outdated'], ['fr', 'outdated']]);
    expect((await admin('GET', `/solace/translations/documents/${ARTICLE}/nosuchdocument`)).status).toBe(404);
  });

  it('shows the Translations page and the edit view’s panel in the admin (Chromium)', { timeout: 420_000 }, async () => {
    const { page } = browser;
    // The admin is a large single-page app; on a busy machine its first load takes a while.
    page.setDefaultTimeout(120_000);
    await page.goto(`${cms.url}/admin/auth/login`, { timeout: 120_000 });
    await page.locator('input[name="email"]').fill(cms.admin.email);
    await page.locator('input[name="password"]').fill(cms.admin.password);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });

    await page.getByRole('link', { name: 'Translations' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Translations' }).waitFor();
    // Pick French (the first other locale is Spanish).
    await page.getByRole('combobox', { name: 'Locale' }).click();
    await page.getByRole('option', { name: /French/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Outdated (1)' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: `${englishTitle} (revised)` });
    expect(await row.textContent()).toContain(`Was: ${englishTitle}`);
    await page.getByRole('heading', { level: 2, name: /^Missing \(\d+\)$/ }).waitFor();
    expect(await axeViolations(page, { within: 'main' })).toEqual([]);

    await row.getByRole('link').click();
    await page.waitForURL((url) => url.pathname.endsWith(`/content-manager/collection-types/${ARTICLE}/${article.documentId}`));
    expect(new URL(page.url()).searchParams.get('plugins[i18n][locale]')).toBe('fr');
    // The side panel: every locale of the document, what changed.
    const panelLine = page.getByRole('listitem').filter({ hasText: /French/ }).filter({ hasText: 'Outdated' });
    await panelLine.waitFor();
    expect(await panelLine.textContent()).toContain('title changed');
  });

  it('prints a table, JSON for scripts, and fails with --strict while something is missing or outdated', async () => {
    // As typed locally: the CMS's address and administrator from its own settings, logging in.
    const table = await cms.runScript(['scripts/translations.mjs', '--locale', 'fr']);
    expect(table.code, table.output).toBe(0);
    expect(table.output).toMatch(/LOCALE\s+STATUS\s+TYPE/);
    expect(table.output).toMatch(/fr\s+outdated\s+Article/);
    expect(table.output).toContain(`was: ${englishTitle}`);
    expect(table.output).toMatch(/fr: 0 up to date, 1 outdated, \d+ missing/);

    const asJson = await cli('--locale', 'fr', '--json');
    expect(asJson.code).toBe(0);
    const parsed = JSON.parse(asJson.output) as Status[];
    expect(parsed.find((s) => s.documentId === article.documentId)?.changes[0]?.field).toBe('title');

    expect((await cli('--locale', 'fr', '--json', '--strict')).code).toBe(1);
    const unknownLocale = await cli('--locale', 'xx');
    expect(unknownLocale.code).toBe(2);
    expect(unknownLocale.output).toContain('There is no locale "xx"');
  });

  it('exports only the changed fields with --only outdated, with the previous source', async () => {
    const { file, xml } = await exportFile('--locale', 'fr', '--only', 'outdated');
    expect(file).toMatchObject({ srcLang: 'en', trgLang: 'fr' });
    expect(file.documents).toHaveLength(1);
    expect(file.documents[0]!.units.map((u) => [u.field, u.source, u.target, u.state])).toEqual([
      ['title', `${englishTitle} (revised)`, 'Titre français', 'translated'],
    ]);
    expect(xml).toContain(`id="${ARTICLE}--${article.documentId}--title"`);
    expect(xml).toContain('<note category="previous-source">');
    const missing = await exportFile('--locale', 'fr', '--only', 'missing');
    expect(missing.file.documents.some((d) => d.documentId === article.documentId)).toBe(false);
    expect(missing.file.documents.flatMap((d) => d.units).every((u) => u.state === 'initial' && u.target === null)).toBe(true);
  });

  it('round-trips XLIFF: export, edit every target, import: the CMS holds exactly the edited texts, as drafts', { timeout: 240_000 }, async () => {
    const { file } = await exportFile('--locale', 'fr');
    const fields = new Set(file.documents.flatMap((d) => d.units.map((u) => u.field)));
    // Components and repeatable components are there, by path.
    expect(fields).toContain('seo.metaTitle');
    expect(fields).toContain('questions.0.prompt');
    expect(fields).toContain('results.0.body');
    for (const document of file.documents) for (const unit of document.units) unit.target = frenchOf(unit.field, unit.source);

    const { code, output, result } = await importFile(file);
    expect(code, output).toBe(0);
    expect(result.failed).toEqual([]);
    expect(result.written).toHaveLength(file.documents.length);

    // What the CMS holds now is exactly what was written, unit by unit.
    const again = await exportFile('--locale', 'fr');
    const expected = file.documents.flatMap((d) => d.units.map((u) => [d.documentId, u.field, u.target]));
    expect(again.file.documents.flatMap((d) => d.units.map((u) => [d.documentId, u.field, u.target]))).toEqual(expected);
    // Articles are drafts (nothing published), the other types saved as the admin saves them.
    const articleUnits = again.file.documents.filter((d) => d.uid === ARTICLE).flatMap((d) => d.units);
    expect(articleUnits.every((u) => u.state === 'translated')).toBe(true);
    expect(again.file.documents.filter((d) => d.uid !== ARTICLE).flatMap((d) => d.units).every((u) => u.state === 'final')).toBe(true);
    const draft = await articleDraft(article.documentId, 'fr');
    expect(draft.title).toBe(frenchOf('title', `${englishTitle} (revised)`));
    expect(draft.publishedAt).toBeNull();

    const fr = await status('fr');
    expect(fr.filter((s) => s.state !== 'up-to-date')).toEqual([]);
    expect((await cli('--locale', 'fr', '--strict')).code).toBe(0);
  });

  it('refuses a file for an unknown document or a changed source, and writes nothing', async () => {
    const { file } = await exportFile('--locale', 'fr');
    const target = file.documents.find((d) => d.documentId === article.documentId)!;
    const title = target.units.find((u) => u.field === 'title')!;
    const before = title.target;
    title.target = 'Ne doit pas être écrit';

    const unknown = structuredClone(file);
    unknown.documents.push({ ...unknown.documents[0]!, documentId: 'nosuchdocument00000000000' });
    const refusedUnknown = await importFile(unknown);
    expect(refusedUnknown.code).toBe(1);
    expect(refusedUnknown.result.refused).toEqual([expect.objectContaining({ documentId: 'nosuchdocument00000000000', message: expect.stringMatching(/unknown document/) })]);
    expect(refusedUnknown.result.written).toEqual([]);

    const changed = structuredClone(file);
    changed.documents.find((d) => d.documentId === article.documentId)!.units.find((u) => u.field === 'summary')!.source = 'Not what the English says';
    const refusedChanged = await importFile(changed);
    expect(refusedChanged.code).toBe(1);
    expect(refusedChanged.result.refused).toEqual([
      expect.objectContaining({ documentId: article.documentId, field: 'summary', message: expect.stringMatching(/source text of summary changed/) }),
    ]);
    expect((await articleDraft(article.documentId, 'fr')).title).toBe(before);
  });

  it('names the document and field of a unit that fails validation, and writes nothing of that document', async () => {
    const { file } = await exportFile('--locale', 'fr');
    const find = (uid: string, id?: string) => structuredClone(file.documents.find((d) => d.uid === uid && (!id || d.documentId === id))!);
    const unit = (document: XliffFile['documents'][number], field: string) => document.units.find((u) => u.field === field)!;
    // A topic (no drafts: every rule applies) with a slug that is not a slug.
    const topic = find('api::topic.topic');
    unit(topic, 'name').target = 'Sujet qui ne doit pas être écrit';
    unit(topic, 'slug').target = 'Not A Slug!';
    // An article draft whose SEO title is longer than its 60 characters.
    const draft = find(ARTICLE, article.documentId);
    unit(draft, 'title').target = 'Titre qui ne doit pas être écrit';
    unit(draft, 'seo.metaTitle').target = 'x'.repeat(61);
    // An author that is fine: written, whatever happens to the others.
    const author = structuredClone(file.documents.find((d) => d.uid === 'api::author.author' && d.units.some((u) => u.field === 'role'))!);
    unit(author, 'role').target = 'Rôle modifié';
    const [topicBefore, draftBefore] = [(await exportFile('--locale', 'fr')).file, await articleDraft(article.documentId, 'fr')];

    const { out, code, result } = await importFile({ ...file, documents: [topic, draft, author] });
    expect(code).toBe(1);
    expect(result.failed).toEqual([
      expect.objectContaining({ uid: 'api::topic.topic', documentId: topic.documentId, field: 'slug', label: expect.stringMatching(/^Topic: /) }),
      expect.objectContaining({ uid: ARTICLE, documentId: article.documentId, field: 'seo.metaTitle', label: expect.stringMatching(/^Article: /) }),
    ]);
    // As a person reads it (the same file again: the author is written again, the others again not).
    const text = await cli('import', out);
    expect(text.code).toBe(1);
    expect(text.output).toMatch(new RegExp(`not written: Topic: .* \\(api::topic.topic ${topic.documentId}\\) field slug: slug must match`));
    expect(text.output).toMatch(/not written: Article: .* field seo\.metaTitle: seo\.metaTitle must be at most 60 characters/);
    expect(result.written.map((w) => w.documentId)).toEqual([author.documentId]);

    const after = (await exportFile('--locale', 'fr')).file;
    const targets = (f: XliffFile, id: string) => f.documents.find((d) => d.documentId === id)!.units.map((u) => [u.field, u.target]);
    expect(targets(after, topic.documentId)).toEqual(targets(topicBefore, topic.documentId));
    expect(targets(after, article.documentId)).toEqual(targets(topicBefore, article.documentId));
    expect((await articleDraft(article.documentId, 'fr')).title).toBe(draftBefore.title);
    expect(unit(after.documents.find((d) => d.documentId === author.documentId)!, 'role').target).toBe('Rôle modifié');
  });
});
