// `pnpm start` for the site: waits for the CMS, builds the site (:8080) and the editors' preview
// with drafts (:8081) from it, serves both, and rebuilds them when the local CMS's webhook says
// content changed.
import { spawn } from 'node:child_process';
import { readEnv, SITE_DIR } from '../src/env.js';
import { createStaticServer } from '../src/serve.js';
import { waitForCms } from '../src/wait-for-cms.js';

const sitePort = Number(process.env.SITE_PORT ?? 8080);
const previewPort = Number(process.env.SITE_PREVIEW_PORT ?? 8081);
// SITE_HOST: the interface both servers listen on. Loopback by default, because the preview
// serves unpublished drafts; set it (e.g. 0.0.0.0) only to reach them from other machines on
// purpose.
const host = process.env.SITE_HOST ?? '127.0.0.1';
const strapiUrl = (process.env.STRAPI_URL ?? 'http://localhost:1337').replace(/\/$/, '');

/** One build in its own process (scripts/build.ts), so that each starts from a clean slate. */
function build(extraEnv: Record<string, string>) {
  return new Promise<boolean>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
      cwd: SITE_DIR,
      env: { ...process.env, ...extraEnv },
      stdio: 'inherit',
    });
    child.on('exit', (code) => resolve(code === 0));
  });
}
const buildSite = () => build({ SITE_URL: process.env.SITE_URL ?? `http://localhost:${sitePort}` });
const buildPreview = () => build({ SITE_PREVIEW: 'true', SITE_URL: `http://localhost:${previewPort}` });

/** One round of builds at a time; changes that arrive during a round cause exactly one more. */
let running = false;
let again = false;
let timer: NodeJS.Timeout | undefined;
function requestRebuild() {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    do {
      again = false;
      await buildPreview();
      await buildSite();
    } while (again);
    running = false;
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

if (!(await buildSite()) || !(await buildPreview())) process.exit(1);
createStaticServer(readEnv().outputDir, { onRebuild: requestRebuild }).listen(sitePort, host, () => {
  console.log(`\nSolace site: http://localhost:${sitePort}/ (rebuilds when content changes in the CMS)`);
});
createStaticServer(readEnv({ ...process.env, SITE_PREVIEW: 'true' }).outputDir).listen(previewPort, host, () => {
  console.log(`Preview with drafts, for editors: http://localhost:${previewPort}/\n`);
});
