import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ALLOWED_UPLOAD_TYPES, sniffUploadType } from '../src/security/upload-types';

const image = (format: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif') =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a7' } }).toFormat(format).toBuffer();

describe('sniffUploadType (by content, never by name)', () => {
  it.each([
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['avif', 'image/avif'],
    ['gif', 'image/gif'],
  ] as const)('recognises a real %s image', async (format, type) => {
    expect(sniffUploadType(await image(format))).toBe(type);
  });

  it('recognises a PDF', () => {
    expect(sniffUploadType(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'))).toBe('application/pdf');
  });

  it.each([
    ['HTML', '<!doctype html><script>alert(document.cookie)</script>'],
    ['HTML behind a BOM', '\ufeff<html><body onload="alert(1)">'],
    ['SVG with a script', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['XML', '<?xml version="1.0"?><svg/>'],
    ['JavaScript', 'fetch("/admin/users").then((r) => r.text())'],
    ['an empty file', ''],
    ['RIFF that is not WebP (WAV)', 'RIFF\x24\x00\x00\x00WAVEfmt '],
    ['an MP4 (ISO-BMFF without an AVIF brand)', '\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00isommp42'],
    ['a ZIP', 'PK\x03\x04\x14\x00\x00\x00'],
    ['a PDF signature that is not at the start', ' %PDF-1.7'],
  ])('refuses %s', (_, content) => {
    expect(sniffUploadType(Buffer.from(content, 'latin1'))).toBeNull();
  });

  it('allows exactly the web images and PDF', () => {
    expect([...ALLOWED_UPLOAD_TYPES].sort()).toEqual(['application/pdf', 'image/avif', 'image/gif', 'image/jpeg', 'image/png', 'image/webp']);
  });
});
