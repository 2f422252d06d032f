// Build reports: how `pnpm start` tells the CMS what its builds are doing, so editors see it in
// the admin. The CMS side (the site-builds endpoint and its admin views) lives in apps/cms.
//
// The contract: after each state change of a build, the site server POSTs one BuildReport as JSON
// to `${STRAPI_URL}/api/solace/site-builds` with the header `x-solace-secret: <SITE_REBUILD_SECRET>`
// (the secret the CMS's rebuild webhook sends the other way). Reports of one build share its
// buildId and arrive in order: queued (repeated, with more triggers, while changes keep coming),
// building, then live or failed. A failed build is retried under a new buildId. Reporting never
// holds up or breaks a build: failures to deliver are logged and dropped.

export type BuildTarget = 'site' | 'preview';
export type BuildState = 'queued' | 'building' | 'live' | 'failed';

/** One change that asked for the build: the CMS webhook's event and the entry it was about. */
export type BuildTrigger = {
  /** The webhook event (entry.publish, media.update, ...), or 'startup' / 'retry' for the server's own. */
  event: string;
  /** The content type's uid (api::article.article), when the event is about an entry. */
  uid: string | null;
  documentId: string | null;
  locale: string | null;
  /** When the request arrived (ISO 8601). */
  at: string;
};

/** The entry a build failed on, from @solace/content's ContentValidationError. */
export type BuildErrorEntry = { type: string; documentId: string | null; locale: string | null; field: string | null };
export type BuildError = { message: string; entry: BuildErrorEntry | null };

export type BuildReport = {
  target: BuildTarget;
  buildId: string;
  state: BuildState;
  triggers: BuildTrigger[];
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  /** The address the target is served at (the public site, or the editors' preview). */
  siteUrl: string;
  error: BuildError | null;
};

type Fetch = typeof fetch;

/**
 * Sends reports to the CMS one at a time, in order. A CMS without the endpoint (404), a CMS that is
 * down or slow: logged once per kind of problem, never thrown.
 */
export function createBuildReporter(options: { strapiUrl: string; secret: () => string | undefined; fetch?: Fetch; timeoutMs?: number; log?: (message: string) => void }) {
  const send = options.fetch ?? fetch;
  const log = options.log ?? ((message: string) => console.warn(message));
  const url = `${options.strapiUrl}/api/solace/site-builds`;
  const logged = new Set<string>();
  let chain = Promise.resolve();

  const warnOnce = (kind: string, message: string) => {
    if (logged.has(kind)) return;
    logged.add(kind);
    log(`[solace] build reports to the CMS: ${message} (further ones like it are not logged)`);
  };

  async function deliver(report: BuildReport) {
    const secret = options.secret();
    if (!secret) {
      warnOnce('secret', 'not sent, there is no SITE_REBUILD_SECRET yet');
      return;
    }
    try {
      const res = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-solace-secret': secret },
        body: JSON.stringify(report),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      });
      await res.body?.cancel();
      if (!res.ok) warnOnce(`status-${res.status}`, `${url} answered ${res.status}`);
    } catch (error) {
      warnOnce('network', `could not reach ${url}: ${(error as Error).message}`);
    }
  }

  return {
    report(report: BuildReport) {
      chain = chain.then(() => deliver(report));
    },
    /** Resolves when every report so far was delivered or given up on (tests, shutdown). */
    flush: () => chain,
  };
}
