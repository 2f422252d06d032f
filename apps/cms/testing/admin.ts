import type { CmsConnection } from './cms';

// Strapi rate-limits admin logins (a handful per address and minute): one session per CMS per test file.
const sessions = new Map<string, Promise<string>>();

/** Logs into the admin API, as an editor would through the admin panel. */
export function adminLogin(cms: CmsConnection) {
  // A session the global setup opened once for every test file (each file is its own module cache).
  if (cms.adminJwt) return Promise.resolve(cms.adminJwt);
  let session = sessions.get(cms.url);
  if (!session) {
    session = login(cms);
    sessions.set(cms.url, session);
    session.catch(() => sessions.delete(cms.url));
  }
  return session;
}

async function login(cms: CmsConnection) {
  const res = await fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(cms.admin),
  });
  if (!res.ok) throw new Error(`Admin login failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { data: { token: string } };
  return body.data.token;
}

/** Creates an API token of the given type through the admin API and returns its key. */
export async function createApiToken(cms: CmsConnection, type: 'full-access' | 'read-only', name = `test ${type} ${Date.now()}`) {
  const jwt = await adminLogin(cms);
  const res = await fetch(`${cms.url}/admin/api-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
    body: JSON.stringify({ name, type, lifespan: null, kind: 'content-api', description: 'created by a test' }),
  });
  if (!res.ok) throw new Error(`Creating a ${type} token failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { data: { accessKey: string } };
  return body.data.accessKey;
}

/** POSTs a GraphQL query with a bearer token (or none) and returns the status and parsed body. */
export async function graphql<T = Record<string, unknown>>(
  cms: CmsConnection,
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = cms.siteToken,
) {
  const res = await fetch(cms.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return { status: res.status, ...body };
}
