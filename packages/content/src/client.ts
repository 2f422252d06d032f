import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DocumentNode } from 'graphql';
import { ClientError, GraphQLClient, type Variables } from 'graphql-request';
import pLimit from 'p-limit';
import { operationName, toDocument } from './document-paths.js';
import { ContentFetchError } from './errors.js';
import { explainGraphQLErrors, rejectedTokenMessage, type GraphQLErrorLike } from './graphql-errors.js';
import { describeCause, isRetryableStatus, retryPolicy, saysAttempts, withRetry } from './retry.js';

export interface ContentClientOptions {
  /** GraphQL endpoint, e.g. http://localhost:1337/graphql */
  url: string;
  /** Read-only Strapi API token */
  token: string;
  /** Per attempt, not for the whole retry sequence (the shared policy of retry.ts fills in what is left out). */
  timeoutMs?: number;
  retries?: number;
  /** Delay before the first retry; doubles on each further retry. */
  minRetryDelayMs?: number;
  /** Most requests this client has in flight at once. */
  concurrency?: number;
  fetch?: typeof fetch;
}

export interface PageInfo {
  pageCount: number;
  total: number;
}

export interface PageVariables {
  page?: number | null;
  pageSize?: number | null;
  /**
   * Asked of the first page only: the others skip `pageInfo` (`@include(if: $withPageInfo)` in
   * the page fragments), for which the CMS checks the list's arguments again and counts it (about
   * 3 ms of the 30 a page of 100 articles costs it). A document without the variable answers it
   * on every page.
   */
  withPageInfo?: boolean | null;
}

export type ContentDocument<TResult, TVariables> = TypedDocumentNode<TResult, TVariables> | string;

export interface ContentClient {
  request<TResult, TVariables = Variables>(
    document: ContentDocument<TResult, TVariables>,
    variables?: TVariables,
  ): Promise<TResult>;
  fetchAllPages<TResult, TVariables extends PageVariables, TNode>(
    document: ContentDocument<TResult, TVariables>,
    variables: Omit<TVariables, 'page' | 'pageSize'>,
    select: (data: TResult) => { nodes: TNode[]; pageInfo?: PageInfo | null },
    pageSize?: number,
  ): Promise<TNode[]>;
  /** The CMS's clock (its HTTP `Date` header) at the first answer received, or null before any. */
  firstAnswerAt?(): string | null;
}

/** Marks a failure of the transport itself (no HTTP answer), as opposed to an answer we dislike. */
class TransportError extends Error {}

export function createContentClient(options: ContentClientOptions): ContentClient {
  const { url, token, concurrency = 4 } = options;
  const policy = retryPolicy(options);
  const { timeoutMs } = policy;
  const baseFetch = options.fetch ?? globalThis.fetch;

  // The CMS's own clock, so an incremental fetch can set its cursor without trusting this machine's.
  let firstAnswerAt: string | null = null;

  // Reads the body inside the wrapper so a connection dropped mid-body also counts as a transport failure.
  const transportFetch: typeof fetch = async (input, init) => {
    try {
      const response = await baseFetch(input, init);
      if (firstAnswerAt === null) {
        const date = Date.parse(response.headers.get('date') ?? '');
        if (!Number.isNaN(date)) firstAnswerAt = new Date(date).toISOString();
      }
      const body = await response.text();
      const { status, statusText, headers } = response;
      // null for an empty body: Response refuses any body, even '', on statuses like 204.
      return new Response(body === '' ? null : body, { status, statusText, headers });
    } catch (error) {
      throw new TransportError('transport failed', { cause: error });
    }
  };

  const graphql = new GraphQLClient(url, {
    fetch: transportFetch,
    headers: { Authorization: `Bearer ${token}` },
  });
  // One limiter per client, so parallel fetchAllPages calls together stay within `concurrency`.
  const limit = pLimit(concurrency);

  async function attempt<TResult, TVariables>(
    document: ContentDocument<TResult, TVariables>,
    variables: TVariables | undefined,
    signal: AbortSignal,
  ): Promise<TResult> {
    try {
      return await graphql.request<TResult>({ document, variables: variables as Variables | undefined, signal });
    } catch (error) {
      // A transport failure after our own signal fired is the timeout, not a network fault.
      const failed = { document, variables: variables as Record<string, unknown> | undefined };
      throw classify(error, error instanceof TransportError && signal.aborted, failed);
    }
  }

  function classify(
    error: unknown,
    timedOut: boolean,
    failed: { document: DocumentNode | string; variables: Record<string, unknown> | undefined },
  ): ContentFetchError {
    if (timedOut) {
      return new ContentFetchError(
        'timeout',
        url,
        `The CMS did not answer within ${timeoutMs} ms (${url}). Check that it is healthy, or raise the timeout.`,
        { cause: error },
      );
    }
    if (error instanceof TransportError) {
      return new ContentFetchError(
        'unreachable',
        url,
        `Cannot reach the CMS at ${url} (${describeCause(error.cause)}). Is it running? Set STRAPI_URL.`,
        { cause: error.cause },
      );
    }
    if (!(error instanceof ClientError)) {
      return new ContentFetchError('http', url, `The CMS at ${url} sent an unreadable answer: ${String(error)}`, {
        cause: error,
      });
    }

    const { status } = error.response;
    const errors = graphqlErrors(error.response.errors);
    const messages = errors.map((e) => e.message).filter(Boolean);
    // A token Strapi does not know (unknown, revoked, expired) is refused before GraphQL runs: HTTP 401.
    if (status === 401 || status === 403) {
      const detail = messages[0] ? `${status}: ${messages[0]}` : String(status);
      return new ContentFetchError('unauthorized', url, rejectedTokenMessage(detail), { status, cause: error });
    }
    if (status === 429 || status >= 500 || errors.length === 0) {
      const detail = messages.length > 0 ? `: ${messages.join('; ')}` : '';
      return new ContentFetchError('http', url, `The CMS at ${url} answered HTTP ${status}${detail}.`, {
        status,
        cause: error,
      });
    }
    const { kind, message } = explainGraphQLErrors(errors, {
      url,
      document: toDocument(failed.document),
      variables: failed.variables,
    });
    return new ContentFetchError(kind, url, message, { status, cause: error });
  }

  function request<TResult, TVariables = Variables>(
    document: ContentDocument<TResult, TVariables>,
    variables?: TVariables,
  ): Promise<TResult> {
    return limit(() =>
      withRetry(({ signal }) => attempt(document, variables, signal), {
        policy,
        shouldRetry: isRetryable,
        giveUp: saysAttempts,
      }),
    );
  }

  async function fetchAllPages<TResult, TVariables extends PageVariables, TNode>(
    document: ContentDocument<TResult, TVariables>,
    variables: Omit<TVariables, 'page' | 'pageSize'>,
    select: (data: TResult) => { nodes: TNode[]; pageInfo?: PageInfo | null },
    pageSize = 100,
  ): Promise<TNode[]> {
    // The cast only re-adds the paging fields that Omit removed.
    const fetchPage = async (page: number) =>
      select(await request(document, { ...variables, page, pageSize, withPageInfo: page === 1 } as TVariables));

    const first = await fetchPage(1);
    if (!first.pageInfo) {
      throw new ContentFetchError('graphql', url, `The CMS sent the first page of a list without its pageInfo (${operationName(toDocument(document)) ?? 'a query'}).`);
    }
    const { pageCount, total } = first.pageInfo;
    const laterPageNumbers = Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) => i + 2);
    // `request` already goes through the limiter, so this stays within `concurrency`.
    const later = await Promise.all(laterPageNumbers.map(fetchPage));
    const nodes = [first, ...later].flatMap((page) => page.nodes);

    if (nodes.length !== total) {
      throw new ContentFetchError(
        'graphql',
        url,
        `The CMS said there are ${total} entries but ${nodes.length} arrived over ${pageCount} pages. ` +
          'Content probably changed during the build; run it again.',
      );
    }
    return nodes;
  }

  return { request, fetchAllPages, firstAnswerAt: () => firstAnswerAt };
}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof ContentFetchError)) return false;
  if (error.kind === 'unreachable' || error.kind === 'timeout') return true;
  return error.kind === 'http' && error.status !== undefined && isRetryableStatus(error.status);
}

// graphql-request passes `errors` through as the server sent it: an array, a single object, or nothing.
function graphqlErrors(raw: unknown): GraphQLErrorLike[] {
  const list: unknown[] = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((e) => (typeof e === 'object' && e !== null ? (e as GraphQLErrorLike) : { message: String(e) }));
}
