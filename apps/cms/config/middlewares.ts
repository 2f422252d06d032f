import type { Core } from '@strapi/strapi';
import { corsOrigins } from '../src/security/cors-origins';
import { objectStorage } from '../src/setup/object-storage';

/** Request bodies are refused past these sizes while they are read, before any parsing. */
const BODY_LIMITS = { jsonLimit: '1mb', formLimit: '256kb', textLimit: '256kb' };

export default ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
  'strapi::errors',
  {
    name: 'strapi::security',
    config: {
      // With uploads in object storage the admin shows them from the bucket (or its CDN).
      contentSecurityPolicy: { directives: mediaSources(objectStorage(env)?.publicOrigin) },
    },
  },
  {
    name: 'strapi::cors',
    config: {
      origin: corsOrigins({
        publicUrl: env('PUBLIC_URL', ''),
        port: env.int('PORT', 1337),
        previewUrl: env('PREVIEW_URL', ''),
        extra: env.array('CORS_ORIGINS', []),
      }),
      credentials: true,
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  // Before strapi::body: removes the request's uploaded files from the temp folder once it is answered.
  'global::request-temp-files',
  {
    name: 'strapi::body',
    config: {
      ...BODY_LIMITS,
      // The upload plugin's sizeLimit (config/plugins.ts), enforced while the file streams in.
      formidable: { maxFileSize: 10 * 1024 * 1024 },
    },
  },
  // After strapi::body: a request with any file that is not allowed is refused whole, before any route.
  'global::upload-allowlist',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
  'global::upload-headers',
  'global::graphql-auth',
];

/** Strapi's default img-src and media-src (its defaults are merged under these), plus the media origin. */
function mediaSources(origin: string | undefined) {
  const extra = origin ? [origin] : [];
  return {
    'img-src': ["'self'", 'data:', 'blob:', 'https://market-assets.strapi.io', ...extra],
    'media-src': ["'self'", 'data:', 'blob:', ...extra],
  };
}
