import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBuildReporter, type BuildReport } from '../../src/rebuild-report.js';

const report = (state: BuildReport['state']): BuildReport => ({
  target: 'site', buildId: 'b1', state, triggers: [], startedAt: null, finishedAt: null, durationMs: null, siteUrl: 'http://localhost:8080', error: null,
});

let server: http.Server | undefined;
afterEach(() => server?.close());

/** A stand-in CMS that records what it is sent and answers with `status`. */
async function fakeCms(status: number) {
  const received: { path: string; secret: unknown; body: BuildReport }[] = [];
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ path: req.url!, secret: req.headers['x-solace-secret'], body: JSON.parse(body) as BuildReport });
      // Answer the first one last, to show the order does not depend on the CMS's speed.
      setTimeout(() => res.writeHead(status).end(), received.length === 1 ? 100 : 0);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { received, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('build reports to the CMS', () => {
  it('are POSTed in order with the shared secret', async () => {
    const cms = await fakeCms(201);
    const reporter = createBuildReporter({ strapiUrl: cms.url, secret: () => 'shared-secret-value' });
    for (const state of ['queued', 'building', 'live'] as const) reporter.report(report(state));
    await reporter.flush();
    expect(cms.received.map((r) => [r.path, r.secret, r.body.state])).toEqual([
      ['/api/solace/site-builds', 'shared-secret-value', 'queued'],
      ['/api/solace/site-builds', 'shared-secret-value', 'building'],
      ['/api/solace/site-builds', 'shared-secret-value', 'live'],
    ]);
  });

  it('log a CMS without the endpoint, or one that is down, once, and never throw', async () => {
    const cms = await fakeCms(404);
    const logs: string[] = [];
    const reporter = createBuildReporter({ strapiUrl: cms.url, secret: () => 'shared-secret-value', log: (m) => logs.push(m) });
    reporter.report(report('queued'));
    reporter.report(report('building'));
    await reporter.flush();
    expect(logs).toEqual([expect.stringContaining('answered 404')]);

    const down = createBuildReporter({ strapiUrl: 'http://127.0.0.1:9', secret: () => 'shared-secret-value', log: (m) => logs.push(m) });
    down.report(report('queued'));
    down.report(report('live'));
    await down.flush();
    expect(logs).toHaveLength(2);
    expect(logs[1]).toMatch(/could not reach http:\/\/127\.0\.0\.1:9\/api\/solace\/site-builds/);
  });

  it('are not sent without a secret', async () => {
    const cms = await fakeCms(201);
    const logs: string[] = [];
    const reporter = createBuildReporter({ strapiUrl: cms.url, secret: () => undefined, log: (m) => logs.push(m) });
    reporter.report(report('queued'));
    await reporter.flush();
    expect(cms.received).toEqual([]);
    expect(logs[0]).toMatch(/no SITE_REBUILD_SECRET/);
  });
});
