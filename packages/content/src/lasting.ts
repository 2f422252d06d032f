/**
 * Content that lasts: mapped values frozen, with everything in them, and kept for as long as what
 * they were made from. A build process maps the kept nodes while it waits for its go, and the load
 * after the go keeps the unchanged nodes as the same objects (load/merge.ts): their values come
 * back as the same objects, and whatever was worked out from a lasting value (the site hashes each
 * page's view) holds for it as long as it lives, since nothing can change it.
 */
const lastingValues = new WeakSet<object>();

/** Whether a value was made lasting (frozen, with everything in it). */
export const isLasting = (value: object) => lastingValues.has(value);

/** Freezes a value and everything in it, and marks it as lasting. */
export function makeLasting<T extends object>(value: T): T {
  freezeAll(value);
  lastingValues.add(value);
  return value;
}

function freezeAll(value: unknown) {
  if (value === null || typeof value !== 'object' || lastingValues.has(value)) return;
  for (const item of Object.values(value)) freezeAll(item);
  Object.freeze(value);
}

/**
 * `map`, answering for a source it met before, with the same other arguments (compared by
 * identity), with the lasting value it made then. `map` must depend on nothing else: its source
 * and arguments are never changed once made (nodes as received, values lasting), so the same ones
 * always give the same value.
 */
export function rememberMapping<S extends object, A extends unknown[], R extends object>(map: (source: S, ...args: A) => R): (source: S, ...args: A) => R {
  const made = new WeakMap<S, { args: A; value: R }>();
  return (source, ...args) => {
    const known = made.get(source);
    if (known && sameItems(known.args, args)) return known.value;
    const value = makeLasting(map(source, ...args));
    made.set(source, { args, value });
    return value;
  };
}

function sameItems(a: readonly unknown[], b: readonly unknown[]) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
