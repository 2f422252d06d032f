// The mappers of the published collections' nodes, each value kept as long as its node (lasting.ts):
// a load that keeps unchanged nodes from an earlier one maps only the nodes that are new.
import { readArticle, type Article, type ReferenceLookup } from '../content-types/article.js';
import { readAuthor } from '../content-types/author.js';
import { readProvider } from '../content-types/provider.js';
import { readTopic } from '../content-types/topic.js';
import type { ArticleFragment } from '../generated/graphql.js';
import { makeLasting, rememberMapping } from '../lasting.js';

export const authorOf = rememberMapping(readAuthor);
export const topicOf = rememberMapping(readTopic);
export const providerOf = rememberMapping(readProvider);

type Lookup = { kind: keyof ReferenceLookup; id: string; found: unknown };
const articles = new WeakMap<ArticleFragment, { locale: string; cmsOrigin: string; looked: Lookup[]; value: Article }>();

/**
 * An article's value, made again when its node is new, or when an author or topic it looked up
 * (as the mapper did: each lookup is recorded) is now another value, or gone.
 */
export function articleOf(node: ArticleFragment, locale: string, refs: ReferenceLookup, cmsOrigin: string): Article {
  const known = articles.get(node);
  if (known && known.locale === locale && known.cmsOrigin === cmsOrigin && known.looked.every(({ kind, id, found }) => refs[kind](id) === found)) {
    return known.value;
  }
  const looked: Lookup[] = [];
  const recording: ReferenceLookup = {
    author: (id) => record('author', id, refs.author(id)),
    topic: (id) => record('topic', id, refs.topic(id)),
  };
  function record<T>(kind: Lookup['kind'], id: string, found: T) {
    looked.push({ kind, id, found });
    return found;
  }
  const value = makeLasting(readArticle(node, locale, recording, cmsOrigin));
  articles.set(node, { locale, cmsOrigin, looked, value });
  return value;
}
