import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { adminLogin, createApiToken, startCms, type CmsConnection } from '@solace/cms/testing';
import type { TestProject } from 'vitest/node';
import { createStaticServer } from '../../src/serve.js';
import { launchBrowser } from './browser.js';
import { HOSTILE_ARTICLE } from './hostile.js';
import { runBuild } from './run-build.js';

export type SiteUnderTest = {
  cms: CmsConnection;
  fullAccessToken: string;
  outputDir: string;
  siteUrl: string;
  buildOutput: string;
};

declare module 'vitest' {
  export interface ProvidedContext {
    site: SiteUnderTest;
  }
}

/**
 * Boots the real CMS with the demo content on a throwaway database, adds one article with
 * hostile markup through the API, builds the site for real into a temporary folder and serves it.
 */
export default async function setup(project: TestProject) {
  // Unpack the packaged Chromium once, before test files launch it side by side.
  await (await launchBrowser()).close();
  const cms = await startCms();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-site-'));
  const server = createStaticServer(path.join(tmp, 'site'));
  try {
    const fullAccessToken = await createApiToken(cms, 'full-access');
    const res = await fetch(`${cms.url}/api/articles?locale=en&status=published`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fullAccessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: HOSTILE_ARTICLE }),
    });
    if (!res.ok) throw new Error(`Could not create the hostile article: ${res.status} ${await res.text()}`);

    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const outputDir = path.join(tmp, 'site');
    const build = await runBuild({ STRAPI_URL: cms.url, STRAPI_TOKEN: cms.siteToken, SITE_OUTPUT_DIR: outputDir, SITE_URL: siteUrl });
    if (build.code !== 0) throw new Error(`The site build failed:\n${build.output}`);
    console.log(`[e2e] ${build.output.trim().split('\n').pop()} (process ${build.ms} ms)`);

    const { url, graphqlUrl, siteToken, admin, database, databaseEnv } = cms;
    const adminJwt = await adminLogin(cms);
    project.provide('site', {
      cms: { url, graphqlUrl, siteToken, admin, database, databaseEnv, adminJwt },
      fullAccessToken,
      outputDir,
      siteUrl,
      buildOutput: build.output,
    });
  } catch (error) {
    server.close();
    await cms.dispose();
    throw error;
  }

  return async () => {
    server.close();
    await cms.dispose();
    await fs.rm(tmp, { recursive: true, force: true });
  };
}
