import { ContentValidationError } from '@solace/content';
import type { BuildError } from './rebuild-report.js';

/** What the CMS shows for a failed build: the message, and the entry and field when content is at fault. */
export function describeBuildError(error: unknown): BuildError {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ContentValidationError)) return { message, entry: null };
  const field = error.issues.find((issue) => issue.path)?.path ?? null;
  return { message, entry: { type: error.type, documentId: error.documentId, locale: error.locale, field } };
}
