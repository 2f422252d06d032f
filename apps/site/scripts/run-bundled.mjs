// `node scripts/run-bundled.mjs <entry.ts> [args...]`: runs a TypeScript entry of this package as
// one bundled ES module, without tsx. Under tsx every module (the site's, the content package's,
// and each of graphql's hundred files) goes through its loader hooks on another thread: half a
// second or more before a build's first line runs, most of a build that finds nothing changed.
//
// The bundle holds this repository's code (the site, @solace/* packages); third-party packages stay
// outside it, imported from where Node would find them. It is kept in node_modules/.cache with a
// hash of every file that went into it, and made again whenever one of them, the lockfile or this
// script changes: the code that runs is always the code in the tree. Plain JavaScript on purpose.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOCKFILE = path.resolve(SITE_DIR, '../../pnpm-lock.yaml');
const CACHE_DIR = path.join(SITE_DIR, 'node_modules/.cache/solace-bundles');
const STAMP = '// solace-bundle ';
const BUILTINS = new Set(builtinModules);

// esbuild itself (a tenth of a second to import) is loaded only to bundle; its version is enough to tell a bundle current.
const ESBUILD_VERSION = createRequire(import.meta.url)('esbuild/package.json').version;

const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');
const hashOf = async (file) => sha256(await fs.readFile(file).catch(() => ''));

/** What, besides the bundled files themselves, decides the bundle: this script, esbuild, the installed packages. */
async function settingsKey(entry) {
  const own = await hashOf(fileURLToPath(import.meta.url));
  return sha256([entry, own, ESBUILD_VERSION, process.version, await hashOf(LOCKFILE)].join('\0'));
}

/** The stamp at the head of a bundle: its settings and each input file's hash; null if it is not one. */
async function readStamp(file) {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  if (!text.startsWith(STAMP)) return null;
  try {
    return JSON.parse(text.slice(STAMP.length, text.indexOf('\n')));
  } catch {
    return null;
  }
}

async function isCurrent(stamp, key) {
  if (!stamp || stamp.key !== key) return false;
  const hashes = await Promise.all(Object.keys(stamp.inputs).map((input) => hashOf(path.join(SITE_DIR, input))));
  return Object.values(stamp.inputs).every((hash, i) => hash === hashes[i]);
}

/**
 * Third-party imports stay imports, by the path Node's own resolution gives (so each package is
 * loaded once, from its one place, whoever imports it); the repository's own modules are bundled,
 * each with its own `import.meta.url` (the site finds its templates and files from it).
 */
const keepPackagesOutside = {
  name: 'keep-packages-outside',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'resolving' || args.path.startsWith('@solace/')) return undefined;
      if (args.path.startsWith('node:') || BUILTINS.has(args.path)) return { path: args.path, external: true };
      const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'resolving' });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: found.path, external: true };
    });
    build.onLoad({ filter: /\.(ts|js|mjs)$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await fs.readFile(args.path, 'utf8');
      const contents = source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
};

/** Chunks no bundle of the entry uses any more are removed after this long (a build that loaded the old entry may still import one). */
const CHUNK_GRACE_MS = 60 * 60 * 1000;

async function bundle(entry, dir, key) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: { entry },
    absWorkingDir: SITE_DIR,
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    // What an entry imports only when it needs it (Eleventy and its configuration, for a build that
    // renders) stays in chunks of its own, with their packages: loaded only then.
    splitting: true,
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    // Node's resolution: no bundler-only `module` condition or field.
    conditions: [],
    mainFields: ['main'],
    keepNames: true,
    sourcemap: 'linked',
    metafile: true,
    // The entry's first line, filled in below: a line of its own from the start, so the source map holds.
    banner: { js: STAMP.trim() },
    logLevel: 'error',
    plugins: [keepPackagesOutside],
  });
  const inputs = {};
  await Promise.all(Object.keys(result.metafile.inputs).map(async (input) => (inputs[input] = await hashOf(path.join(SITE_DIR, input)))));
  const entryFile = path.join(dir, 'entry.mjs');
  const stamped = (out) => (out.path === entryFile ? `${STAMP}${JSON.stringify({ key, inputs })}${out.text.slice(STAMP.trim().length)}` : out.contents);
  await fs.mkdir(dir, { recursive: true });
  // Each file written aside and renamed, the entry last: a build starting meanwhile, or making the
  // same bundle, sees whole files, and an entry whose chunks are all there.
  const entryLast = [...result.outputFiles].sort((a, b) => Number(a.path === entryFile) - Number(b.path === entryFile));
  for (const out of entryLast) {
    const temporary = `${out.path}.${process.pid}`;
    await fs.writeFile(temporary, stamped(out));
    await fs.rename(temporary, out.path);
  }
  const current = new Set(result.outputFiles.map((out) => path.basename(out.path)));
  for (const name of await fs.readdir(dir)) {
    if (current.has(name)) continue;
    // Another process may have removed it already.
    const made = (await fs.stat(path.join(dir, name)).catch(() => null))?.mtimeMs ?? Date.now();
    if (Date.now() - made > CHUNK_GRACE_MS) await fs.rm(path.join(dir, name), { force: true });
  }
  return entryFile;
}

/** The bundle of `entry` (a path in the site), made again if any of its code changed; its entry file. */
async function bundledEntry(entry) {
  const name = path.relative(SITE_DIR, entry).replace(/\.ts$/, '').replaceAll(/[\\/]/g, '-');
  const dir = path.join(CACHE_DIR, name);
  const key = await settingsKey(entry);
  const entryFile = path.join(dir, 'entry.mjs');
  return (await isCurrent(await readStamp(entryFile), key)) ? entryFile : bundle(entry, dir, key);
}

const [given, ...args] = process.argv.slice(2);
if (!given) {
  console.error('usage: node scripts/run-bundled.mjs <entry.ts> [args...]');
  process.exit(2);
}
const entry = path.resolve(SITE_DIR, given);
const file = await bundledEntry(entry);
// As if the entry had been run itself: its own path, then its arguments.
process.argv = [process.argv[0], entry, ...args];
// Errors point at the TypeScript source, as they do under tsx.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(file).href);
