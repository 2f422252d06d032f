import { ContentValidationError } from '../errors.js';
import type { LocaleNodes } from './fetch.js';

/** Offset paging over content that changed mid-build could repeat an entry: refuse rather than guess. */
export function assertNoRepeats({ locale, articles, articleDrafts, authors, topics, providers }: LocaleNodes): void {
  const lists: [string, { documentId: string }[]][] = [
    ['article', articles],
    ['article', articleDrafts],
    ['author', authors],
    ['topic', topics],
    ['provider', providers],
  ];
  for (const [type, nodes] of lists) {
    const seen = new Set<string>();
    for (const { documentId } of nodes) {
      if (seen.has(documentId)) {
        throw new ContentValidationError({ type, documentId, locale: locale.code }, [
          { path: '', message: 'returned twice while paging; the content changed during the build, build again' },
        ]);
      }
      seen.add(documentId);
    }
  }
}
