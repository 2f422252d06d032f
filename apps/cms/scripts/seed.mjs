// `pnpm seed`: loads the CMS once, which seeds the demo content on a fresh database.
// `pnpm seed --force` checks every demo entry again and creates the ones that are missing.
import { loadStrapi, requireDist } from './load-strapi.mjs';

const strapi = await loadStrapi();
try {
  if (process.argv.includes('--force')) {
    const { seedDemoContent } = requireDist('src/seed');
    await seedDemoContent(strapi, { force: true });
  }
} finally {
  await strapi.destroy();
}
process.exit(0);
