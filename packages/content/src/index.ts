export * from './domain.js';
export { createContentClient, type ContentClient, type ContentClientOptions } from './client.js';
export { createDownloader, type Download, type DownloaderOptions } from './download.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
export { ContentFetchError, ContentValidationError } from './errors.js';
export { checkAhead, loadSiteContent, loadSiteContentSince, trustKeptNodes } from './load.js';
export { CONTENT_NODES_FORMAT, type ContentNodes, type FetchReport } from './load/incremental.js';
export { summarizeNodes, type KeptContent, type KeptNodesRead, type KeptSummary } from './load/kept.js';
// The find-care benchmark maps the CMS's demo listings with the same mapper as the build.
export { toProvider, type ProviderNode } from './content-types/provider.js';
// The fetch benchmark asks for the articles exactly as a build does, at its page size.
export { articlesQuery } from './content-types/article.js';
export { PAGE_SIZE } from './load/collections.js';
// The site links the content's values into its pages the same way (lasting values, mapped once).
export { isLasting, makeLasting, rememberMapping } from './lasting.js';
export { fetchSchemaSdl } from './schema-introspection.js';
