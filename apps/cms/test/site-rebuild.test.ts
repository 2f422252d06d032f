import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, startCms, type RunningCms } from '../testing';

const SECRET = 'shared-secret-for-the-rebuild-webhook-test';

// When an editor publishes, the CMS calls SITE_REBUILD_URL so the locally served site rebuilds.
describe('site rebuild webhook', () => {
  let cms: RunningCms;
  let hook: http.Server;
  let tmp: string;
  const calls: { event: string; model: string; uid: string; secret: string | undefined }[] = [];

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-rebuild-secret-'));
    hook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const payload = JSON.parse(body) as { event: string; model: string; uid: string };
        calls.push({ event: payload.event, model: payload.model, uid: payload.uid, secret: req.headers['x-solace-secret'] as string | undefined });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/__rebuild`;
    cms = await startCms({
      seed: false,
      env: { SITE_REBUILD_URL: url, SITE_REBUILD_SECRET: SECRET, SITE_REBUILD_SECRET_FILE: path.join(tmp, 'nested/.rebuild-secret') },
    });
  });
  afterAll(async () => {
    await cms?.dispose();
    hook?.close();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('calls the site with the shared secret when an article is published', async () => {
    const token = await createApiToken(cms, 'full-access');
    const res = await fetch(`${cms.url}/api/articles?locale=en&status=published`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        data: { title: 'Fresh', slug: 'fresh', summary: 's', body: 'b', seo: { metaTitle: 't', metaDescription: 'd' } },
      }),
    });
    expect(res.status).toBe(201);
    await expect.poll(() => calls.find((c) => c.event === 'entry.publish' && c.model === 'article'), { timeout: 10_000 }).toMatchObject({
      uid: 'api::article.article',
      secret: SECRET,
    });
    expect(calls.every((c) => c.secret === SECRET)).toBe(true);
  });

  it('writes the secret for the local site server, readable by its owner only', async () => {
    const file = path.join(tmp, 'nested/.rebuild-secret');
    expect((await fs.readFile(file, 'utf8')).trim()).toBe(SECRET);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses to boot with a rebuild URL but no secret, saying what to set', async () => {
    await expect(startCms({ seed: false, env: { SITE_REBUILD_URL: 'http://127.0.0.1:9/__rebuild', SITE_REBUILD_SECRET: '' } })).rejects.toThrow(
      /SITE_REBUILD_SECRET must be set when SITE_REBUILD_URL is/,
    );
  });
});
