import { AsyncLocalStorage } from 'node:async_hooks';
import net from 'node:net';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { Agent, buildConnector } from 'undici';
import { PrivateAddressError, assertPublicHost, isPublicAddress, lookupAllowing, unbracket } from './public-address';

/**
 * An undici dispatcher that connects only to public addresses: names are resolved by
 * lookupAllowing at connect time and IP literals are checked before connecting. Each redirect
 * is a new connection, so a public URL that redirects to 127.0.0.1 is refused too, as is a name
 * that resolves differently on the second lookup (DNS rebinding).
 */
export function createPublicOnlyAgent(isAllowed: (address: string) => boolean = isPublicAddress) {
  const connect = buildConnector({ lookup: lookupAllowing(isAllowed) } as buildConnector.BuildOptions);
  return new Agent({
    connect: (options, callback) => {
      const host = unbracket(options.hostname);
      if (net.isIP(host) && !isAllowed(host)) return callback(new PrivateAddressError(host, host), null);
      return connect(options, callback);
    },
  });
}

const guarded = new AsyncLocalStorage<true>();

function privateAddressCause(error: unknown): PrivateAddressError | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current instanceof PrivateAddressError) return current;
  }
  return undefined;
}

/**
 * Strapi 5.54's media library can upload from a URL, fetched by the server
 * (POST /upload/actions/upload-from-urls). Strapi checks the first address a name resolves to
 * against a short list, but not 0.0.0.0, carrier-grade NAT or the like, and follows redirects
 * unchecked. Here every URL is checked first (a clear message), and the fetch itself runs through
 * the public-only dispatcher (redirects and DNS rebinding).
 */
export function guardUploadFromUrl(strapi: Core.Strapi) {
  const agent = createPublicOnlyAgent();
  const strapiFetch = strapi.fetch as typeof strapi.fetch & { dispatcher?: unknown };
  const configured = strapiFetch.dispatcher;
  // strapi.fetch reads its dispatcher on every call: inside an upload-from-URL fetch, the guarded one.
  // A configured outbound proxy (server.proxy) stays in charge of every other request.
  Object.defineProperty(strapiFetch, 'dispatcher', {
    configurable: true,
    get: () => (guarded.getStore() && !configured ? agent : configured),
  });

  strapi.get('services').extend('plugin::upload.file', (service: Record<string, (...args: unknown[]) => Promise<unknown>>) => ({
    ...service,
    async fetchUrlToInputFile(url: string, ...rest: unknown[]) {
      try {
        if (URL.canParse(url)) await assertPublicHost(new URL(url));
        return await guarded.run(true, () => service.fetchUrlToInputFile!(url, ...rest));
      } catch (error) {
        const refused = privateAddressCause(error);
        if (refused) throw new errors.ApplicationError(`Refused ${url}: ${refused.message}`);
        throw error;
      }
    },
  }));
}
