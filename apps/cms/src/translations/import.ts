import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { localeCodes, readOne, type Entry } from './content';
import { documentLabel, isTextPath, localisedTypes, textFields, type LocalisedType } from './fields';

export type ImportUnit = { field: string; source: string; target: string | null };
export type ImportDocument = { uid: string; documentId: string; units: ImportUnit[] };
export type ImportProblem = { uid: string; documentId: string; label: string; field: string | null; message: string };
export type ImportResult = {
  /** Problems with the file itself (unknown document, changed source): then nothing was written. */
  refused: ImportProblem[];
  /** Documents whose translation did not pass validation: nothing of them was written. */
  failed: ImportProblem[];
  written: { uid: string; documentId: string; label: string; fields: string[] }[];
};

// XML parsers turn CRLF into LF; the CMS may hold either.
const sameText = (a: string, b: string) => a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n');

type Attribute = { type: string; component?: string; repeatable?: boolean };
type Attributes = Record<string, Attribute>;
const TEXT = new Set(['string', 'text', 'richtext', 'uid']);

/**
 * A localised component rebuilt for the target locale: the source's structure and non-text
 * values (a result's minYes), the texts from the file or else from the current translation at
 * the same place. The translation follows the source's order and count of items.
 */
function rebuild(strapi: Core.Strapi, attributes: Attributes, source: Entry | Record<string, unknown>, current: Record<string, unknown> | undefined, prefix: string, texts: Map<string, string>) {
  const data: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (name === 'id') continue;
    const path = prefix + name;
    if (TEXT.has(attribute.type)) data[name] = texts.get(path) ?? current?.[name] ?? null;
    else if (attribute.type === 'component') {
      const nested = (strapi.components as unknown as Record<string, { attributes: Attributes }>)[attribute.component!].attributes;
      const value = source[name];
      const currentValue = current?.[name];
      if (attribute.repeatable) {
        data[name] = (Array.isArray(value) ? value : []).map((item, i) =>
          rebuild(strapi, nested, item, (Array.isArray(currentValue) ? currentValue[i] : undefined) as Record<string, unknown> | undefined, `${path}.${i}.`, texts),
        );
      } else data[name] = value ? rebuild(strapi, nested, value as Entry, currentValue as Record<string, unknown> | undefined, `${path}.`, texts) : null;
    } else data[name] = source[name] ?? null;
  }
  return data;
}

function updateData(strapi: Core.Strapi, type: LocalisedType, source: Entry, current: Entry | null, texts: Map<string, string>) {
  const attributes = (strapi.contentTypes as unknown as Record<string, { attributes: Attributes }>)[type.uid].attributes;
  const data: Record<string, unknown> = {};
  const touched = new Set([...texts.keys()].map((field) => field.split('.')[0]));
  for (const name of touched) {
    const attribute = attributes[name];
    if (TEXT.has(attribute.type)) data[name] = texts.get(name);
    else if (attribute.type === 'component') {
      const rebuilt = rebuild(strapi, { [name]: attribute }, source, current ?? undefined, '', texts);
      data[name] = rebuilt[name];
    }
  }
  return data;
}

/** Field paths of a validation error (Yup paths such as ['seo', 'metaTitle'] or 'questions[0].prompt'). */
function problemFields(error: unknown): { field: string | null; message: string }[] {
  const details = (error as { details?: { errors?: { path?: (string | number)[] | string; message?: string }[] } }).details;
  const list = details?.errors ?? [];
  if (list.length === 0) return [{ field: null, message: (error as Error).message }];
  return list.map((e) => ({
    field: Array.isArray(e.path) ? e.path.join('.') : typeof e.path === 'string' ? e.path.replace(/\[(\d+)\]/g, '.$1') : null,
    message: e.message ?? (error as Error).message,
  }));
}

/**
 * Writes translated texts back through the Document Service (types with draft & publish get a
 * draft; others are saved as they are in the admin), so every validation of an edit applies.
 * First the whole batch is checked: a document that does not exist, a field that is not a
 * translatable text, or a source text that changed since the export refuses the batch. Then each
 * document is one update: if it fails validation, nothing of that document is written.
 */
export async function importTranslations(strapi: Core.Strapi, locale: string, documents: ImportDocument[], options: { dryRun?: boolean } = {}): Promise<ImportResult> {
  const { defaultLocale, targets } = await localeCodes(strapi);
  if (!targets.some((t) => t.code === locale)) {
    throw new errors.ValidationError(
      locale === defaultLocale ? `${locale} is the default locale: it is the source, not a translation.` : `There is no locale "${locale}" in the CMS.`,
    );
  }
  const types = localisedTypes(strapi);
  const refused: ImportProblem[] = [];
  const plans: { type: LocalisedType; source: Entry; label: string; documentId: string; texts: Map<string, string> }[] = [];

  for (const document of documents) {
    const type = types.find((t) => t.uid === document.uid);
    const base = { uid: document.uid, documentId: document.documentId, label: document.documentId };
    if (!type) {
      refused.push({ ...base, field: null, message: `${document.uid} is not a translatable content type of this CMS.` });
      continue;
    }
    const source = await readOne(strapi, type, document.documentId, defaultLocale);
    if (!source) {
      refused.push({ ...base, field: null, message: `No ${type.displayName} with documentId ${document.documentId} in ${defaultLocale}: unknown document (deleted, or a file from another CMS).` });
      continue;
    }
    const label = `${type.displayName}: ${documentLabel(type, source)}`;
    const current = textFields(strapi, type.uid, source);
    const texts = new Map<string, string>();
    for (const unit of document.units) {
      const where = { ...base, label, field: unit.field };
      if (!isTextPath(strapi, type.uid, unit.field)) refused.push({ ...where, message: `${unit.field} is not a translatable text field of ${type.displayName}.` });
      else if (!(unit.field in current)) refused.push({ ...where, message: `The source of ${unit.field} is now empty or gone: export again.` });
      else if (!sameText(current[unit.field], unit.source)) {
        refused.push({ ...where, message: `The source text of ${unit.field} changed since the export: export again and translate the new text.` });
      } else if (unit.target !== null && unit.target !== '') texts.set(unit.field, unit.target);
    }
    if (texts.size > 0) plans.push({ type, source, label, documentId: document.documentId, texts });
  }

  const result: ImportResult = { refused, failed: [], written: [] };
  if (refused.length > 0 || options.dryRun) return result;

  for (const plan of plans) {
    const current = await readOne(strapi, plan.type, plan.documentId, locale);
    const data = updateData(strapi, plan.type, plan.source, current, plan.texts);
    try {
      const documents = strapi.documents(plan.type.uid) as unknown as { update(params: Record<string, unknown>): Promise<unknown> };
      await documents.update({ documentId: plan.documentId, locale, data, ...(plan.type.draftAndPublish ? { status: 'draft' } : {}) });
      result.written.push({ uid: plan.type.uid, documentId: plan.documentId, label: plan.label, fields: [...plan.texts.keys()] });
    } catch (error) {
      if (!(error instanceof errors.ValidationError) && (error as Error).name !== 'ValidationError') throw error;
      for (const problem of problemFields(error)) {
        result.failed.push({ uid: plan.type.uid, documentId: plan.documentId, label: plan.label, ...problem });
      }
    }
  }
  return result;
}
