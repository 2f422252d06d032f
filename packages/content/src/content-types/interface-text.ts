import { z } from 'zod';
import { entryLocale, text } from '../checks.js';
import { graphql } from '../generated/gql.js';
import type { InterfaceTextFragment } from '../generated/graphql.js';
import { checkEntry } from '../validate.js';

export const interfaceTextFields = graphql(`
  fragment InterfaceText on InterfaceText {
    documentId
    locale
    key
    text
  }
`);

/** A page of interfaceTexts as every list of them asks for it: the full list, a delta (src/load/). */
export const interfaceTextsPageFields = graphql(`
  fragment InterfaceTextsPage on InterfaceTextEntityResponseCollection {
    nodes {
      ...InterfaceText
      updatedAt
    }
    pageInfo @include(if: $withPageInfo) {
      ...PageInfo
    }
  }
`);

export const interfaceTextsQuery = graphql(`
  query InterfaceTexts($locale: I18NLocaleCode!, $page: Int, $pageSize: Int, $withPageInfo: Boolean! = true) {
    interfaceTexts_connection(locale: $locale, sort: ["key:asc", "documentId:asc"], pagination: { page: $page, pageSize: $pageSize }) {
      ...InterfaceTextsPage
    }
  }
`);

const interfaceTextChecks = z.object({
  locale: entryLocale,
  key: z.string().regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_ -]+)+$/, 'must be words joined by dots, such as "nav.home"'),
  text: text(),
});

/**
 * A locale's interface texts (navigation, buttons, messages) by key, as translators wrote them:
 * only the keys translated in this locale. Placeholders ({count}) and plural keys (x.one, x.other)
 * are left for the site's translator to resolve.
 */
export type InterfaceTexts = Record<string, string>;

export function readInterfaceTexts(nodes: InterfaceTextFragment[], locale: string): InterfaceTexts {
  const out: InterfaceTexts = {};
  for (const node of nodes) {
    const { key, text } = checkEntry(interfaceTextChecks, node, { type: 'interface-text', documentId: node.documentId, locale });
    // Leading and trailing spaces are never meant; inner line breaks and spacing are kept.
    out[key] = text.trim();
  }
  return out;
}
