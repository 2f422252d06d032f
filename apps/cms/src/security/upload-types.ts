import fs from 'node:fs/promises';

/**
 * What editors may upload: web images for articles and covers, PDF for handouts. Everything else
 * (HTML, SVG, scripts, archives, office files, …) is refused: the CMS serves uploads from its own
 * origin, where active content would run with an editor's session.
 */
export const ALLOWED_UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif', 'application/pdf'] as const;
export type AllowedUploadType = (typeof ALLOWED_UPLOAD_TYPES)[number];

/** Served inline; every other allowed type is served as a download (see middlewares/upload-headers). */
export const INLINE_UPLOAD_TYPES: readonly string[] = ALLOWED_UPLOAD_TYPES.filter((type) => type.startsWith('image/'));

const ascii = (bytes: Uint8Array, start: number, end: number) => Buffer.from(bytes.subarray(start, end)).toString('latin1');

/** ISO-BMFF (the AVIF container): an `ftyp` box whose major or compatible brands include avif/avis. */
function isAvif(bytes: Uint8Array) {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return false;
  const boxSize = Math.min(Buffer.from(bytes.subarray(0, 4)).readUInt32BE(0), bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  return brands.some((brand) => brand === 'avif' || brand === 'avis');
}

/**
 * The allowed type a file's first bytes show it to be, or null: decided by content alone, never by
 * the name or the type the browser declared.
 */
export function sniffUploadType(bytes: Uint8Array): AllowedUploadType | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (isAvif(bytes)) return 'image/avif';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

export async function readFileStart(filePath: string, length = 64) {
  const file = await fs.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
