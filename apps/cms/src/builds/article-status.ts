import type { Core } from '@strapi/strapi';
import { sitePath } from '../preview';
import { listBuilds, type StoredBuild } from './store';

const UID = 'api::article.article';

/** Where one locale of an article stands on the public site, for the panel beside the editor. */
export type ArticleSiteStatus =
  | { state: 'not-published' }
  | { state: 'waiting'; publishedAt: string; building: boolean }
  | { state: 'live'; publishedAt: string; url: string; builtAt: string }
  | { state: 'failed'; publishedAt: string; message: string; buildId: string };

const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NaN);

/**
 * Live: a site build that started after this version was published went live (the site serves
 * the last good build, so a later failure does not take it down). Failed: the builds since then
 * all failed. Otherwise it waits for the next build.
 */
export async function articleSiteStatus(strapi: Core.Strapi, documentId: string, locale: string): Promise<ArticleSiteStatus> {
  const published = (await strapi.documents(UID).findOne({ documentId, locale, status: 'published', fields: ['publishedAt'] })) as {
    publishedAt?: string | null;
  } | null;
  if (!published?.publishedAt) return { state: 'not-published' };
  const publishedAt = new Date(published.publishedAt).toISOString();
  const since = (await listBuilds(strapi, 'site')).filter((b) => time(b.startedAt) >= time(publishedAt));

  const live = since.find((b) => b.state === 'live');
  if (live) {
    const path = await sitePath(strapi, UID, { documentId, locale, status: 'published' });
    return { state: 'live', publishedAt, url: new URL(path, live.siteUrl).toString(), builtAt: finished(live) };
  }
  const failed = since.find((b) => b.state === 'failed');
  if (failed && !since.some((b) => b.state === 'building' || b.state === 'queued')) {
    return { state: 'failed', publishedAt, message: failed.error?.message ?? 'The build failed.', buildId: failed.buildId };
  }
  return { state: 'waiting', publishedAt, building: since.some((b) => b.state === 'building') };
}

const finished = (build: StoredBuild) => build.finishedAt ?? build.updatedAt;
