import path from 'node:path';
import Image from '@11ty/eleventy-img';
import type { Image as CmsImage } from '@solace/content';
import { createImageCache } from '../src/images/cache.js';
import type { EleventyConfig } from './types.js';

const WIDTHS = [480, 960, 1440];

/**
 * Responsive, locally served copies of a CMS image; alt text is required. The site downloads each
 * image itself (src/images/cache.ts: the CMS retry policy, a cache kept between builds) and hands
 * eleventy-img the local file, whose bytes then name the output files.
 */
export default function imagesPlugin(eleventyConfig: EleventyConfig) {
  const cache = createImageCache();
  eleventyConfig.addAsyncShortcode('image', async (image: CmsImage, sizes: string, loading = 'lazy') => {
    if (!image?.url) throw new Error('image: no image given');
    if (!image.alt?.trim()) throw new Error(`image: ${image.url} has no alt text`);
    const source = await cache.localPath(image);
    const metadata = await Image(source, {
      widths: WIDTHS.filter((w) => !image.width || w <= image.width).concat(image.width && image.width < WIDTHS[0]! ? [image.width] : []),
      formats: ['webp', 'jpeg'],
      outputDir: path.join(eleventyConfig.directories.output, 'img'),
      urlPath: '/img/',
    });
    return Image.generateHTML(metadata, { alt: image.alt, sizes, loading, decoding: 'async' });
  });
}
