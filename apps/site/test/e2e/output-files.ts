import fs from 'node:fs/promises';
import path from 'node:path';

/** Every file under dir, as paths relative to it with forward slashes. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** href/src/srcset targets in an HTML document (a link checker's view of it). */
export function linkTargets(html: string): string[] {
  const targets: string[] = [];
  for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) targets.push(match[1]!);
  for (const match of html.matchAll(/\ssrcset="([^"]*)"/g)) {
    for (const candidate of match[1]!.split(',')) targets.push(candidate.trim().split(/\s+/)[0]!);
  }
  return targets.map((t) => t.replaceAll('&amp;', '&'));
}

/** Whether an internal URL path resolves to a file of the built site. */
export async function resolves(outputDir: string, urlPath: string) {
  const clean = decodeURIComponent(urlPath.split('#')[0]!.split('?')[0]!);
  for (const candidate of [clean, path.posix.join(clean, 'index.html')]) {
    try {
      if ((await fs.stat(path.join(outputDir, candidate))).isFile()) return true;
    } catch {
      // next
    }
  }
  return false;
}
