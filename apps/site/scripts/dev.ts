// `pnpm dev` for the site: waits for the CMS, then Eleventy's dev server with live reload.
import { spawn } from 'node:child_process';
import { readServerEnv, SITE_DIR } from '../src/env.js';
import { waitForCms } from '../src/wait-for-cms.js';

const { strapiUrl, sitePort } = readServerEnv();
await waitForCms(strapiUrl);
const eleventy = spawn(
  process.execPath,
  ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=eleventy.config.ts', '--serve', `--port=${sitePort}`],
  { cwd: SITE_DIR, stdio: 'inherit' },
);
eleventy.on('exit', (code) => process.exit(code ?? 0));
