// `pnpm start` for the site: waits for the CMS, builds the site from it, serves it on :8080.
import { buildSite } from '../src/build.js';
import { readEnv } from '../src/env.js';
import { createStaticServer } from '../src/serve.js';
import { waitForCms } from '../src/wait-for-cms.js';

const port = Number(process.env.SITE_PORT ?? 8080);
const strapiUrl = (process.env.STRAPI_URL ?? 'http://localhost:1337').replace(/\/$/, '');

await waitForCms(strapiUrl);
// The CMS writes the site's token on boot: give it a moment if this is the very first start.
for (let i = 0; i < 30; i++) {
  try {
    readEnv();
    break;
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

try {
  const result = await buildSite();
  console.log(`[solace] built ${result.pages} pages in ${result.totalMs} ms (fetch ${result.fetchMs} ms)`);
} catch (error) {
  console.error(`[solace] The site was not built: ${(error as Error).message}`);
  process.exit(1);
}

createStaticServer(readEnv().outputDir).listen(port, () => {
  console.log(`\nSolace site: http://localhost:${port}/  (rebuild after editing content: pnpm --filter @solace/site build)\n`);
});
