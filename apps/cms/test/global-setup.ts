import type { TestProject } from 'vitest/node';
import { adminLogin, startCms, type CmsConnection } from '../testing';

declare module 'vitest' {
  export interface ProvidedContext {
    cms: CmsConnection;
  }
}

/** One real CMS, seeded with the demo content, shared by the test files that only read or add. */
export default async function setup(project: TestProject) {
  const cms = await startCms({ env: { PREVIEW_URL: 'http://preview.test:8081' } });
  const { url, graphqlUrl, siteToken, admin, database, databaseEnv } = cms;
  const adminJwt = await adminLogin(cms);
  project.provide('cms', { url, graphqlUrl, siteToken, admin, database, databaseEnv, adminJwt });
  return async () => {
    await cms.dispose();
  };
}
