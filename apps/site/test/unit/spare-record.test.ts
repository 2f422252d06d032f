import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropSpareRecord, readSpareRecord, writeSpareRecord } from '../../src/incremental/spare-record.js';

describe('the record of the files the spare and the output share', () => {
  let tmp: string;
  let output: string;
  let spare: string;
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'solace-spare-'));
    output = path.join(tmp, 'site');
    spare = `${output}.spare`;
    await fs.mkdir(output);
    await fs.mkdir(spare);
  });
  afterEach(() => fs.rm(tmp, { recursive: true, force: true }));

  it('is read while both folders are the ones it was written for, until the copy that changes the spare drops it', async () => {
    await writeSpareRecord(output, spare, ['a/index.html', 'b/index.html']);
    expect(await readSpareRecord(output, spare)).toEqual(new Set(['a/index.html', 'b/index.html']));
    // A build that finds nothing changed never copies: the record still holds for the next one.
    expect(await readSpareRecord(output, spare)).toEqual(new Set(['a/index.html', 'b/index.html']));
    // A build that changes the spare leaves no record describing it.
    dropSpareRecord(output);
    expect(await readSpareRecord(output, spare)).toBeNull();
  });

  it('is not used for a folder replaced since, even under the same name', async () => {
    await writeSpareRecord(output, spare, ['a/index.html']);
    await fs.rm(spare, { recursive: true });
    await fs.mkdir(spare);
    expect(await readSpareRecord(output, spare)).toBeNull();

    await writeSpareRecord(output, spare, ['a/index.html']);
    await fs.rename(output, path.join(tmp, 'elsewhere'));
    await fs.mkdir(output);
    expect(await readSpareRecord(output, spare)).toBeNull();

    await writeSpareRecord(output, spare, ['a/index.html']);
    await fs.rm(spare, { recursive: true });
    expect(await readSpareRecord(output, spare)).toBeNull();
  });
});
