import type { Core } from '@strapi/strapi';
import type { SolaceConfig } from '../config/solace';

/** Solace's settings (config/solace.ts), as Strapi loaded them: src/ never reads process.env. */
export function solaceConfig(strapi: Core.Strapi): SolaceConfig {
  return strapi.config.get<SolaceConfig>('solace');
}
