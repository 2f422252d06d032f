// What the current code expects of the database: the Strapi version and a hash of every content
// type's and component's schema. Strapi is only registered (config, plugins, content types), never
// bootstrapped, so this touches no database.
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { appDir, distDir } from './load-strapi.mjs';

const require = createRequire(import.meta.url);

/** JSON with object keys sorted at every level, so equal schemas always hash alike. */
export function stableJson(value) {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined && typeof value[key] !== 'function')
      .map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const schemaOf = (model) => ({
  collectionName: model.collectionName,
  kind: model.kind ?? 'component',
  draftAndPublish: model.options?.draftAndPublish ?? false,
  localized: model.pluginOptions?.i18n?.localized ?? false,
  attributes: model.attributes,
});

export async function describeCode() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir }).register();
  try {
    const models = { ...strapi.contentTypes, ...strapi.components };
    const schemas = Object.fromEntries(Object.entries(models).map(([uid, model]) => [uid, schemaOf(model)]));
    // The project's own types (api::*), whatever they are now, for the counts in the manifest.
    const contentTypes = Object.entries(strapi.contentTypes)
      .filter(([uid]) => uid.startsWith('api::'))
      .map(([uid, type]) => ({
        uid,
        table: type.collectionName,
        localized: 'locale' in type.attributes,
        draftAndPublish: 'publishedAt' in type.attributes,
      }))
      .sort((a, b) => a.uid.localeCompare(b.uid));
    return {
      strapiVersion: require('@strapi/strapi/package.json').version,
      schemaHash: crypto.createHash('sha256').update(stableJson(schemas)).digest('hex'),
      contentTypes,
    };
  } finally {
    await strapi.destroy();
  }
}
