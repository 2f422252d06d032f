import { pathToFileURL } from 'node:url';
import type { Core, UID } from '@strapi/strapi';
import type * as Routes from '@solace/routes';

type Target = { documentId: string; locale?: string | null; status?: 'draft' | 'published' | null };

// The site's route table is an ES module (browsers load it too). Strapi compiles this file to
// CommonJS, where TypeScript turns import() into require(), which cannot load an ES module on every
// Node 20; an import() written inside a Function is left as it is.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;
let routes: Promise<typeof Routes> | undefined;
const loadRoutes = () =>
  (routes ??= importModule(pathToFileURL(require.resolve('@solace/routes')).href) as Promise<typeof Routes>);

/**
 * Where a document appears on the site, from the site's own route table (@solace/routes): the
 * admin shows that page of the preview build next to the editor. The locale's home page when the
 * type has no page of its own or the document lacks a field its URL needs.
 */
export async function sitePath(strapi: Core.Strapi, uid: string, { documentId, locale, status }: Target) {
  const { documentRoutes, homeUrl } = await loadRoutes();
  const code = locale ?? 'en';
  const type = /^api::[^.]+\.(.+)$/.exec(uid)?.[1];
  if (!type || !Object.hasOwn(documentRoutes, type)) return homeUrl(code);
  const route = documentRoutes[type];
  if (route.fields.length === 0) return route.url(code, {}) ?? homeUrl(code);

  const doc = (await strapi.documents(uid as UID.ContentType).findOne({
    documentId,
    locale: code,
    status: status ?? 'draft',
    fields: route.fields,
  } as never)) as Routes.DocumentFields | null;
  return (doc && route.url(code, doc)) ?? homeUrl(code);
}
