import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate, sortByText, telHref } from '../../_config/filters.js';
import type { AddressInfo } from 'node:net';
import { createStaticServer, resolveFile } from '../../src/serve.js';

describe('filters', () => {
  it('formats dates in the reader’s language, whatever the build machine’s time zone', () => {
    expect(formatDate('2026-09-14', 'en')).toBe('September 14, 2026');
    expect(formatDate('2026-09-14', 'es')).toBe('14 de septiembre de 2026');
  });

  it('sorts text the way readers of the language expect', () => {
    const topics = [{ t: { name: 'Cuidar' } }, { t: { name: 'Cáncer' } }, { t: { name: 'apoyo' } }];
    expect(sortByText(topics, 't.name', 'es').map((x) => x.t.name)).toEqual(['apoyo', 'Cáncer', 'Cuidar']);
  });

  it('makes tel: links from US numbers as written', () => {
    expect(telHref('(617) 555-0142')).toBe('tel:+16175550142');
    expect(telHref('+1 617.555.0142')).toBe('tel:+16175550142');
  });
});

describe('static server', () => {
  it('serves directory pages and never files outside the site folder', (context) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'solace-serve-'));
    context.onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.mkdirSync(path.join(dir, 'site/en'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'site/en/index.html'), 'hi');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    const root = path.join(dir, 'site');
    expect(resolveFile(root, '/en/')).toBe(path.join(root, 'en/index.html'));
    expect(resolveFile(root, '/../secret.txt')).toBeNull();
    expect(resolveFile(root, '/%2e%2e/secret.txt')).toBeNull();
    expect(resolveFile(root, '/en/../../secret.txt')).toBeNull();
  });

  it('redirects directory URLs to their trailing slash, never off the origin', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'solace-serve-'));
    fs.mkdirSync(path.join(dir, 'en'));
    fs.writeFileSync(path.join(dir, 'en/index.html'), 'hi');
    const server = createStaticServer(dir);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const plain = await fetch(`${base}/en?x=1`, { redirect: 'manual' });
      expect(plain.status).toBe(301);
      expect(plain.headers.get('location')).toBe('/en/?x=1');
      // The raw path would make a protocol-relative Location ("//evil.example/..%2fen/").
      for (const attack of ['//evil.example/..%2fen', '//evil.example/..%2fen?x=1', '/%2fevil.example/..%2fen']) {
        const res = await fetch(`${base}${attack}`, { redirect: 'manual' });
        const location = res.headers.get('location');
        expect(res.status, attack).toBe(301);
        expect(location, attack).toMatch(/^\/(?![/\\])/);
        expect(new URL(location!, base).origin, attack).toBe(base);
      }
    } finally {
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
