import fs from 'node:fs';
import path from 'node:path';
import { CARE_SETTINGS, toProvider, type Provider, type ProviderNode } from '@solace/content';
import { SITE_DIR } from '../env.js';
import type { ZipRecord } from './zip-data.js';

/** The CMS's demo providers (apps/cms/data/demo/providers.json, through the workspace dependency). */
export const DEMO_PROVIDERS_FILE = path.join(SITE_DIR, 'node_modules/@solace/cms/data/demo/providers.json');

/** A listing in the CMS's demo file: the provider's fields, with texts per locale. */
type DemoProvider = Omit<ProviderNode, 'documentId' | 'locale' | 'description' | 'services'> & {
  description: Record<string, string>;
  services: Record<string, string> | null;
};

/** The demo providers as the site sees them: through @solace/content's own provider mapper. */
export function loadDemoProviders(locale = 'en', file = DEMO_PROVIDERS_FILE): Provider[] {
  const demo = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoProvider[];
  return demo.map(({ description, services, ...fields }, i) =>
    toProvider({
      ...fields,
      documentId: `demo-${i}`,
      locale,
      description: description[locale] ?? description.en ?? '',
      services: services?.[locale] ?? null,
    }),
  );
}

/** Small deterministic PRNG (mulberry32). */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAME_WORDS = ['Harbor', 'Valley', 'Summit', 'Riverside', 'Cedar', 'Maple', 'Lakeside', 'Pine', 'Meadow', 'Bridge', 'Oak', 'Willow', 'Prairie', 'Coastal', 'Mercy', 'Unity'];
const NAME_KINDS = ['Palliative Care', 'Supportive Care Clinic', 'Hospice and Palliative Care', 'Comfort Care Program', 'Home Palliative Services', 'Serious Illness Care'];
const LANGUAGES = [
  ['Spanish', 0.55], ['Vietnamese', 0.06], ['Chinese', 0.06], ['Tagalog', 0.05], ['Russian', 0.04], ['Korean', 0.04],
  ['Arabic', 0.04], ['Haitian Creole', 0.03], ['Portuguese', 0.03], ['French', 0.03], ['Somali', 0.02], ['Hmong', 0.02],
  ['Polish', 0.02], ['Armenian', 0.015], ['Navajo', 0.01], ['Cantonese', 0.03], ['Mandarin', 0.03], ['Hindi', 0.02],
  ['Urdu', 0.015], ['Farsi', 0.015], ['Amharic', 0.01], ['Nepali', 0.01], ['Yiddish', 0.005], ['American Sign Language', 0.05],
] as const;

/**
 * `count` made-up providers spread around real ZIP centroids (deterministic for a seed): for
 * benchmarks and tests of the index at scale. ZIPs are picked uniformly, so the spread follows
 * where ZIP codes are dense, roughly where people live.
 */
export function generateProviders(count: number, zips: readonly ZipRecord[], seed = 42): Provider[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const usable = zips.filter((z) => /^[A-Z]{2}$/.test(z.state) && !['AA', 'AE', 'AP'].includes(z.state));
  const out: Provider[] = [];
  for (let i = 0; i < count; i++) {
    const zip = pick(usable);
    const name = `${pick(NAME_WORDS)} ${pick(NAME_WORDS)} ${pick(NAME_KINDS)} ${i}`;
    const settings = CARE_SETTINGS.filter(() => random() < 0.45);
    const ages = random() < 0.12 ? (['adults', 'children'] as const) : random() < 0.05 ? (['children'] as const) : (['adults'] as const);
    out.push({
      documentId: `gen-${i}`,
      locale: 'en',
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${zip.city.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      name,
      organizationType: 'clinic',
      address: { street: `${1 + Math.floor(random() * 9000)} Main Street`, city: zip.city, state: zip.state, zip: zip.zip },
      // Within about 3 miles of the ZIP centroid.
      location: {
        lat: Math.round((zip.lat + (random() - 0.5) * 0.08) * 10_000) / 10_000,
        lng: Math.round((zip.lng + (random() - 0.5) * 0.1) * 10_000) / 10_000,
      },
      phone: `(${200 + Math.floor(random() * 700)}) 555-${String(Math.floor(random() * 10_000)).padStart(4, '0')}`,
      website: null,
      email: null,
      careSettings: settings.length ? settings : ['office-clinic'],
      agesServed: [...ages],
      languages: ['English', ...LANGUAGES.filter(([, p]) => random() < p).map(([l]) => l)],
      acceptingNewPatients: random() < 0.8,
      description: '',
      services: null,
    });
  }
  return out;
}
