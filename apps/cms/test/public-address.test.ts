import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../src/security/public-address';
import { createPublicOnlyAgent } from '../src/security/url-fetch-guard';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '0.0.0.0', '0.1.2.3', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1',
    '169.254.169.254', '100.64.0.1', '224.0.0.1', '255.255.255.255', '192.0.2.1', '198.18.0.1',
    '::', '::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'ff02::1',
    'not an address', '',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows the public %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('the public-only dispatcher', () => {
  // Everything here is loopback, so the policy under test is "127.0.0.1 is public, 127.0.0.2 is not".
  const allowOnly127001 = (address: string) => address === '127.0.0.1';
  const hits: string[] = [];
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(`${req.headers.host}${req.url}`);
      if (req.url === '/redirect') res.writeHead(302, { location: `http://127.0.0.2:${port}/secret` }).end();
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('reached');
    });
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('connects to an allowed address', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/ok`, { dispatcher: createPublicOnlyAgent(allowOnly127001) } as RequestInit);
    expect(await res.text()).toBe('reached');
  });

  it('refuses a redirect to a refused address, without connecting to it', async () => {
    hits.length = 0;
    const attempt = fetch(`http://127.0.0.1:${port}/redirect`, { dispatcher: createPublicOnlyAgent(allowOnly127001) } as RequestInit);
    await expect(attempt).rejects.toMatchObject({ cause: { message: expect.stringMatching(/127\.0\.0\.2 is a loopback, private or reserved address/) } });
    expect(hits).toEqual([`127.0.0.1:${port}/redirect`]);
  });

  it('refuses a name that resolves to a refused address (checked when connecting)', async () => {
    hits.length = 0;
    const attempt = fetch(`http://localhost:${port}/secret`, { dispatcher: createPublicOnlyAgent() } as RequestInit);
    await expect(attempt).rejects.toMatchObject({ cause: { message: expect.stringMatching(/localhost resolves to .*private or reserved/) } });
    expect(hits).toEqual([]);
  });
});
