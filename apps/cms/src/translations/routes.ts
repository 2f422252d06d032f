import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { localeCodes } from './content';
import { exportLocale, type ExportFilter } from './export';
import { importTranslations, type ImportDocument } from './import';
import { documentStatus, localeStatus, type DocumentStatus } from './status';
import { writeXliff } from './xliff';

const ADMIN = { policies: ['admin::isAuthenticatedAdmin'] };
const FILTERS: ExportFilter[] = ['all', 'missing', 'outdated'];

async function targetLocale(strapi: Core.Strapi, value: unknown) {
  const { targets, defaultLocale } = await localeCodes(strapi);
  if (typeof value !== 'string' || !value) throw new errors.ValidationError('Give the locale, as ?locale=fr.');
  if (value === defaultLocale) throw new errors.ValidationError(`${value} is the default locale: the source of every translation.`);
  if (!targets.some((t) => t.code === value)) {
    throw new errors.ValidationError(`There is no locale "${value}" (locales: ${targets.map((t) => t.code).join(', ') || 'none but the default'}).`);
  }
  return value;
}

function exportFilter(value: unknown): ExportFilter {
  if (value === undefined || value === '') return 'all';
  if (!FILTERS.includes(value as ExportFilter)) throw new errors.ValidationError(`only must be one of ${FILTERS.join(', ')}, got "${String(value)}".`);
  return value as ExportFilter;
}

function parseImport(body: unknown): { locale: unknown; documents: ImportDocument[]; dryRun: boolean } {
  const input = (body ?? {}) as { locale?: unknown; documents?: unknown; dryRun?: unknown };
  const documents = input.documents;
  const isText = (v: unknown) => typeof v === 'string';
  const valid =
    Array.isArray(documents) &&
    documents.every(
      (d) =>
        d && isText(d.uid) && isText(d.documentId) && Array.isArray(d.units) &&
        d.units.every((u: Record<string, unknown>) => u && isText(u.field) && isText(u.source) && (u.target === null || isText(u.target))),
    );
  if (!valid) throw new errors.ValidationError('The body must be { locale, documents: [{ uid, documentId, units: [{ field, source, target }] }], dryRun? }.');
  return { locale: input.locale, documents: documents as ImportDocument[], dryRun: input.dryRun === true };
}

/**
 * Translation status, XLIFF export and import for the admin and `pnpm translations`: admin
 * routes (/solace/translations/*), so only an admin session or admin token gets in, never the
 * site's read-only API token.
 */
export function registerTranslationRoutes(strapi: Core.Strapi) {
  strapi.server.routes({
    type: 'admin',
    prefix: '/solace',
    routes: [
      {
        method: 'GET',
        path: '/translations/locales',
        info: {},
        config: ADMIN,
        handler: async (ctx) => {
          ctx.body = { data: await localeCodes(strapi) };
        },
      },
      {
        method: 'GET',
        path: '/translations/status',
        info: {},
        config: ADMIN,
        handler: async (ctx) => {
          const locales = ctx.query.locale ? [await targetLocale(strapi, ctx.query.locale)] : (await localeCodes(strapi)).targets.map((t) => t.code);
          const data: DocumentStatus[] = [];
          for (const locale of locales) data.push(...(await localeStatus(strapi, locale)));
          ctx.body = { data };
        },
      },
      {
        method: 'GET',
        path: '/translations/documents/:uid/:documentId',
        info: {},
        config: ADMIN,
        handler: async (ctx) => {
          const data = await documentStatus(strapi, ctx.params.uid, ctx.params.documentId);
          if (!data) throw new errors.NotFoundError(`No translatable ${ctx.params.uid} ${ctx.params.documentId} in the default locale.`);
          ctx.body = { data };
        },
      },
      {
        method: 'GET',
        path: '/translations/xliff',
        info: {},
        config: ADMIN,
        handler: async (ctx) => {
          const locale = await targetLocale(strapi, ctx.query.locale);
          const only = exportFilter(ctx.query.only);
          ctx.set('content-type', 'application/xliff+xml; charset=utf-8');
          ctx.set('content-disposition', `attachment; filename="translations-${locale}${only === 'all' ? '' : `-${only}`}.xlf"`);
          ctx.body = writeXliff(await exportLocale(strapi, locale, only));
        },
      },
      {
        method: 'POST',
        path: '/translations/import',
        info: {},
        config: ADMIN,
        handler: async (ctx) => {
          const input = parseImport(ctx.request.body);
          const locale = await targetLocale(strapi, input.locale);
          // Importing edits content: the admin needs the content manager's update right on each type.
          const ability = ctx.state.userAbility as { can(action: string, subject: string): boolean } | undefined;
          for (const uid of new Set(input.documents.map((d) => d.uid))) {
            if (!ability?.can('plugin::content-manager.explorer.update', uid)) {
              throw new errors.ForbiddenError(`You may not edit ${uid} in the content manager, so you cannot import its translations.`);
            }
          }
          const result = await importTranslations(strapi, locale, input.documents, { dryRun: input.dryRun });
          ctx.status = result.refused.length > 0 ? 409 : result.failed.length > 0 ? 422 : 200;
          ctx.body = { data: result };
        },
      },
    ],
  });
}
