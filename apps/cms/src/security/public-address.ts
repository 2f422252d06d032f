import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * True only for a public unicast address. Loopback, private (RFC 1918, unique local), link-local
 * (cloud metadata), carrier-grade NAT, unspecified (0.0.0.0 reaches this machine), multicast,
 * reserved and documentation ranges are all refused; IPv4 written as IPv6 (::ffff:127.0.0.1)
 * is judged as the IPv4 address it is.
 */
export function isPublicAddress(address: string) {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

export class PrivateAddressError extends Error {
  readonly code = 'E_PRIVATE_ADDRESS';
  constructor(host: string, address: string) {
    super(
      host === address
        ? `${host} is a loopback, private or reserved address: the CMS only fetches from public addresses.`
        : `${host} resolves to ${address}, a loopback, private or reserved address: the CMS only fetches from public addresses.`,
    );
  }
}

export const unbracket = (host: string) => host.replace(/^\[(.*)\]$/, '$1');

type LookupCallback = (error: NodeJS.ErrnoException | null, address?: string | dns.LookupAddress[], family?: number) => void;

/**
 * A drop-in for dns.lookup (as net.connect calls it) that resolves every address of a name and
 * fails if any is not allowed (public), so the address connected to is the address checked.
 */
export function lookupAllowing(isAllowed: (address: string) => boolean = isPublicAddress) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) =>
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error);
      const refused = addresses.find((entry) => !isAllowed(entry.address));
      if (refused) return callback(new PrivateAddressError(hostname, refused.address));
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
}

/** Throws unless the URL's host is, or resolves only to, public addresses. */
export async function assertPublicHost(url: URL) {
  const host = unbracket(url.hostname);
  if (net.isIP(host)) {
    if (!isPublicAddress(host)) throw new PrivateAddressError(host, host);
    return;
  }
  await new Promise<void>((resolve, reject) =>
    lookupAllowing()(host, {}, (error) => (error ? reject(error) : resolve())),
  );
}
