import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from '../../src/env.js';

const TOKEN = 'a1'.repeat(40);
const noFile = path.join(os.tmpdir(), 'solace-no-such-token-file');

describe('readEnv', () => {
  it('reads the CMS URL and token, with local defaults', () => {
    const env = readEnv({ STRAPI_TOKEN: TOKEN }, noFile);
    expect(env.strapiUrl).toBe('http://localhost:1337');
    expect(env.graphqlUrl).toBe('http://localhost:1337/graphql');
    expect(env.siteUrl).toBe('http://localhost:8080');
    expect(env.outputDir.endsWith(`${path.sep}_site`)).toBe(true);
  });

  it('says what to set when the token is missing', () => {
    expect(() => readEnv({}, noFile)).toThrow(EnvError);
    expect(() => readEnv({}, noFile)).toThrow(/STRAPI_TOKEN is not set/);
  });

  it('uses the token the local CMS wrote when none is set', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'solace-env-')), 'token');
    fs.writeFileSync(file, `${TOKEN}\n`);
    expect(readEnv({}, file).strapiToken).toBe(TOKEN);
  });

  it('refuses malformed values', () => {
    expect(() => readEnv({ STRAPI_TOKEN: 'short' }, noFile)).toThrow(/does not look like a Strapi API token/);
    expect(() => readEnv({ STRAPI_TOKEN: TOKEN, STRAPI_URL: 'localhost:1337' }, noFile)).toThrow(/STRAPI_URL must be an http\(s\) URL/);
    expect(() => readEnv({ STRAPI_TOKEN: TOKEN, SITE_URL: 'ftp://x' }, noFile)).toThrow(/SITE_URL/);
  });
});
