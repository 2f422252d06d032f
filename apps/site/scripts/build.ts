// `pnpm build` for the site: reads the CMS, renders every locale, swaps the output in on success.
import { buildSite } from '../src/build.js';

try {
  const result = await buildSite();
  console.log(
    `[solace] built ${result.pages} pages into ${result.outputDir} in ${result.totalMs} ms ` +
      `(${result.mode}: ${result.rendered} pages rendered, ${result.carried} unchanged) ` +
      `(fetch ${result.fetchMs} ms, render ${result.totalMs - result.fetchMs} ms)`,
  );
} catch (error) {
  const cause = error as Error;
  console.error(`\n[solace] The site was not built: ${cause.message}`);
  console.error('[solace] The previously published site, if any, was left unchanged.\n');
  process.exit(1);
}
