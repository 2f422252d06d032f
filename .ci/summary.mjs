// Adds up the vitest JSON reports written during this run and prints one closing line.
import fs from 'node:fs';
import path from 'node:path';

const dir = '.vitest-reports';
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
let passed = 0;
let failed = 0;
for (const file of files) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
if (files.length === 0 || passed === 0) {
  console.error('No test reports found: no test ran.');
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
