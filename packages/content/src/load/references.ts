import type { ReferenceLookup } from '../content-types/article.js';
import { toAuthorRef, type Author } from '../content-types/author.js';
import { toTopicRef, type Topic } from '../content-types/topic.js';

type ByLocale<T> = Map<string, T[]>;

/**
 * What an article in `locale` links to: the author or topic in that locale, else the default
 * locale's (so a translated article still links to an author who is not translated yet).
 */
export function crossLocaleReferences(
  authors: ByLocale<Author>,
  topics: ByLocale<Topic>,
  locale: string,
  defaultLocale: string,
): ReferenceLookup {
  const find = <T extends { documentId: string }>(lists: ByLocale<T>, id: string) =>
    lists.get(locale)?.find((x) => x.documentId === id) ?? lists.get(defaultLocale)?.find((x) => x.documentId === id);
  return {
    author: (id) => {
      const author = find(authors, id);
      return author && toAuthorRef(author);
    },
    topic: (id) => {
      const topic = find(topics, id);
      return topic && toTopicRef(topic);
    },
  };
}
