// One site build for `pnpm bench`, in a process of its own so that its peak memory is its own:
// `--write-snapshot <file>` builds from the CMS and also writes the content snapshot,
// `--read-snapshot <file>` renders from that snapshot with no CMS. Prints one JSON line.
import { parseArgs } from 'node:util';
import { buildSite } from '../src/build.js';

const { values } = parseArgs({ options: { 'write-snapshot': { type: 'string' }, 'read-snapshot': { type: 'string' } } });
const result = await buildSite({ snapshot: { writeTo: values['write-snapshot'], readFrom: values['read-snapshot'] } });
// maxRSS is in kilobytes, CPU times in microseconds. CPU time says more than wall time on a busy machine.
const usage = process.resourceUsage();
const peakRssMb = Math.round(usage.maxRSS / 1024);
const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
console.log(`BENCH_RESULT ${JSON.stringify({ ...result, peakRssMb, cpuMs })}`);
