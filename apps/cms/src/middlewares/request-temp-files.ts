import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

type TempFile = { filepath?: string; path?: string };
type Context = { request: { files?: Record<string, TempFile | TempFile[]> } };

/** Only a copy in the system's temp folder (where strapi::body writes a request's files) is ever removed. */
const isInTempFolder = (file: string) => path.resolve(file).startsWith(path.resolve(os.tmpdir()) + path.sep);

/** The paths of a request's uploaded files (koa-body: one file or a list per field). */
export function tempFilesOf(files: Record<string, TempFile | TempFile[]> | undefined) {
  return Object.values(files ?? {})
    .flat()
    .map((file) => file.filepath ?? file.path)
    .filter((file): file is string => typeof file === 'string' && isInTempFolder(file));
}

/**
 * A request's uploaded files never outlive it. strapi::body writes them to the temp folder; Strapi
 * removes those it stores, but not those it drops before storing (a script or a web page sent as
 * what it is) nor those of a refused or failed upload, so any signed-in editor could fill the
 * disk. Goes before strapi::body, so it sees the parsed files once the request is answered, and
 * removes them before the answer is sent.
 */
export default () => async (ctx: Context, next: () => Promise<unknown>) => {
  try {
    await next();
  } finally {
    await Promise.all(tempFilesOf(ctx.request.files).map((file) => fs.rm(file, { force: true })));
  }
};
