// `pnpm start` for the site: waits for the CMS, builds the site (:8080) and the editors' preview
// with drafts (:8081) from it, serves both, and rebuilds them when the local CMS's webhook says
// content changed.
import { spawn } from 'node:child_process';
import { childEnv, readEnv, readServerEnv, SITE_DIR } from '../src/env.js';
import { createStaticServer } from '../src/serve.js';
import { waitForCms } from '../src/wait-for-cms.js';

// host (SITE_HOST) is loopback unless set, because the preview serves unpublished drafts.
const { strapiUrl, siteUrl, sitePort, previewPort, host, outputDirs } = readServerEnv();

/** One build in its own process (scripts/build.ts), so that each starts from a clean slate. */
function build(extraEnv: Record<string, string>) {
  return new Promise<boolean>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
      cwd: SITE_DIR,
      env: childEnv(extraEnv),
      stdio: 'inherit',
    });
    child.on('exit', (code) => resolve(code === 0));
  });
}
const buildSite = () => build({ SITE_PREVIEW: 'false', SITE_URL: siteUrl ?? `http://localhost:${sitePort}` });
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
createStaticServer(outputDirs.site, { onRebuild: requestRebuild }).listen(sitePort, host, () => {
  console.log(`\nSolace site: http://localhost:${sitePort}/ (rebuilds when content changes in the CMS)`);
});
createStaticServer(outputDirs.preview).listen(previewPort, host, () => {
  console.log(`Preview with drafts, for editors: http://localhost:${previewPort}/\n`);
});
