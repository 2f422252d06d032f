import { z } from 'zod';
import { text } from '../checks.js';
import { graphql } from '../generated/gql.js';
import type { LocaleFragment } from '../generated/graphql.js';
import { checkEntry } from '../validate.js';

export const localeFields = graphql(`
  fragment Locale on I18NLocale {
    code
    name
    isDefault
  }
`);

export const localesQuery = graphql(`
  query Locales {
    i18NLocales {
      ...Locale
    }
  }
`);

// GraphQL has a locale's code and name as nullable; the site needs both.
const localeChecks = z.object({
  code: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale code such as "en" or "pt-BR"'),
  name: text(),
});

export type Locale = { code: string; name: string; isDefault: boolean };

export function readLocale(node: LocaleFragment): Locale {
  const { code, name, isDefault } = checkEntry(localeChecks, node, { type: 'locale', documentId: node.code });
  return { code, name: name.trim(), isDefault };
}

/** The default locale first, then by code. */
export const compareLocales = (a: Locale, b: Locale) =>
  Number(b.isDefault) - Number(a.isDefault) || a.code.localeCompare(b.code);
