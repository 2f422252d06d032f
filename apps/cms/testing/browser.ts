import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './chromium';

export { launchBrowser };

// __filename, not import.meta: this package compiles as CommonJS for the packages that type-check it.
const require = createRequire(__filename);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One browser (and a first page) for the test file's describe block, closed after it. */
export function useBrowser() {
  const handle = {} as { browser: Browser; page: Page };
  beforeAll(async () => {
    handle.browser = await launchBrowser();
    handle.page = await handle.browser.newPage();
  });
  afterAll(async () => {
    await handle.browser?.close();
  });
  return handle;
}

/**
 * axe-core's WCAG 2.2 A/AA (and best-practice) violations on the page as it is now: the whole
 * document, or only what a CSS selector matches (`within`).
 */
export async function axeViolations(page: Page, options: { within?: string } = {}) {
  // Evaluated through the DevTools protocol, not as a <script>: pages with a strict CSP (the Strapi admin) allow no inline scripts.
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async (within) => {
    // Runs in the page (this file is type-checked without the DOM library).
    const { axe, document } = globalThis as unknown as {
      axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> };
      document: unknown;
    };
    return axe.run(within ? { include: [within] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
  }, options.within ?? null);
  return (results.violations as { id: string; help: string; nodes: { target: string[] }[] }[]).map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`,
  );
}
