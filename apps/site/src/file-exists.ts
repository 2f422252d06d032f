import fs from 'node:fs/promises';

/** Whether a file or folder is there. */
export async function exists(file: string) {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
