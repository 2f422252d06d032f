import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRebuildQueue, type BuildJob, type BuildOutcome, type RebuildQueueOptions } from '../../src/rebuild-queue.js';
import type { BuildReport, BuildTarget, BuildTrigger } from '../../src/rebuild-report.js';

const T0 = new Date('2026-03-03T12:00:00.000Z').getTime();
const siteUrls = { site: 'http://localhost:8080', preview: 'http://localhost:8081' };

const trigger = (documentId: string, event = 'entry.publish'): BuildTrigger => ({
  event,
  uid: 'api::article.article',
  documentId,
  locale: 'en',
  at: new Date().toISOString(),
});

/** A fake build: each call waits until the test settles it (or its deadline aborts it). */
function fakeBuilds() {
  const calls: { job: BuildJob; at: number; settle: (outcome: BuildOutcome) => void }[] = [];
  const run = (job: BuildJob) =>
    new Promise<BuildOutcome>((resolve) => {
      calls.push({ job, at: Date.now() - T0, settle: resolve });
      job.signal.addEventListener('abort', () => resolve({ ok: false, error: { message: 'killed', entry: null } }));
    });
  const of = (target: BuildTarget) => calls.filter((c) => c.job.target === target);
  return { calls, run, of };
}

function setup(overrides: Partial<RebuildQueueOptions> = {}) {
  const builds = fakeBuilds();
  const reports: BuildReport[] = [];
  let id = 0;
  const queue = createRebuildQueue({
    run: builds.run,
    onReport: (r) => reports.push(r),
    siteUrls,
    newBuildId: () => `b${++id}`,
    ...overrides,
  });
  return { queue, builds, reports };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the rebuild queue', () => {
  it('waits for a quiet 0.25 s after the last change before building', async () => {
    const { queue, builds } = setup();
    queue.start();
    queue.request('site', trigger('a'));
    await vi.advanceTimersByTimeAsync(200);
    queue.request('site', trigger('b'));
    await vi.advanceTimersByTimeAsync(249);
    expect(builds.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(builds.calls).toHaveLength(1);
    expect(builds.calls[0]!.at).toBe(450);
    expect(builds.calls[0]!.job.triggers.map((t) => t.documentId)).toEqual(['a', 'b']);
  });

  it('builds a change within 10 s however many changes follow it', async () => {
    const { queue, builds } = setup();
    queue.start();
    for (let i = 0; i < 60; i++) {
      queue.request('site', trigger(`edit-${i}`));
      await vi.advanceTimersByTimeAsync(200);
    }
    const first = builds.of('site')[0]!;
    expect(first.at).toBe(10_000);
    expect(first.job.triggers).toHaveLength(50);
  });

  it('runs one build at a time per target; changes during a build cause exactly one more', async () => {
    const { queue, builds } = setup();
    queue.start();
    queue.request('site', trigger('a'));
    await vi.advanceTimersByTimeAsync(1_500);
    expect(builds.calls).toHaveLength(1);
    for (const id of ['b', 'c', 'd']) {
      queue.request('site', trigger(id));
      await vi.advanceTimersByTimeAsync(2_000);
    }
    expect(builds.calls).toHaveLength(1); // still building
    builds.calls[0]!.settle({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(builds.calls).toHaveLength(2); // due long ago: straight after the first
    expect(builds.calls[1]!.job.triggers.map((t) => t.documentId)).toEqual(['b', 'c', 'd']);
    builds.calls[1]!.settle({ ok: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(builds.calls).toHaveLength(2);
  });

  it('builds the preview after the site, never at the same time, and a failing site does not hold it up', async () => {
    const { queue, builds } = setup();
    queue.start();
    // A publish: both at once. The site builds first, the preview once the site's build ends.
    queue.request('site', trigger('a'));
    queue.request('preview', trigger('a'));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(builds.calls.map((c) => c.job.target)).toEqual(['site']);
    builds.of('site')[0]!.settle({ ok: false, error: { message: 'broken', entry: null } });
    await vi.advanceTimersByTimeAsync(0);
    expect(builds.calls.map((c) => c.job.target)).toEqual(['site', 'preview']);
    // The site waits out its backoff meanwhile; its retry may run beside the preview.
    await vi.advanceTimersByTimeAsync(2_000);
    expect(builds.calls.map((c) => c.job.target)).toEqual(['site', 'preview', 'site']);
    builds.of('preview')[0]!.settle({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.status('preview')).toMatchObject({ pending: 0, building: false, failuresInARow: 0 });
    expect(queue.status('site')).toMatchObject({ pending: 0, building: true, failuresInARow: 1 });
    // A draft saved while the site is quiet builds the preview straight after the quiet time.
    builds.of('site')[1]!.settle({ ok: true });
    queue.request('preview', trigger('b', 'entry.update'));
    await vi.advanceTimersByTimeAsync(250);
    expect(builds.calls.map((c) => c.job.target)).toEqual(['site', 'preview', 'site', 'preview']);
  });

  it('keeps what is requested while starting up and builds it as soon as it is started', async () => {
    const { queue, builds } = setup();
    queue.request('site', trigger('startup', 'startup'));
    queue.request('preview', trigger('startup', 'startup'));
    await vi.advanceTimersByTimeAsync(30_000);
    queue.request('site', trigger('early'));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(builds.calls).toHaveLength(0);
    queue.start();
    await vi.advanceTimersByTimeAsync(0);
    // The site first; the preview when the site's build ends.
    expect(builds.calls.map((c) => c.job.target)).toEqual(['site']);
    expect(builds.of('site')[0]!.job.triggers.map((t) => t.documentId)).toEqual(['startup', 'early']);
    // And during the first build.
    queue.request('site', trigger('during-first'));
    builds.of('site')[0]!.settle({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(builds.calls.map((c) => c.job.target)).toEqual(['site', 'preview']);
    await vi.advanceTimersByTimeAsync(500);
    expect(builds.of('site')).toHaveLength(2);
    expect(builds.of('site')[1]!.job.triggers.map((t) => t.documentId)).toEqual(['during-first']);
  });

  it('stops a build at its deadline and reports it failed', async () => {
    const { queue, builds, reports } = setup({ deadlineMs: 60_000 });
    queue.start();
    queue.request('preview', trigger('a'));
    await vi.advanceTimersByTimeAsync(250);
    const { job } = builds.calls[0]!;
    await vi.advanceTimersByTimeAsync(59_999);
    expect(job.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(job.signal.aborted).toBe(true);
    const failed = reports.find((r) => r.state === 'failed')!;
    expect(failed).toMatchObject({ target: 'preview', buildId: job.buildId, durationMs: 60_000 });
    expect(failed.error!.message).toBe('The build did not finish within 60 s and was stopped.');
  });

  it('retries a failed build with a growing, capped wait, and starts over after a success', async () => {
    const { queue, builds } = setup({ retryMs: 2_000, maxRetryMs: 10_000 });
    queue.start();
    queue.request('site', trigger('a'));
    const fail = () => builds.calls.at(-1)!.settle({ ok: false, error: { message: 'CMS down', entry: null } });
    await vi.advanceTimersByTimeAsync(1_500);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      fail();
      const failedAt = Date.now() - T0;
      await vi.advanceTimersByTimeAsync(20_000);
      waits.push(builds.calls.at(-1)!.at - failedAt);
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 10_000, 10_000]);
    expect(builds.calls.every((c) => c.job.triggers[0]!.documentId === 'a')).toBe(true);
    builds.calls.at(-1)!.settle({ ok: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(builds.calls).toHaveLength(6);
    expect(queue.status('site').failuresInARow).toBe(0);
    queue.request('site', trigger('b'));
    await vi.advanceTimersByTimeAsync(1_500);
    fail();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(builds.calls).toHaveLength(8);
  });

  it('does not wait out the backoff for a new change after a failure', async () => {
    const { queue, builds } = setup({ retryMs: 30_000 });
    queue.start();
    queue.request('site', trigger('broken'));
    await vi.advanceTimersByTimeAsync(1_500);
    builds.calls[0]!.settle({ ok: false, error: { message: 'Invalid article', entry: null } });
    await vi.advanceTimersByTimeAsync(1_000);
    queue.request('site', trigger('fix'));
    await vi.advanceTimersByTimeAsync(1_500);
    expect(builds.calls).toHaveLength(2);
    expect(builds.calls[1]!.job.triggers.map((t) => t.documentId)).toEqual(['broken', 'fix']);
  });

  it('reports each state with its triggers, times and error', async () => {
    const { queue, builds, reports } = setup();
    queue.start();
    const first = trigger('doc-1');
    queue.request('site', first);
    await vi.advanceTimersByTimeAsync(250);
    await vi.advanceTimersByTimeAsync(4_000);
    const entry = { type: 'article', documentId: 'doc-1', locale: 'en', field: 'slug' };
    builds.calls[0]!.settle({ ok: false, error: { message: 'Invalid article', entry } });
    await vi.advanceTimersByTimeAsync(0);
    expect(reports.map((r) => [r.buildId, r.state])).toEqual([
      ['b1', 'queued'],
      ['b1', 'building'],
      ['b1', 'failed'],
      ['b2', 'queued'],
    ]);
    expect(reports[0]).toEqual({
      target: 'site', buildId: 'b1', state: 'queued', triggers: [first], startedAt: null, finishedAt: null, durationMs: null,
      siteUrl: 'http://localhost:8080', error: null,
    });
    expect(reports[2]).toMatchObject({
      startedAt: '2026-03-03T12:00:00.250Z', finishedAt: '2026-03-03T12:00:04.250Z', durationMs: 4_000, error: { message: 'Invalid article', entry },
    });
    await vi.advanceTimersByTimeAsync(2_000);
    builds.calls[1]!.settle({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(reports.slice(4).map((r) => [r.buildId, r.state, r.triggers.length])).toEqual([
      ['b2', 'building', 1],
      ['b2', 'live', 1],
    ]);
  });

  it('keeps building when reporting throws', async () => {
    const { queue, builds } = setup({
      onReport: () => {
        throw new Error('CMS unreachable');
      },
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    queue.start();
    queue.request('site', trigger('a'));
    await vi.advanceTimersByTimeAsync(1_500);
    builds.calls[0]!.settle({ ok: true });
    queue.request('site', trigger('b'));
    await vi.advanceTimersByTimeAsync(1_500);
    expect(builds.calls).toHaveLength(2);
  });

  it('treats a build that throws as failed and retries it', async () => {
    const run = vi.fn(async () => {
      throw new Error('spawn failed');
    });
    const { queue, reports } = setup({ run });
    queue.start();
    queue.request('site', trigger('a'));
    await vi.advanceTimersByTimeAsync(1_500 + 2_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(reports.find((r) => r.state === 'failed')!.error!.message).toBe('spawn failed');
  });

  it('aborts running builds on stop and builds nothing more', async () => {
    const { queue, builds } = setup();
    queue.start();
    queue.request('site', trigger('a'));
    await vi.advanceTimersByTimeAsync(1_500);
    await queue.stop();
    expect(builds.calls[0]!.job.signal.aborted).toBe(true);
    queue.request('site', trigger('b'));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(builds.calls).toHaveLength(1);
  });
});
