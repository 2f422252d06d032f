import type { Core } from '@strapi/strapi';

const normalise = (path: string) => path.replace(/\/+$/, '').toLowerCase();

/**
 * Refuses anonymous requests to the GraphQL endpoint before Apollo sees them, so that not even
 * the schema (introspection) is readable without an API token.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const endpoint = normalise(strapi.plugin('graphql').config('endpoint') as string);

  return async (ctx, next) => {
    // The router also matches /GraphQL and /graphql/: compare the way it does.
    if (normalise(ctx.path) === endpoint && ctx.method !== 'OPTIONS' && !ctx.get('authorization')) {
      ctx.status = 401;
      ctx.body = {
        data: null,
        errors: [
          {
            message: 'Missing or invalid credentials: send an API token as "Authorization: Bearer <token>".',
            extensions: { error: { name: 'UnauthorizedError', status: 401 } },
          },
        ],
      };
      return;
    }
    await next();
  };
};
