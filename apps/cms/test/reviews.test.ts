import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CMS_DIR, makeTempDir, sharedSecrets } from '../testing';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../testing/database';

type Overdue = { documentId: string; locale: string; title: string; nextReviewDue: string }[];

// overdueReviews runs inside the CMS (the admin's status view calls it): a real Strapi is loaded
// in a child process on a throwaway database seeded with the demo content, and asked.
describe('overdueReviews, on the database the tests use', () => {
  let database: ThrowawayDatabase | undefined;
  let dir = '';
  afterAll(async () => {
    await database?.drop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('lists, per locale, the demo articles whose next review is before the given day', async () => {
    dir = await makeTempDir('reviews');
    await fs.mkdir(path.join(dir, 'public/uploads'), { recursive: true });
    database = await createThrowawayDatabase(dir);
    const env = {
      HOME: dir,
      NODE_ENV: 'production',
      ...sharedSecrets(),
      PUBLIC_DIR: path.join(dir, 'public'),
      SEED_DEMO_CONTENT: 'true',
      STRAPI_TELEMETRY_DISABLED: 'true',
      ...database.env,
    };
    const script = path.join(CMS_DIR, 'test/support/overdue-reviews.mjs');
    const { stdout } = await promisify(execFile)(process.execPath, [script, '2026-05-12', '2026-05-13', '2027-03-04'], {
      cwd: CMS_DIR,
      env,
      maxBuffer: 10_000_000,
    });
    const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
    const results = JSON.parse(line!.slice('RESULT '.length)) as Record<string, Overdue>;

    // Due on 12 May 2026 is not overdue that day, but is the next.
    expect(results['2026-05-12']).toEqual([]);
    const overdue = results['2026-05-13']!;
    expect(overdue.map((r) => [r.locale, r.title, r.nextReviewDue]).sort()).toEqual([
      ['en', 'Heart failure and palliative care: support through the ups and downs', '2026-05-12'],
      ['es', expect.any(String), '2026-05-12'],
    ]);
    expect(new Set(overdue.map((r) => r.documentId)).size).toBe(1);
    // A year on, every reviewed demo article in both locales, the longest overdue first.
    const later = results['2027-03-04']!;
    expect(later.length).toBeGreaterThan(4);
    expect(later.map((r) => r.nextReviewDue)).toEqual([...later.map((r) => r.nextReviewDue)].sort());
  }, 180_000);
});
