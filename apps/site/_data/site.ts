import { readEnv } from '../src/env.js';

/** Global data `site`: where the site lives. */
export function siteData() {
  const env = readEnv();
  return { url: env.siteUrl, cmsUrl: env.strapiUrl, builtAt: new Date().toISOString() };
}
