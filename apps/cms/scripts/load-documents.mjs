// The site's own GraphQL documents, exactly as packages/content sends them: read from the code
// that package generates (src/generated/graphql.ts holds each operation as a JSON document AST),
// printed back to query text. A script of the CMS cannot import the TypeScript package itself.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { appDir } from './load-strapi.mjs';

const require = createRequire(import.meta.url);
const GENERATED = path.resolve(appDir, '../../packages/content/src/generated/graphql.ts');

/** The operations a public site build sends (previews add ArticleDrafts), by operation name. */
export const SITE_OPERATIONS = ['Locales', 'Global', 'SelfAssessment', 'InterfaceTexts', 'Topics', 'Authors', 'Articles', 'Providers'];

export function siteDocuments() {
  const { print } = require('graphql');
  const source = fs.readFileSync(GENERATED, 'utf8');
  const documents = new Map();
  for (const match of source.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as DocumentNode</gm)) {
    documents.set(match[1], print(JSON.parse(match[2])));
  }
  const missing = SITE_OPERATIONS.filter((name) => !documents.has(name));
  if (missing.length > 0) {
    throw new Error(`${path.relative(process.cwd(), GENERATED)} has no ${missing.join(', ')} document: regenerate it (pnpm --filter @solace/content codegen).`);
  }
  return new Map(SITE_OPERATIONS.map((name) => [name, documents.get(name)]));
}
