import type { ReferenceLookup } from '../content-types/article.js';
import { toAuthorRef, type Author } from '../content-types/author.js';
import { toTopicRef, type Topic } from '../content-types/topic.js';
import { rememberMapping } from '../lasting.js';

type ByLocale<T> = Map<string, T[]>;

// One reference per author or topic value (lasting.ts): an article that links to an unchanged one
// finds the very reference it was mapped with.
const authorRefOf = rememberMapping(toAuthorRef);
const topicRefOf = rememberMapping(toTopicRef);

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
  const finder = <T extends { documentId: string }>(lists: ByLocale<T>) => {
    const [own, fallback] = [locale, defaultLocale].map((code) => new Map((lists.get(code) ?? []).map((x) => [x.documentId, x])));
    return (id: string) => own!.get(id) ?? fallback!.get(id);
  };
  const findAuthor = finder(authors);
  const findTopic = finder(topics);
  return {
    author: (id) => {
      const author = findAuthor(id);
      return author && authorRefOf(author);
    },
    topic: (id) => {
      const topic = findTopic(id);
      return topic && topicRefOf(topic);
    },
  };
}
