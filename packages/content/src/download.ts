import pLimit from 'p-limit';
import { ContentFetchError } from './errors.js';
import { describeCause, isRetryableStatus, retryPolicy, saysAttempts, withRetry, type RetryPolicy } from './retry.js';

export interface DownloaderOptions extends Partial<RetryPolicy> {
  /** Most downloads in flight at once (as many as the GraphQL client's requests by default). */
  concurrency?: number;
  fetch?: typeof fetch;
}

/** Fetches a file from the CMS (e.g. an upload) whole, or fails naming its URL. */
export type Download = (url: string) => Promise<Buffer>;

/**
 * Downloads with the same per-attempt timeout, retries and backoff as the GraphQL client
 * (retry.ts): a dropped connection, a timeout, a 429 or a 5xx is tried again; a 404 is not.
 * The body is read inside each attempt, so a connection dropped mid-file is retried too, and a
 * body shorter than its Content-Length is refused rather than returned.
 */
export function createDownloader(options: DownloaderOptions = {}): Download {
  const policy = retryPolicy(options);
  const baseFetch = options.fetch ?? globalThis.fetch;
  const limit = pLimit(options.concurrency ?? 4);

  async function attempt(url: string, signal: AbortSignal): Promise<Buffer> {
    try {
      const response = await baseFetch(url, { signal });
      if (!response.ok) {
        await response.body?.cancel();
        throw new ContentFetchError('http', url, `Could not download ${url}: the CMS answered HTTP ${response.status}.`, {
          status: response.status,
        });
      }
      const body = Buffer.from(await response.arrayBuffer());
      const declared = response.headers.get('content-length');
      // A compressed answer declares its compressed length; fetch has already inflated the body.
      if (declared !== null && !response.headers.has('content-encoding') && Number(declared) !== body.length) {
        throw new ContentFetchError('unreachable', url, `Could not download ${url}: the connection ended after ${body.length} of ${declared} bytes.`);
      }
      return body;
    } catch (error) {
      if (error instanceof ContentFetchError) throw error;
      if (signal.aborted) {
        throw new ContentFetchError('timeout', url, `Could not download ${url}: no answer within ${policy.timeoutMs} ms.`, { cause: error });
      }
      throw new ContentFetchError('unreachable', url, `Could not download ${url} (${describeCause(error)}).`, { cause: error });
    }
  }

  return (url) =>
    limit(() =>
      withRetry(({ signal }) => attempt(url, signal), {
        policy,
        shouldRetry: (error) =>
          error instanceof ContentFetchError &&
          (error.kind !== 'http' || (error.status !== undefined && isRetryableStatus(error.status))),
        giveUp: saysAttempts,
      }),
    );
}
