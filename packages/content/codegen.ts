import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the committed CMS schema (schema.graphql, refreshed by `pnpm export-schema`).
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/documents/**/*.graphql'],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { ID: 'string', Date: 'string', DateTime: 'string', JSON: 'unknown', Long: 'number' },
      },
    },
  },
};

export default config;
