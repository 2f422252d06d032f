// What the CMS's /solace admin routes answer (src/builds on the server side).
export type BuildState = 'queued' | 'building' | 'live' | 'failed';
export type BuildTrigger = { event: string; uid: string | null; documentId: string | null; locale: string | null; at: string };
export type Build = {
  target: 'site' | 'preview';
  buildId: string;
  state: BuildState;
  triggers: BuildTrigger[];
  triggerCount: number;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  siteUrl: string;
  receivedAt: string;
  updatedAt: string;
  error: {
    message: string;
    entry: { type: string; documentId: string | null; locale: string | null; field: string | null } | null;
    /** The entry's page in the content manager, relative to the admin, when it has one. */
    entryPath: string | null;
  } | null;
};
export type ArticleSiteStatus =
  | { state: 'not-published' }
  | { state: 'waiting'; publishedAt: string; building: boolean }
  | { state: 'live'; publishedAt: string; url: string; builtAt: string }
  | { state: 'failed'; publishedAt: string; message: string; buildId: string };
export type OverdueReview = { documentId: string; locale: string; title: string; nextReviewDue: string };
