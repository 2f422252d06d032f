import crypto from 'node:crypto';

/**
 * A hash of a JSON-like value. Objects met more than once (an article card sits in its page, the
 * lists, its author's and topics' pages) are hashed once per build: `memo` keeps each object's hash.
 * An object is written out as text (keys and primitives as JSON, nested objects as their own
 * hash) and hashed in one call; a short text stands for itself (it starts with "[" or "{", a hash
 * never does), which spares a hash for each of the many small objects (links, images).
 */
export function valueHash(value: unknown, memo: WeakMap<object, string>): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  const known = memo.get(value);
  if (known) return known;
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (const item of value) text += `${valueHash(item, memo)},`;
  } else {
    text = '{';
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue; // as JSON.stringify drops it
      text += `${JSON.stringify(key)}:${valueHash(item, memo)},`;
    }
  }
  const digest = text.length <= SHORT_TEXT ? text : crypto.createHash('sha1').update(text).digest('hex');
  memo.set(value, digest);
  return digest;
}

/** The length of a hash in hex: a text no longer than that is no longer to carry than its hash. */
const SHORT_TEXT = 40;

export function textHash(...parts: string[]) {
  const hash = crypto.createHash('sha1');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}
