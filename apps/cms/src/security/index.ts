import type { Core } from '@strapi/strapi';
import { assertProductionReady } from './production-readiness';
import { enforceUploadAllowlist } from './uploads';
import { guardUploadFromUrl } from './url-fetch-guard';

/** Solace's hardening, registered before anything else runs. */
export function registerSecurity(strapi: Core.Strapi) {
  assertProductionReady(strapi);
  enforceUploadAllowlist(strapi);
  guardUploadFromUrl(strapi);
}
