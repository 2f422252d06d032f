import crypto from 'node:crypto';

/**
 * A hash of a JSON-like value. Objects met more than once (an article card sits in its page, the
 * lists, its author's and topics' pages) are hashed once per build: `memo` keeps each object's hash.
 */
export function valueHash(value: unknown, memo: WeakMap<object, string>): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  const known = memo.get(value);
  if (known) return known;
  const hash = crypto.createHash('sha1');
  if (Array.isArray(value)) {
    hash.update('[');
    for (const item of value) hash.update(valueHash(item, memo)).update(',');
  } else {
    hash.update('{');
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue; // as JSON.stringify drops it
      hash.update(JSON.stringify(key)).update(':').update(valueHash(item, memo)).update(',');
    }
  }
  const digest = hash.digest('hex');
  memo.set(value, digest);
  return digest;
}

export function textHash(...parts: string[]) {
  const hash = crypto.createHash('sha1');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}
