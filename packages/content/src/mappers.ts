import type { z } from 'zod';
import type {
  AgeGroup, Article, Author, AuthorRef, CareSetting, Global, Image, Provider, SelfAssessment, Topic, TopicRef,
} from './domain.js';
import type {
  articleSchema, authorSchema, globalSchema, providerSchema, selfAssessmentSchema, topicSchema,
} from './schemas.js';

type RawImage = { url: string; width?: number | null; height?: number | null } | null | undefined;

/** Strapi serves uploads with a path relative to itself; the site needs a full URL. */
export function toImage(raw: RawImage, alt: string, cmsOrigin: string): Image | null {
  if (!raw) return null;
  return { url: new URL(raw.url, cmsOrigin).toString(), width: raw.width ?? null, height: raw.height ?? null, alt };
}

export type Lookup = {
  author: (documentId: string) => AuthorRef | undefined;
  topic: (documentId: string) => TopicRef | undefined;
};

export function toArticle(raw: z.infer<typeof articleSchema>, lookup: Lookup, cmsOrigin: string): Article {
  return {
    documentId: raw.documentId,
    locale: raw.locale,
    title: raw.title.trim(),
    slug: raw.slug,
    summary: raw.summary.trim(),
    body: raw.body,
    // A draft that was never published (in a preview) has only its last change to go by.
    date: (raw.date ?? raw.publishedAt ?? raw.updatedAt!).slice(0, 10),
    updatedAt: raw.updatedAt ?? raw.publishedAt ?? raw.date!,
    // The cover is shared by all locales; one without alt text in this locale is not shown here.
    cover: raw.coverAlt?.trim() ? toImage(raw.cover, raw.coverAlt.trim(), cmsOrigin) : null,
    author: raw.author ? (lookup.author(raw.author.documentId) ?? null) : null,
    topics: raw.topics.flatMap((t) => (t ? (lookup.topic(t.documentId) ?? []) : [])),
    seo: {
      title: raw.seo.metaTitle.trim(),
      description: raw.seo.metaDescription.trim(),
      canonicalUrl: raw.seo.canonicalUrl ?? null,
    },
  };
}

export function toAuthor(raw: z.infer<typeof authorSchema>, cmsOrigin: string): Author {
  return {
    documentId: raw.documentId,
    locale: raw.locale,
    slug: raw.slug,
    name: raw.name.trim(),
    credentials: raw.credentials?.trim() || null,
    role: raw.role?.trim() || null,
    bio: raw.bio?.trim() || null,
    photo: toImage(raw.photo, raw.name, cmsOrigin),
  };
}

export const toAuthorRef = ({ documentId, locale, slug, name, credentials }: Author): AuthorRef => ({
  documentId, locale, slug, name, credentials,
});

export function toTopic(raw: z.infer<typeof topicSchema>): Topic {
  return {
    documentId: raw.documentId,
    locale: raw.locale,
    slug: raw.slug,
    name: raw.name.trim(),
    description: raw.description?.trim() || null,
  };
}

export const toTopicRef = ({ documentId, locale, slug, name }: Topic): TopicRef => ({ documentId, locale, slug, name });

export function toProvider(raw: z.infer<typeof providerSchema>): Provider {
  const settings: [boolean, CareSetting][] = [
    [raw.careHospital, 'hospital'],
    [raw.careOfficeClinic, 'office-clinic'],
    [raw.careHome, 'home'],
    [raw.careNursingHome, 'nursing-home'],
  ];
  const ages: [boolean, AgeGroup][] = [
    [raw.agesAdults, 'adults'],
    [raw.agesChildren, 'children'],
  ];
  return {
    documentId: raw.documentId,
    locale: raw.locale,
    slug: raw.slug,
    name: raw.name.trim(),
    organizationType: raw.organizationType,
    address: { street: raw.streetAddress.trim(), city: raw.city.trim(), state: raw.state, zip: raw.zip },
    location: { lat: raw.latitude, lng: raw.longitude },
    phone: raw.phone.trim(),
    website: raw.website ?? null,
    email: raw.email ?? null,
    careSettings: settings.filter(([on]) => on).map(([, name]) => name),
    agesServed: ages.filter(([on]) => on).map(([, name]) => name),
    languages: raw.languagesSpoken.split(',').map((l) => l.trim()).filter(Boolean),
    acceptingNewPatients: raw.acceptingNewPatients,
    description: raw.description.trim(),
    services: raw.services?.trim() || null,
  };
}

export function toGlobal(raw: z.infer<typeof globalSchema>): Global {
  return { siteName: raw.siteName.trim(), tagline: raw.tagline?.trim() || null, about: raw.about?.trim() || null };
}

export function toSelfAssessment(raw: z.infer<typeof selfAssessmentSchema>): SelfAssessment {
  return {
    title: raw.title.trim(),
    intro: raw.intro?.trim() || null,
    questions: raw.questions.flatMap((q) => (q ? [{ prompt: q.prompt.trim(), hint: q.hint?.trim() || null }] : [])),
    results: raw.results
      .flatMap((r) => (r ? [{ minYes: r.minYes, heading: r.heading.trim(), body: r.body.trim() }] : []))
      .sort((a, b) => a.minYes - b.minYes),
  };
}
