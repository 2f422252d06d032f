// The clean types templates use. Nothing here mirrors GraphQL's nullability or naming.

export type Locale = { code: string; name: string; isDefault: boolean };

export type Image = { url: string; width: number | null; height: number | null; alt: string };

/** An article's author or topic: `locale` is where its page is (the default locale's when it is not translated). */
export type AuthorRef = { documentId: string; locale: string; slug: string; name: string; credentials: string | null };

export type TopicRef = { documentId: string; locale: string; slug: string; name: string };

export type Article = {
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  summary: string;
  /** CommonMark, as the editor wrote it; the site renders and sanitises it. */
  body: string;
  /** YYYY-MM-DD shown to readers: the editor's date, else the publication date (else, for an
   * unpublished draft in a preview, the date of its last change). */
  date: string;
  updatedAt: string;
  cover: Image | null;
  author: AuthorRef | null;
  topics: TopicRef[];
  seo: { title: string; description: string; canonicalUrl: string | null };
};

export type Author = {
  documentId: string;
  locale: string;
  slug: string;
  name: string;
  credentials: string | null;
  role: string | null;
  bio: string | null;
  photo: Image | null;
};

export type Topic = { documentId: string; locale: string; slug: string; name: string; description: string | null };

export const CARE_SETTINGS = ['hospital', 'office-clinic', 'home', 'nursing-home'] as const;
export type CareSetting = (typeof CARE_SETTINGS)[number];
export const AGE_GROUPS = ['adults', 'children'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export type Provider = {
  documentId: string;
  locale: string;
  slug: string;
  name: string;
  organizationType: string;
  address: { street: string; city: string; state: string; zip: string };
  location: { lat: number; lng: number };
  phone: string;
  website: string | null;
  email: string | null;
  careSettings: CareSetting[];
  agesServed: AgeGroup[];
  languages: string[];
  acceptingNewPatients: boolean;
  description: string;
  services: string | null;
};

export type Global = { siteName: string; tagline: string | null; about: string | null };

export type SelfAssessment = {
  title: string;
  intro: string | null;
  questions: { prompt: string; hint: string | null }[];
  /** Sorted by minYes, ascending. */
  results: { minYes: number; heading: string; body: string }[];
};

export type LocaleContent = {
  locale: Locale;
  global: Global;
  selfAssessment: SelfAssessment | null;
  articles: Article[];
  authors: Author[];
  topics: Topic[];
  providers: Provider[];
};

export type SiteContent = {
  locales: Locale[];
  defaultLocale: Locale;
  byLocale: Record<string, LocaleContent>;
};
