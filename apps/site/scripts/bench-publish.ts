// `pnpm --filter @solace/site bench:publish`: how long an editor's publish takes to show on the
// site `pnpm start` serves. Boots a throwaway CMS with the demo content and the real start script
// on free ports, publishes an article a few times through the API, and prints, for each, when its
// build started and when the page served the change. Also a burst of edits one second apart, to
// show the maximum wait. Not a test: it prints figures.
import { createApiToken, freePort, graphql, startCms } from '@solace/cms/testing';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { newSecret, request, startSite } from '../test/start/run-start.js';

const RUNS = 3;
const ARTICLE = '/en/articles/copd-palliative-care/';

const secret = newSecret();
const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-bench-publish-'));
const sitePort = await freePort();
const previewPort = await freePort([sitePort]);
const cms = await startCms({ env: { SITE_REBUILD_URL: `http://127.0.0.1:${sitePort}/__rebuild`, SITE_REBUILD_SECRET: secret }, takenPorts: [sitePort, previewPort] });
const site = startSite({
  STRAPI_URL: cms.url,
  STRAPI_TOKEN: cms.siteToken,
  SITE_PORT: String(sitePort),
  SITE_PREVIEW_PORT: String(previewPort),
  SITE_OUTPUT_DIR: path.join(tmp, 'site'),
  SITE_PREVIEW_OUTPUT_DIR: path.join(tmp, 'preview'),
  SITE_REBUILD_SECRET: secret,
});

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return Date.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out. Output of pnpm start:\n${site.output().slice(-3000)}`);
}
const siteBuildsStarted = () => site.output().match(/\[site\] build \S+ started/g)?.length ?? 0;
const liveBuilds = () => site.output().match(/\[(site|preview)\] build \S+ is live/g)?.length ?? 0;

try {
  const started = Date.now();
  await until(() => liveBuilds() >= 2);
  console.log(`first builds of the site and the preview: ${Date.now() - started} ms after start`);

  const token = await createApiToken(cms, 'full-access');
  const found = await graphql<{ articles: { documentId: string }[] }>(cms, '{ articles(locale: "en", filters: { slug: { eq: "copd-palliative-care" } }) { documentId } }');
  const { documentId } = found.data!.articles[0]!;
  const publish = async (title: string) => {
    const res = await fetch(`${cms.url}/api/articles/${documentId}?locale=en&status=published`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { title } }),
    });
    if (!res.ok) throw new Error(`publish: ${res.status} ${await res.text()}`);
  };
  const served = (title: string) => request(sitePort, { path: ARTICLE }).then((r) => r.body.includes(title));

  const totals: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    // Let the previous round (the preview too) finish first.
    await until(async () => !/started/.test(site.output().split('\n').filter((l) => /build \S+ (started|is live|failed)/.test(l)).at(-1) ?? ''));
    const buildsBefore = siteBuildsStarted();
    const title = `Publish benchmark ${run} ${Date.now()}`;
    const at = Date.now();
    await publish(title);
    const buildStarted = await until(() => siteBuildsStarted() > buildsBefore);
    const shown = await until(() => served(title));
    totals.push(shown - at);
    console.log(`publish ${run}: site build started after ${buildStarted - at} ms, change served on :${sitePort} after ${shown - at} ms`);
  }
  const sorted = [...totals].sort((a, b) => a - b);
  console.log(`publish -> served: median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms (${RUNS} runs)`);

  // Steady edits one second apart: the first one must not wait for them to stop.
  await until(() => served(`Publish benchmark ${RUNS}`));
  const buildsBefore = siteBuildsStarted();
  const burstStart = Date.now();
  const firstBuild = until(() => siteBuildsStarted() > buildsBefore, 60_000);
  for (let i = 0; i < 15; i++) {
    await publish(`Burst ${i} ${Date.now()}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  console.log(`15 publishes 1 s apart: the first site build started ${(await firstBuild) - burstStart} ms after the first publish (maximum wait 10000 ms)`);
} finally {
  await site.stop();
  await cms.dispose();
  await fs.rm(tmp, { recursive: true, force: true });
}
