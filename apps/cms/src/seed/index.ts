import type { Core, UID } from '@strapi/strapi';
import { loadDemoData, type DemoData } from './demo-data';
import { ensureCoverImage } from './cover-image';

type Data = Record<string, unknown>;

/**
 * The document-service calls the seed makes, for any content type. Strapi's generated types
 * (types/generated) check that every content type's service offers them; `publish` exists only
 * where draft & publish is on.
 */
type Documents = {
  findFirst(params: object): Promise<{ documentId: string } | null>;
  findOne(params: object): Promise<{ documentId: string } | null>;
  create(params: object): Promise<{ documentId: string }>;
  update(params: object): Promise<unknown>;
  publish?(params: object): Promise<unknown>;
};
type LocalisedData = { en: Data } & Record<string, Data | undefined>;

const DEFAULT_LOCALE = 'en';

/**
 * Seeds the demo content once (a flag in the core store), creating only what is missing and
 * never overwriting: running it again, or with { force: true }, changes nothing that exists.
 */
export async function seedDemoContent(strapi: Core.Strapi, { force }: { force: boolean }) {
  const store = strapi.store({ type: 'plugin', name: 'solace' });
  if (!force && (await store.get({ key: 'demoContentSeeded' }))) return;

  const started = Date.now();
  const demo = loadDemoData(strapi.dirs.app.root);
  const locales = new Set(
    ((await strapi.plugin('i18n').service('locales').find()) as { code: string }[]).map((l) => l.code),
  );
  const seeder = new Seeder(strapi, locales);

  const authors = await seedAuthors(seeder, demo);
  const topics = await seedTopics(seeder, demo);
  await seedArticles(strapi, seeder, demo, authors, topics);
  await seedProviders(seeder, demo);
  await seedSingleTypes(seeder, demo);

  await store.set({ key: 'demoContentSeeded', value: true });
  strapi.log.info(`Demo content checked in ${Date.now() - started} ms (${seeder.created} entries created).`);
}

class Seeder {
  created = 0;
  constructor(
    private strapi: Core.Strapi,
    private locales: Set<string>,
  ) {}

  private docs(uid: UID.ContentType): Documents {
    return this.strapi.documents(uid);
  }

  /** Finds a document by slug in the default locale, creating it and its missing locales. */
  async ensure(uid: UID.ContentType, slug: string | null, versions: LocalisedData, publish = false): Promise<string> {
    const docs = this.docs(uid);
    const found = slug
      ? await docs.findFirst({ filters: { slug }, locale: DEFAULT_LOCALE })
      : await docs.findFirst({ locale: DEFAULT_LOCALE });

    let documentId = found?.documentId;
    if (!documentId) {
      documentId = (await docs.create({ data: versions.en, locale: DEFAULT_LOCALE })).documentId;
      this.created++;
    }
    // Publish what should be, also after an earlier run stopped between creating and publishing.
    const ensurePublished = async (locale: string) => {
      if (!publish || (await docs.findOne({ documentId, locale, status: 'published' }))) return;
      if (!docs.publish) throw new Error(`The seed publishes ${uid}, which has no draft & publish.`);
      await docs.publish({ documentId, locale });
    };
    await ensurePublished(DEFAULT_LOCALE);

    for (const [locale, data] of Object.entries(versions)) {
      if (locale === DEFAULT_LOCALE || !data || !this.locales.has(locale)) continue;
      if (!(await docs.findOne({ documentId, locale }))) {
        await docs.update({ documentId, locale, data });
        this.created++;
      }
      await ensurePublished(locale);
    }
    return documentId;
  }
}

/** Builds { en: ..., es: ... } from a function of the locale, for the locales the demo has. */
function perLocale(codes: string[], build: (locale: string) => Data | undefined): LocalisedData {
  const out: Record<string, Data | undefined> = {};
  for (const code of codes) out[code] = build(code);
  return out as LocalisedData;
}

async function seedAuthors(seeder: Seeder, demo: DemoData) {
  const ids = new Map<string, string>();
  for (const author of demo.authors) {
    const versions = perLocale(Object.keys(author.bio), (locale) => ({
      name: author.name,
      credentials: author.credentials,
      slug: author.slug,
      role: author.role[locale],
      bio: author.bio[locale],
    }));
    ids.set(author.slug, await seeder.ensure('api::author.author', author.slug, versions));
  }
  return ids;
}

async function seedTopics(seeder: Seeder, demo: DemoData) {
  const ids = new Map<string, string>();
  for (const topic of demo.topics) {
    const versions = perLocale(Object.keys(topic.name), (locale) => ({
      slug: topic.slug,
      name: topic.name[locale],
      description: topic.description[locale],
    }));
    ids.set(topic.slug, await seeder.ensure('api::topic.topic', topic.slug, versions));
  }
  return ids;
}

async function seedArticles(
  strapi: Core.Strapi,
  seeder: Seeder,
  demo: DemoData,
  authors: Map<string, string>,
  topics: Map<string, string>,
) {
  for (const [index, article] of demo.articles.entries()) {
    const cover = await ensureCoverImage(strapi, article.key, index, article.locales.en.coverAlt);
    const versions = perLocale(Object.keys(article.locales), (locale) => {
      const text = article.locales[locale]!;
      return {
        title: text.title,
        slug: text.slug,
        summary: text.summary,
        body: demo.articleBody(article.key, locale),
        cover,
        coverAlt: text.coverAlt,
        date: article.publishedAt,
        author: authors.get(article.author),
        topics: article.topics.map((slug) => topics.get(slug)),
        seo: { metaTitle: text.metaTitle, metaDescription: text.metaDescription },
        ...(article.review && {
          reviewedBy: authors.get(article.review.by),
          reviewedAt: article.review.at,
          nextReviewDue: article.review.nextDue,
        }),
      };
    });
    await seeder.ensure('api::article.article', article.locales.en.slug, versions, !article.draft);
  }
}

async function seedProviders(seeder: Seeder, demo: DemoData) {
  for (const provider of demo.providers) {
    const { description, services, organizationType, ...shared } = provider;
    const versions = perLocale(Object.keys(description), (locale) => ({
      ...shared,
      // GraphQL enum values cannot contain hyphens.
      organizationType: organizationType.replaceAll('-', '_'),
      description: description[locale],
      services: services[locale],
    }));
    await seeder.ensure('api::provider.provider', provider.slug, versions);
  }
}

async function seedSingleTypes(seeder: Seeder, demo: DemoData) {
  const { global, selfAssessment } = demo;
  await seeder.ensure(
    'api::global.global',
    null,
    perLocale(Object.keys(global.tagline), (locale) => ({
      siteName: global.siteName,
      tagline: global.tagline[locale],
      about: global.about[locale],
    })),
  );
  await seeder.ensure(
    'api::self-assessment.self-assessment',
    null,
    perLocale(Object.keys(selfAssessment.title), (locale) => ({
      title: selfAssessment.title[locale],
      intro: selfAssessment.intro[locale],
      questions: selfAssessment.questions.map((q) => q[locale]),
      results: selfAssessment.results.map((r) => ({ minYes: r.minYes, ...r[locale] })),
    })),
  );
}
