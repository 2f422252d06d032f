// `pnpm --filter @solace/site bench:find-care`: how much the find-care page downloads and how long
// one search takes, for the demo providers and for 10,000 generated ones. Not a test: it prints
// figures. The browser part runs the real browser modules (public/js) in headless Chromium.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { launchBrowser } from '@solace/cms/testing/chromium';
import type { Browser } from 'playwright-core';
import { SITE_DIR } from '../src/env.js';
import { checkZip, decodeIndex, detailLocation, lookupZip, search, zipPrefix } from '../src/find-care/core.js';
import { encodeIndex } from '../src/find-care/encode.js';
import { generateProviders, loadDemoProviders } from '../src/find-care/sample-data.js';
import { zipBaseUrl, zipChunks } from '../src/find-care/site-data.js';
import { loadZipRecords } from '../src/find-care/zip-data.js';
import { stateName } from '../src/us-states.js';

const GENERATED = 10_000;
const RUNS = 50;
const PAGE_SIZE = 20; // as in public/js/find-care.js
const TARGET_GZIP = 150 * 1024;
const TARGET_QUERY_MS = 16;
/** The benchmark query: ZIP + radius 50 + one filter. */
const QUERY = { radius: 50, settings: ['home'] };
const ZIPS = [
  ['02108', 'Boston'],
  ['10001', 'New York'],
  ['90012', 'Los Angeles'],
  ['59701', 'Butte, MT'],
] as const;

const gzip = (text: string | Buffer) => zlib.gzipSync(text, { level: 6 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// Data sets ---------------------------------------------------------------------------------------

const zipRecords = loadZipRecords();
const zips = zipChunks();
const files = new Map<string, string>(); // URL path -> body
for (const [prefix, chunk] of zips.chunks) files.set(`${zipBaseUrl(zips.version)}${prefix}.json`, JSON.stringify(chunk));

type DataSet = { label: string; count: number; indexUrl: string };
function addDataSet(label: string, providers: ReturnType<typeof loadDemoProviders>): DataSet {
  const base = `/bench/${label}/`;
  const encoded = encodeIndex(providers, { base, zipBase: zipBaseUrl(zips.version), zipPrefixes: zips.prefixes, stateName });
  files.set(base + encoded.indexFile, JSON.stringify(encoded.index));
  for (const [file, rows] of encoded.chunks) files.set(base + file, JSON.stringify(rows));
  return { label, count: providers.length, indexUrl: base + encoded.indexFile };
}
const dataSets = [
  addDataSet('demo', loadDemoProviders('en')),
  addDataSet('generated', generateProviders(GENERATED, zipRecords, 42)),
];

// The page's own code (its styles are part of the site-wide stylesheet, loaded on every page).
const scripts = ['find-care.js', 'find-care-core.js'].map((f) => fs.readFileSync(path.join(SITE_DIR, 'public/js', f)));
const scriptsGzip = scripts.reduce((n, s) => n + gzip(s), 0);

// Sizes: what the page loads for one search (index, the ZIP's chunk, the details of the first page
// of results).
console.log('\nFind care: what the page downloads for one search (gzip level 6)\n');
const sizeRows: string[][] = [];
for (const set of dataSets) {
  const indexText = files.get(set.indexUrl)!;
  const index = decodeIndex(JSON.parse(indexText));
  for (const [zip] of ZIPS) {
    const check = checkZip(zip);
    if (!check.ok) throw new Error(`bad benchmark ZIP ${zip}`);
    const chunkText = files.get(`${index.zipBase}${zipPrefix(zip)}.json`)!;
    const origin = lookupZip(JSON.parse(chunkText), zip)!;
    const hits = search(index, { origin, ...QUERY });
    const detailFiles = [...new Set(hits.slice(0, PAGE_SIZE).map((h) => detailLocation(index, h.i).file))];
    const detailGzip = detailFiles.reduce((n, f) => n + gzip(files.get(f)!), 0);
    const data = gzip(indexText) + gzip(chunkText) + detailGzip;
    sizeRows.push([
      `${set.label} (${set.count.toLocaleString('en')})`,
      zip,
      String(hits.length),
      kb(gzip(indexText)),
      kb(gzip(chunkText)),
      `${kb(detailGzip)} (${detailFiles.length})`,
      kb(data),
      kb(data + scriptsGzip),
      data <= TARGET_GZIP ? 'yes' : 'NO',
    ]);
  }
}
table(['providers', 'ZIP', 'results', 'index', 'ZIP chunk', 'details (files)', 'data total', '+ JS', `≤ ${TARGET_GZIP / 1024} KB`], sizeRows);
const largestChunk = Math.max(...[...files].filter(([u]) => u.startsWith('/bench/generated/') && !u.includes('/index.')).map(([, t]) => gzip(t)));
console.log(`\nScripts (find-care.js, find-care-core.js): ${kb(scriptsGzip)}; largest detail chunk (${GENERATED.toLocaleString('en')}): ${kb(largestChunk)}.`);

// Browser ----------------------------------------------------------------------------------------

const BENCH_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>
<script type="module">
import * as core from '/js/find-care-core.js';
window.bench = async (indexUrl, zip, query, runs) => {
  const t0 = performance.now();
  const data = await (await fetch(indexUrl)).json();
  const t1 = performance.now();
  const index = core.decodeIndex(data);
  const t2 = performance.now();
  const chunk = await (await fetch(index.zipBase + core.zipPrefix(zip) + '.json')).json();
  const origin = core.lookupZip(chunk, zip);
  let hits = [];
  for (let k = 0; k < 5; k++) hits = core.search(index, { origin, ...query }); // warm-up
  const times = [];
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    hits = core.search(index, { origin, ...query });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { fetchMs: t1 - t0, decodeMs: t2 - t1, results: hits.length, median: times[Math.floor(runs / 2)], p95: times[Math.floor(runs * 0.95)], max: times[runs - 1] };
};
window.ready = true;
</script></body></html>`;

const MIME: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };
const siteDir = path.join(SITE_DIR, '_site');
const realPage = path.join(siteDir, 'en/find-care/index.html');
const generated = dataSets[1]!;

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let body: string | Buffer | undefined;
  if (url.pathname === '/bench.html') body = BENCH_PAGE;
  else if (files.has(url.pathname)) body = files.get(url.pathname);
  else if (url.pathname.startsWith('/js/')) body = readIfExists(path.join(SITE_DIR, 'public', url.pathname));
  else if (url.pathname === '/en/find-care/' && fs.existsSync(realPage)) {
    // The built page, pointed at the generated index.
    body = fs.readFileSync(realPage, 'utf8').replace(/data-index="[^"]*"/, `data-index="${generated.indexUrl}"`);
  } else body = readIfExists(path.join(siteDir, url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname));
  if (body === undefined) {
    res.writeHead(404).end();
    return;
  }
  const ext = path.extname(url.pathname) || '.html';
  res
    .writeHead(200, {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    })
    .end(body);
});

function readIfExists(file: string) {
  const resolved = path.resolve(file);
  if (!resolved.startsWith(SITE_DIR)) return undefined;
  try {
    return fs.statSync(resolved).isFile() ? fs.readFileSync(resolved) : undefined;
  } catch {
    return undefined;
  }
}

await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
let browser: Browser | undefined;
try {
  // The tests' launcher: the packaged Chromium, or CHROMIUM_PATH when set.
  browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(`${origin}/bench.html`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);

  const isolated = await page.evaluate(() => crossOriginIsolated);
  console.log(
    `\nOne search (ZIP + radius ${QUERY.radius} + "${QUERY.settings[0]}") in headless Chromium: ${RUNS} runs after 5 warm-up runs, ` +
      `performance.now() (${isolated ? '5 µs' : '100 µs'} resolution)\n`,
  );
  const rows: string[][] = [];
  for (const set of dataSets) {
    for (const [zip, name] of ZIPS) {
      const r = await page.evaluate(
        ([indexUrl, z, q, runs]) =>
          (window as unknown as { bench: (...a: unknown[]) => Promise<Record<string, number>> }).bench(indexUrl, z, q, runs),
        [set.indexUrl, zip, QUERY, RUNS] as const,
      );
      rows.push([
        `${set.label} (${set.count.toLocaleString('en')})`,
        `${zip} ${name}`,
        String(r.results),
        ms(r.decodeMs!),
        ms(r.median!),
        ms(r.p95!),
        ms(r.max!),
        r.median! < TARGET_QUERY_MS ? 'yes' : 'NO',
      ]);
    }
  }
  table(['providers', 'ZIP', 'results', 'decode index', 'median', 'p95', 'max', `< ${TARGET_QUERY_MS} ms`], rows);

  // The whole update on the built page (search, details, rendering the first 20 results), when
  // the site has been built.
  if (fs.existsSync(realPage)) {
    await page.goto(`${origin}/en/find-care/?zip=02108&radius=50&setting=home`);
    await page.waitForSelector('#results > li');
    const times = await page.evaluate(async (runs) => {
      const list = document.getElementById('results')!;
      const accepting = document.getElementById('accepting') as HTMLInputElement;
      const out: number[] = [];
      for (let k = 0; k < runs + 3; k++) {
        const done = new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (!list.hasAttribute('aria-busy')) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
        });
        const start = performance.now();
        accepting.click(); // alternates "home" and "home + accepting new patients"
        await done;
        if (k >= 3) out.push(performance.now() - start);
      }
      return out.sort((a, b) => a - b);
    }, RUNS);
    console.log(
      `\nOn the built page /en/find-care/ with the ${GENERATED.toLocaleString('en')} providers (ticking a box -> 20 results rendered): ` +
        `median ${ms(times[Math.floor(times.length / 2)]!)}, p95 ${ms(times[Math.floor(times.length * 0.95)]!)}.`,
    );
  } else {
    console.log('\n(Build the site first to also time the whole update on the real /en/find-care/ page.)');
  }
} finally {
  await browser?.close();
  server.close();
}

function ms(value: number) {
  return `${value.toFixed(3)} ms`;
}

function table(header: string[], rows: string[][]) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}
