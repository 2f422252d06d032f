// One site build for `pnpm bench`, in a process of its own so that its peak memory is its own:
// `--write-snapshot <file>` builds from the CMS and also writes the content snapshot,
// `--read-snapshot <file>` renders from that snapshot with no CMS. Prints one JSON line.
import { parseArgs } from 'node:util';
import { buildSite } from '../src/build.js';

const { values } = parseArgs({ options: { 'write-snapshot': { type: 'string' }, 'read-snapshot': { type: 'string' } } });
const result = await buildSite({ snapshot: { writeTo: values['write-snapshot'], readFrom: values['read-snapshot'] } });
// maxRSS is in kilobytes.
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(`BENCH_RESULT ${JSON.stringify({ ...result, peakRssMb })}`);
