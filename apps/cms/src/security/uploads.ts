import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ALLOWED_UPLOAD_TYPES, readFileStart, sniffUploadType } from './upload-types';

export type IncomingFile = { filepath?: string; path?: string; originalFilename?: string; name?: string; mimetype?: string; type?: string };

const describe = (file: IncomingFile) => file.originalFilename ?? file.name ?? 'the file';
const ALLOWED_LIST = 'JPEG, PNG, WebP, AVIF or GIF images, or PDF';

/**
 * Refuses a file unless its content is one of the allowed types and the declared type, when
 * there is one, agrees with it. Strapi's own check (plugin::upload security.allowedTypes) trusts
 * the file name when it cannot recognise the content, so an HTML page named photo.png passes it.
 */
export async function assertAllowedUpload(file: IncomingFile) {
  const filePath = file.filepath ?? file.path;
  const detected = filePath ? sniffUploadType(await readFileStart(filePath)) : null;
  if (!detected) {
    throw new errors.ValidationError(`${describe(file)} is not an allowed file: upload ${ALLOWED_LIST} files only.`, {
      allowedTypes: ALLOWED_UPLOAD_TYPES,
    });
  }
  const declared = (file.mimetype ?? file.type ?? '').split(';')[0]!.trim().toLowerCase();
  if (declared && declared !== 'application/octet-stream' && declared !== detected) {
    throw new errors.ValidationError(`${describe(file)} was sent as ${declared} but its content is ${detected}: upload ${ALLOWED_LIST} files only.`, {
      allowedTypes: ALLOWED_UPLOAD_TYPES,
    });
  }
}

/**
 * Refuses the whole upload if any file is not allowed. The request's files are then removed from
 * the temp folder by src/middlewares/request-temp-files.ts, as every request's are.
 */
async function assertAllAllowed(files: IncomingFile | IncomingFile[] | undefined) {
  const list = Array.isArray(files) ? files : files ? [files] : [];
  for (const file of list) await assertAllowedUpload(file);
}

/**
 * Every way a file gets stored goes through the upload service's upload() or replace(): the
 * admin's media library (new files, replacing a file, upload from URL), the REST /api/upload
 * and the seed. Checking there covers them all, whichever route they came by.
 */
export function enforceUploadAllowlist(strapi: Core.Strapi) {
  strapi.get('services').extend('plugin::upload.upload', (service: Record<string, (...args: unknown[]) => Promise<unknown>>) => ({
    ...service,
    async upload(input: { files?: IncomingFile | IncomingFile[] }, ...rest: unknown[]) {
      await assertAllAllowed(input?.files);
      return service.upload!(input, ...rest);
    },
    async replace(id: unknown, input: { file?: IncomingFile }, ...rest: unknown[]) {
      await assertAllAllowed(input?.file);
      return service.replace!(id, input, ...rest);
    },
  }));
}
