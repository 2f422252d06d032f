import type { TestProject } from 'vitest/node';
import { startCms, type CmsConnection } from '../testing';

declare module 'vitest' {
  export interface ProvidedContext {
    cms: CmsConnection;
  }
}

/** One real CMS, seeded with the demo content, shared by the test files that only read or add. */
export default async function setup(project: TestProject) {
  const cms = await startCms({ env: { PREVIEW_URL: 'http://preview.test:8081' } });
  const { url, graphqlUrl, siteToken, admin, database, databaseEnv } = cms;
  project.provide('cms', { url, graphqlUrl, siteToken, admin, database, databaseEnv });
  return async () => {
    await cms.dispose();
  };
}
