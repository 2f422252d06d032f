import type { ArticleFragment, ProviderFragment } from '../src/generated/graphql.js';

// Raw GraphQL nodes as the CMS sends them, for unit tests.

export const CMS = 'http://cms.test:1337';

export const rawProvider = {
  documentId: 'p1',
  locale: 'en',
  slug: 'harbor-demo-care',
  name: ' Harbor Demo Care ',
  organizationType: 'hospital',
  streetAddress: '1 Demo St',
  city: 'Boston',
  state: 'MA',
  zip: '02108',
  latitude: 42.3576,
  longitude: -71.0684,
  phone: '(617) 555-0100',
  website: 'https://example.org/harbor',
  email: null,
  careHospital: true,
  careOfficeClinic: false,
  careHome: true,
  careNursingHome: false,
  agesAdults: true,
  agesChildren: true,
  languagesSpoken: 'English, Spanish ,Haitian Creole',
  acceptingNewPatients: false,
  description: 'A demo program.',
  services: '',
} satisfies ProviderFragment;

export const rawArticle = {
  documentId: 'a1',
  locale: 'en',
  title: 'Living with heart failure?',
  slug: 'heart-failure',
  summary: 'How palliative care helps.',
  body: '## Heading\n\nText.',
  date: null,
  publishedAt: '2026-09-14T10:00:00.000Z',
  updatedAt: '2026-09-15T10:00:00.000Z',
  coverAlt: 'Calm circles',
  cover: { url: '/uploads/cover.jpg', width: 1600, height: 900, mime: 'image/jpeg', updatedAt: null },
  author: { documentId: 'au1' },
  topics: [{ documentId: 't1' }, null, { documentId: 'missing' }],
  seo: { metaTitle: 'Heart failure', metaDescription: 'About heart failure.', canonicalUrl: null },
  reviewedBy: { documentId: 'au1' },
  reviewedAt: '2026-03-03',
  nextReviewDue: '2027-03-03',
} satisfies ArticleFragment;
