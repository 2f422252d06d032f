// `pnpm --filter @solace/content export-schema`: boots the built CMS on a throwaway database,
// writes its GraphQL schema to schema.graphql and regenerates the typed documents.
import fs from 'node:fs/promises';
import { startCms } from '@solace/cms/testing';
import { fetchSchemaSdl } from '../src/schema-introspection.js';
import { SCHEMA_FILE } from './paths.js';

// Development: a production CMS answers no introspection query.
const cms = await startCms({ seed: false, mode: 'development' });
try {
  await fs.writeFile(SCHEMA_FILE, await fetchSchemaSdl(cms.graphqlUrl, cms.siteToken));
  console.log(`Wrote ${SCHEMA_FILE}`);
} finally {
  await cms.dispose();
}
