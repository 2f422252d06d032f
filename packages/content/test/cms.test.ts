import fs from 'node:fs/promises';
import path from 'node:path';
import { startCms, type RunningCms } from '@solace/cms/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContentClient } from '../src/client.js';
import { loadSiteContent } from '../src/load.js';
import { fetchSchemaSdl } from '../src/schema-introspection.js';

// Against the real CMS, booted on a throwaway database with the demo content. In development
// mode, as export-schema runs it: a production CMS refuses introspection.
describe('against the CMS', () => {
  let cms: RunningCms;
  beforeAll(async () => {
    cms = await startCms({ mode: 'development' });
  });
  afterAll(async () => {
    await cms?.dispose();
  });

  it('serves the schema committed in schema.graphql (run `pnpm --filter @solace/content export-schema` after changing the CMS)', async () => {
    const committed = await fs.readFile(path.join(import.meta.dirname, '..', 'schema.graphql'), 'utf8');
    expect(await fetchSchemaSdl(cms.graphqlUrl, cms.siteToken)).toBe(committed);
  });

  it('loads the whole site with the read-only token', async () => {
    const client = createContentClient({ url: cms.graphqlUrl, token: cms.siteToken });
    const site = await loadSiteContent(client, { cmsOrigin: cms.url });
    expect(site.defaultLocale.code).toBe('en');
    const en = site.byLocale.en!;
    expect(en.articles).toHaveLength(7);
    expect(en.articles.every((a) => a.author !== null)).toBe(true);
    expect(en.articles.find((a) => a.slug === 'caregiver-burnout')).toBeUndefined();
    expect(en.providers.length).toBeGreaterThanOrEqual(40);
    expect(site.byLocale.es!.articles).toHaveLength(2);
    expect(site.byLocale.es!.selfAssessment?.questions).toHaveLength(5);
    expect(en.articles[0]!.cover?.url.startsWith(cms.url)).toBe(true);
  });
});
