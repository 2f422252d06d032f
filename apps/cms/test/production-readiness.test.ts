import fs from 'node:fs';
import path from 'node:path';
import { env } from '@strapi/utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import solace from '../config/solace';
import { productionProblems } from '../src/security/production-readiness';

const strong = (seed: string) => `${seed}-${'x'.repeat(30)}`;
const good = () => ({
  secrets: {
    APP_KEYS: [strong('a'), strong('b')],
    API_TOKEN_SALT: strong('c'),
    ADMIN_JWT_SECRET: strong('d'),
    TRANSFER_TOKEN_SALT: strong('e'),
    JWT_SECRET: strong('f'),
    ENCRYPTION_KEY: strong('g'),
  } as Record<string, string | string[] | undefined>,
  adminPassword: 'Tulip-harbour-47-lantern',
});

describe('productionProblems', () => {
  it('finds nothing wrong with long, distinct secrets and a strong password', () => {
    expect(productionProblems(good())).toEqual([]);
  });

  it('names every missing, placeholder and short secret at once', () => {
    const settings = good();
    Object.assign(settings.secrets, {
      APP_KEYS: ['key1', 'key2'],
      API_TOKEN_SALT: 'change-me',
      ADMIN_JWT_SECRET: undefined,
      TRANSFER_TOKEN_SALT: '',
      JWT_SECRET: 'short-but-random',
      ENCRYPTION_KEY: 'change-me-change-me-change-me-change-me',
    });
    expect(productionProblems(settings)).toEqual([
      expect.stringMatching(/^APP_KEYS \(key 1\) is a placeholder/),
      expect.stringMatching(/^APP_KEYS \(key 2\) is a placeholder/),
      expect.stringMatching(/^API_TOKEN_SALT is a placeholder/),
      'ADMIN_JWT_SECRET is missing.',
      'TRANSFER_TOKEN_SALT is missing.',
      'JWT_SECRET is too short (16 characters, at least 24).',
      expect.stringMatching(/^ENCRYPTION_KEY is a placeholder/),
    ]);
  });

  it('refuses every placeholder apps/cms/.env.example shows', () => {
    const example = Object.fromEntries(
      fs
        .readFileSync(path.join(__dirname, '..', '.env.example'), 'utf8')
        .split('\n')
        .map((line) => /^([A-Z_]+)=(.*)$/.exec(line))
        .filter((match) => match !== null)
        .map((match) => [match[1], match[2]]),
    );
    const names = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY', 'SITE_REBUILD_SECRET'];
    const secrets = Object.fromEntries(names.map((name) => [name, name === 'APP_KEYS' ? example[name].split(',') : example[name]]));
    const problems = productionProblems({ secrets, adminPassword: example.ADMIN_PASSWORD });
    for (const name of [...names, 'ADMIN_PASSWORD']) {
      expect(problems.some((problem) => problem.startsWith(name)), name).toBe(true);
    }
  });

  it('refuses one secret reused for another', () => {
    const settings = good();
    settings.secrets.JWT_SECRET = settings.secrets.ADMIN_JWT_SECRET;
    expect(productionProblems(settings)).toEqual(['JWT_SECRET repeats ADMIN_JWT_SECRET: every secret must be different.']);
  });

  it('checks the rebuild secret when one is configured', () => {
    const settings = good();
    settings.secrets.SITE_REBUILD_SECRET = 'rebuild';
    expect(productionProblems(settings)).toEqual(['SITE_REBUILD_SECRET is too short (7 characters, at least 24).']);
  });

  it.each([
    ['the .env.example value', 'Change-me-1', /placeholder or a common password/],
    ['a common password', 'Password1234', /placeholder or a common password/],
    ['one repeated character', 'aaaaaaaaaaaaaaa', /placeholder or a common password/],
    ['a short password', 'Tulip-47-x', /too short \(10 characters, at least 12\)/],
  ])('refuses %s as the initial admin password', (_, adminPassword, message) => {
    const problems = productionProblems({ ...good(), adminPassword });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^ADMIN_PASSWORD is (a )?${message.source}`));
  });

  it('has no opinion on the password when no admin is created from the environment', () => {
    expect(productionProblems({ ...good(), adminPassword: '' })).toEqual([]);
  });
});

describe('demo content by default', () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    ['development', true],
    ['production', false],
  ])('in %s: %s, unless SEED_DEMO_CONTENT says otherwise', (nodeEnv, seeded) => {
    vi.stubEnv('NODE_ENV', nodeEnv);
    vi.stubEnv('SEED_DEMO_CONTENT', '');
    expect(solace({ env }).seedDemoContent).toBe(seeded);
    vi.stubEnv('SEED_DEMO_CONTENT', String(!seeded));
    expect(solace({ env }).seedDemoContent).toBe(!seeded);
  });
});
