import pRetry from 'p-retry';
import { ContentFetchError } from './errors.js';

/**
 * How every request to the CMS is retried: GraphQL queries (client.ts) and image downloads
 * (download.ts) both go through `withRetry`, so they share one policy by construction.
 */
export interface RetryPolicy {
  /** Per attempt, not for the whole retry sequence. */
  timeoutMs: number;
  retries: number;
  /** Delay before the first retry; doubles on each further retry. */
  minRetryDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = { timeoutMs: 15_000, retries: 3, minRetryDelayMs: 500 };

/** Each retry waits this many times longer than the one before. */
export const BACKOFF_FACTOR = 2;

/** The policy with the defaults filled in for whatever `options` leaves out. */
export function retryPolicy(options: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    timeoutMs: options.timeoutMs ?? DEFAULT_RETRY_POLICY.timeoutMs,
    retries: options.retries ?? DEFAULT_RETRY_POLICY.retries,
    minRetryDelayMs: options.minRetryDelayMs ?? DEFAULT_RETRY_POLICY.minRetryDelayMs,
  };
}

/** An HTTP answer worth asking again for: the server is busy (429) or failing (5xx). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

export interface RetryOptions {
  policy: RetryPolicy;
  /** Whether a failed attempt is worth another (network faults, timeouts, 429/5xx). */
  shouldRetry: (error: unknown) => boolean;
  /** The error to throw once retrying stops; by default the last attempt's own. */
  giveUp?: (error: unknown, attempts: number) => unknown;
}

/**
 * Runs `attempt` until it succeeds, fails in a way `shouldRetry` refuses, or has failed
 * `retries + 1` times, waiting minRetryDelayMs, then twice that, and so on, in between. Each
 * attempt gets its own signal that aborts after `timeoutMs`.
 */
export async function withRetry<T>(
  attempt: (context: { signal: AbortSignal; attempt: number }) => Promise<T>,
  { policy, shouldRetry, giveUp }: RetryOptions,
): Promise<T> {
  let attempts = 0;
  try {
    return await pRetry(
      () => {
        attempts += 1;
        return attempt({ signal: AbortSignal.timeout(policy.timeoutMs), attempt: attempts });
      },
      {
        retries: policy.retries,
        minTimeout: policy.minRetryDelayMs,
        factor: BACKOFF_FACTOR,
        shouldRetry: ({ error }) => shouldRetry(error),
      },
    );
  } catch (error) {
    throw giveUp ? giveUp(error, attempts) : error;
  }
}

// Node's fetch says only "fetch failed"; the useful part (ECONNREFUSED, ENOTFOUND...) is in the cause.
export function describeCause(error: unknown): string {
  const inner = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (!(inner instanceof Error)) return String(inner);
  const code = (inner as { code?: unknown }).code;
  return inner.message || (typeof code === 'string' ? code : '') || 'unknown network error';
}

/** A failure after several attempts says how many, so nobody retries by hand what was already retried. */
export function saysAttempts(error: unknown, attempts: number): unknown {
  if (!(error instanceof ContentFetchError) || attempts < 2) return error;
  const { kind, url, status, message } = error;
  return new ContentFetchError(kind, url, `${message} Gave up after ${attempts} attempts.`, { status, cause: error });
}
