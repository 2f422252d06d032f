import type { z } from 'zod';
import { ContentValidationError } from './errors.js';

export interface EntryLocation {
  type: string;
  documentId?: string | null;
  locale?: string | null;
}

/** Parses one CMS entry, or throws an error that names the entry and every bad field. */
export function parseEntry<S extends z.ZodType>(schema: S, raw: unknown, where: EntryLocation): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new ContentValidationError(where, issues);
}
