import fs from 'node:fs/promises';
import type { SiteContent } from '@solace/content';

/**
 * A build's content as one JSON file: the benchmark writes it during a build from the CMS and
 * then renders from it with no CMS at all (render-only). It is the content exactly as
 * @solace/content returned it, checked and mapped, so a build from it renders the same pages.
 */
export async function writeContentSnapshot(file: string, content: SiteContent) {
  await fs.writeFile(file, JSON.stringify({ kind: 'solace-content-snapshot', version: 1, content }));
}

export async function readContentSnapshot(file: string): Promise<SiteContent> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the content snapshot ${file}: ${(error as Error).message}`, { cause: error });
  }
  const snapshot = parsed as { kind?: unknown; version?: unknown; content?: SiteContent };
  if (snapshot?.kind !== 'solace-content-snapshot' || snapshot.version !== 1 || !snapshot.content?.byLocale) {
    throw new Error(`${file} is not a Solace content snapshot (version 1); write one with a build from the CMS.`);
  }
  return snapshot.content;
}
