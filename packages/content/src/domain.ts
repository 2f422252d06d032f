// The clean types templates use. Nothing here mirrors GraphQL's nullability or naming; each
// content type's own is in its slice (src/content-types/).
import type { Article } from './content-types/article.js';
import type { Author } from './content-types/author.js';
import type { Global } from './content-types/global.js';
import type { InterfaceTexts } from './content-types/interface-text.js';
import type { Locale } from './content-types/locale.js';
import type { Provider } from './content-types/provider.js';
import type { SelfAssessment } from './content-types/self-assessment.js';
import type { Topic } from './content-types/topic.js';

export type { Article, DraftNeed, DraftState, Review } from './content-types/article.js';
export type { Author, AuthorRef } from './content-types/author.js';
export type { Global } from './content-types/global.js';
export type { Image } from './content-types/image.js';
export type { InterfaceTexts } from './content-types/interface-text.js';
export type { Locale } from './content-types/locale.js';
export { AGE_GROUPS, CARE_SETTINGS, type AgeGroup, type CareSetting, type Provider } from './content-types/provider.js';
export type { SelfAssessment } from './content-types/self-assessment.js';
export type { Topic, TopicRef } from './content-types/topic.js';

export type LocaleContent = {
  locale: Locale;
  global: Global;
  selfAssessment: SelfAssessment | null;
  articles: Article[];
  authors: Author[];
  topics: Topic[];
  providers: Provider[];
  /** The interface texts translated in this locale, by key (the site falls back to the default locale's). */
  interfaceTexts: InterfaceTexts;
};

export type SiteContent = {
  locales: Locale[];
  defaultLocale: Locale;
  byLocale: Record<string, LocaleContent>;
};
