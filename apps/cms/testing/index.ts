export { startCms, CMS_DIR, type CmsConnection, type RunningCms } from './cms';
export { adminLogin, createApiToken, graphql } from './admin';
export { execSql, querySql } from './database';
