import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminLogin,
  buildSite,
  createSharedDatabase,
  graphql,
  makeTempDir,
  querySql,
  sharedSecrets,
  startCms,
  type CmsConnection,
  type RunningCms,
} from '../testing';
import { SERVED_BY_HEADER, startRoundRobinProxy, type RoundRobinProxy } from '../testing/round-robin-proxy';

// Two CMS instances on one PostgreSQL database, behind one origin (a round-robin proxy), with
// uploads in S3-compatible object storage (s3rver on loopback). PostgreSQL whatever
// DATABASE_CLIENT says: SQLite cannot be shared, and this machine always has PostgreSQL.
const UID = 'api::article.article';
const BUCKET = 'solace-media';
const SECRET = 'a-shared-secret-for-the-multi-instance-test';
const DEMO_ARTICLES = 8;

type Hook = { event: string; documentId: string | undefined; locale: string | undefined };
type Doc = { documentId: string; publishedAt?: string | null };

let tmp: string;
let s3: S3rver;
let s3Url: string;
const s3Gets: string[] = [];
let hookServer: http.Server;
const hooks: Hook[] = [];
let proxy: RoundRobinProxy;
let database: Awaited<ReturnType<typeof createSharedDatabase>>;
let a: RunningCms;
let b: RunningCms;

beforeAll(async () => {
  tmp = await makeTempDir('multi');
  s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: path.join(tmp, 's3'), configureBuckets: [{ name: BUCKET }] });
  const { port } = (await s3.run()) as AddressInfo;
  s3Url = `http://127.0.0.1:${port}`;
  // Which objects were read, to show where the site build got its images from.
  (s3 as unknown as { httpServer: http.Server }).httpServer.on('request', (req: http.IncomingMessage) => {
    if (req.method === 'GET') s3Gets.push(req.url ?? '');
  });

  hookServer = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.headers['x-solace-secret'] !== SECRET) return void res.writeHead(401).end();
      const payload = JSON.parse(body) as { event: string; entry?: { documentId?: string; locale?: string } };
      hooks.push({ event: payload.event, documentId: payload.entry?.documentId, locale: payload.entry?.locale });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));

  proxy = await startRoundRobinProxy();
  database = await createSharedDatabase();
  const env = {
    ...sharedSecrets(),
    ADMIN_EMAIL: 'admin@solace.test',
    ADMIN_PASSWORD: 'Multi-instance-test-Aa1',
    PUBLIC_URL: proxy.url,
    SITE_TOKEN_FILE: path.join(tmp, 'site-token'),
    SITE_REBUILD_URL: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/__rebuild`,
    SITE_REBUILD_SECRET: SECRET,
    SITE_REBUILD_SECRET_FILE: '',
    SCHEDULED_PUBLISHING_RULE: '* * * * * *',
    S3_BUCKET: BUCKET,
    S3_REGION: 'us-east-1',
    S3_ENDPOINT: s3Url,
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  };
  // Both at once on the fresh database: migrations, seed, admin, token and webhook must not race.
  const [first, second] = await Promise.allSettled([
    startCms({ sharedDatabase: database, env }),
    startCms({ sharedDatabase: database, env }),
  ]);
  if (first.status === 'fulfilled') a = first.value;
  if (second.status === 'fulfilled') b = second.value;
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  proxy.backends = [a.url, b.url];
}, 300_000);

afterAll(async () => {
  await Promise.all([a?.dispose(), b?.dispose()]);
  await database?.drop();
  await proxy?.close();
  hookServer?.close();
  await s3?.close().catch(() => {});
  await fs.rm(tmp, { recursive: true, force: true });
});

async function admin(cms: { url: string }, jwt: string, method: string, route: string, body?: unknown) {
  const res = await fetch(`${cms.url}/content-manager/collection-types/${UID}${route}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as { data?: Doc; error?: unknown };
  if (!res.ok) throw new Error(`${method} ${route} on ${cms.url}: ${res.status} ${JSON.stringify(json)}`);
  return { data: json.data!, servedBy: res.headers.get(SERVED_BY_HEADER) };
}

let counter = 0;
function newArticle(extra: Record<string, unknown> = {}) {
  counter += 1;
  return {
    title: `Two instances ${counter}`,
    slug: `two-instances-${counter}-${Date.now()}`,
    summary: 'Written through one instance, read through the other.',
    body: 'Body text.',
    seo: { metaTitle: `Two instances ${counter}`, metaDescription: 'An article of the multi-instance test.' },
    ...extra,
  };
}

const publishesOf = (documentId: string) => hooks.filter((h) => h.event === 'entry.publish' && h.documentId === documentId);
const settle = (ms = 3_000) => new Promise((resolve) => setTimeout(resolve, ms));

async function publishedArticle(cms: CmsConnection, slug: string) {
  const { data } = await graphql<{ articles: { documentId: string; title: string; cover: { url: string } | null }[] }>(
    cms,
    'query($slug: String!) { articles(locale: "en", filters: { slug: { eq: $slug } }) { documentId title cover { url } } }',
    { slug },
  );
  return data?.articles[0] ?? null;
}

describe('two CMS instances on one PostgreSQL database', () => {
  it('start at once on a fresh database and set it up exactly once', async () => {
    const logs = [a.logs(), b.logs()];
    // They really overlapped: one of them waited for the other's start-up to finish.
    expect(logs.filter((log) => log.includes('Another CMS instance is starting')).length).toBe(1);
    const count = async (sql: string) => Number((await querySql<{ n: string }>(database.env, sql))[0]!.n);
    expect(await count('SELECT COUNT(*) AS n FROM admin_users')).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM admin_roles WHERE code = 'strapi-super-admin'")).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM up_roles WHERE type = 'public'")).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM i18n_locale WHERE code IN ('en', 'es')")).toBe(2);
    expect(await count("SELECT COUNT(*) AS n FROM strapi_api_tokens WHERE name = 'Site build (read-only)'")).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM strapi_webhooks')).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM articles WHERE locale = 'en' AND published_at IS NULL")).toBe(DEMO_ARTICLES);
    // Both read the same site token (the file the first one wrote), and it works on both.
    expect(a.siteToken).toBe(b.siteToken);
    for (const cms of [a, b]) expect((await graphql(cms, '{ i18NLocales { code } }')).status).toBe(200);
  });

  it('takes a write through one instance and serves it from the other, behind one origin', async () => {
    const viaProxy = { ...a, url: proxy.url, graphqlUrl: `${proxy.url}/graphql` };
    const jwt = await adminLogin(viaProxy);
    const article = newArticle();
    const created = await admin(viaProxy, jwt, 'POST', '?locale=en', article);
    const published = await admin(viaProxy, jwt, 'POST', `/${created.data.documentId}/actions/publish?locale=en`, {});
    const read = await fetch(viaProxy.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a.siteToken}` },
      body: JSON.stringify({ query: 'query($slug: String!) { articles(locale: "en", filters: { slug: { eq: $slug } }) { title } }', variables: { slug: article.slug } }),
    });
    // No sticky sessions: the admin's token from one instance works on the other.
    expect(new Set([created.servedBy, published.servedBy]).size).toBe(2);
    expect(read.headers.get(SERVED_BY_HEADER)).not.toBe(published.servedBy);
    expect(await read.json()).toEqual({ data: { articles: [{ title: article.title }] } });
    // And directly: what one instance wrote, the other has.
    expect(await publishedArticle(a, article.slug)).toMatchObject({ title: article.title });
    expect(await publishedArticle(b, article.slug)).toMatchObject({ title: article.title });
  });

  it('stores uploads in object storage: uploaded through one, built into the site from the other', async () => {
    const jwt = await adminLogin(a);
    const png = await sharp({ create: { width: 1000, height: 600, channels: 3, background: { r: 120, g: 90, b: 160 } } }).png().toBuffer();
    const form = new FormData();
    form.append('files', new Blob([png], { type: 'image/png' }), 'two-instances.png');
    const upload = await fetch(`${a.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${jwt}` }, body: form });
    expect(upload.status).toBe(201);
    const [file] = (await upload.json()) as { id: number; url: string; hash: string }[];
    expect(file!.url.startsWith(`${s3Url}/${BUCKET}/`)).toBe(true);
    // The bytes are in the bucket, and in neither instance's own folder.
    const stored = await fetch(file!.url);
    expect(stored.status).toBe(200);
    // Strapi re-encodes images it stores (size optimisation), so compare the picture, not the bytes.
    const storedImage = await sharp(Buffer.from(await stored.arrayBuffer())).metadata();
    expect(storedImage).toMatchObject({ format: 'png', width: 1000, height: 600 });
    for (const cms of [a, b]) expect(await fs.readdir(cms.uploadsDir)).toEqual([]);

    const coverAlt = 'A violet rectangle uploaded through the first instance';
    const bJwt = await adminLogin(b);
    const article = newArticle({ cover: file!.id, coverAlt });
    const created = await admin(b, bJwt, 'POST', '?locale=en', article);
    await admin(b, bJwt, 'POST', `/${created.data.documentId}/actions/publish?locale=en`, {});
    expect((await publishedArticle(b, article.slug))?.cover?.url).toBe(file!.url);

    const out = path.join(tmp, 'site');
    s3Gets.length = 0;
    await buildSite(b, out);
    // eleventy-img fetched the original from the bucket and wrote resized copies into the site.
    expect(s3Gets).toContain(new URL(file!.url).pathname);
    const pages = await fs.readdir(out, { recursive: true });
    const page = await findPageWith(out, pages, coverAlt);
    expect(page, 'the article page shows the cover').toBeTruthy();
    const src = /<img[^>]*src="(\/img\/[^"]+)"/.exec(page!)?.[1];
    expect(src).toBeTruthy();
    await expect(fs.stat(path.join(out, src!))).resolves.toBeTruthy();
  });

  it('calls the rebuild webhook once per publish, whichever instance publishes', async () => {
    const [aJwt, bJwt] = await Promise.all([adminLogin(a), adminLogin(b)]);
    const { data } = await admin(a, aJwt, 'POST', '?locale=en', newArticle());
    const documentId = data.documentId;

    await admin(a, aJwt, 'POST', `/${documentId}/actions/publish?locale=en`, {});
    await expect.poll(() => publishesOf(documentId).length, { timeout: 10_000 }).toBe(1);
    await admin(b, bJwt, 'PUT', `/${documentId}?locale=en`, { title: 'Edited on the second instance' });
    await admin(b, bJwt, 'POST', `/${documentId}/actions/publish?locale=en`, {});
    await expect.poll(() => publishesOf(documentId).length, { timeout: 10_000 }).toBe(2);
    await settle();
    expect(publishesOf(documentId).length).toBe(2);
  });

  it('publishes a scheduled article once, though both instances run the schedule every second', async () => {
    const jwt = await adminLogin(a);
    const publishAt = new Date(Date.now() + 4_000).toISOString();
    const article = newArticle({ publishAt });
    const { data } = await admin(a, jwt, 'POST', '?locale=en', article);
    await expect.poll(() => publishedArticle(b, article.slug), { timeout: 30_000, interval: 500 }).toMatchObject({ title: article.title });
    await settle();
    expect(publishesOf(data.documentId).length).toBe(1);
    const rows = await querySql<{ n: string }>(
      database.env,
      `SELECT COUNT(*) AS n FROM articles WHERE document_id = '${data.documentId}' AND published_at IS NOT NULL`,
    );
    expect(Number(rows[0]!.n)).toBe(1);
    // Exactly one instance logged the publish.
    const logged = [a.logs(), b.logs()].filter((log) => log.includes(`Scheduled publish: article ${data.documentId}`));
    expect(logged.length).toBe(1);
  });
});

async function findPageWith(root: string, files: string[], text: string) {
  for (const name of files.filter((f) => f.endsWith('.html'))) {
    const html = await fs.readFile(path.join(root, name), 'utf8');
    if (html.includes(text)) return html;
  }
  return null;
}
