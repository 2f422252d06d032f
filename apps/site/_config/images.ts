import path from 'node:path';
import Image from '@11ty/eleventy-img';
import type { Image as CmsImage } from '@solace/content';
import type { EleventyConfig } from './types.js';

const WIDTHS = [480, 960, 1440];

/** Responsive, locally served copies of a CMS image; alt text is required. */
export default function imagesPlugin(eleventyConfig: EleventyConfig) {
  eleventyConfig.addAsyncShortcode('image', async (image: CmsImage, sizes: string, loading = 'lazy') => {
    if (!image?.url) throw new Error('image: no image given');
    if (!image.alt?.trim()) throw new Error(`image: ${image.url} has no alt text`);
    const metadata = await Image(image.url, {
      widths: WIDTHS.filter((w) => !image.width || w <= image.width).concat(image.width && image.width < WIDTHS[0]! ? [image.width] : []),
      formats: ['webp', 'jpeg'],
      outputDir: path.join(eleventyConfig.directories.output, 'img'),
      urlPath: '/img/',
      cacheOptions: { duration: '1d', directory: '.cache/images', removeUrlQueryParams: false },
    });
    return Image.generateHTML(metadata, { alt: image.alt, sizes, loading, decoding: 'async' });
  });
}
