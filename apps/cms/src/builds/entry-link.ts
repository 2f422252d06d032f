import type { Core } from '@strapi/strapi';

/**
 * The content-manager page of the entry a build failed on, relative to the admin (the admin's
 * router adds its own /admin base). The site names types as in its content package ('article',
 * 'self-assessment' or 'selfAssessment'); a full uid is accepted too. Null for anything that is
 * not a content type with a document (the locales list, say).
 */
export function entryAdminPath(strapi: Core.Strapi, entry: { type: string; documentId: string | null; locale: string | null } | null) {
  if (!entry) return null;
  const name = entry.type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const uid = entry.type.includes('::') ? entry.type : `api::${name}.${name}`;
  const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as { kind?: string } | undefined;
  if (!contentType) return null;
  const locale = entry.locale ? `?plugins[i18n][locale]=${encodeURIComponent(entry.locale)}` : '';
  if (contentType.kind === 'singleType') return `/content-manager/single-types/${uid}${locale}`;
  if (!entry.documentId) return null;
  return `/content-manager/collection-types/${uid}/${encodeURIComponent(entry.documentId)}${locale}`;
}
