// What `pnpm load` prints: one row per kind of request and a total, then memory.

/** The value below which `p` of the sorted durations fall (nearest rank). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const ms = (value) => (Number.isNaN(value) ? '-' : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function row(kind, durations, errors, elapsed) {
  const sorted = [...durations].sort((x, y) => x - y);
  return {
    kind,
    requests: sorted.length + errors,
    'req/s': ((sorted.length + errors) / elapsed).toFixed(1),
    p50: ms(percentile(sorted, 0.5)),
    p95: ms(percentile(sorted, 0.95)),
    p99: ms(percentile(sorted, 0.99)),
    errors,
  };
}

/** Prints the table and returns the number of failed requests. */
export function printReport({ recorder, elapsed, options, content, machine, memory }) {
  const kinds = [...recorder.kinds.entries()].sort(([a], [b]) => a.localeCompare(b));
  const rows = kinds.map(([kind, { durations, errors }]) => row(kind, durations, errors, elapsed));
  const group = (prefix, label) => {
    const picked = kinds.filter(([kind]) => kind.startsWith(prefix));
    return row(label, picked.flatMap(([, k]) => k.durations), picked.reduce((n, [, k]) => n + k.errors, 0), elapsed);
  };
  rows.push(group('graphql ', 'all GraphQL (readers)'), group('admin ', 'all admin (editors)'), group('', 'everything'));
  const errors = rows.at(-1).errors;

  console.log(`\npnpm load: ${options.clients} readers + ${options.editors} editors, ${elapsed.toFixed(1)} s, CMS on PostgreSQL with the ${content}; ${machine}`);
  const columns = Object.keys(rows[0]);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (values) => values.map((v, i) => (i === 0 ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i]))).join('  ');
  console.log(line(columns));
  for (const [i, r] of rows.entries()) {
    if (i === kinds.length) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    console.log(line(columns.map((c) => r[c])));
  }
  console.log(`CMS memory: peak RSS ${mb(memory.peak)} (kernel's VmHWM; ${mb(memory.peakSampled)} sampled every 250 ms), ${mb(memory.idle)} before the load`);
  console.log(errors === 0 ? 'errors: 0' : `errors: ${errors} (expected 0)`);
  for (const [kind, { firstErrors }] of kinds) for (const message of firstErrors) console.log(`  ${kind}: ${message}`);
  return errors;
}
