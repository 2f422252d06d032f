/** What every localised document has: its id across locales, the locale of this version, and its page's slug. */
export type LocalisedEntry = { documentId: string; locale: string; slug: string };
