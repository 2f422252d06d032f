// `pnpm dev` for the site: waits for the CMS, then Eleventy's dev server with live reload.
import { spawn } from 'node:child_process';
import { SITE_DIR } from '../src/env.js';
import { waitForCms } from '../src/wait-for-cms.js';

await waitForCms((process.env.STRAPI_URL ?? 'http://localhost:1337').replace(/\/$/, ''));
const eleventy = spawn(
  process.execPath,
  ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=eleventy.config.ts', '--serve', `--port=${process.env.SITE_PORT ?? 8080}`],
  { cwd: SITE_DIR, stdio: 'inherit' },
);
eleventy.on('exit', (code) => process.exit(code ?? 0));
