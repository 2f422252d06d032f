import fs from 'node:fs/promises';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { compareTrees, graphql, startCms, type RunningCms } from '@solace/cms/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheFileName, IMAGE_CACHE_DIR } from '../../src/images/cache.js';
import { runBuild } from '../e2e/run-build.js';

type Fault = { mode: 'reset' | 'truncate'; times: number };

/**
 * The CMS as a busy one looks to the build: every request passes through, uploads are counted
 * per path, and an upload can be made to drop its connection (reset before any answer, or
 * truncate: half the file, then hang up) its first `times` times.
 */
async function startFaultyProxy(upstream: string) {
  const uploads = new Map<string, number>();
  const faults = new Map<string, Fault>();
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    let fault: Fault | undefined;
    if (url.startsWith('/uploads/')) {
      const seen = (uploads.get(url) ?? 0) + 1;
      uploads.set(url, seen);
      fault = faults.get(url);
      if (fault && seen > fault.times) fault = undefined;
    }
    if (fault?.mode === 'reset') {
      req.socket.destroy();
      return;
    }
    const target = new URL(url, upstream);
    const forward = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      if (fault?.mode === 'truncate') {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          res.writeHead(200, { 'content-type': answer.headers['content-type'] ?? 'image/jpeg', 'content-length': String(body.length) });
          res.write(body.subarray(0, Math.floor(body.length / 2)), () => req.socket.destroy());
        });
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502);
      res.end(`proxy: ${error.message}`);
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    uploads,
    faults,
    /** Upload requests since the last call, per path. */
    take() {
      const counted = Object.fromEntries(uploads);
      uploads.clear();
      return counted;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const IMAGES_QUERY = `query Covers($locale: I18NLocaleCode!) {
  articles_connection(locale: $locale, pagination: { pageSize: 100 }) { nodes { cover { url updatedAt } } }
}`;

describe('CMS images: downloaded once, cached across builds, retried like GraphQL requests', () => {
  let cms: RunningCms;
  let proxy: Awaited<ReturnType<typeof startFaultyProxy>>;
  let tmp: string;
  /** Every image the site shows: its path on the CMS and its entry in the download cache. */
  let images: { path: string; cacheFile: string }[] = [];

  beforeAll(async () => {
    cms = await startCms();
    proxy = await startFaultyProxy(cms.url);
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-images-'));
    const seen = new Map<string, string>();
    for (const locale of ['en', 'es']) {
      const { data, errors } = await graphql<{ articles_connection: { nodes: { cover: { url: string; updatedAt: string } | null }[] } }>(cms, IMAGES_QUERY, { locale });
      if (errors) throw new Error(JSON.stringify(errors));
      for (const { cover } of data!.articles_connection.nodes) {
        // The build sees the CMS through the proxy, so that is the origin of every image URL.
        if (cover) seen.set(cover.url, cacheFileName({ url: new URL(cover.url, proxy.url).toString(), updatedAt: cover.updatedAt }));
      }
    }
    images = [...seen].map(([p, cacheFile]) => ({ path: p, cacheFile })).sort((a, b) => a.path.localeCompare(b.path));
  });
  afterAll(async () => {
    await proxy?.close();
    await cms?.dispose();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
    // This CMS's images are of no use to any later build.
    for (const { cacheFile } of images) await fs.rm(path.join(IMAGE_CACHE_DIR, cacheFile), { force: true });
  });

  const build = (dir: string, extra: Record<string, string> = {}) =>
    runBuild({ STRAPI_URL: proxy.url, STRAPI_TOKEN: cms.siteToken, SITE_OUTPUT_DIR: path.join(tmp, dir), ...extra });
  const mustBuild = async (dir: string, extra: Record<string, string> = {}) => {
    const run = await build(dir, extra);
    if (run.code !== 0) throw new Error(`The build failed:\n${run.output}`);
    return run;
  };
  const once = (paths: string[]) => Object.fromEntries(paths.map((p) => [p, 1]));
  const cached = (cacheFile: string) => fs.readFile(path.join(IMAGE_CACHE_DIR, cacheFile)).catch(() => null);
  const upstreamBytes = async (p: string) => Buffer.from(await (await fetch(new URL(p, cms.url))).arrayBuffer());

  it('the first build downloads each image once and caches it whole', async () => {
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const { cacheFile } of images) expect(await cached(cacheFile)).toBeNull();
    await mustBuild('first');
    expect(proxy.take()).toEqual(once(images.map((i) => i.path)));
    for (const image of images) expect(await cached(image.cacheFile)).toEqual(await upstreamBytes(image.path));
  });

  it('later builds download none: a cold rebuild of the same output, and a cold build into a fresh folder, byte for byte the same', async () => {
    await mustBuild('first', { SITE_BUILD_COLD: '1' });
    expect(proxy.take()).toEqual({});
    await mustBuild('fresh', { SITE_BUILD_COLD: '1' });
    expect(proxy.take()).toEqual({});
    expect((await compareTrees(path.join(tmp, 'first'), path.join(tmp, 'fresh'))).differences).toEqual([]);
  });

  it('an image whose connection drops, before the answer or mid-file, is retried and the build succeeds', async () => {
    const [reset, truncated] = images;
    for (const image of [reset!, truncated!]) await fs.rm(path.join(IMAGE_CACHE_DIR, image.cacheFile));
    proxy.faults.set(reset!.path, { mode: 'reset', times: 2 });
    proxy.faults.set(truncated!.path, { mode: 'truncate', times: 1 });

    await mustBuild('flaky', { SITE_BUILD_COLD: '1' });
    expect(proxy.take()).toEqual({ [reset!.path]: 3, [truncated!.path]: 2 });
    // Only the complete file was cached, and the output is the same as with a healthy CMS.
    expect(await cached(truncated!.cacheFile)).toEqual(await upstreamBytes(truncated!.path));
    expect((await compareTrees(path.join(tmp, 'first'), path.join(tmp, 'flaky'))).differences).toEqual([]);
    proxy.faults.clear();
  });

  it('an image that never arrives fails the build, naming its URL, and leaves the previous output and the cache untouched', async () => {
    const broken = images[images.length - 1]!;
    await fs.rm(path.join(IMAGE_CACHE_DIR, broken.cacheFile));
    proxy.faults.set(broken.path, { mode: 'truncate', times: Infinity });
    const before = path.join(tmp, 'first-copy');
    await fs.cp(path.join(tmp, 'first'), before, { recursive: true });

    const run = await build('first', { SITE_BUILD_COLD: '1' });
    expect(run.code).not.toBe(0);
    const url = new URL(broken.path, proxy.url).toString();
    expect(run.output).toContain(`Could not download ${url}`);
    expect(run.output).toContain('Gave up after 4 attempts.');
    expect(proxy.take()).toEqual({ [broken.path]: 4 });

    expect((await compareTrees(path.join(tmp, 'first'), before)).differences).toEqual([]);
    expect(await cached(broken.cacheFile)).toBeNull();
    expect((await fs.readdir(IMAGE_CACHE_DIR)).filter((name) => name.startsWith(broken.cacheFile))).toEqual([]);
    proxy.faults.clear();
  });
});
