import { z } from 'zod';
import { entryLocale, slug, text } from '../checks.js';
import { graphql } from '../generated/gql.js';
import type { TopicFragment } from '../generated/graphql.js';
import { checkEntry, type Checked } from '../validate.js';
import type { LocalisedEntry } from './entry.js';

export const topicFields = graphql(`
  fragment Topic on Topic {
    documentId
    locale
    slug
    name
    description
  }
`);

/** A page of topics as every list of them asks for it: the full list, a delta (src/load/). */
export const topicsPageFields = graphql(`
  fragment TopicsPage on TopicEntityResponseCollection {
    nodes {
      ...Topic
      updatedAt
    }
    pageInfo @include(if: $withPageInfo) {
      ...PageInfo
    }
  }
`);

export const topicsQuery = graphql(`
  query Topics($locale: I18NLocaleCode!, $page: Int, $pageSize: Int, $withPageInfo: Boolean! = true) {
    topics_connection(locale: $locale, sort: ["name:asc", "documentId:asc"], pagination: { page: $page, pageSize: $pageSize }) {
      ...TopicsPage
    }
  }
`);

const topicChecks = z.object({ locale: entryLocale, slug, name: text() });

export type TopicNode = Checked<TopicFragment, typeof topicChecks>;

export type Topic = LocalisedEntry & { name: string; description: string | null };
/** How an article refers to a topic: `locale` is where its page is (the default locale's when it is not translated). */
export type TopicRef = Pick<Topic, 'documentId' | 'locale' | 'slug' | 'name'>;

export function toTopic(node: TopicNode): Topic {
  return {
    documentId: node.documentId,
    locale: node.locale,
    slug: node.slug,
    name: node.name.trim(),
    description: node.description?.trim() || null,
  };
}

export const toTopicRef = ({ documentId, locale, slug, name }: Topic): TopicRef => ({ documentId, locale, slug, name });

export const readTopic = (node: TopicFragment, locale: string) =>
  toTopic(checkEntry(topicChecks, node, { type: 'topic', documentId: node.documentId, locale }));
