import type { Core, UID } from '@strapi/strapi';

type Target = { documentId: string; locale?: string | null; status?: 'draft' | 'published' | null };

/**
 * Where a document appears on the site, as the path the site gives it (apps/site/src/urls.ts):
 * the admin shows that page of the preview build next to the editor.
 */
export async function sitePath(strapi: Core.Strapi, uid: string, { documentId, locale, status }: Target) {
  const code = locale ?? 'en';
  const home = `/${code}/`;
  if (uid === 'api::global.global') return home;
  if (uid === 'api::self-assessment.self-assessment') return `${home}self-assessment/`;

  const doc = (await strapi.documents(uid as UID.ContentType).findOne({
    documentId,
    locale: code,
    status: status ?? 'draft',
    fields: ['slug', ...(uid === 'api::provider.provider' ? ['state'] : [])],
  } as never)) as { slug?: string; state?: string } | null;
  if (!doc?.slug) return home;

  switch (uid) {
    case 'api::article.article':
      return `${home}articles/${doc.slug}/`;
    case 'api::author.author':
      return `${home}authors/${doc.slug}/`;
    case 'api::topic.topic':
      return `${home}topics/${doc.slug}/`;
    case 'api::provider.provider':
      return `${home}providers/${doc.state!.toLowerCase()}/${doc.slug}/`;
    default:
      return home;
  }
}
