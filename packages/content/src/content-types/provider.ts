import { z } from 'zod';
import { entryLocale, slug, text, webUrl } from '../checks.js';
import { graphql } from '../generated/gql.js';
import type { ProviderFragment } from '../generated/graphql.js';
import { checkEntry, type Checked } from '../validate.js';
import type { LocalisedEntry } from './entry.js';

export const providerFields = graphql(`
  fragment Provider on Provider {
    documentId
    locale
    slug
    name
    organizationType
    streetAddress
    city
    state
    zip
    latitude
    longitude
    phone
    website
    email
    careHospital
    careOfficeClinic
    careHome
    careNursingHome
    agesAdults
    agesChildren
    languagesSpoken
    acceptingNewPatients
    description
    services
  }
`);

/** A page of providers as every list of them asks for it: the full list, a delta (src/load/). */
export const providersPageFields = graphql(`
  fragment ProvidersPage on ProviderEntityResponseCollection {
    nodes {
      ...Provider
      updatedAt
    }
    pageInfo @include(if: $withPageInfo) {
      ...PageInfo
    }
  }
`);

export const providersQuery = graphql(`
  query Providers($locale: I18NLocaleCode!, $page: Int, $pageSize: Int, $withPageInfo: Boolean! = true) {
    providers_connection(
      locale: $locale
      sort: ["state:asc", "city:asc", "name:asc", "documentId:asc"]
      pagination: { page: $page, pageSize: $pageSize }
    ) {
      ...ProvidersPage
    }
  }
`);

// State and organisation type are GraphQL enums already.
const providerChecks = z.object({
  locale: entryLocale,
  slug,
  name: text(),
  streetAddress: text(),
  city: text(),
  zip: z.string().regex(/^\d{5}$/, 'must be five digits'),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  phone: text(),
  website: webUrl.nullish(),
  email: z.email().nullish(),
  languagesSpoken: text(),
  description: text(),
});

export type ProviderNode = Checked<ProviderFragment, typeof providerChecks>;

export const CARE_SETTINGS = ['hospital', 'office-clinic', 'home', 'nursing-home'] as const;
export type CareSetting = (typeof CARE_SETTINGS)[number];
export const AGE_GROUPS = ['adults', 'children'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export type Provider = LocalisedEntry & {
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

/** A listing in the find-care directory. Also maps the demo listings for the find-care benchmark. */
export function toProvider(node: ProviderNode): Provider {
  const settings: [boolean, CareSetting][] = [
    [node.careHospital, 'hospital'],
    [node.careOfficeClinic, 'office-clinic'],
    [node.careHome, 'home'],
    [node.careNursingHome, 'nursing-home'],
  ];
  const ages: [boolean, AgeGroup][] = [
    [node.agesAdults, 'adults'],
    [node.agesChildren, 'children'],
  ];
  return {
    documentId: node.documentId,
    locale: node.locale,
    slug: node.slug,
    name: node.name.trim(),
    organizationType: node.organizationType,
    address: { street: node.streetAddress.trim(), city: node.city.trim(), state: node.state, zip: node.zip },
    location: { lat: node.latitude, lng: node.longitude },
    phone: node.phone.trim(),
    website: node.website ?? null,
    email: node.email ?? null,
    careSettings: settings.filter(([on]) => on).map(([, name]) => name),
    agesServed: ages.filter(([on]) => on).map(([, name]) => name),
    languages: node.languagesSpoken.split(',').map((l) => l.trim()).filter(Boolean),
    acceptingNewPatients: node.acceptingNewPatients,
    description: node.description.trim(),
    services: node.services?.trim() || null,
  };
}

export const readProvider = (node: ProviderFragment, locale: string) =>
  toProvider(checkEntry(providerChecks, node, { type: 'provider', documentId: node.documentId, locale }));
