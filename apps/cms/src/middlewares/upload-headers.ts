import { INLINE_UPLOAD_TYPES } from '../security/upload-types';

/**
 * Uploaded files are served from the CMS's own origin, next to the admin. So that no file there
 * can act as a page of that origin (whatever was uploaded before the allowlist existed):
 * browsers must not guess a type (nosniff), anything that is not an image is a download, and
 * even a document opened directly gets a sandbox with no script.
 */
export default () => {
  const prefix = '/uploads/';
  return async (ctx, next) => {
    await next();
    if (!ctx.path.startsWith(prefix) || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return;
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
    // The browser keeps the file name from the URL.
    if (!INLINE_UPLOAD_TYPES.includes((ctx.response.type || '').toLowerCase())) ctx.set('Content-Disposition', 'attachment');
  };
};
