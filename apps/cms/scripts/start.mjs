// `pnpm start` for the CMS: seeds (first run), then serves the admin and the API.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { appDir, readConfig } from './load-strapi.mjs';
import { strapiStartArgs } from './strapi-server.mjs';

// The same .env Strapi reads (ensure-env.mjs has just made sure it exists).
process.loadEnvFile(path.join(appDir, '.env'));

const { port } = readConfig('server');
const { admin } = readConfig('solace');

const run = (args) => spawn(process.execPath, args, { cwd: appDir, stdio: 'inherit' });

const seed = run(['scripts/seed.mjs']);
seed.on('exit', (code) => {
  if (code !== 0) process.exit(code ?? 1);
  const server = run(strapiStartArgs(appDir));
  const adminNote = setInterval(async () => {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/_health`);
      if (!res.ok) return;
      clearInterval(adminNote);
      console.log(
        `\nSolace CMS is up: http://localhost:${port}/admin\n` +
          (admin.email
          ? `Log in as ${admin.email} with the password in apps/cms/.env (ADMIN_PASSWORD).\n`
          : 'Create the first administrator on that page.\n'),
      );
    } catch {
      // not listening yet
    }
  }, 1000);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
});
