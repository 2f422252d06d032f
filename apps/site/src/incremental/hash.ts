import crypto from 'node:crypto';
import { isLasting } from '@solace/content';

/**
 * A hash of a JSON-like value. Objects met more than once (an article card sits in its page, the
 * lists, its author's and topics' pages) are hashed once per build: `memo` keeps each object's hash.
 * An object is written out as text (keys and primitives as JSON, nested objects as their own
 * hash) and hashed in one call; a short text stands for itself (it starts with "[" or "{", a hash
 * never does), which spares a hash for each of the many small objects (links, images).
 * A lasting value (@solace/content: frozen, with everything in it) keeps its hash for the life of
 * the process: a build process that worked out the previous build's pages while it waited hashes
 * only what its load made anew.
 */
export function valueHash(value: unknown, memo: WeakMap<object, string>): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  const hashes = isLasting(value) ? lastingHashes : memo;
  const known = hashes.get(value);
  if (known) return known;
  let text: string;
  if (Array.isArray(value)) {
    text = '[';
    for (const item of value) text += `${valueHash(item, memo)},`;
  } else {
    text = '{';
    const record = value as Record<string, unknown>;
    // Plain objects (the model is made of them): for...in sees their own keys, in order.
    for (const key in record) {
      const item = record[key];
      if (item === undefined) continue; // as JSON.stringify drops it
      text += `${quotedKey(key)}:${valueHash(item, memo)},`;
    }
  }
  const digest = text.length <= SHORT_TEXT ? text : sha1(text);
  hashes.set(value, digest);
  return digest;
}

const lastingHashes = new WeakMap<object, string>();

/** The model has few distinct keys and many objects: each key is quoted once. */
const quotedKeys = new Map<string, string>();
function quotedKey(key: string) {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) quotedKeys.set(key, (quoted = JSON.stringify(key)));
  return quoted;
}

/** One call where Node has it (crypto.hash, Node 20.12+): far cheaper than a Hash object for the many short texts. */
const sha1 = (text: string): string =>
  typeof crypto.hash === 'function' ? crypto.hash('sha1', text, 'hex') : crypto.createHash('sha1').update(text).digest('hex');

/** The length of a hash in hex: a text no longer than that is no longer to carry than its hash. */
const SHORT_TEXT = 40;

/** A hash of texts in order (each ended by a NUL, so ["ab", "c"] and ["a", "bc"] differ). */
export function textHash(...parts: string[]) {
  let text = '';
  for (const part of parts) text += `${part}\0`;
  return sha1(text);
}
