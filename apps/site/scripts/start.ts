// `pnpm start` for the site: waits for the CMS, builds the site from it, serves it on :8080, and
// rebuilds when the local CMS's webhook says content changed.
import { buildSite } from '../src/build.js';
import { readEnv } from '../src/env.js';
import { createStaticServer } from '../src/serve.js';
import { waitForCms } from '../src/wait-for-cms.js';

const port = Number(process.env.SITE_PORT ?? 8080);
const strapiUrl = (process.env.STRAPI_URL ?? 'http://localhost:1337').replace(/\/$/, '');

async function build() {
  try {
    const result = await buildSite();
    console.log(`[solace] built ${result.pages} pages in ${result.totalMs} ms (fetch ${result.fetchMs} ms)`);
    return true;
  } catch (error) {
    console.error(`[solace] The site was not rebuilt: ${(error as Error).message} (the previous version stays up)`);
    return false;
  }
}

/** One build at a time; changes that arrive during a build cause exactly one more. */
let running: Promise<boolean> | null = null;
let again = false;
let timer: NodeJS.Timeout | undefined;
function requestRebuild() {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    if (running) {
      again = true;
      return;
    }
    do {
      again = false;
      running = build();
      await running;
    } while (again);
    running = null;
  }, 1500);
}

await waitForCms(strapiUrl);
// The CMS writes the site's token on its first boot: wait for it rather than fail.
for (let attempt = 0; ; attempt++) {
  try {
    readEnv();
    break;
  } catch (error) {
    if (attempt >= 30) throw error;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

if (!(await build())) process.exit(1);
createStaticServer(readEnv().outputDir, { onRebuild: requestRebuild }).listen(port, () => {
  console.log(`\nSolace site: http://localhost:${port}/ (rebuilds when content is published in the CMS)\n`);
});
