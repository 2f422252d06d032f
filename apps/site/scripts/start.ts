// `pnpm start` for the site: serves the site (:8080) and the editors' preview with drafts (:8081)
// straight away, builds each from the CMS, and rebuilds them when the CMS's webhook says content
// changed. The two build and serve independently: each serves its last good build (a "not built
// yet" page until there is one), and a failed build (or a CMS that is down) is retried with
// backoff rather than stopping anything. Build reports go to the CMS for the admin's build history.
import type { Server } from 'node:http';
import { readEnv, readRebuildSecret, readServerEnv } from '../src/env.js';
import { createRebuildQueue } from '../src/rebuild-queue.js';
import { createBuildReporter, type BuildReport, type BuildTarget, type BuildTrigger } from '../src/rebuild-report.js';
import { runBuildProcess, stopWaitingBuilds } from '../src/rebuild-runner.js';
import { targetsFor, triggerFromWebhook } from '../src/rebuild-webhook.js';
import { createStaticServer } from '../src/serve.js';
import { waitForCms } from '../src/wait-for-cms.js';

// host (SITE_HOST) is loopback unless set, because the preview serves unpublished drafts.
const env = readServerEnv();
const { strapiUrl, sitePort, previewPort, host, outputDirs, previewUrl } = env;
const siteUrl = env.siteUrl ?? `http://localhost:${sitePort}`;
const secret = () => readRebuildSecret(env);

const targets: Record<BuildTarget, { outputDir: string; siteUrl: string; preview: boolean; port: number; label: string }> = {
  site: { outputDir: outputDirs.site, siteUrl, preview: false, port: sitePort, label: 'Solace site' },
  preview: { outputDir: outputDirs.preview, siteUrl: previewUrl, preview: true, port: previewPort, label: 'Preview with drafts, for editors' },
};

/** What each target is doing, for the "not built yet" page. */
const status: Record<BuildTarget, string> = { site: 'Waiting for the CMS.', preview: 'Waiting for the CMS.' };

const reporter = createBuildReporter({ strapiUrl, secret });
function onReport(report: BuildReport) {
  const id = report.buildId.slice(0, 8);
  const seconds = report.durationMs === null ? '' : ` in ${(report.durationMs / 1000).toFixed(1)} s`;
  if (report.state === 'building') {
    status[report.target] = 'The first build is running.';
    console.log(`[${report.target}] build ${id} started (${describeTriggers(report.triggers)})`);
  } else if (report.state === 'live') {
    console.log(`[${report.target}] build ${id} is live${seconds}: ${targets[report.target].siteUrl}/`);
  } else if (report.state === 'failed') {
    status[report.target] = `The last build failed and is being retried: ${report.error?.message ?? ''}`;
    console.error(`[${report.target}] build ${id} failed${seconds}; retrying. ${report.error?.message ?? ''}`);
  }
  reporter.report(report);
}

function describeTriggers(triggers: BuildTrigger[]) {
  const events = [...new Set(triggers.map((t) => (t.uid ? `${t.event} ${t.uid}` : t.event)))];
  return events.length > 3 ? `${events.slice(0, 3).join(', ')} and ${events.length - 3} more` : events.join(', ');
}

const queue = createRebuildQueue({
  siteUrls: { site: siteUrl, preview: previewUrl },
  run: (job) => runBuildProcess(job, targets[job.target]),
  onReport,
});

function listen(target: BuildTarget, server: Server) {
  const { port, label } = targets[target];
  server.on('error', (error) => {
    console.error(`[solace] ${label} cannot listen on ${host}:${port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, host, () => console.log(`${label}: http://localhost:${port}/`));
}

const hostOf = (url: string) => new URL(url).host;
listen(
  'site',
  createStaticServer(outputDirs.site, {
    extraHosts: [hostOf(siteUrl)],
    buildStatus: () => status.site,
    rebuild: {
      secret,
      onRequest: (payload) => {
        const trigger = triggerFromWebhook(payload);
        for (const target of targetsFor(payload)) queue.request(target, trigger);
      },
    },
  }),
);
listen('preview', createStaticServer(outputDirs.preview, { extraHosts: [hostOf(previewUrl)], buildStatus: () => status.preview }));

// Build both on start; webhooks that arrive meanwhile join these builds or the next ones.
const startup: BuildTrigger = { event: 'startup', uid: null, documentId: null, locale: null, at: new Date().toISOString() };
queue.request('site', startup);
queue.request('preview', startup);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    console.log('\n[solace] stopping the builds ...');
    await Promise.all([stopWaitingBuilds(), queue.stop()]);
    await Promise.race([reporter.flush(), new Promise((resolve) => setTimeout(resolve, 2_000))]);
    process.exit(0);
  });
}

await waitForCms(strapiUrl, Number.POSITIVE_INFINITY);
// The CMS writes the site's token on its first boot: wait for it rather than fail.
for (let announced = false; ; ) {
  try {
    readEnv();
    break;
  } catch (error) {
    if (!announced) console.log(`[solace] waiting for the site's API token: ${(error as Error).message}`);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
if (!secret()) console.warn('[solace] no SITE_REBUILD_SECRET yet: the CMS writes it on boot; until then rebuild calls are refused.');
queue.start();
