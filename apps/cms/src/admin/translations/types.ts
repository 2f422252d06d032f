// What the CMS's /solace/translations admin routes answer: the server's types (src/translations), type-only.
export type { DocumentStatus, SourceChange, TranslationState } from '../../translations/status';
import type { TranslationState } from '../../translations/status';
export type Locales = { defaultLocale: string; all: { code: string; name: string }[]; targets: { code: string; name: string }[] };

export const STATE_LABELS: Record<TranslationState, string> = {
  missing: 'Missing',
  outdated: 'Outdated',
  'up-to-date': 'Up to date',
  unknown: 'Unknown',
};
