import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, startCms, type RunningCms } from '../testing';

// Boots CMSs of its own, with NODE_ENV=production (the harness's default) and chosen settings.
describe('NODE_ENV=production', () => {
  it('refuses to start on laptop settings, naming every problem', async () => {
    const attempt = startCms({
      seed: false,
      env: {
        APP_KEYS: 'key1,key2,key3,key4',
        API_TOKEN_SALT: 'change-me',
        ADMIN_JWT_SECRET: '',
        TRANSFER_TOKEN_SALT: 'too-short',
        JWT_SECRET: 'change-me',
        ADMIN_PASSWORD: 'Change-me-1',
        SITE_REBUILD_SECRET: 'eighteen-chars-xyz',
      },
    });
    const error = await attempt.then(
      () => new Error('the CMS started'),
      (refusal: Error) => refusal,
    );
    expect(error.message).toMatch(/Refusing to start with NODE_ENV=production/);
    for (const problem of [
      'APP_KEYS (key 1) is a placeholder',
      'APP_KEYS (key 4) is a placeholder',
      'API_TOKEN_SALT is a placeholder',
      'ADMIN_JWT_SECRET is missing',
      'TRANSFER_TOKEN_SALT is too short (9 characters, at least 24)',
      'JWT_SECRET is a placeholder',
      'SITE_REBUILD_SECRET is too short (18 characters, at least 24)',
      'ADMIN_PASSWORD is a placeholder or a common password',
    ]) {
      expect(error.message).toContain(problem);
    }
    // ENCRYPTION_KEY was a good one (the harness's).
    expect(error.message).not.toContain('ENCRYPTION_KEY');
  });

  it('refuses a short initial admin password', async () => {
    await expect(startCms({ seed: false, env: { ADMIN_PASSWORD: 'Tulip-47-Aa' } })).rejects.toThrow(
      /ADMIN_PASSWORD is too short \(11 characters, at least 12\)/,
    );
  });

  describe('with good settings and SEED_DEMO_CONTENT unset', () => {
    let cms: RunningCms;
    beforeAll(async () => {
      cms = await startCms({ env: { SEED_DEMO_CONTENT: '' } });
    });
    afterAll(async () => {
      await cms?.dispose();
    });

    it('starts, without the demo content', async () => {
      const res = await graphql<{ articles: unknown[]; providers: unknown[] }>(
        cms,
        '{ articles(locale: "en") { title } providers(locale: "en") { name } }',
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ articles: [], providers: [] });
    });
  });
});
