// Loads the compiled Strapi app in this process (for one-off tasks such as seeding).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = path.join(appDir, 'dist');
const require = createRequire(import.meta.url);

export async function loadStrapi() {
  const { createStrapi } = require('@strapi/strapi');
  process.chdir(appDir);
  return createStrapi({ appDir, distDir }).load();
}

export const requireDist = (module) => require(path.join(distDir, module));

/**
 * A compiled config/<name>.ts evaluated as Strapi evaluates it (the same `env` helper), so a
 * script sees the same settings and defaults as the server without repeating them.
 */
export function readConfig(name) {
  const { env } = require('@strapi/utils');
  const exported = requireDist(`config/${name}.js`).default;
  return typeof exported === 'function' ? exported({ env }) : exported;
}
