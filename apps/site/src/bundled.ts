import path from 'node:path';
import { SITE_DIR } from './env.js';

/**
 * Node's arguments to run a TypeScript entry of this package (a path in the site) in a process of
 * its own, as `pnpm build` does: one bundled module, without tsx's loader (scripts/run-bundled.mjs).
 */
export function bundledArgs(entry: string, ...args: string[]): string[] {
  return [path.join(SITE_DIR, 'scripts/run-bundled.mjs'), entry, ...args];
}
