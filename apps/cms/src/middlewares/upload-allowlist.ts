import { assertAllowedUpload, type IncomingFile } from '../security/uploads';

type Context = { request: { files?: Record<string, IncomingFile | IncomingFile[]> } };

/**
 * Every file of a request is checked before any route sees it, and one that is not allowed
 * refuses the whole request with its name. Strapi's upload routes drop some files themselves
 * (a script or a web page sent as what it is) and store the others of the same request without a
 * word, so an editor who sent three files would find two and never be told why. Goes after
 * strapi::body (which parses the files); the upload service checks again whatever reaches it
 * by other ways (upload from a URL, the seed): src/security/uploads.ts.
 */
export default () => async (ctx: Context, next: () => Promise<unknown>) => {
  for (const file of Object.values(ctx.request.files ?? {}).flat()) await assertAllowedUpload(file);
  await next();
};
