import { ContentValidationError } from '@solace/content';
import { describe, expect, it } from 'vitest';
import { describeBuildError } from '../../src/rebuild-error.js';
import { secretMatches, targetsFor, triggerFromWebhook } from '../../src/rebuild-webhook.js';

const at = new Date('2026-03-03T12:04:00.000Z');

describe('a call from the CMS’s rebuild webhook', () => {
  it('records the event, content type, document and locale as the trigger', () => {
    const payload = { event: 'entry.publish', model: 'article', uid: 'api::article.article', entry: { documentId: 'abc123', locale: 'es', publishedAt: '2026-03-03T12:03:59.000Z' } };
    expect(triggerFromWebhook(payload, at)).toEqual({ event: 'entry.publish', uid: 'api::article.article', documentId: 'abc123', locale: 'es', at: '2026-03-03T12:04:00.000Z' });
    expect(triggerFromWebhook({ event: 'media.update', media: { documentId: 'file1' } }, at)).toMatchObject({ uid: null, documentId: 'file1', locale: null });
    expect(triggerFromWebhook(null, at)).toEqual({ event: 'unknown', uid: null, documentId: null, locale: null, at: '2026-03-03T12:04:00.000Z' });
    expect(triggerFromWebhook({ event: 42, entry: 'x' }, at)).toMatchObject({ event: 'unknown', documentId: null });
  });

  it('rebuilds only the preview for a saved draft, both for anything else', () => {
    expect(targetsFor({ event: 'entry.update', entry: { publishedAt: null } })).toEqual(['preview']);
    expect(targetsFor({ event: 'entry.create', entry: { publishedAt: null } })).toEqual(['preview']);
    expect(targetsFor({ event: 'entry.update', entry: { publishedAt: '2026-03-03T12:00:00.000Z' } })).toEqual(['site', 'preview']);
    for (const event of ['entry.publish', 'entry.unpublish', 'entry.delete', 'media.update']) {
      expect(targetsFor({ event, entry: { publishedAt: null } }), event).toEqual(['site', 'preview']);
    }
    expect(targetsFor({})).toEqual(['site', 'preview']);
  });

  it('compares secrets exactly', () => {
    expect(secretMatches('same-secret', 'same-secret')).toBe(true);
    expect(secretMatches('same-secreT', 'same-secret')).toBe(false);
    expect(secretMatches('same-secret-', 'same-secret')).toBe(false);
    expect(secretMatches(undefined, 'same-secret')).toBe(false);
    expect(secretMatches('', '')).toBe(false);
    expect(secretMatches('x', undefined)).toBe(false);
  });
});

describe('a failed build, as the CMS shows it', () => {
  it('names the entry and field when content is at fault', () => {
    const error = new ContentValidationError({ type: 'article', documentId: 'abc123', locale: 'en' }, [{ path: 'slug', message: 'is missing' }]);
    expect(describeBuildError(error)).toEqual({
      message: 'Invalid article "abc123" (locale en): slug: is missing',
      entry: { type: 'article', documentId: 'abc123', locale: 'en', field: 'slug' },
    });
    const whole = new ContentValidationError({ type: 'topic' }, [{ path: '', message: 'duplicate' }]);
    expect(describeBuildError(whole).entry).toEqual({ type: 'topic', documentId: null, locale: null, field: null });
  });

  it('has only the message otherwise', () => {
    expect(describeBuildError(new Error('Cannot reach the CMS'))).toEqual({ message: 'Cannot reach the CMS', entry: null });
  });
});
