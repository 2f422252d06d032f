import { readEnv } from '../src/env.js';

/** Global data `site`: where the site lives. */
export function siteData() {
  const env = readEnv();
  return { url: env.siteUrl, cmsUrl: env.strapiUrl, preview: env.preview, builtAt: new Date().toISOString() };
}
