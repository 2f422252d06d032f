// One build for `pnpm start`'s rebuild queue, in a process of its own (each starts from a clean
// slate, and can be killed at its deadline). Tells the parent how it went over the IPC channel,
// with the entry a content error is about, so the CMS can link editors to it.
import { buildSite } from './build.js';
import { describeBuildError } from './rebuild-error.js';
import type { BuildError } from './rebuild-report.js';

export type ChildResult = { ok: true; pages: number; totalMs: number } | { ok: false; error: BuildError };

let result: ChildResult;
try {
  const built = await buildSite();
  console.log(`[solace] built ${built.pages} pages into ${built.outputDir} in ${built.totalMs} ms (fetch ${built.fetchMs} ms)`);
  result = { ok: true, pages: built.pages, totalMs: built.totalMs };
} catch (error) {
  result = { ok: false, error: describeBuildError(error) };
  console.error(`[solace] The build failed: ${result.error.message}`);
  console.error('[solace] The previously built output, if any, is still served.');
}
if (process.send) {
  await new Promise<void>((resolve) => process.send!(result, () => resolve()));
  process.disconnect();
}
process.exitCode = result.ok ? 0 : 1;
