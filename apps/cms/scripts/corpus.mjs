// `pnpm corpus`: loads the reference corpus (corpus-data.mjs) into a database of its own (never
// the demo's; see corpus-database.mjs) through Strapi's Document Service, in batches, each batch
// one transaction. Idempotent: an entry whose slug exists in a locale is left alone, so a second
// run creates nothing. Prints its progress.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { appDir, distDir } from './load-strapi.mjs';
import { corpusDatabaseConfig, ensureCorpusDatabase } from './corpus-database.mjs';
import { CORPUS_LOCALES, corpusArticles, corpusAuthors, corpusProviders, corpusTopics } from './corpus-data.mjs';

const require = createRequire(import.meta.url);
const BATCH = 100;
const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[corpus] ${message}`);

process.chdir(appDir);
const { createStrapi } = require('@strapi/strapi');
const app = createStrapi({ appDir, distDir });
const database = app.config.get('database');
const target = corpusDatabaseConfig(database);
await ensureCorpusDatabase(database);
fs.mkdirSync(path.join(appDir, '.tmp'), { recursive: true });
app.config.set('database', target.config);
// The corpus CMS seeds no demo content, writes no token or secret for the demo site, calls no rebuild hook.
app.config.set('solace.seedDemoContent', false);
app.config.set('solace.siteTokenFile', '');
app.config.set('solace.siteRebuildUrl', '');
app.config.set('solace.siteRebuildSecretFile', '');
// Nor does it run scheduled publishing: a tick still querying when the pool closes aborts the exit.
app.config.set('server.cron.enabled', false);
log(`loading into ${target.label}`);
const strapi = await app.load();

let created = 0;
try {
  await ensureLocale(strapi, 'fr', 'French (fr)');
  await writeSingleTypes(strapi);
  const topicIds = await writeLocalised('api::topic.topic', corpusTopics(), 'topics');
  const authorIds = await writeLocalised('api::author.author', corpusAuthors(), 'authors');
  await writeArticles(authorIds, topicIds);
  await writeProviders();
  log(`done in ${seconds()}: ${created} entries created${created === 0 ? ' (the corpus was already complete)' : ''}`);
} finally {
  await strapi.destroy();
}
process.exit(0);

async function ensureLocale(strapi, code, name) {
  const locales = strapi.plugin('i18n').service('locales');
  if (!(await locales.findByCode(code))) {
    await locales.create({ code, name });
    log(`created locale ${code}`);
  }
}

/** Existing corpus rows of a type: `${locale}:${slug}` -> documentId, and which are published. */
async function existingRows(uid) {
  const rows = await strapi.db.query(uid).findMany({
    select: ['documentId', 'slug', 'locale', 'publishedAt'],
    where: { slug: { $startsWith: 'gen-' } },
  });
  const ids = new Map();
  const published = new Set();
  for (const row of rows) {
    ids.set(`${row.locale}:${row.slug}`, row.documentId);
    if (row.publishedAt) published.add(`${row.locale}:${row.slug}`);
  }
  return { ids, published };
}

/** Runs `write` over the items in batches, one transaction each, printing progress. */
async function inBatches(label, items, write) {
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    await strapi.db.transaction(async () => {
      for (const item of batch) await write(item);
    });
    const done = Math.min(i + BATCH, items.length);
    if (done === items.length || (done / BATCH) % 10 === 0) log(`${label}: ${done}/${items.length} (${seconds()})`);
  }
}

/** Documents in every corpus locale, found by their (shared) default-locale slug. Returns their documentIds in order. */
async function writeLocalised(uid, entries, label, extra = () => ({}), publish = false) {
  const docs = strapi.documents(uid);
  const { ids, published } = await existingRows(uid);
  const documentIds = [];
  await inBatches(label, entries, async (entry) => {
    let documentId = ids.get(`en:${entry.slug}`);
    for (const locale of CORPUS_LOCALES) {
      const data = { ...entry.versions[locale], ...extra(entry) };
      const key = `${locale}:${data.slug ?? entry.slug}`;
      if (!documentId) {
        documentId = (await docs.create({ locale, data })).documentId;
        created++;
      } else if (!ids.has(key)) {
        await docs.update({ documentId, locale, data });
        created++;
      }
      if (publish && !published.has(key)) await docs.publish({ documentId, locale });
    }
    documentIds.push(documentId);
  });
  return documentIds;
}

function writeArticles(authorIds, topicIds) {
  const articles = corpusArticles(authorIds.length, topicIds.length);
  const relations = (article) => ({
    date: article.date,
    author: authorIds[article.author],
    topics: article.topics.map((t) => topicIds[t]),
  });
  return writeLocalised('api::article.article', articles, 'articles', relations, true);
}

async function writeProviders() {
  const uid = 'api::provider.provider';
  const { attributes } = strapi.getModel(uid);
  const providers = corpusProviders(attributes.state.enum, attributes.organizationType.enum);
  const { ids } = await existingRows(uid);
  const docs = strapi.documents(uid);
  await inBatches('providers', providers, async ({ slug, data }) => {
    if (ids.has(`en:${slug}`)) return;
    await docs.create({ locale: 'en', data });
    created++;
  });
}

/** The site needs its settings (Global) and shows the self-assessment: the demo's, marked as generated. */
async function writeSingleTypes(strapi) {
  const demo = (name) => JSON.parse(fs.readFileSync(path.join(appDir, 'data/demo', name), 'utf8'));
  const global = demo('global.json');
  const selfAssessment = demo('self-assessment.json');
  const versions = {
    'api::global.global': (locale) =>
      global.tagline[locale] && { siteName: `${global.siteName} (generated corpus)`, tagline: global.tagline[locale], about: global.about[locale] },
    'api::self-assessment.self-assessment': (locale) =>
      selfAssessment.title[locale] && {
        title: selfAssessment.title[locale],
        intro: selfAssessment.intro[locale],
        questions: selfAssessment.questions.map((q) => q[locale]),
        results: selfAssessment.results.map((r) => ({ minYes: r.minYes, ...r[locale] })),
      },
  };
  for (const [uid, build] of Object.entries(versions)) {
    const docs = strapi.documents(uid);
    let documentId = (await docs.findFirst({ locale: 'en' }))?.documentId;
    for (const locale of CORPUS_LOCALES) {
      const data = build(locale);
      if (!data) continue;
      if (!documentId) {
        documentId = (await docs.create({ locale, data })).documentId;
        created++;
      } else if (!(await docs.findOne({ documentId, locale }))) {
        await docs.update({ documentId, locale, data });
        created++;
      }
    }
  }
}
