import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, CMS_DIR, graphql, startCms, type RunningCms } from '../testing';

const SHIPPED = path.join(CMS_DIR, 'data', 'demo', 'interface-texts');
const shipped = (locale: string) => JSON.parse(fs.readFileSync(path.join(SHIPPED, `${locale}.json`), 'utf8')) as Record<string, string>;
const TEXTS = '/content-manager/collection-types/api::interface-text.interface-text';

type Node = { documentId: string; key: string; text: string; note: string | null };

async function texts(cms: RunningCms, locale: string) {
  const out: Node[] = [];
  for (let page = 1; ; page++) {
    const res = await graphql<{ interfaceTexts_connection: { nodes: Node[]; pageInfo: { pageCount: number } } }>(
      cms,
      `{ interfaceTexts_connection(locale: "${locale}", pagination: { page: ${page}, pageSize: 100 }) { nodes { documentId key text note } pageInfo { pageCount } } }`,
    );
    expect(res.errors).toBeUndefined();
    out.push(...res.data!.interfaceTexts_connection.nodes);
    if (page >= res.data!.interfaceTexts_connection.pageInfo.pageCount) return out;
  }
}

async function admin(cms: RunningCms, method: string, url: string, body?: unknown) {
  const jwt = await adminLogin(cms);
  return fetch(`${cms.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

// The interface texts are seeded on every boot, with or without the demo content: the site
// cannot be built without its English texts.
describe('interface texts', () => {
  let cms: RunningCms;
  beforeAll(async () => {
    cms = await startCms({ seed: false });
  });
  afterAll(async () => {
    await cms?.dispose();
  });

  it('are all there in English and Spanish, readable with the site token, with a note for translators', async () => {
    const en = await texts(cms, 'en');
    expect(Object.fromEntries(en.map((t) => [t.key, t.text]))).toEqual(shipped('en'));
    const es = await texts(cms, 'es');
    expect(Object.fromEntries(es.map((t) => [t.key, t.text]))).toEqual(shipped('es'));
    const count = en.find((t) => t.key === 'directory.programCount.one')!;
    expect(count.note).toMatch(/Keep \{n\} as written/);
    expect(count.note).toMatch(/"one" plural form/);
    expect(en.find((t) => t.key === 'nav.home')!.note).toMatch(/main navigation/);
  });

  it('keep what a translator changed, and come back when deleted, on the next boot', async () => {
    const home = (await texts(cms, 'es')).find((t) => t.key === 'nav.home')!;
    const changed = await admin(cms, 'PUT', `${TEXTS}/${home.documentId}?locale=es`, { text: 'Portada' });
    expect(changed.status).toBe(200);
    const search = (await texts(cms, 'en')).find((t) => t.key === 'nav.search')!;
    expect((await admin(cms, 'DELETE', `${TEXTS}/${search.documentId}?locale=*`)).status).toBe(200);
    await cms.restart();
    const es = await texts(cms, 'es');
    expect(es.find((t) => t.key === 'nav.home')!.text).toBe('Portada');
    expect(es).toHaveLength(Object.keys(shipped('es')).length);
    expect((await texts(cms, 'en')).find((t) => t.key === 'nav.search')!.text).toBe(shipped('en')['nav.search']);
  });

  it('refuse a second text with the same key, and a malformed key, with the field named', async () => {
    const duplicate = await admin(cms, 'POST', `${TEXTS}?locale=en`, { key: 'nav.home', text: 'Again' });
    expect(duplicate.status).toBe(400);
    expect(JSON.stringify(await duplicate.json())).toMatch(/key/);
    const malformed = await admin(cms, 'POST', `${TEXTS}?locale=en`, { key: 'no dots', text: 'x' });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(await malformed.json())).toMatch(/key/);
  });
});
