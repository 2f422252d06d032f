// One site build for `pnpm bench`, in a process of its own so that its peak memory is its own:
// `--write-snapshot <file>` builds from the CMS and also writes the content snapshot,
// `--read-snapshot <file>` renders from that snapshot with no CMS. Prints one JSON line, whose
// totalMs is from the process's start (Node and loading the build's bundled code, as for `pnpm build`)
// to the build's end, and buildMs the build's own account (BuildResult.totalMs, from buildSite()).
import { parseArgs } from 'node:util';
import { buildSite } from '../src/build.js';

const { values } = parseArgs({ options: { 'write-snapshot': { type: 'string' }, 'read-snapshot': { type: 'string' } } });
const result = await buildSite({ snapshot: { writeTo: values['write-snapshot'], readFrom: values['read-snapshot'] } });
// maxRSS is in kilobytes, CPU times in microseconds. CPU time says more than wall time on a busy machine.
const usage = process.resourceUsage();
const peakRssMb = Math.round(usage.maxRSS / 1024);
const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
// performance.now() counts from the process's start.
const totalMs = Math.round(performance.now());
console.log(`BENCH_RESULT ${JSON.stringify({ ...result, buildMs: result.totalMs, totalMs, peakRssMb, cpuMs })}`);
