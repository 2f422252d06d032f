// The work of carryOverInto (copy.ts), on a worker thread: a build's main thread reads the content
// and works out the pages meanwhile, and this, all file system calls, runs on the other core.
// Plain JavaScript: a worker runs a file Node loads itself, and the build's code may be one bundle
// (scripts/run-bundled.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

/** Calls between two looks at the stop flag. */
const STEP = 256;

/** @type {{ from: string, spare: string, files: string[], linked: string[] | null, stop: SharedArrayBuffer }} */
const { from, spare, files, linked, stop } = workerData;
const stopFlag = new Int32Array(stop);
const stopped = () => Atomics.load(stopFlag, 0) !== 0;

const sameFile = (a, b) => {
  const sa = fs.statSync(a, { throwIfNoEntry: false });
  const sb = fs.statSync(b, { throwIfNoEntry: false });
  return !!sa && !!sb && sa.ino === sb.ino && sa.dev === sb.dev;
};

/** A hard link of `source` at `target`, or a copy across file systems. */
const linkFile = (source, target) => {
  try {
    fs.linkSync(source, target);
  } catch (error) {
    if (error.code !== 'EXDEV') throw error;
    fs.copyFileSync(source, target);
  }
};

/** How many of the spare's files were taken as links already (`linked`), not compared. */
function carryOver() {
  const wanted = new Set(files);
  const missing = new Set(wanted);
  const known = new Set(linked ?? []);
  let trusted = 0;
  // Breadth first: a folder comes after its parent.
  const folders = [''];
  const present = [];
  for (let i = 0; i < folders.length; i++) {
    for (const entry of fs.readdirSync(path.join(spare, folders[i]), { withFileTypes: true })) {
      const file = folders[i] ? `${folders[i]}/${entry.name}` : entry.name;
      (entry.isDirectory() ? folders : present).push(file);
    }
    if (i % STEP === STEP - 1 && stopped()) return trusted;
  }
  const keptFolders = new Set();
  for (let i = 0; i < present.length; i++) {
    const file = present[i];
    const target = path.join(spare, file);
    if (wanted.has(file)) {
      // Another version of a carried page: replaced by a link of the live one, in the folder it has.
      const source = path.join(from, file);
      if (known.has(file)) trusted++;
      else if (!sameFile(target, source)) {
        fs.unlinkSync(target);
        fs.linkSync(source, target);
      }
      missing.delete(file);
      for (let folder = path.posix.dirname(file); folder !== '.' && !keptFolders.has(folder); folder = path.posix.dirname(folder)) keptFolders.add(folder);
    } else {
      fs.unlinkSync(target);
    }
    if (i % STEP === STEP - 1 && stopped()) return trusted;
  }
  // Deepest first: a folder's sub-folders are gone before it.
  for (const folder of folders.slice(1).reverse()) if (!keptFolders.has(folder)) fs.rmdirSync(path.join(spare, folder));
  const made = new Set();
  for (const file of missing) {
    const target = path.join(spare, file);
    const folder = path.dirname(target);
    if (!made.has(folder)) fs.mkdirSync(folder, { recursive: true });
    made.add(folder);
    linkFile(path.join(from, file), target);
  }
  return trusted;
}

parentPort.postMessage({ trusted: carryOver() });
