import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';

// Calm palettes for the generated abstract covers: background, then three shape colours.
const PALETTES = [
  ['#e7f0ee', '#2f6f6a', '#c9a66b', '#8fb8b0'],
  ['#f3ede4', '#b5654a', '#5f7f96', '#e0b995'],
  ['#eceef6', '#4b5a8a', '#9db4c0', '#d8a48f'],
  ['#eef3e6', '#5b7a3a', '#c7b26b', '#a3c4a8'],
  ['#f5ecef', '#8a4b63', '#d3a5b3', '#6f8f9e'],
  ['#e9f1f5', '#2c5d7c', '#f0c987', '#7fa7b5'],
  ['#f2efe8', '#6b5b45', '#a8b99a', '#d9b38c'],
  ['#edf0ea', '#3e6b5a', '#b9cfc3', '#c98e6b'],
];

function coverSvg(index: number) {
  const [bg, a, b, c] = PALETTES[index % PALETTES.length]!;
  const shift = (index * 97) % 400;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
  <rect width="1600" height="900" fill="${bg}"/>
  <circle cx="${420 + shift}" cy="380" r="300" fill="${a}" fill-opacity="0.55"/>
  <circle cx="${820 + shift / 2}" cy="520" r="240" fill="${b}" fill-opacity="0.6"/>
  <circle cx="${1180 - shift / 3}" cy="300" r="180" fill="${c}" fill-opacity="0.65"/>
  <path d="M0 720 C 400 620, 800 820, 1600 680 L 1600 900 L 0 900 Z" fill="${a}" fill-opacity="0.35"/>
</svg>`;
}

/** Uploads a generated cover (once: found again by its file name) and returns its id. */
export async function ensureCoverImage(strapi: Core.Strapi, key: string, index: number, alt: string) {
  const name = `demo-cover-${key}.jpg`;
  const existing = await strapi.db.query('plugin::upload.file').findOne({ where: { name } });
  if (existing) return existing.id as number;

  const filepath = path.join(os.tmpdir(), `${process.pid}-${name}`);
  await sharp(Buffer.from(coverSvg(index))).jpeg({ quality: 82 }).toFile(filepath);
  try {
    const { size } = await fs.stat(filepath);
    const [file] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name, alternativeText: alt } },
        files: { filepath, originalFilename: name, mimetype: 'image/jpeg', size },
      });
    return file.id as number;
  } finally {
    await fs.rm(filepath, { force: true });
  }
}
