import crypto from 'node:crypto';

/** Compares a presented secret with the expected one in constant time (hashes even out the lengths). */
export function secretMatches(presented: string, expected: string) {
  const digest = (value: string) => crypto.createHash('sha256').update(value).digest();
  return expected !== '' && crypto.timingSafeEqual(digest(presented), digest(expected));
}
