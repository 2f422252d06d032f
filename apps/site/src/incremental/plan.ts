import type { Manifest, PageRecord } from './manifest.js';
import type { PageItem } from './pages.js';

export type BuildPlan =
  | { mode: 'cold'; reason: string; render: PageItem[]; carry: [] }
  /** Nothing changed: the previous output is the new one, file for file. */
  | { mode: 'unchanged'; render: []; carry: PageItem[] }
  | { mode: 'incremental'; render: PageItem[]; carry: { item: PageItem; record: PageRecord }[] };

/**
 * Which pages to render and which to take from the previous output: a page is taken when its
 * fingerprint is the one the previous build recorded for it. Pages that are gone are simply
 * not taken.
 */
export function planBuild(items: PageItem[], previous: Manifest | null, coldReason: string): BuildPlan {
  if (!previous) return { mode: 'cold', reason: coldReason, render: items, carry: [] };
  const render: PageItem[] = [];
  const carry: { item: PageItem; record: PageRecord }[] = [];
  for (const item of items) {
    const record = previous.pages[item.key];
    if (record && record.fingerprint === item.fingerprint) carry.push({ item, record });
    else render.push(item);
  }
  const sameSet = items.length === Object.keys(previous.pages).length;
  if (render.length === 0 && sameSet) return { mode: 'unchanged', render: [], carry: items };
  return { mode: 'incremental', render, carry };
}
