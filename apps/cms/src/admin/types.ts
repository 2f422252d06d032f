// What the CMS's /solace admin routes answer: the server's own types (type-only imports: nothing of the server reaches the admin bundle).
import type { BuildReport } from '../builds/report';
import type { StoredBuild } from '../builds/store';

export type { BuildState, BuildTrigger } from '../builds/report';
export type { ArticleSiteStatus } from '../builds/article-status';
export type { OverdueReview } from '../reviews';
/** A stored build as the admin route sends it: with the content manager's page of the entry an error names. */
export type Build = Omit<StoredBuild, 'error'> & {
  error: (NonNullable<BuildReport['error']> & { entryPath: string | null }) | null;
};
