import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleOf, swapInto, sweepLeftovers } from '../../src/output-swap.js';

// Real folders in a temp dir: what each of the three holds after the swap.
let tmp: string;
let output: string;
const folder = async (dir: string, file: string) => {
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, file), file);
};
const files = (dir: string) => fs.readdir(dir).catch(() => null);

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-swap-'));
  output = path.join(tmp, 'site');
});
afterEach(() => fs.rm(tmp, { recursive: true, force: true }));

describe('swapInto', () => {
  it('serves the new output, keeps the last as the spare, and hands back the spare before it, still whole', async () => {
    await folder(output, 'served.html');
    await folder(`${output}.spare`, 'older.html');
    await folder(`${output}.building-1`, 'new.html');
    const stale = await swapInto(output, `${output}.building-1`, `${output}.spare`);
    expect(await files(output)).toEqual(['new.html']);
    expect(await files(`${output}.spare`)).toEqual(['served.html']);
    // Readers have the new output before the folder set aside is removed.
    expect(stale).toBe(staleOf(output));
    expect(await files(stale!)).toEqual(['older.html']);
    expect(await files(`${output}.building-1`)).toBeNull();
  });

  it('sets nothing aside without a spare, and makes none without an output', async () => {
    await folder(output, 'served.html');
    await folder(`${output}.building-1`, 'new.html');
    expect(await swapInto(output, `${output}.building-1`, `${output}.spare`)).toBeNull();
    expect(await files(`${output}.spare`)).toEqual(['served.html']);

    await fs.rm(output, { recursive: true });
    await fs.rm(`${output}.spare`, { recursive: true });
    await folder(`${output}.building-2`, 'first.html');
    expect(await swapInto(output, `${output}.building-2`, `${output}.spare`)).toBeNull();
    expect(await files(output)).toEqual(['first.html']);
    expect(await files(`${output}.spare`)).toBeNull();
  });

  it('removes what an earlier process of its id left set aside', async () => {
    await folder(staleOf(output), 'half-removed.html');
    await folder(`${output}.building-1`, 'new.html');
    expect(await swapInto(output, `${output}.building-1`, `${output}.spare`)).toBeNull();
    expect(await files(staleOf(output))).toBeNull();
  });
});

describe('sweepLeftovers', () => {
  it("removes the folders of build processes no longer running, and no running process's", async () => {
    // A process that ran and ended: no process has its id now (ids are not reused so soon).
    const ended = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => ended.once('exit', resolve));
    // One still running, as a process started ahead waits for its go with its staging folder.
    const waiting = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      for (const name of [`building-${ended.pid}`, `stale-${ended.pid}`, `building-${waiting.pid}`, `building-${process.pid}`]) {
        await folder(`${output}.${name}`, 'page.html');
      }
      await folder(output, 'served.html');
      await folder(`${output}.spare`, 'older.html');
      // Another output's leftovers are not this one's.
      await folder(path.join(tmp, `other.building-${ended.pid}`), 'page.html');
      const removed = await sweepLeftovers(output);
      expect(removed.sort()).toEqual([`site.building-${ended.pid}`, `site.stale-${ended.pid}`]);
      expect((await fs.readdir(tmp)).sort()).toEqual(
        [`other.building-${ended.pid}`, 'site', `site.building-${process.pid}`, `site.building-${waiting.pid}`, 'site.spare'].sort(),
      );
    } finally {
      waiting.kill();
    }
  });
});
