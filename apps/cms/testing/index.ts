export { startCms, createSharedDatabase, freePort, sharedSecrets, waitUntilHealthy, CMS_DIR, type CmsConnection, type RunningCms } from './cms';
export { adminLogin, createApiToken, graphql } from './admin';
export { countTables, execSql, querySql, makeTempDir } from './database';
export { buildSite, compareTrees } from './site-build';
export { strapiStartArgs } from '../scripts/strapi-server.mjs';
