// `pnpm start` for real: the start script and its servers against a real CMS, on free ports.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createApiToken, freePort, graphql, startCms, type RunningCms } from '@solace/cms/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, useBrowser } from '../e2e/browser.js';
import { newSecret, request, startSite, type RunningSite } from './run-start.js';

const ARTICLE = '/en/articles/copd-palliative-care/';
const count = (text: string, pattern: RegExp) => text.match(new RegExp(pattern, 'g'))?.length ?? 0;

describe('pnpm start', () => {
  let cms: RunningCms;
  let site: RunningSite;
  let tmp: string;
  let blocker: string;
  const secret = newSecret();

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-start-'));
    // The preview's output folder sits under a file, so every preview build fails (and only those).
    blocker = path.join(tmp, 'preview-parent');
    await fs.writeFile(blocker, 'not a folder');
    const sitePort = await freePort();
    const previewPort = await freePort([sitePort]);
    cms = await startCms({ env: { SITE_REBUILD_URL: `http://127.0.0.1:${sitePort}/__rebuild`, SITE_REBUILD_SECRET: secret }, takenPorts: [sitePort, previewPort] });
    site = startSite({
      STRAPI_URL: cms.url,
      STRAPI_TOKEN: cms.siteToken,
      SITE_PORT: String(sitePort),
      SITE_PREVIEW_PORT: String(previewPort),
      SITE_OUTPUT_DIR: path.join(tmp, 'site'),
      SITE_PREVIEW_OUTPUT_DIR: path.join(blocker, 'preview'),
      SITE_REBUILD_SECRET: secret,
    });
  });
  afterAll(async () => {
    await site?.stop();
    await cms?.dispose();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('serves a "not built yet" page until the first build, then the site, while the failing preview is retried', async () => {
    await expect.poll(() => request(site.sitePort).then((r) => r.status, () => 0), { timeout: 20_000 }).not.toBe(0);
    const early = await request(site.sitePort, { path: '/en/' });
    expect(early.status, 'the first build cannot have finished yet').toBe(503);
    expect(early.body).toContain('<h1>Not built yet</h1>');

    await expect.poll(() => request(site.sitePort, { path: ARTICLE }).then((r) => r.status), { timeout: 120_000, interval: 500 }).toBe(200);
    await expect.poll(() => count(site.output(), /\[preview\] build \S+ failed/), { timeout: 30_000, interval: 500 }).toBeGreaterThanOrEqual(2);
    expect((await request(site.previewPort, { path: ARTICLE })).status).toBe(503);
    expect((await request(site.sitePort, { path: ARTICLE })).status).toBe(200);
    expect(site.exited()).toBe(false);
  });

  it('refuses a rebuild call without the secret, and requests with another Host name', async () => {
    const call = (headers: Record<string, string>, host?: string) =>
      request(site.sitePort, { method: 'POST', path: '/__rebuild', headers: { 'content-type': 'application/json', ...headers }, body: '{}', host });
    expect((await call({})).status).toBe(401);
    expect((await call({ 'x-solace-secret': `${secret}x` })).status).toBe(401);
    expect((await call({ 'x-solace-secret': secret }, `attacker.example:${site.sitePort}`)).status).toBe(421);
    expect((await request(site.sitePort, { path: ARTICLE, host: `attacker.example:${site.sitePort}` })).status).toBe(421);
    expect((await request(site.previewPort, { path: ARTICLE, host: `attacker.example:${site.previewPort}` })).status).toBe(421);
    // Each server answers its own port only.
    expect((await request(site.previewPort, { path: ARTICLE, host: `localhost:${site.sitePort}` })).status).toBe(421);
    expect((await request(site.sitePort, { path: ARTICLE, host: `127.0.0.1:${site.sitePort}` })).status).toBe(200);
  });

  it('shows a publish on the site soon after, and the preview once it can build again', async () => {
    // Between changes, the process waiting for the site's next build has prepared its start.
    await expect.poll(() => /^\[site\] next build prepared$/m.test(site.output()), { timeout: 30_000, interval: 200 }).toBe(true);
    // The preview's problem goes away; the next change builds it without waiting out the backoff.
    await fs.rm(blocker);
    await fs.mkdir(blocker);
    const token = await createApiToken(cms, 'full-access');
    const found = await graphql<{ articles: { documentId: string }[] }>(cms, '{ articles(locale: "en", filters: { slug: { eq: "copd-palliative-care" } }) { documentId } }');
    const { documentId } = found.data!.articles[0]!;
    const title = `Breathing easier ${Date.now()}`;
    const published = Date.now();
    const res = await fetch(`${cms.url}/api/articles/${documentId}?locale=en&status=published`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { title } }),
    });
    expect(res.status, await res.clone().text()).toBe(200);

    // The build for it starts within the maximum wait (10 s) ...
    await expect.poll(() => /\[site\] build \S+ started \([^)]*entry\.publish api::article\.article/.test(site.output()), { timeout: 10_000, interval: 200 }).toBe(true);
    // ... and its output is served once it is built.
    await expect.poll(() => request(site.sitePort, { path: ARTICLE }).then((r) => r.body.includes(title)), { timeout: 90_000, interval: 250 }).toBe(true);
    console.log(`[start] publish -> served on the site in ${Date.now() - published} ms`);
    // In a process started with the previous build, with the code loaded and the build's start prepared.
    expect(site.output()).toMatch(/\[site\] \[solace\] the code was loaded ahead of this build/);
    expect(site.output()).toMatch(/\[site\] \[solace\] the previous build was read, and its output copied, while this build waited for its go/);
    await expect.poll(() => request(site.previewPort, { path: ARTICLE }).then((r) => r.status === 200 && r.body.includes(title)), { timeout: 90_000, interval: 500 }).toBe(true);
    expect(site.exited()).toBe(false);
  });

  it('when stopped, ends once the processes waiting for the next builds have, each copy left as the spare', async () => {
    await expect.poll(() => count(site.output(), /\[site\] next build prepared/), { timeout: 30_000, interval: 200 }).toBeGreaterThan(0);
    await site.stop();
    const left = await fs.readdir(tmp);
    expect(left.filter((name) => name.includes('.building-'))).toEqual([]);
    expect(left).toContain('site.spare');
  });
});

describe('pnpm start while the CMS is down', () => {
  let site: RunningSite;
  let tmp: string;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-start-down-'));
    // The site as the last good build left it; the preview was never built.
    await fs.mkdir(path.join(tmp, 'site/en'), { recursive: true });
    await fs.writeFile(path.join(tmp, 'site/en/index.html'), 'last good build');
    // No CMS listens on its port.
    const cmsPort = await freePort();
    const sitePort = await freePort([cmsPort]);
    const previewPort = await freePort([cmsPort, sitePort]);
    site = startSite({
      STRAPI_URL: `http://127.0.0.1:${cmsPort}`,
      STRAPI_TOKEN: 'a1'.repeat(32),
      SITE_PORT: String(sitePort),
      SITE_PREVIEW_PORT: String(previewPort),
      SITE_OUTPUT_DIR: path.join(tmp, 'site'),
      SITE_PREVIEW_OUTPUT_DIR: path.join(tmp, 'preview'),
      SITE_REBUILD_SECRET: newSecret(),
    });
  });
  afterAll(async () => {
    await site?.stop();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('keeps serving the last good site and says the preview is waiting, without exiting', async () => {
    await expect.poll(() => request(site.sitePort, { path: '/en/' }).then((r) => r.body, () => ''), { timeout: 20_000 }).toBe('last good build');
    const preview = await request(site.previewPort, { path: '/en/' });
    expect(preview.status).toBe(503);
    expect(preview.body).toContain('Waiting for the CMS.');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(site.exited()).toBe(false);
    expect(site.output()).toMatch(/waiting for the CMS at http:\/\/127\.0\.0\.1:\d+/);
  });

  const chrome = useBrowser();
  it('has an accessible "not built yet" page', async () => {
    const res = await chrome.page.goto(`http://localhost:${site.previewPort}/en/`);
    expect(res?.status()).toBe(503);
    await expect(chrome.page.locator('h1').innerText()).resolves.toBe('Not built yet');
    expect(await axeViolations(chrome.page)).toEqual([]);
  });
});
