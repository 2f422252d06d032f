import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledArgs } from '../../src/bundled.js';
import { SITE_DIR } from '../../src/env.js';

const run = promisify(execFile);
const BUNDLES_DIR = path.join(SITE_DIR, 'node_modules/.cache/solace-bundles');

// A small entry of the site's own, in a git-ignored folder of the site (so it resolves the site's packages).
describe('scripts/run-bundled.mjs', () => {
  let dir: string;
  let entry: string;
  /** The entry file of each bundle made of this test's entry. */
  const bundles = async () =>
    (await fs.readdir(BUNDLES_DIR)).filter((name) => name.includes(path.basename(dir))).map((name) => path.join(BUNDLES_DIR, name, 'entry.mjs'));
  const runEntry = async (...args: string[]) => JSON.parse((await run(process.execPath, bundledArgs(entry, ...args), { cwd: SITE_DIR })).stdout);

  beforeAll(async () => {
    await fs.mkdir(path.join(SITE_DIR, '.cache'), { recursive: true });
    dir = await fs.mkdtemp(path.join(SITE_DIR, '.cache', 'bundled-test-'));
    entry = path.join(dir, 'entry.ts');
    await fs.writeFile(path.join(dir, 'value.ts'), 'export const value: string = "first";\n');
    // sanitize-html is a CommonJS package: Node's require cache tells whether it was loaded.
    await fs.writeFile(path.join(dir, 'lazy.ts'), "import sanitizeHtml from 'sanitize-html';\nexport const clean = sanitizeHtml('<b>x</b>');\n");
    await fs.writeFile(
      entry,
      [
        "import { createRequire } from 'node:module';",
        "import MarkdownIt from 'markdown-it';",
        "import { value } from './value.js';",
        "const again = await import('markdown-it');",
        "const sanitizerLoaded = () => Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('sanitize-html'));",
        'const lazyBefore = sanitizerLoaded();',
        "const { clean } = await import('./lazy.js');",
        'const lazy = { before: lazyBefore, after: sanitizerLoaded(), clean };',
        'console.log(JSON.stringify({ argv: process.argv.slice(1), url: import.meta.url, value, oneMarkdownIt: again.default === MarkdownIt, lazy }));',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
    await Promise.all((await bundles().catch(() => [])).map((entryFile) => fs.rm(path.dirname(entryFile), { recursive: true, force: true })));
  });

  it('runs the entry as if it were run itself: its own path and URL, its arguments, its modules', async () => {
    const answer = await runEntry('--flag', 'x');
    expect(answer).toEqual({
      argv: [entry, '--flag', 'x'],
      url: pathToFileURL(entry).href,
      value: 'first',
      oneMarkdownIt: true,
      // A module imported when needed brings its packages only then.
      lazy: { before: false, after: true, clean: '<b>x</b>' },
    });
    expect(await bundles()).toHaveLength(1);
  });

  it('reuses the bundle while its code is unchanged, and makes it again when a module changes', async () => {
    await runEntry();
    const [bundle] = await bundles();
    const before = await fs.stat(bundle!);
    await runEntry();
    expect((await fs.stat(bundle!)).mtimeMs).toBe(before.mtimeMs);

    await fs.writeFile(path.join(dir, 'value.ts'), 'export const value: string = "second";\n');
    expect((await runEntry()).value).toBe('second');
  });

  it('makes the bundle again when the cached file is not one it made', async () => {
    await runEntry();
    const [bundle] = await bundles();
    await fs.writeFile(bundle!, 'throw new Error("not a bundle");\n');
    expect((await runEntry()).value).toBe('second');
  });

  it("points an error at the TypeScript source's line", async () => {
    await fs.writeFile(path.join(dir, 'value.ts'), 'type Unused = number;\n\nthrow new Error("broken value");\nexport const value = "never";\n');
    const failed = await runEntry().catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('broken value');
    expect((failed as { stderr: string }).stderr).toMatch(/value\.ts:3:\d+/);
  });
});
