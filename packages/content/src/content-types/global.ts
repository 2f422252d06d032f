import { z } from 'zod';
import { text } from '../checks.js';
import { graphql } from '../generated/gql.js';
import type { GlobalFragment } from '../generated/graphql.js';
import { checkEntry } from '../validate.js';

export const globalFields = graphql(`
  fragment Global on Global {
    siteName
    tagline
    about
  }
`);

export const globalQuery = graphql(`
  query Global($locale: I18NLocaleCode!) {
    global(locale: $locale) {
      ...Global
    }
  }
`);

const globalChecks = z.object({ siteName: text() });

/** Site-wide settings. */
export type Global = { siteName: string; tagline: string | null; about: string | null };

export function toGlobal(node: GlobalFragment): Global {
  return { siteName: node.siteName.trim(), tagline: node.tagline?.trim() || null, about: node.about?.trim() || null };
}

export const readGlobal = (node: GlobalFragment, locale: string) =>
  toGlobal(checkEntry(globalChecks, node, { type: 'global', locale }));
