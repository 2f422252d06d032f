import { describe, expect, it } from 'vitest';
import { toImage } from '../src/content-types/image.js';

describe('toImage', () => {
  it("keeps the file's updatedAt: replacing a file in the media library keeps its URL, so the site's image cache keys on both", () => {
    const node = { url: '/uploads/cover_abc.jpg', width: 10, height: 10, mime: 'image/jpeg', updatedAt: '2026-11-30T05:00:00.000Z' };
    expect(toImage(node, 'Alt', 'http://cms.test:1337')).toEqual({
      url: 'http://cms.test:1337/uploads/cover_abc.jpg',
      width: 10,
      height: 10,
      alt: 'Alt',
      updatedAt: '2026-11-30T05:00:00.000Z',
    });
  });

  it('leaves updatedAt out when the CMS gives none', () => {
    const node = { url: '/uploads/cover_abc.jpg', width: null, height: null, mime: 'image/jpeg', updatedAt: null };
    expect(Object.keys(toImage(node, 'Alt', 'http://cms.test:1337')!)).toEqual(['url', 'width', 'height', 'alt']);
  });
});
