import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvError, parseEnv, parseServerEnv, readEnv, readRebuildSecret, readServerEnv } from '../../src/env.js';

const TOKEN = 'a1'.repeat(40);
const noFile = path.join(os.tmpdir(), 'solace-no-such-token-file');

/** A file path in a folder of its own, removed after the test. */
const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempFile(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'solace-env-'));
  tempDirs.push(dir);
  return path.join(dir, name);
}

describe('parseEnv (build settings)', () => {
  it('reads the CMS URL and token, with local defaults', () => {
    const env = parseEnv({ STRAPI_TOKEN: TOKEN }, noFile);
    expect(env.strapiUrl).toBe('http://localhost:1337');
    expect(env.graphqlUrl).toBe('http://localhost:1337/graphql');
    expect(env.siteUrl).toBe('http://localhost:8080');
    expect(env.outputDir.endsWith(`${path.sep}_site`)).toBe(true);
    expect(env.preview).toBe(false);
  });

  it('builds a preview into _preview unless told otherwise', () => {
    expect(parseEnv({ STRAPI_TOKEN: TOKEN, SITE_PREVIEW: 'true' }, noFile).outputDir.endsWith(`${path.sep}_preview`)).toBe(true);
    expect(parseEnv({ STRAPI_TOKEN: TOKEN, SITE_PREVIEW: 'true', SITE_OUTPUT_DIR: '/tmp/out' }, noFile).outputDir).toBe('/tmp/out');
  });

  it('reads the safety overlap of an incremental fetch, 2 minutes unless set', () => {
    expect(parseEnv({ STRAPI_TOKEN: TOKEN }, noFile).contentOverlapMs).toBe(120_000);
    expect(parseEnv({ STRAPI_TOKEN: TOKEN, SITE_CONTENT_OVERLAP_MS: '0' }, noFile).contentOverlapMs).toBe(0);
    // Body images: from the CMS, and from where its uploads are served when that is elsewhere (a bucket).
    expect(parseEnv({ STRAPI_TOKEN: TOKEN, STRAPI_URL: 'https://cms.example.org/' }, noFile).mediaOrigins).toEqual(['https://cms.example.org']);
    expect(
      parseEnv({ STRAPI_TOKEN: TOKEN, STRAPI_URL: 'https://cms.example.org', SITE_MEDIA_ORIGINS: 'https://media.example.org/uploads, http://127.0.0.1:4569' }, noFile).mediaOrigins,
    ).toEqual(['https://cms.example.org', 'https://media.example.org', 'http://127.0.0.1:4569']);
    expect(() => parseEnv({ STRAPI_TOKEN: TOKEN, SITE_MEDIA_ORIGINS: 'media.example.org' }, noFile)).toThrow(/SITE_MEDIA_ORIGINS must be an http\(s\) URL/);
    expect(() => parseEnv({ STRAPI_TOKEN: TOKEN, SITE_CONTENT_OVERLAP_MS: '2m' }, noFile)).toThrow(/SITE_CONTENT_OVERLAP_MS must be a number of milliseconds, not "2m"/);
  });

  it("reads how many pages a part of a language's search index holds, 250 unless set", () => {
    expect(parseEnv({ STRAPI_TOKEN: TOKEN }, noFile).searchPartPages).toBe(250);
    expect(parseEnv({ STRAPI_TOKEN: TOKEN, SITE_SEARCH_PART_PAGES: '3' }, noFile).searchPartPages).toBe(3);
    expect(() => parseEnv({ STRAPI_TOKEN: TOKEN, SITE_SEARCH_PART_PAGES: '0' }, noFile)).toThrow(/SITE_SEARCH_PART_PAGES must be a whole number of pages, 1 or more, not "0"/);
  });

  it('says what to set when the token is missing', () => {
    expect(() => parseEnv({}, noFile)).toThrow(EnvError);
    expect(() => parseEnv({}, noFile)).toThrow(/STRAPI_TOKEN is not set/);
  });

  it('uses the token the local CMS wrote when none is set', () => {
    const file = tempFile('token');
    fs.writeFileSync(file, `${TOKEN}\n`);
    expect(parseEnv({}, file).strapiToken).toBe(TOKEN);
    expect(parseEnv({ STRAPI_TOKEN_FILE: file }).strapiToken).toBe(TOKEN);
  });

  it('refuses malformed values', () => {
    expect(() => parseEnv({ STRAPI_TOKEN: 'short' }, noFile)).toThrow(/does not look like a Strapi API token/);
    expect(() => parseEnv({ STRAPI_TOKEN: TOKEN, STRAPI_URL: 'localhost:1337' }, noFile)).toThrow(/STRAPI_URL must be an http\(s\) URL/);
    expect(() => parseEnv({ STRAPI_TOKEN: TOKEN, SITE_URL: 'ftp://x' }, noFile)).toThrow(/SITE_URL/);
  });
});

describe('parseServerEnv (start, dev and script settings)', () => {
  it('has the documented defaults and needs no token', () => {
    const env = parseServerEnv({});
    expect(env).toMatchObject({ strapiUrl: 'http://localhost:1337', siteUrl: undefined, sitePort: 8080, previewPort: 8081, host: '127.0.0.1', chromiumPath: undefined });
    expect(env.outputDirs.site.endsWith(`${path.sep}_site`)).toBe(true);
    expect(env.outputDirs.preview.endsWith(`${path.sep}_preview`)).toBe(true);
  });

  it('reads what is set', () => {
    const env = parseServerEnv({
      STRAPI_URL: 'http://cms.test:1400/',
      SITE_URL: 'https://example.org/',
      SITE_PORT: '9000',
      SITE_PREVIEW_PORT: '9001',
      SITE_HOST: '0.0.0.0',
      CHROMIUM_PATH: '/opt/chromium',
    });
    expect(env).toMatchObject({ strapiUrl: 'http://cms.test:1400', siteUrl: 'https://example.org', sitePort: 9000, previewPort: 9001, host: '0.0.0.0', chromiumPath: '/opt/chromium' });
  });

  it('gives the preview its own output folder and address, and reads the rebuild secret', () => {
    const env = parseServerEnv({ SITE_OUTPUT_DIR: '/tmp/site', SITE_PREVIEW_OUTPUT_DIR: '/tmp/preview', SITE_PREVIEW_PORT: '9001', SITE_REBUILD_SECRET: ' a-long-random-shared-secret ' });
    expect(env.outputDirs).toEqual({ site: '/tmp/site', preview: '/tmp/preview' });
    expect(env.previewUrl).toBe('http://localhost:9001');
    expect(parseServerEnv({ SITE_PREVIEW_URL: 'https://preview.example.org/' }).previewUrl).toBe('https://preview.example.org');
    expect(readRebuildSecret(env)).toBe('a-long-random-shared-secret');
    expect(() => parseServerEnv({ SITE_REBUILD_SECRET: 'short' })).toThrow(/SITE_REBUILD_SECRET must be a long random string/);
  });

  it('reads the rebuild secret the local CMS wrote, when it has', () => {
    const file = tempFile('.rebuild-secret');
    const env = parseServerEnv({ SITE_REBUILD_SECRET_FILE: file });
    expect(readRebuildSecret(env)).toBeUndefined();
    fs.writeFileSync(file, 'written-by-the-cms-on-boot\n');
    expect(readRebuildSecret(env)).toBe('written-by-the-cms-on-boot');
    fs.writeFileSync(file, 'short\n');
    expect(readRebuildSecret(env)).toBeUndefined();
  });

  it('names the variable and its default when a port is wrong', () => {
    expect(() => parseServerEnv({ SITE_PORT: 'eighty' })).toThrow(/SITE_PORT must be a port number .*default 8080.*"eighty"/);
    expect(() => parseServerEnv({ SITE_PREVIEW_PORT: '70000' })).toThrow(/SITE_PREVIEW_PORT must be a port number .*default 8081/);
    expect(() => parseServerEnv({ STRAPI_URL: 'cms' })).toThrow(EnvError);
  });
});

describe('readEnv and readServerEnv', () => {
  it('check process.env once and then return the same settings', () => {
    expect(readServerEnv()).toBe(readServerEnv());
    const file = tempFile('token');
    fs.writeFileSync(file, `${TOKEN}\n`);
    const saved = { ...process.env };
    try {
      process.env.STRAPI_TOKEN_FILE = file;
      delete process.env.STRAPI_TOKEN;
      const first = readEnv();
      process.env.STRAPI_URL = 'not a url';
      expect(readEnv()).toBe(first);
    } finally {
      process.env = saved;
    }
  });
});
