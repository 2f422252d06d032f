// How `pnpm translations` reaches the running CMS: its admin API, logged in as an administrator.
import fs from 'node:fs';
import path from 'node:path';
import { appDir, readConfig } from './load-strapi.mjs';

export class CliError extends Error {}

/**
 * STRAPI_URL (else the address in apps/cms's own settings) and either STRAPI_ADMIN_TOKEN (an admin
 * access token: no login) or the administrator's ADMIN_EMAIL / ADMIN_PASSWORD, from the environment,
 * else from apps/cms/.env as the CMS reads them.
 */
export function readClientSettings() {
  const envFile = path.join(appDir, '.env');
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile);
  /* eslint-disable no-restricted-properties -- which CMS to talk to, and as whom, is the caller's choice, not a CMS setting */
  const givenUrl = process.env.STRAPI_URL;
  const token = process.env.STRAPI_ADMIN_TOKEN;
  /* eslint-enable no-restricted-properties */
  let server;
  let solace;
  try {
    server = givenUrl ? null : readConfig('server');
    solace = token ? null : readConfig('solace');
  } catch (error) {
    throw new CliError(`Cannot read the CMS settings (is the CMS built? pnpm --filter @solace/cms build): ${error.message}`);
  }
  const host = server && (['0.0.0.0', '::', ''].includes(server.host) ? '127.0.0.1' : server.host);
  const url = (givenUrl || `http://${host}:${server.port}`).replace(/\/+$/, '');
  return { url, token, email: solace?.admin.email, password: solace?.admin.password };
}

export async function connect(settings) {
  if (!settings.token && (!settings.email || !settings.password)) {
    throw new CliError('Set ADMIN_EMAIL and ADMIN_PASSWORD (an administrator of the CMS), in the environment or apps/cms/.env.');
  }
  const call = async (method, route, { body, token, raw } = {}) => {
    let res;
    try {
      res = await fetch(`${settings.url}${route}`, {
        method,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (error) {
      throw new CliError(`The CMS does not answer at ${settings.url} (${error.cause?.code ?? error.message}). Start it (pnpm start) or set STRAPI_URL.`);
    }
    if (raw && res.ok) return { status: res.status, text: await res.text() };
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    if (!res.ok && !(json?.data && [409, 422].includes(res.status))) {
      throw new CliError(`${method} ${route}: ${res.status} ${json?.error?.message ?? text.slice(0, 300)}`);
    }
    return { status: res.status, json };
  };
  const token = settings.token || (await logIn(call, settings));
  return {
    get: (route) => call('GET', route, { token }).then((r) => r.json),
    getText: (route) => call('GET', route, { token, raw: true }).then((r) => r.text),
    post: (route, body) => call('POST', route, { token, body }),
  };
}

async function logIn(call, settings) {
  const login = await call('POST', '/admin/login', { body: { email: settings.email, password: settings.password } }).catch((error) => {
    throw new CliError(`Admin login as ${settings.email} failed: ${error.message}`);
  });
  return login.json.data.token;
}
