import fs from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  compareTrees,
  countTables,
  createApiToken,
  makeTempDir,
  querySql,
  startCms,
  type RunningCms,
} from '../testing';

// `pnpm backup` / `pnpm restore` (scripts/backup.mjs, scripts/restore.mjs) on the database this
// suite runs on (SQLite, or PostgreSQL with DATABASE_CLIENT=postgres).
describe('backup and restore', () => {
  let cms: RunningCms;
  let work: string;
  let archive: string;
  let token: string;

  const api = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${cms.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };

  /** What the database holds, read straight from it: a change anywhere in these rows shows. */
  const fingerprint = async () => ({
    tables: await countTables(cms.databaseEnv),
    articles: await querySql(cms.databaseEnv, 'SELECT document_id, locale, title, published_at, updated_at FROM articles ORDER BY id'),
    providers: await querySql(cms.databaseEnv, 'SELECT document_id, locale, name, updated_at FROM providers ORDER BY id'),
    files: await querySql(cms.databaseEnv, 'SELECT name, hash, url FROM files ORDER BY id'),
    uploads: (await fs.readdir(cms.uploadsDir)).sort(),
  });

  beforeAll(async () => {
    cms = await startCms();
    work = await makeTempDir('backup-test');
    archive = path.join(work, 'backup.tar.gz');
    token = await createApiToken(cms, 'full-access');
  });
  afterAll(async () => {
    await cms?.dispose();
    if (work) await fs.rm(work, { recursive: true, force: true });
  });

  it('restores demo content plus edits into a wiped CMS, and the site builds byte for byte the same', async () => {
    // Edits on top of the demo: an article with an uploaded cover, a changed provider, a deleted topic.
    const demoCover = (await fs.readdir(cms.uploadsDir)).find((name) => /^demo_cover_.*\.jpg$/.test(name))!;
    const form = new FormData();
    form.append('files', new Blob([await fs.readFile(path.join(cms.uploadsDir, demoCover))], { type: 'image/jpeg' }), 'backup-cover.jpg');
    const uploadRes = await fetch(`${cms.url}/api/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(uploadRes.status).toBe(201);
    const [cover] = (await uploadRes.json()) as { id: number }[];
    await api('POST', '/api/articles?locale=en&status=published', {
      data: {
        title: 'Kept through a backup',
        slug: 'kept-through-a-backup',
        summary: 'An article written after the demo content was seeded.',
        body: 'It has a cover image uploaded through the API.',
        cover: cover!.id,
        coverAlt: 'A placeholder picture',
        date: '2025-03-04',
        seo: { metaTitle: 'Kept through a backup', metaDescription: 'Written after seeding.' },
      },
    });
    const providers = await api('GET', '/api/providers?locale=en&sort=slug&pagination[pageSize]=1');
    await api('PUT', `/api/providers/${providers.data[0].documentId}?locale=en`, { data: { name: 'Renamed Before The Backup' } });
    const topics = await api('GET', '/api/topics?locale=en&sort=slug:desc&pagination[pageSize]=1');
    await api('DELETE', `/api/topics/${topics.data[0].documentId}?locale=en`);

    const before = path.join(work, 'site-before');
    await buildSite(cms, before);

    // Taken while the CMS runs, as a nightly job would.
    const backup = await cms.runScript(['scripts/backup.mjs', '--out', archive]);
    expect(backup.output).toContain(`Backup written: ${archive}`);
    expect(backup.code).toBe(0);
    const { size } = await fs.stat(archive);
    expect(size).toBeGreaterThan(1000);

    await cms.stop();
    const uploadsBefore = path.join(work, 'uploads-before');
    await fs.cp(cms.uploadsDir, uploadsBefore, { recursive: true });
    await cms.wipe();
    expect(await countTables(cms.databaseEnv)).toBe(0);
    expect(await fs.readdir(cms.uploadsDir)).toEqual([]);

    const restore = await cms.runScript(['scripts/restore.mjs', archive]);
    expect(restore.output).toContain('counts match the manifest');
    expect(restore.code).toBe(0);
    // Every uploaded file is back, byte for byte (the site links to them; it does not copy them).
    const uploads = await compareTrees(uploadsBefore, cms.uploadsDir);
    expect(uploads.differences).toEqual([]);
    expect(uploads.files).toBeGreaterThan(1);
    await cms.restart();

    const after = path.join(work, 'site-after');
    await buildSite(cms, after);
    const comparison = await compareTrees(before, after);
    expect(comparison.differences).toEqual([]);
    expect(comparison.files).toBeGreaterThan(50);
    // The edits are in the rebuilt site (so the comparison is not between two builds that missed them).
    const html = await fs.readFile(path.join(after, 'en/articles/kept-through-a-backup/index.html'), 'utf8');
    expect(html).toContain('Kept through a backup');
    expect(html).toMatch(/backup_cover_[0-9a-f]+\.jpg/);
  });

  it('refuses a running CMS and a database that is not empty unless told to replace it', async () => {
    const running = await cms.runScript(['scripts/restore.mjs', archive, '--replace']);
    expect(running.code).toBe(1);
    expect(running.output).toMatch(/A CMS is running .* Stop it before restoring/);

    await cms.stop();
    const held = await fingerprint();
    const refused = await cms.runScript(['scripts/restore.mjs', archive]);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/Refusing to restore over existing data: the database has \d+ table\(s\) .* pass --replace/);
    expect(await fingerprint()).toEqual(held);

    // With --replace, an edit made after the backup is gone again.
    await cms.restart();
    const providers = await api('GET', '/api/providers?locale=en&sort=slug&pagination[pageSize]=1');
    await api('PUT', `/api/providers/${providers.data[0].documentId}?locale=en`, { data: { name: 'Renamed After The Backup' } });
    await cms.stop();
    const replaced = await cms.runScript(['scripts/restore.mjs', archive, '--replace']);
    expect(replaced.output).toContain('counts match the manifest');
    expect(replaced.code).toBe(0);
    const names = await querySql<{ name: string }>(cms.databaseEnv, `SELECT name FROM providers WHERE document_id = '${providers.data[0].documentId}' AND locale = 'en'`);
    expect(names.map((row) => row.name)).toEqual(['Renamed Before The Backup']);
    expect(await fingerprint()).toEqual(held);
  });

  it('refuses a truncated archive without touching the database or the uploads', async () => {
    const held = await fingerprint();
    const bytes = await fs.readFile(archive);
    for (const [label, length] of [['half', Math.floor(bytes.length / 2)], ['last bytes', bytes.length - 8]] as const) {
      const truncated = path.join(work, `truncated-${label.replace(' ', '-')}.tar.gz`);
      await fs.writeFile(truncated, bytes.subarray(0, length));
      const result = await cms.runScript(['scripts/restore.mjs', truncated, '--replace']);
      expect(result.code, label).toBe(1);
      expect(result.output, label).toMatch(/Restore refused: .* is truncated or damaged .*Nothing was changed/);
      expect(await fingerprint(), label).toEqual(held);
    }
  });

  it('refuses an archive whose schema hash differs from the code', async () => {
    const unpacked = path.join(work, 'unpacked');
    await fs.mkdir(unpacked);
    await tar.extract({ file: archive, cwd: unpacked });
    const manifestFile = path.join(unpacked, 'manifest.json');
    const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8'));
    manifest.schemaHash = 'f'.repeat(64);
    await fs.writeFile(manifestFile, JSON.stringify(manifest));
    const other = path.join(work, 'other-schema.tar.gz');
    await tar.create({ gzip: true, file: other, cwd: unpacked }, await fs.readdir(unpacked));

    const held = await fingerprint();
    const result = await cms.runScript(['scripts/restore.mjs', other, '--replace']);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/Restore refused: The archive's content-type schema \(hash ffffffffffff.*\) differs from this code's/);
    expect(await fingerprint()).toEqual(held);
  });
});
