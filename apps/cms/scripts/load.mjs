// `pnpm load [-- --duration 60 --clients 50 --editors 5 --demo]`: a benchmark, not a test. Starts the CMS
// on PostgreSQL (a throwaway copy of the reference corpus, else the demo; see load-cms.mjs) on
// loopback, then for `duration` seconds `clients` readers send the site's GraphQL queries with the
// site's token while `editors` save and publish articles through the admin API. Prints requests/s,
// p50/p95/p99 per kind, errors (expected 0) and the CMS's peak resident memory; exits 1 on errors.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createRecorder, runEditors, runReaders } from './load-clients.mjs';
import { memoryOf, startLoadCms } from './load-cms.mjs';
import { printReport } from './load-report.mjs';

const LIMITS = { duration: [1, 600], clients: [1, 200], editors: [0, 20] };
const log = (message) => console.log(`[load] ${message}`);

function readOptions() {
  const { values } = parseArgs({
    // `pnpm load -- --demo` hands the script a literal `--` first (pnpm, then turbo, each pass it on).
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      duration: { type: 'string', default: '60' },
      clients: { type: 'string', default: '50' },
      editors: { type: 'string', default: '5' },
      // The demo content even when the corpus exists (a quick run).
      demo: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  const numbers = Object.fromEntries(
    Object.entries(LIMITS).map(([name, [min, max]]) => {
      const value = Number(values[name]);
      if (!Number.isInteger(value) || value < min || value > max) {
        throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${values[name]}".`);
      }
      return [name, value];
    }),
  );
  return { ...numbers, demo: values.demo };
}

let options;
try {
  options = readOptions();
} catch (error) {
  console.error(`[load] ${error.message}`);
  process.exit(2);
}

const cms = await startLoadCms(log, { demo: options.demo });
let exitCode = 0;
try {
  const idle = memoryOf(cms.pid);
  let peakSampled = idle.now;
  const sampler = setInterval(() => {
    try {
      peakSampled = Math.max(peakSampled, memoryOf(cms.pid).now);
    } catch {
      // the process is gone; the run reports its failures
    }
  }, 250);
  const recorder = createRecorder();
  // Other work on the machine skews every figure: say how busy it was.
  const [loadAverage] = os.loadavg();
  log(`${options.clients} readers and ${options.editors} editors for ${options.duration} s (${cms.content}); ${os.cpus().length} CPUs, load average ${loadAverage.toFixed(1)}`);
  const started = performance.now();
  const deadline = Date.now() + options.duration * 1000;
  await Promise.all([runReaders({ cms, clients: options.clients, deadline, recorder }), runEditors({ cms, editors: options.editors, deadline, recorder })]);
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const memory = memoryOf(cms.pid);
  const errors = printReport({
    recorder,
    elapsed,
    options,
    content: cms.content,
    machine: `${os.cpus().length} CPUs, load average ${loadAverage.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end`,
    memory: { idle: idle.now, peakSampled: Math.max(peakSampled, memory.now), peak: memory.peak },
  });
  exitCode = errors > 0 ? 1 : 0;
} catch (error) {
  console.error(`[load] ${error.message}\n${cms.logs().slice(-2000)}`);
  exitCode = 1;
} finally {
  await cms.stop();
}
process.exit(exitCode);
