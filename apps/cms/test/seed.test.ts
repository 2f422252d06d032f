import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startCms, type RunningCms } from '../testing';

const COUNTS = `{
  en: articles_connection(locale: "en") { pageInfo { total } }
  es: articles_connection(locale: "es") { pageInfo { total } }
  drafts: articles_connection(locale: "en", status: DRAFT) { pageInfo { total } }
  authors: authors_connection(locale: "en") { pageInfo { total } }
  topics: topics_connection(locale: "en") { pageInfo { total } }
  providers: providers_connection(locale: "en") { pageInfo { total } }
  providersEs: providers_connection(locale: "es") { pageInfo { total } }
  global(locale: "es") { siteName }
  selfAssessment(locale: "es") { questions { prompt } }
}`;

type Total = { pageInfo: { total: number } };
type Counts = Record<'en' | 'es' | 'drafts' | 'authors' | 'topics' | 'providers' | 'providersEs', Total> & {
  global: { siteName: string };
  selfAssessment: { questions: unknown[] };
};

async function counts(cms: RunningCms) {
  const res = await graphql<Counts>(cms, COUNTS);
  expect(res.errors).toBeUndefined();
  const d = res.data!;
  return {
    en: d.en.pageInfo.total,
    es: d.es.pageInfo.total,
    drafts: d.drafts.pageInfo.total,
    authors: d.authors.pageInfo.total,
    topics: d.topics.pageInfo.total,
    providers: d.providers.pageInfo.total,
    providersEs: d.providersEs.pageInfo.total,
    questions: d.selfAssessment.questions.length,
  };
}

describe('demo content seed', () => {
  let cms: RunningCms;
  beforeAll(async () => {
    cms = await startCms();
  });
  afterAll(async () => {
    await cms?.dispose();
  });

  it('seeds what the brief asks for on first boot', async () => {
    const first = await counts(cms);
    expect(first.en).toBeGreaterThanOrEqual(7);
    expect(first.es).toBeGreaterThanOrEqual(2);
    expect(first.drafts).toBe(first.en + 1);
    expect(first.authors).toBeGreaterThanOrEqual(3);
    expect(first.providers).toBeGreaterThanOrEqual(40);
    expect(first.providersEs).toBe(first.providers);
    expect(first.questions).toBe(5);
  });

  it('changes nothing when run again, or on the next boot', async () => {
    const before = await counts(cms);
    await cms.stop();
    const output = await cms.runSeedScript(['--force']);
    expect(output).toMatch(/\(0 entries created\)/);
    await cms.restart();
    expect(await counts(cms)).toEqual(before);
  });
});
