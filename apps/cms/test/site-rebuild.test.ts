import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, startCms, type RunningCms } from '../testing';

// When an editor publishes, the CMS calls SITE_REBUILD_URL so the locally served site rebuilds.
describe('site rebuild webhook', () => {
  let cms: RunningCms;
  let hook: http.Server;
  const calls: { event: string; model: string }[] = [];

  beforeAll(async () => {
    hook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const payload = JSON.parse(body) as { event: string; model: string };
        calls.push({ event: payload.event, model: payload.model });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/__rebuild`;
    cms = await startCms({ seed: false, env: { SITE_REBUILD_URL: url } });
  });
  afterAll(async () => {
    await cms?.dispose();
    hook?.close();
  });

  it('calls the site when an article is published', async () => {
    const token = await createApiToken(cms, 'full-access');
    const res = await fetch(`${cms.url}/api/articles?locale=en&status=published`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        data: { title: 'Fresh', slug: 'fresh', summary: 's', body: 'b', seo: { metaTitle: 't', metaDescription: 'd' } },
      }),
    });
    expect(res.status).toBe(201);
    await expect.poll(() => calls.some((c) => c.event === 'entry.publish' && c.model === 'article'), { timeout: 10_000 }).toBe(true);
  });
});
