export * from './domain.js';
export { createContentClient, type ContentClient, type ContentClientOptions } from './client.js';
export { ContentFetchError, ContentValidationError } from './errors.js';
export { loadSiteContent } from './load.js';
export { fetchSchemaSdl } from './schema-introspection.js';
