import { describe, expect, it } from 'vitest';
import { ContentFetchError } from '../src/errors.js';
import { BACKOFF_FACTOR, DEFAULT_RETRY_POLICY, isRetryableStatus, retryPolicy, saysAttempts, withRetry } from '../src/retry.js';

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
};

describe('the shared retry policy', () => {
  it('fills in the defaults the GraphQL client always had', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({ timeoutMs: 15_000, retries: 3, minRetryDelayMs: 500 });
    expect(BACKOFF_FACTOR).toBe(2);
    expect(retryPolicy({ retries: 1 })).toEqual({ timeoutMs: 15_000, retries: 1, minRetryDelayMs: 500 });
  });

  it('retries 429 and 5xx only', () => {
    expect([400, 401, 404, 429, 500, 502, 503].filter(isRetryableStatus)).toEqual([429, 500, 502, 503]);
  });

  it('tries retries + 1 times, waiting minRetryDelayMs and then twice as long each time', async () => {
    const at: number[] = [];
    const error = await failure(
      withRetry(
        async () => {
          at.push(performance.now());
          throw new Error('busy');
        },
        { policy: { timeoutMs: 1_000, retries: 3, minRetryDelayMs: 40 }, shouldRetry: () => true },
      ),
    );
    expect(error.message).toBe('busy');
    expect(at).toHaveLength(4);
    const waits = at.slice(1).map((t, i) => t - at[i]!);
    // p-retry waits at least minTimeout * factor^n (no randomisation by default).
    expect(waits[0]).toBeGreaterThanOrEqual(38);
    expect(waits[1]).toBeGreaterThanOrEqual(78);
    expect(waits[2]).toBeGreaterThanOrEqual(158);
  });

  it('stops at the first error shouldRetry refuses', async () => {
    let calls = 0;
    await failure(
      withRetry(
        async () => {
          calls += 1;
          throw new Error(calls === 1 ? 'retry me' : 'final');
        },
        { policy: { timeoutMs: 1_000, retries: 5, minRetryDelayMs: 1 }, shouldRetry: (e) => (e as Error).message === 'retry me' },
      ),
    );
    expect(calls).toBe(2);
  });

  it('gives each attempt a fresh signal that aborts after timeoutMs', async () => {
    const signals: AbortSignal[] = [];
    const result = await withRetry(
      async ({ signal, attempt }) => {
        signals.push(signal);
        if (attempt === 1) {
          await new Promise((resolve) => signal.addEventListener('abort', resolve));
          throw new Error('timed out');
        }
        return 'ok';
      },
      { policy: { timeoutMs: 30, retries: 1, minRetryDelayMs: 1 }, shouldRetry: () => true },
    );
    expect(result).toBe('ok');
    expect(signals).toHaveLength(2);
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[1]!.aborted).toBe(false);
  });

  it('says how many attempts a failure took, once there was more than one', () => {
    const error = new ContentFetchError('unreachable', 'http://cms.test/a.jpg', 'Could not download http://cms.test/a.jpg.');
    expect(saysAttempts(error, 1)).toBe(error);
    const after = saysAttempts(error, 4) as ContentFetchError;
    expect(after.message).toBe('Could not download http://cms.test/a.jpg. Gave up after 4 attempts.');
    expect([after.kind, after.url]).toEqual(['unreachable', 'http://cms.test/a.jpg']);
  });
});
