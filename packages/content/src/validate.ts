import type { z } from 'zod';
import { ContentValidationError } from './errors.js';

export interface EntryLocation {
  type: string;
  documentId?: string | null;
  locale?: string | null;
}

/** A node as its generated GraphQL type has it, narrowed by what its checks proved (a nullable field set, say). */
export type Checked<Node, Checks extends z.ZodType> = Node & z.output<Checks>;

/**
 * The nodes that passed each set of checks. Nodes are never changed once received, and a load
 * that keeps nodes from an earlier one keeps the very objects (load/merge.ts), so a node checked
 * ahead (checkAhead in load.ts) is not checked again.
 */
const passed = new WeakMap<z.ZodType, WeakSet<object>>();
/** Nodes taken as having passed their checks without running them (trustKeptNodes in load.ts). */
const trusted = new WeakSet<object>();

/** Takes these nodes as having passed the checks of their type, which an earlier load of this code ran on them. */
export function trustChecked(nodes: Iterable<object>) {
  for (const node of nodes) trusted.add(node);
}

/**
 * Checks one CMS entry and returns it as it came, typed by what the checks proved; or throws an
 * error that names the entry and every bad field.
 */
export function checkEntry<Node, Checks extends z.ZodType>(
  checks: Checks,
  node: Node,
  where: EntryLocation,
): Checked<Node, Checks> {
  const known = typeof node === 'object' && node !== null ? passed.get(checks) : undefined;
  if (known?.has(node as object) || trusted.has(node as object)) return node as Checked<Node, Checks>;
  const result = checks.safeParse(node);
  // Checks never transform (src/checks.ts), so the node itself is what they passed.
  if (result.success) {
    if (typeof node === 'object' && node !== null) {
      if (!passed.has(checks)) passed.set(checks, new WeakSet());
      passed.get(checks)!.add(node);
    }
    return node as Checked<Node, Checks>;
  }
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new ContentValidationError(where, issues);
}
