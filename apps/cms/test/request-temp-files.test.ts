import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFilesOf } from '../src/middlewares/request-temp-files';

const tmp = os.tmpdir();

describe("tempFilesOf (the request's uploaded files the middleware removes)", () => {
  it('takes every file of every field, one file or a list', () => {
    const files = {
      files: [{ filepath: path.join(tmp, 'a') }, { filepath: path.join(tmp, 'b') }],
      cover: { path: path.join(tmp, 'c') },
    };
    expect(tempFilesOf(files)).toEqual([path.join(tmp, 'a'), path.join(tmp, 'b'), path.join(tmp, 'c')]);
  });

  it('never takes a file outside the temp folder, however its path is written', () => {
    const files = {
      files: [
        { filepath: '/etc/passwd' },
        { filepath: path.join(tmp, '..', 'etc', 'passwd') },
        { filepath: `${tmp}-other/file` },
        { filepath: tmp },
        {},
      ],
    };
    expect(tempFilesOf(files)).toEqual([]);
  });

  it('takes nothing from a request without files', () => {
    expect(tempFilesOf(undefined)).toEqual([]);
  });
});
