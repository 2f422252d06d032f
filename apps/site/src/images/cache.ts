import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createDownloader, type Download } from '@solace/content';
import { SITE_DIR } from '../env.js';
import { exists } from '../file-exists.js';

/**
 * Where downloaded CMS images are kept between builds: the site's own `.cache/` (git-ignored),
 * not `<outputDir>.cache/`, so that a build into another output folder (a cold build into a fresh
 * folder, the preview, a test) finds them too. Never inside an output folder: nothing here is published.
 */
export const IMAGE_CACHE_DIR = path.join(SITE_DIR, '.cache', 'cms-images');

/** What identifies one version of a CMS file: its URL (which carries Strapi's file hash) and when it last changed. */
export type ImageIdentity = { url: string; updatedAt?: string };

/** The cache's name for one version of a file; the URL's extension is kept for the image tools. */
export function cacheFileName({ url, updatedAt }: ImageIdentity): string {
  const key = crypto.createHash('sha256').update(`${url}\n${updatedAt ?? ''}`).digest('hex').slice(0, 40);
  const extension = path.extname(new URL(url).pathname).toLowerCase();
  return /^\.[a-z0-9]{1,5}$/.test(extension) ? key + extension : key;
}

export type ImageCache = {
  /** A local copy of the image, downloaded (with the CMS retry policy) only if the cache has none. */
  localPath: (image: ImageIdentity) => Promise<string>;
};

export function createImageCache({ dir = IMAGE_CACHE_DIR, download = createDownloader() }: { dir?: string; download?: Download } = {}): ImageCache {
  // Pages that show the same image ask for it at once: one download for all of them (per build).
  const inFlight = new Map<string, Promise<string>>();

  async function fill(file: string, url: string): Promise<string> {
    if (await exists(file)) return file;
    const bytes = await download(url);
    await fs.mkdir(dir, { recursive: true });
    // Only a complete file ever gets the cache's name: an interrupted write leaves a .part file, never a bad entry.
    const part = `${file}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.part`;
    try {
      await fs.writeFile(part, bytes);
      await fs.rename(part, file);
    } catch (error) {
      await fs.rm(part, { force: true });
      throw error;
    }
    return file;
  }

  return {
    localPath(image) {
      const file = path.join(dir, cacheFileName(image));
      let pending = inFlight.get(file);
      if (!pending) {
        pending = fill(file, image.url);
        // A failure stays too: the download already retried, and the build fails on it.
        inFlight.set(file, pending);
      }
      return pending;
    },
  };
}
