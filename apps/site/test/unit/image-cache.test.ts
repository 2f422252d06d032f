import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheFileName, createImageCache } from '../../src/images/cache.js';

const URL_ = 'http://cms.test/uploads/cover_abc123.jpg';

describe('the image download cache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-image-cache-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  const counting = (bytes = Buffer.from('jpeg bytes')) => {
    const calls: string[] = [];
    return { calls, download: async (url: string) => (calls.push(url), bytes) };
  };

  it('keys an entry on the URL and updatedAt, keeping the extension', () => {
    const a = cacheFileName({ url: URL_, updatedAt: '2026-11-01T00:00:00.000Z' });
    expect(a).toMatch(/^[0-9a-f]{40}\.jpg$/);
    expect(cacheFileName({ url: URL_, updatedAt: '2026-11-02T00:00:00.000Z' })).not.toBe(a);
    expect(cacheFileName({ url: URL_.replace('abc123', 'def456'), updatedAt: '2026-11-01T00:00:00.000Z' })).not.toBe(a);
    expect(cacheFileName({ url: 'http://cms.test/files/42' })).toMatch(/^[0-9a-f]{40}$/);
  });

  it('downloads once for pages asking at the same time, and not again for a later build', async () => {
    const { calls, download } = counting();
    const cache = createImageCache({ dir, download });
    const paths = await Promise.all([cache.localPath({ url: URL_ }), cache.localPath({ url: URL_ })]);
    expect(calls).toEqual([URL_]);
    expect(await fs.readFile(paths[0]!, 'utf8')).toBe('jpeg bytes');

    const later = counting();
    expect(await createImageCache({ dir, download: later.download }).localPath({ url: URL_ })).toBe(paths[0]);
    expect(later.calls).toEqual([]);
  });

  it('downloads again when the file changed in the media library (same URL, newer updatedAt)', async () => {
    const { calls, download } = counting();
    await createImageCache({ dir, download }).localPath({ url: URL_, updatedAt: '2026-11-01T00:00:00.000Z' });
    await createImageCache({ dir, download }).localPath({ url: URL_, updatedAt: '2026-11-02T00:00:00.000Z' });
    expect(calls).toEqual([URL_, URL_]);
  });

  it('keeps nothing of a failed download', async () => {
    const cache = createImageCache({
      dir,
      download: async () => {
        throw new Error(`Could not download ${URL_}`);
      },
    });
    await expect(cache.localPath({ url: URL_ })).rejects.toThrow(`Could not download ${URL_}`);
    expect(await fs.readdir(dir)).toEqual([]);
  });
});
