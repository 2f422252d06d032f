import { z } from 'zod';
import { entryLocale, slug, text } from '../checks.js';
import { graphql } from '../generated/gql.js';
import type { AuthorFragment } from '../generated/graphql.js';
import { checkEntry, type Checked } from '../validate.js';
import type { LocalisedEntry } from './entry.js';
import { imageChecks, toImage, type Image } from './image.js';

export const authorFields = graphql(`
  fragment Author on Author {
    documentId
    locale
    slug
    name
    credentials
    role
    bio
    photo {
      ...Image
    }
  }
`);

/** A page of authors as every list of them asks for it: the full list, a delta (src/load/). */
export const authorsPageFields = graphql(`
  fragment AuthorsPage on AuthorEntityResponseCollection {
    nodes {
      ...Author
      updatedAt
    }
    pageInfo @include(if: $withPageInfo) {
      ...PageInfo
    }
  }
`);

export const authorsQuery = graphql(`
  query Authors($locale: I18NLocaleCode!, $page: Int, $pageSize: Int, $withPageInfo: Boolean! = true) {
    authors_connection(locale: $locale, sort: ["name:asc", "documentId:asc"], pagination: { page: $page, pageSize: $pageSize }) {
      ...AuthorsPage
    }
  }
`);

const authorChecks = z.object({ locale: entryLocale, slug, name: text(), photo: imageChecks.nullish() });

export type AuthorNode = Checked<AuthorFragment, typeof authorChecks>;

export type Author = LocalisedEntry & {
  name: string;
  credentials: string | null;
  role: string | null;
  bio: string | null;
  photo: Image | null;
};
/** How an article names its author: `locale` is where the author's page is (the default locale's when it is not translated). */
export type AuthorRef = Pick<Author, 'documentId' | 'locale' | 'slug' | 'name' | 'credentials'>;

export function toAuthor(node: AuthorNode, cmsOrigin: string): Author {
  const name = node.name.trim();
  return {
    documentId: node.documentId,
    locale: node.locale,
    slug: node.slug,
    name,
    credentials: node.credentials?.trim() || null,
    role: node.role?.trim() || null,
    bio: node.bio?.trim() || null,
    photo: toImage(node.photo, name, cmsOrigin),
  };
}

export const toAuthorRef = ({ documentId, locale, slug, name, credentials }: Author): AuthorRef => ({
  documentId, locale, slug, name, credentials,
});

export const readAuthor = (node: AuthorFragment, locale: string, cmsOrigin: string) =>
  toAuthor(checkEntry(authorChecks, node, { type: 'author', documentId: node.documentId, locale }), cmsOrigin);
