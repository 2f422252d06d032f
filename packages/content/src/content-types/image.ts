import { z } from 'zod';
import { text } from '../checks.js';
import { graphql } from '../generated/gql.js';
import type { ImageFragment } from '../generated/graphql.js';

export const imageFields = graphql(`
  fragment Image on UploadFile {
    url
    width
    height
    mime
    updatedAt
  }
`);

export const imageChecks = z.object({
  url: text(),
  mime: z.string().startsWith('image/', 'must be an image'),
});

export type Image = {
  url: string;
  width: number | null;
  height: number | null;
  alt: string;
  /** When the file last changed in the media library: with the URL, the site's download cache key
   * (replacing a file keeps its URL). */
  updatedAt?: string;
};

/** Strapi serves uploads with a path relative to itself; the site needs a full URL. */
export function toImage(node: ImageFragment | null, alt: string, cmsOrigin: string): Image | null {
  if (!node) return null;
  const image: Image = { url: new URL(node.url, cmsOrigin).toString(), width: node.width ?? null, height: node.height ?? null, alt };
  if (node.updatedAt) image.updatedAt = node.updatedAt;
  return image;
}
