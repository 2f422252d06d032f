import { z } from 'zod';

// What the site needs of each raw GraphQL node, beyond what GraphQL's types promise.

const text = z.string().trim().min(1, 'must not be empty');
const optionalText = z.string().nullish();
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');
const ref = z.object({ documentId: z.string() });
const image = z.object({
  url: text,
  width: z.number().nullish(),
  height: z.number().nullish(),
  mime: z.string().startsWith('image/', 'must be an image'),
});

export const localeSchema = z.object({
  code: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale code such as "en" or "pt-BR"'),
  name: text,
  isDefault: z.boolean(),
});

export const articleSchema = z
  .object({
    documentId: text,
    locale: text,
    title: text,
    slug,
    summary: text,
    body: text,
    date: z.string().nullish(),
    publishedAt: z.string().nullish(),
    updatedAt: z.string().nullish(),
    coverAlt: optionalText,
    cover: image.nullish(),
    author: ref.nullish(),
    topics: z.array(ref.nullable()),
    seo: z.object({
      metaTitle: text.max(60),
      metaDescription: text.max(160),
      canonicalUrl: z.url({ protocol: /^https?$/ }).nullish(),
    }),
  })
  .refine((a) => a.date || a.publishedAt || a.updatedAt, { message: 'an article needs a date', path: ['date'] });

export const authorSchema = z.object({
  documentId: text,
  locale: text,
  slug,
  name: text,
  credentials: optionalText,
  role: optionalText,
  bio: optionalText,
  photo: image.nullish(),
});

export const topicSchema = z.object({
  documentId: text,
  locale: text,
  slug,
  name: text,
  description: optionalText,
});

export const providerSchema = z.object({
  documentId: text,
  locale: text,
  slug,
  name: text,
  organizationType: text,
  streetAddress: text,
  city: text,
  state: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter state code'),
  zip: z.string().regex(/^\d{5}$/, 'must be five digits'),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  phone: text,
  website: z.url({ protocol: /^https?$/ }).nullish(),
  email: z.email().nullish(),
  careHospital: z.boolean(),
  careOfficeClinic: z.boolean(),
  careHome: z.boolean(),
  careNursingHome: z.boolean(),
  agesAdults: z.boolean(),
  agesChildren: z.boolean(),
  languagesSpoken: text,
  acceptingNewPatients: z.boolean(),
  description: text,
  services: optionalText,
});

export const globalSchema = z.object({ siteName: text, tagline: optionalText, about: optionalText });

export const selfAssessmentSchema = z
  .object({
    title: text,
    intro: optionalText,
    questions: z.array(z.object({ prompt: text, hint: optionalText }).nullable()).min(1),
    results: z.array(z.object({ minYes: z.number().int().min(0), heading: text, body: text }).nullable()).min(1),
  })
  // Every score from 0 to the number of questions must lead to a result.
  .refine((a) => a.results.some((r) => r?.minYes === 0), { message: 'needs a result for 0 "yes" answers (minYes 0)', path: ['results'] })
  .refine((a) => a.results.every((r) => !r || r.minYes <= a.questions.length), {
    message: 'has a result no one can reach (minYes above the number of questions)',
    path: ['results'],
  });
