import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

/**
 * Apollo installs its cache-control plugin unless told not to. It runs a hook on every field of
 * every record (a page of 100 articles: thousands of calls and objects) to work out a cache
 * policy from cache hints, and Strapi gives none: every answer came out uncacheable, sent with
 * `cache-control: no-store`. This turns the plugin off and says `no-store` on every answer, as
 * it did: the answers are per token and must not be kept by a browser or a proxy.
 */
const noStore = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }: { response: { http: { headers: Map<string, string> } } }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

export const graphqlCacheControlPlugins = [ApolloServerPluginCacheControlDisabled(), noStore];
