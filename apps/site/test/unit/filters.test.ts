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
  it('serves directory pages and never files outside the site folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'solace-serve-'));
    fs.mkdirSync(path.join(dir, 'site/en'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'site/en/index.html'), 'hi');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    const root = path.join(dir, 'site');
    expect(resolveFile(root, '/en/')).toBe(path.join(root, 'en/index.html'));
    expect(resolveFile(root, '/../secret.txt')).toBeNull();
    expect(resolveFile(root, '/%2e%2e/secret.txt')).toBeNull();
    expect(resolveFile(root, '/en/../../secret.txt')).toBeNull();
  });

  it('rebuilds when the local CMS calls POST /__rebuild', async () => {
    let rebuilds = 0;
    const server = createStaticServer(os.tmpdir(), { onRebuild: () => rebuilds++ });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${base}/__rebuild`, { method: 'POST' })).status).toBe(202);
      expect(rebuilds).toBe(1);
      expect((await fetch(`${base}/__rebuild`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
