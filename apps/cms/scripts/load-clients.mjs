// The clients of `pnpm load`: readers sending the site's GraphQL queries with the site's token,
// and editors saving and publishing articles through the admin's content-manager API, each in a
// loop until the deadline. Every request is timed and recorded under its kind.
import { siteDocuments } from './load-documents.mjs';

const REQUEST_TIMEOUT_MS = 30_000;
const PAGE_SIZE = 100; // what the site's build asks for (packages/content/src/load/fetch.ts)
const ARTICLE = 'api::article.article';

/** Request durations and failures, per kind. */
export function createRecorder() {
  const kinds = new Map();
  const entry = (kind) => {
    if (!kinds.has(kind)) kinds.set(kind, { durations: [], errors: 0, firstErrors: [] });
    return kinds.get(kind);
  };
  return {
    kinds,
    /** Times `send`; it throws (or resolves false) on failure. */
    async time(kind, send) {
      const started = performance.now();
      try {
        await send();
        entry(kind).durations.push(performance.now() - started);
      } catch (error) {
        const record = entry(kind);
        record.errors += 1;
        if (record.firstErrors.length < 3) record.firstErrors.push(error.message.slice(0, 300));
      }
    },
  };
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];

async function postJson(url, body, headers) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const json = await res.json().catch(() => null);
  return { status: res.status, json };
}

/** Readers: each loop sends one of the site's queries for a random locale and page, as a build does. */
export async function runReaders({ cms, clients, deadline, recorder }) {
  const documents = siteDocuments();
  const graphqlUrl = `${cms.url}/graphql`;
  const auth = { authorization: `Bearer ${cms.siteToken}` };
  const query = async (name, variables) => {
    const { status, json } = await postJson(graphqlUrl, { query: documents.get(name), variables }, auth);
    if (status !== 200 || !json?.data || json.errors) {
      throw new Error(`${name} ${JSON.stringify(variables)}: HTTP ${status} ${JSON.stringify(json?.errors ?? json).slice(0, 200)}`);
    }
    return json.data;
  };

  const locales = (await query('Locales', {})).i18NLocales.map((l) => l.code);
  // Pages per paginated query and locale, learnt from the answers (page 1 until known).
  const pageCounts = new Map();
  const paginated = { InterfaceTexts: 'interfaceTexts_connection', Topics: 'topics_connection', Authors: 'authors_connection', Articles: 'articles_connection', Providers: 'providers_connection' };

  // Warm-up, not measured: every query once per locale (Strapi compiles its resolvers and plans on first use).
  for (const name of documents.keys()) {
    for (const locale of locales) await query(name, name === 'Locales' ? {} : { locale, ...(paginated[name] ? { page: 1, pageSize: PAGE_SIZE } : {}) });
  }

  const reader = async () => {
    while (Date.now() < deadline) {
      const name = pick([...documents.keys()]);
      const locale = pick(locales);
      const field = paginated[name];
      const variables = name === 'Locales' ? {} : { locale };
      if (field) {
        const pages = pageCounts.get(`${name}:${locale}`) ?? 1;
        Object.assign(variables, { page: 1 + Math.floor(Math.random() * pages), pageSize: PAGE_SIZE });
      }
      await recorder.time(`graphql ${name}`, async () => {
        const data = await query(name, variables);
        if (field) pageCounts.set(`${name}:${locale}`, Math.max(1, data[field]?.pageInfo?.pageCount ?? 1));
      });
    }
  };
  await Promise.all(Array.from({ length: clients }, reader));
}

async function adminLogin(cms) {
  const { status, json } = await postJson(`${cms.url}/admin/login`, cms.admin, {});
  if (status !== 200) throw new Error(`Admin login failed: HTTP ${status} ${JSON.stringify(json)}`);
  return json.data.token;
}

/**
 * Editors: each has an article of its own (created first) and, in a loop, saves a change to its
 * draft and publishes it, as an editor does in the admin. One admin session (Strapi rate-limits
 * logins per address), used by every editor at once, as by several browser tabs.
 */
export async function runEditors({ cms, editors, deadline, recorder }) {
  if (editors === 0) return;
  const jwt = await adminLogin(cms);
  const headers = { authorization: `Bearer ${jwt}` };
  const base = `${cms.url}/content-manager/collection-types/${ARTICLE}`;
  const send = async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const json = await res.json().catch(() => null);
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(json?.error ?? json).slice(0, 300)}`);
    return json.data;
  };

  const editor = async (n) => {
    const run = `${Date.now().toString(36)}-${n}`;
    let documentId;
    await recorder.time('admin create', async () => {
      documentId = (
        await send('POST', '?locale=en', {
          title: `Load test article ${run}`,
          slug: `load-test-${run}`,
          summary: 'An article the load benchmark edits.',
          body: 'Saved and published in a loop by pnpm load.',
          seo: { metaTitle: `Load test ${run}`, metaDescription: 'An article the load benchmark edits and publishes.' },
        })
      ).documentId;
    });
    if (!documentId) return;
    for (let i = 1; Date.now() < deadline; i++) {
      const body = `Revision ${i} of the load test article, saved by editor ${n}.`;
      await recorder.time('admin save', () => send('PUT', `/${documentId}?locale=en`, { body }));
      if (Date.now() >= deadline) break;
      await recorder.time('admin publish', () => send('POST', `/${documentId}/actions/publish?locale=en`, {}));
    }
  };
  await Promise.all(Array.from({ length: editors }, (_, n) => editor(n + 1)));
}
