// Checks the vitest JSON reports of this CI run and prints one closing line. It fails unless every
// expected suite reported, ran tests, skipped none and failed none, and the PostgreSQL run proved
// it used PostgreSQL: a missing report (turbo cache replay, a vanished `test` script, a run that
// silently fell back to SQLite) must never look like a smaller, passing total.
import fs from 'node:fs';
import path from 'node:path';

const dir = '.vitest-reports';
const EXPECTED = ['routes', 'content', 'site', 'cms-sqlite', 'cms-postgres'];
// A test in apps/cms/test/database.test.ts that passes only when the CMS stored its content in PostgreSQL.
const POSTGRES_PROOF = /stores its content in PostgreSQL/;

const problems = [];
let passed = 0;
let failed = 0;
for (const name of EXPECTED) {
  const file = path.join(dir, `${name}.json`);
  if (!fs.existsSync(file)) {
    problems.push(`${name}: no report (${file}); the suite did not run`);
    continue;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (report.numTotalTests === 0) problems.push(`${name}: ran no test`);
  if (report.numFailedTests > 0 || report.numFailedTestSuites > 0 || report.success !== true) {
    problems.push(`${name}: ${report.numFailedTests} failed, ${report.numFailedTestSuites} suites failed`);
  }
  if (report.numPendingTests > 0 || report.numTodoTests > 0) {
    problems.push(`${name}: ${report.numPendingTests} skipped and ${report.numTodoTests} todo (none are allowed)`);
  }
  if (name === 'cms-postgres') {
    const proof = report.testResults
      .flatMap((suite) => suite.assertionResults)
      .find((test) => POSTGRES_PROOF.test(test.fullName ?? test.title));
    if (proof?.status !== 'passed') problems.push('cms-postgres: the run did not prove that the CMS used PostgreSQL');
  }
}
const unexpected = fs.existsSync(dir)
  ? fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !EXPECTED.includes(path.basename(f, '.json')))
  : [];
if (unexpected.length > 0) problems.push(`unexpected reports: ${unexpected.join(', ')} (add them to EXPECTED)`);

for (const problem of problems) console.error(`CI: ${problem}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(problems.length > 0 || failed > 0 ? 1 : 0);
