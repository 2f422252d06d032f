// When to build what: the rebuild queue of `pnpm start`. Pure scheduling logic (timers and
// promises, no processes or HTTP), so it can be tested with fake timers. The builds themselves and
// the reports to the CMS are passed in.
import crypto from 'node:crypto';
import type { BuildError, BuildReport, BuildTarget, BuildTrigger } from './rebuild-report.js';

/** What a build gets: its id, what caused it, and a signal that aborts it at its deadline. */
export type BuildJob = { target: BuildTarget; buildId: string; triggers: BuildTrigger[]; signal: AbortSignal };
export type BuildOutcome = { ok: true } | { ok: false; error: BuildError };

export type RebuildQueueOptions = {
  /** Runs one build; must settle soon after `signal` aborts (the runner kills its process). */
  run: (job: BuildJob) => Promise<BuildOutcome>;
  /** Called on every state change of a build (queued, building, live, failed). */
  onReport?: (report: BuildReport) => void;
  /** Quiet time after the last change before building (changes usually come in bursts). */
  debounceMs?: number;
  /** A change is built at most this long after it was made, however many follow it. */
  maxWaitMs?: number;
  /** A build still running after this long is aborted and counts as failed. */
  deadlineMs?: number;
  /** Failed builds are retried after retryMs, doubling per failure in a row up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  siteUrls: Record<BuildTarget, string>;
  newBuildId?: () => string;
};

type Running = { buildId: string; triggers: BuildTrigger[]; startedAt: Date; done: Promise<void> };

type TargetState = {
  /** Changes not yet in a build that started. */
  pending: BuildTrigger[];
  /** The id the next build of `pending` gets, reported as queued. */
  queuedId: string | null;
  /** When the oldest and the newest of the pending changes arrived (ms since epoch), if any are fresh. */
  firstChangeAt: number | null;
  lastChangeAt: number | null;
  /** When a failed build is retried (ms since epoch), if one failed. */
  retryAt: number | null;
  failuresInARow: number;
  running: Running | null;
  timer: NodeJS.Timeout | undefined;
};

export type RebuildQueue = {
  /** Records a change to build. Before start(), changes are kept and built once started. */
  request: (target: BuildTarget, trigger: BuildTrigger) => void;
  /** Lets builds run: whatever was requested so far is built straight away. */
  start: () => void;
  /** Stops scheduling, aborts running builds and waits for them to end. */
  stop: () => Promise<void>;
  /** What is going on, for logs and tests. */
  status: (target: BuildTarget) => { pending: number; building: boolean; failuresInARow: number; nextBuildAt: Date | null };
};

// The CMS sends a publish's webhooks within milliseconds of each other: a quarter of a second of
// quiet catches them, and costs a publish little.
export const REBUILD_DEFAULTS = { debounceMs: 250, maxWaitMs: 10_000, deadlineMs: 5 * 60_000, retryMs: 2_000, maxRetryMs: 60_000 };

export function createRebuildQueue(options: RebuildQueueOptions): RebuildQueue {
  const { debounceMs, maxWaitMs, deadlineMs, retryMs, maxRetryMs } = { ...REBUILD_DEFAULTS, ...definedOnly(options) };
  const newBuildId = options.newBuildId ?? (() => crypto.randomUUID());
  const report = (r: BuildReport) => {
    try {
      options.onReport?.(r);
    } catch (error) {
      // Reporting must never stop building.
      console.error('[solace] could not report a build:', error);
    }
  };
  const targets: Record<BuildTarget, TargetState> = { site: emptyState(), preview: emptyState() };
  let started = false;
  let stopped = false;
  const aborters = new Set<AbortController>();

  const baseReport = (target: BuildTarget, buildId: string, triggers: BuildTrigger[]): BuildReport => ({
    target,
    buildId,
    state: 'queued',
    triggers,
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    siteUrl: options.siteUrls[target],
    error: null,
  });

  /** When the pending changes are due to be built, or null if there are none. */
  function dueAt(state: TargetState): number | null {
    if (state.pending.length === 0) return null;
    const times: number[] = [];
    if (state.lastChangeAt !== null && state.firstChangeAt !== null) {
      times.push(Math.min(state.lastChangeAt + debounceMs, state.firstChangeAt + maxWaitMs));
    }
    if (state.retryAt !== null) times.push(state.retryAt);
    return times.length ? Math.min(...times) : Date.now();
  }

  /**
   * The public site goes first: the preview does not start while the site builds, or when the
   * site's build is due at the same moment (a publish asks for both), as two builds at once on a
   * small machine make the readers' one slower. It gets its turn when the site's build ends.
   */
  function siteFirst() {
    const site = targets.site;
    if (site.running) return true;
    const siteDue = site.retryAt === null ? dueAt(site) : null;
    return siteDue !== null && siteDue <= Date.now();
  }

  /** Starts a build if one is due and none is running; otherwise sets the timer for when one is. */
  function schedule(target: BuildTarget) {
    const state = targets[target];
    clearTimeout(state.timer);
    state.timer = undefined;
    if (!started || stopped || state.running) return;
    if (target === 'preview' && siteFirst()) return;
    const due = dueAt(state);
    if (due === null) return;
    const wait = due - Date.now();
    if (wait > 0) {
      state.timer = setTimeout(() => schedule(target), wait);
      return;
    }
    startBuild(target);
  }

  function startBuild(target: BuildTarget) {
    const state = targets[target];
    const triggers = state.pending;
    const buildId = state.queuedId ?? newBuildId();
    Object.assign(state, { pending: [], queuedId: null, firstChangeAt: null, lastChangeAt: null, retryAt: null });

    const startedAt = new Date();
    const controller = new AbortController();
    aborters.add(controller);
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`The build did not finish within ${Math.round(deadlineMs / 1000)} s and was stopped.`));
    }, deadlineMs);
    report({ ...baseReport(target, buildId, triggers), state: 'building', startedAt: startedAt.toISOString() });

    const done = (async () => {
      let outcome: BuildOutcome;
      try {
        outcome = await options.run({ target, buildId, triggers, signal: controller.signal });
      } catch (error) {
        outcome = { ok: false, error: { message: error instanceof Error ? error.message : String(error), entry: null } };
      }
      clearTimeout(deadline);
      aborters.delete(controller);
      if (timedOut) {
        outcome = { ok: false, error: { message: (controller.signal.reason as Error).message, entry: null } };
      } else if (stopped && !outcome.ok) {
        outcome = { ok: false, error: { message: 'The build was stopped because the server is shutting down.', entry: null } };
      }
      const finishedAt = new Date();
      report({
        ...baseReport(target, buildId, triggers),
        state: outcome.ok ? 'live' : 'failed',
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationMs: finishedAt.getTime() - startedAt.getTime(),
        error: outcome.ok ? null : outcome.error,
      });
      state.running = null;
      if (outcome.ok) {
        state.failuresInARow = 0;
      } else if (!stopped) {
        // Build the same changes again later (with any that arrived meanwhile), waiting longer
        // after each failure in a row.
        state.failuresInARow += 1;
        state.pending = [...triggers, ...state.pending];
        state.retryAt = Date.now() + Math.min(retryMs * 2 ** (state.failuresInARow - 1), maxRetryMs);
        if (!state.queuedId) {
          state.queuedId = newBuildId();
          report(baseReport(target, state.queuedId, state.pending));
        }
      }
      // The preview, held while the site built, first: it is not held again by the site's next build.
      if (target === 'site') schedule('preview');
      schedule(target);
    })();
    state.running = { buildId, triggers, startedAt, done };
  }

  return {
    request(target, trigger) {
      if (stopped) return;
      const state = targets[target];
      const now = Date.now();
      state.pending.push(trigger);
      state.firstChangeAt ??= now;
      state.lastChangeAt = now;
      if (!state.queuedId) state.queuedId = newBuildId();
      report(baseReport(target, state.queuedId, [...state.pending]));
      schedule(target);
    },
    start() {
      if (started) return;
      started = true;
      for (const target of Object.keys(targets) as BuildTarget[]) {
        const state = targets[target];
        // What was asked for while starting up is built now, without waiting out the debounce.
        if (state.pending.length > 0) state.retryAt = Date.now();
        schedule(target);
      }
    },
    async stop() {
      stopped = true;
      for (const state of Object.values(targets)) clearTimeout(state.timer);
      for (const controller of aborters) controller.abort(new Error('stopped'));
      await Promise.all(Object.values(targets).map((state) => state.running?.done));
    },
    status(target) {
      const state = targets[target];
      const due = state.running ? null : dueAt(state);
      return {
        pending: state.pending.length,
        building: state.running !== null,
        failuresInARow: state.failuresInARow,
        nextBuildAt: due === null ? null : new Date(due),
      };
    },
  };
}

function emptyState(): TargetState {
  return { pending: [], queuedId: null, firstChangeAt: null, lastChangeAt: null, retryAt: null, failuresInARow: 0, running: null, timer: undefined };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
