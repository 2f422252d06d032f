import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const cms = inject('cms');

const png = () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#28a' } }).png().toBuffer();
const HTML = '<!doctype html><script>fetch("/admin/users/me").then(r => r.text()).then(alert)</script>';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>';
const JS = 'fetch("/admin/users/me").then((r) => r.text())';
const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

type Upload = { id: number; url: string; mime: string; name: string };

function form(content: string | Buffer, name: string, type: string) {
  const body = new FormData();
  body.append('files', new Blob([content], { type }), name);
  return body;
}

async function upload(path: string, authorization: string, body: FormData) {
  const res = await fetch(cms.url + path, { method: 'POST', headers: { authorization }, body });
  return { status: res.status, body: (await res.json()) as Upload[] & { error?: { message: string } } };
}

/**
 * Strapi allows 5 admin logins per address in 5 minutes, and the other test files of this shared
 * CMS log in from 127.0.0.1: this file logs in from 127.0.0.2 so as not to use up their share.
 */
async function adminSession() {
  const dispatcher = new Agent({ connect: { localAddress: '127.0.0.2' } as Agent.Options['connect'] });
  const post = async (path: string, body: unknown, authorization?: string) => {
    const res = await fetch(cms.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
      dispatcher,
    } as RequestInit);
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { data: Record<string, string> };
  };
  const admin = `Bearer ${(await post('/admin/login', cms.admin)).data.token}`;
  const key = (await post('/admin/api-tokens', { name: `uploads test ${Date.now()}`, type: 'full-access', lifespan: null, kind: 'content-api' }, admin)).data.accessKey;
  await dispatcher.close();
  return { admin, token: `Bearer ${key}` };
}

describe(`uploads (${cms.database})`, () => {
  let admin: string;
  let token: string;
  beforeAll(async () => {
    ({ admin, token } = await adminSession());
  });

  const attacks: [string, string | Buffer, string, string][] = [
    ['HTML', HTML, 'page.html', 'text/html'],
    ['HTML named and sent as a PNG', HTML, 'photo.png', 'image/png'],
    ['SVG with a script', SVG, 'logo.svg', 'image/svg+xml'],
    ['SVG sent as a PNG', SVG, 'logo.png', 'image/png'],
    ['JavaScript', JS, 'app.js', 'text/javascript'],
    ['JavaScript sent as a JPEG', JS, 'app.jpg', 'image/jpeg'],
    ['plain text', 'hello', 'notes.txt', 'text/plain'],
  ];

  it.each(attacks)('the admin media library refuses %s with a message', async (_, content, name, type) => {
    const res = await upload('/upload', admin, form(content, name, type));
    expect(res.status).toBe(400);
    expect(res.body.error!.message).toMatch(/not allowed|upload JPEG, PNG, WebP, AVIF or GIF images, or PDF files only/);
  });

  it.each(attacks)('the REST API (/api/upload) refuses %s with a message', async (_, content, name, type) => {
    const res = await upload('/api/upload', token, form(content, name, type));
    expect(res.status).toBe(400);
    expect(res.body.error!.message).toMatch(/not allowed|upload JPEG, PNG, WebP, AVIF or GIF images, or PDF files only/);
  });

  // Strapi's upload routes drop a script sent as what it is and store the rest of the request.
  it.each(['/upload', '/api/upload'])('%s refuses the whole of an upload with one file not allowed, naming it, and stores none of it', async (route) => {
    const name = `beside-${Date.now().toString(36)}.png`;
    const body = new FormData();
    body.append('files', new Blob([await png()], { type: 'image/png' }), name);
    body.append('files', new Blob([JS], { type: 'text/javascript' }), 'app.js');
    const res = await upload(route, route === '/upload' ? admin : token, body);
    expect(res.status).toBe(400);
    expect(res.body.error!.message).toMatch(/^app\.js is not an allowed file: upload JPEG, PNG, WebP, AVIF or GIF images, or PDF files only/);
    const stored = await fetch(`${cms.url}/api/upload/files?filters[name][$eq]=${encodeURIComponent(name)}`, { headers: { authorization: token } });
    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual([]);
  });

  it('refuses content that is not what it was sent as (a PDF sent as a PNG)', async () => {
    const res = await upload('/upload', admin, form(PDF, 'handout.png', 'image/png'));
    expect(res.status).toBe(400);
  });

  describe('allowed files', () => {
    let image: Upload;
    let handout: Upload;
    beforeAll(async () => {
      const images = await upload('/upload', admin, form(await png(), 'swatch.png', 'image/png'));
      expect(images.status, JSON.stringify(images.body)).toBe(201);
      image = images.body[0]!;
      const handouts = await upload('/api/upload', token, form(PDF, 'handout.pdf', 'application/pdf'));
      expect(handouts.status, JSON.stringify(handouts.body)).toBe(201);
      handout = handouts.body[0]!;
    });

    it('serves images inline, never sniffed', async () => {
      const res = await fetch(cms.url + image.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBeNull();
    });

    it('serves a PDF as a download, sandboxed', async () => {
      const res = await fetch(cms.url + handout.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toBe('attachment');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toMatch(/sandbox/);
    });

    it('refuses to replace an image with HTML, and keeps the image', async () => {
      const before = Buffer.from(await (await fetch(cms.url + image.url)).arrayBuffer());
      const res = await upload(`/upload?id=${image.id}`, admin, form(HTML, 'swatch.png', 'image/png'));
      expect(res.status).toBe(400);
      expect(res.body.error!.message).toMatch(/not allowed|files only/);
      const served = await fetch(cms.url + image.url);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await served.arrayBuffer()).equals(before)).toBe(true);
    });

    it('still replaces an image with another image', async () => {
      const other = await sharp({ create: { width: 6, height: 6, channels: 3, background: '#a82' } }).png().toBuffer();
      const res = await fetch(`${cms.url}/upload?id=${image.id}`, { method: 'POST', headers: { authorization: admin }, body: form(other, 'swatch.png', 'image/png') });
      expect(res.status).toBe(200);
    });
  });

  describe('upload from a URL (POST /upload/actions/upload-from-urls, fetched by the server)', () => {
    const hits: string[] = [];
    let server: http.Server;
    let port: number;
    beforeAll(async () => {
      const body = await png();
      server = http.createServer((req, res) => {
        hits.push(req.url ?? '');
        res.writeHead(200, { 'content-type': 'image/png' }).end(body);
      });
      // Dual-stack: reachable as 127.0.0.1, ::1, 0.0.0.0 and ::ffff:127.0.0.1 alike.
      await new Promise<void>((resolve) => server.listen(0, '::', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('cannot reach loopback or private addresses, however they are written', async () => {
      const urls = [
        `http://127.0.0.1:${port}/a.png`,
        `http://localhost:${port}/b.png`,
        `http://0.0.0.0:${port}/c.png`,
        `http://[::1]:${port}/d.png`,
        `http://[::ffff:127.0.0.1]:${port}/e.png`,
        `http://2130706433:${port}/f.png`,
        `http://0x7f.1:${port}/g.png`,
        `http://169.254.169.254/latest/meta-data/`,
        `http://10.0.0.1:${port}/h.png`,
      ];
      const res = await fetch(`${cms.url}/upload/actions/upload-from-urls`, {
        method: 'POST',
        headers: { authorization: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ urls }),
      });
      const events = (await res.text())
        .split('\n\n')
        .filter(Boolean)
        .map((block) => ({ event: /^event: (.*)$/m.exec(block)?.[1], data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') }));
      const errors = events.filter((e) => e.event === 'file:error');
      expect(errors).toHaveLength(urls.length);
      for (const { data } of errors) expect(data.message).toMatch(/loopback, private or reserved|blocked address/);
      expect(events.some((e) => e.event === 'file:complete')).toBe(false);
      expect(hits).toEqual([]);
    });
  });

  // The CMS runs on this machine, with the same temp folder as this test. Each kind of refused
  // file, alone and beside an image, on both upload routes.
  it('leaves nothing of an upload it refuses in the temp folder the request was written to', async () => {
    const marker = `refused upload ${Date.now().toString(36)}`;
    const refused: [string, string, string][] = [
      [`${HTML}<!-- ${marker} -->`, 'photo.png', 'image/png'],
      [`${HTML}<!-- ${marker} -->`, 'page.html', 'text/html'],
      [`${JS} // ${marker}`, 'app.js', 'text/javascript'],
      [SVG.replace('</svg>', `<!-- ${marker} --></svg>`), 'logo.svg', 'image/svg+xml'],
    ];
    for (const [route, authorization] of [['/upload', admin], ['/api/upload', token]]) {
      for (const [content, name, type] of refused) {
        const res = await upload(route!, authorization!, form(content, name, type));
        expect(res.status).toBe(400);
      }
      const mixed = form(`${JS} // ${marker}`, 'app.js', 'text/javascript');
      mixed.append('files', new Blob([await png()], { type: 'image/png' }), 'beside.png');
      expect((await upload(route!, authorization!, mixed)).status).toBe(400);
    }
    const small = [];
    for (const name of await fs.readdir(os.tmpdir())) {
      const stat = await fs.stat(path.join(os.tmpdir(), name)).catch(() => null);
      if (stat?.isFile() && stat.size < 4096) small.push(name);
    }
    const contents = await Promise.all(small.map((name) => fs.readFile(path.join(os.tmpdir(), name), 'utf8').catch(() => '')));
    expect(small.filter((_, i) => contents[i]!.includes(marker))).toEqual([]);
  });
});
