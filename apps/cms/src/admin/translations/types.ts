// What the CMS's /solace/translations admin routes answer (src/translations on the server side).
export type TranslationState = 'missing' | 'outdated' | 'up-to-date' | 'unknown';
export type SourceChange = { field: string; before: string | null; after: string | null };
export type DocumentStatus = {
  uid: string;
  typeName: string;
  documentId: string;
  label: string;
  locale: string;
  state: TranslationState;
  changes: SourceChange[];
  recordedAt: string | null;
  baseline: boolean;
  published: boolean | null;
  adminPath: string | null;
};
export type Locales = { defaultLocale: string; all: { code: string; name: string }[]; targets: { code: string; name: string }[] };

export const STATE_LABELS: Record<TranslationState, string> = {
  missing: 'Missing',
  outdated: 'Outdated',
  'up-to-date': 'Up to date',
  unknown: 'Unknown',
};
