// What an editor does to the corpus during `pnpm bench`, over HTTP like the admin panel and the
// tests: the Content API with a full-access token the administrator makes, and the admin API
// (content-manager) for what only it does (publish with changes, save a draft, unpublish).
import { adminLogin, createApiToken, type CmsConnection } from '@solace/cms/testing';

export type Doc = Record<string, unknown> & { documentId: string };
export type Editor = ReturnType<typeof editorOf>;

const REQUEST_TIMEOUT_MS = 60_000;

async function send(url: string, method: string, authorization: string, body: unknown) {
  const res = await fetch(url, {
    method,
    headers: { authorization, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${new URL(url).pathname}: ${res.status} ${text.slice(0, 500)}`);
  return text ? (JSON.parse(text) as { data?: unknown }) : {};
}

/** An editor of this CMS. `token`: a full-access API token (createEditor makes one). */
export function editorOf(cms: CmsConnection, token: string) {
  const api = async (method: string, route: string, data?: unknown) =>
    (await send(`${cms.url}/api/${route}`, method, `Bearer ${token}`, data === undefined ? undefined : { data })).data as Doc;
  const articleAction = (documentId: string, action: string) =>
    `/content-manager/collection-types/api::article.article/${documentId}${action}?locale=en`;
  const admin = async (method: string, route: string, body: unknown) =>
    (await send(`${cms.url}${route}`, method, `Bearer ${await adminLogin(cms)}`, body)).data as Doc;
  return {
    api,
    /** The index-th English document of a type (published ones only, in documentId order). */
    nth: async (pluralName: string, index: number) => {
      const res = await send(
        `${cms.url}/api/${pluralName}?locale=en&sort=documentId&pagination[start]=${index}&pagination[limit]=1`,
        'GET',
        `Bearer ${token}`,
        undefined,
      );
      const found = (res.data as Doc[])[0];
      if (!found) throw new Error(`The corpus has no English ${pluralName} number ${index + 1}.`);
      return found;
    },
    /** Publish in the admin: the changes saved and the article published in one action. */
    publishArticle: (documentId: string, changes: Record<string, unknown>) => admin('POST', articleAction(documentId, '/actions/publish'), changes),
    /** Save in the admin: the draft changes, the published version stays as it is. */
    saveArticleDraft: (documentId: string, changes: Record<string, unknown>) => admin('PUT', articleAction(documentId, ''), changes),
    unpublishArticle: (documentId: string) => admin('POST', articleAction(documentId, '/actions/unpublish'), {}),
  };
}

/** Logs in as the CMS's administrator and makes a full-access token, as an editor setting up would. */
export async function createEditor(cms: CmsConnection) {
  return editorOf(cms, await createApiToken(cms, 'full-access', `pnpm bench ${Date.now()}`));
}
