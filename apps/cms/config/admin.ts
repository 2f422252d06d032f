import { sitePath } from '../src/preview';

export default ({ env }) => {
  // The site's preview build (drafts included); `pnpm start` serves it on :8081.
  const previewUrl: string = env('PREVIEW_URL', '');
  return {
    auth: {
      secret: env('ADMIN_JWT_SECRET'),
    },
    apiToken: {
      salt: env('API_TOKEN_SALT'),
    },
    transfer: {
      token: {
        salt: env('TRANSFER_TOKEN_SALT'),
      },
    },
    secrets: {
      encryptionKey: env('ENCRYPTION_KEY'),
    },
    flags: {
      nps: false,
      promoteEE: false,
    },
    preview: {
      enabled: previewUrl !== '',
      config: {
        allowedOrigins: previewUrl ? [new URL(previewUrl).origin] : [],
        async handler(uid: string, target: { documentId: string; locale?: string; status?: 'draft' | 'published' }) {
          return new URL(await sitePath(strapi, uid, target), previewUrl).toString();
        },
      },
    },
  };
};
