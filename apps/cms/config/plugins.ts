export default ({ env }) => ({
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // Strapi ships these unbounded: a page is at most 100 documents, a query at most 10 levels deep.
      defaultLimit: 25,
      maxLimit: 100,
      depthLimit: 10,
      landingPage: env.bool('GRAPHQL_PLAYGROUND', false),
      apolloServer: {
        // Introspection feeds the committed schema.graphql; anonymous requests never reach Apollo
        // (see src/middlewares/graphql-auth.ts).
        introspection: true,
      },
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
    },
  },
  upload: {
    config: {
      sizeLimit: 10 * 1024 * 1024,
    },
  },
});
