import { readEnv } from '../src/env.js';
import type { SiteModel } from '../src/model.js';

/**
 * Global data `site`: where the site lives, and `builtAt`: when its content last changed (the
 * newest article's updatedAt), so that the same content always builds the same bytes.
 */
export function siteData(model: Pick<SiteModel, 'articles'>) {
  const env = readEnv();
  let builtAt = '1970-01-01T00:00:00.000Z';
  for (const { article } of model.articles) if (article.updatedAt && article.updatedAt > builtAt) builtAt = article.updatedAt;
  return { url: env.siteUrl, cmsUrl: env.strapiUrl, preview: env.preview, builtAt };
}
