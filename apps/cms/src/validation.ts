import type { Core, Modules, Schema, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { scheduleProblems } from './scheduling/schedule-rules';
import { checkReviewDates, checkReviewer } from './review-validation';

/**
 * Rules that span several fields, which schema.json cannot express. They run in the document
 * service, so the admin and every API are held to them, before anything is written.
 */
type Entry = Record<string, unknown>;
type Problem = { path: string; message: string };

/** A rule over some fields of one content type (the field names are checked against its schema). */
type Rule<U extends UID.ContentType> = {
  fields: Schema.AttributeNames<U>[];
  check: Check;
};
type Check = (entry: Entry, strapi: Core.Strapi) => Problem | null | Promise<Problem | null>;

type Query = { documentId: string; locale?: string; status?: 'draft' | 'published' };

/** The rules of a content type, and how to read a stored version with what they need populated. */
type ContentRules = {
  rules: { fields: string[]; check: Check }[];
  read: (strapi: Core.Strapi, query: Query) => Promise<Entry | null>;
};

function rulesFor<U extends UID.ContentType>(
  uid: U,
  populate: Modules.Documents.Params.Populate.Any<U>,
  rules: Rule<U>[],
): ContentRules {
  return { rules, read: async (strapi, query) => strapi.documents(uid).findOne({ ...query, populate }) };
}

const RULES: Partial<Record<UID.ContentType, ContentRules>> = {
  'api::provider.provider': rulesFor('api::provider.provider', [], [
    {
      fields: ['careHospital', 'careOfficeClinic', 'careHome', 'careNursingHome'],
      check: (e) =>
        e.careHospital || e.careOfficeClinic || e.careHome || e.careNursingHome
          ? null
          : { path: 'careHospital', message: 'Choose at least one care setting.' },
    },
    {
      fields: ['agesAdults', 'agesChildren'],
      check: (e) =>
        e.agesAdults || e.agesChildren
          ? null
          : { path: 'agesAdults', message: 'Choose at least one age group served (adults or children).' },
    },
  ]),
  'api::article.article': rulesFor('api::article.article', ['cover', 'reviewedBy'], [
    {
      fields: ['cover', 'coverAlt'],
      check: (e) =>
        hasValue(e.cover) && !String(e.coverAlt ?? '').trim()
          ? { path: 'coverAlt', message: 'coverAlt is required when the article has a cover image: describe the image for screen-reader users.' }
          : null,
    },
    { fields: ['reviewedAt', 'nextReviewDue'], check: (e) => checkReviewDates(e) },
    { fields: ['reviewedBy', 'reviewedAt'], check: checkReviewer },
  ]),
  'api::self-assessment.self-assessment': rulesFor('api::self-assessment.self-assessment', ['questions', 'results'], [
    {
      fields: ['questions', 'results'],
      check: (e) => {
        const results = e.results as { minYes?: number }[] | undefined;
        const questions = e.questions as unknown[] | undefined;
        if (!Array.isArray(results)) return null;
        if (!results.some((r) => Number(r.minYes) === 0)) {
          return { path: 'results', message: 'Add a result for 0 "yes" answers (minYes 0): every reader must get a result.' };
        }
        if (Array.isArray(questions) && results.some((r) => Number(r.minYes) > questions.length)) {
          return { path: 'results', message: `A result needs more "yes" answers (minYes) than there are questions (${questions.length}).` };
        }
        return null;
      },
    },
  ]),
};

function hasValue(value: unknown) {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === 'object' && 'set' in value) return hasValue((value as { set: unknown }).set);
  if (value && typeof value === 'object' && 'connect' in value) return hasValue((value as { connect: unknown }).connect);
  return value !== null && value !== undefined && value !== '';
}

function isLocalised(contentType: { attributes: Record<string, unknown> }, name: string) {
  const attribute = contentType.attributes[name] as { type?: string; pluginOptions?: { i18n?: { localized?: boolean } } } | undefined;
  // As Strapi's i18n decides: relations and uids are always per locale, whatever pluginOptions say.
  return attribute?.pluginOptions?.i18n?.localized === true || attribute?.type === 'relation' || attribute?.type === 'uid';
}

const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid']);

/** Strapi's `required` lets an empty or blank string through; a required text must say something. */
function blankRequiredFields(attributes: Record<string, { type: string; required?: boolean }>, data: Record<string, unknown>) {
  return Object.entries(attributes)
    .filter(([name, attr]) => attr.required && TEXT_TYPES.has(attr.type) && name in data)
    .filter(([name]) => typeof data[name] === 'string' && !(data[name] as string).trim())
    .map(([name]) => ({ path: name, message: `${name} must not be empty.` }));
}

/** Every problem the rules find in an entry, in the order of the rules. */
async function problemsOf(rules: ContentRules['rules'], entry: Entry, strapi: Core.Strapi) {
  return (await Promise.all(rules.map((rule) => rule.check(entry, strapi)))).flatMap((p) => p ?? []);
}

function refuse(problems: Problem[]) {
  if (problems.length === 0) return;
  throw new errors.ValidationError(problems.map((p) => p.message).join(' '), {
    errors: problems.map((p) => ({ path: [p.path], message: p.message, name: 'ValidationError' })),
  });
}

type Params = { data?: Record<string, unknown>; documentId?: string; locale?: string; status?: string };

export function registerValidation(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const { action } = context;
    if (!context.uid.startsWith('api::') || !['create', 'update', 'publish'].includes(action)) return next();

    const params = context.params as Params;
    const attributes = context.contentType.attributes;
    const { rules, read } = RULES[context.uid] ?? rulesFor(context.uid, [], []);

    // Publishing makes the saved draft public: it must then meet every rule, whatever was edited.
    if (action === 'publish') {
      if (!params.documentId || typeof params.locale !== 'string' || params.locale === '*') return next();
      const draft = await read(strapi, { documentId: params.documentId, locale: params.locale, status: 'draft' });
      if (draft) refuse([...blankRequiredFields(attributes, draft), ...(await problemsOf(rules, draft, strapi))]);
      return next();
    }

    const data = params.data ?? {};
    // Drafts may be incomplete; published (or draft-less) content may not.
    const enforceRequired = !context.contentType.options?.draftAndPublish || params.status === 'published';
    const blanks = enforceRequired ? blankRequiredFields(attributes, data) : [];
    if (rules.length === 0 && blanks.length === 0) return next();

    // What the entry will be once written: the stored version of this locale (an update), or for
    // a new locale of an existing document only the non-localised fields of the default locale's
    // version (its cover, say), never its texts (such as the cover's alt text).
    let current: Entry | null = null;
    if (action === 'update' && params.documentId) {
      current = await read(strapi, { documentId: params.documentId, locale: params.locale });
      if (!current) {
        const other = (await read(strapi, { documentId: params.documentId })) ?? {};
        current = Object.fromEntries(Object.entries(other).filter(([name]) => !isLocalised(context.contentType, name)));
        current.isNewLocale = true;
      }
    }
    // Creating (a document or a locale) checks every rule; an update only those whose fields it touches.
    const creating = action === 'create' || current?.isNewLocale === true;
    const relevant = rules.filter((rule) => creating || rule.fields.some((f) => f in data));
    const merged = { ...(current ?? {}), ...data };
    const schedule = context.uid === 'api::article.article' ? scheduleProblems(data, current) : [];
    refuse([...blanks, ...(await problemsOf(relevant, merged, strapi)), ...schedule]);
    return next();
  });
}
