// How `pnpm translations` prints the status: a table, then what changed in outdated documents.
const LABELS = { missing: 'missing', outdated: 'outdated', 'up-to-date': 'up to date', unknown: 'unknown' };

const clip = (text, width) => {
  const flat = String(text ?? '').replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
};

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

export function formatStatus(statuses) {
  if (statuses.length === 0) return 'No translatable documents (or no locale besides the default).';
  const rows = [['LOCALE', 'STATUS', 'TYPE', 'DOCUMENT', 'DOCUMENT ID', 'CHANGED FIELDS']];
  for (const s of statuses) {
    const state = LABELS[s.state] + (s.baseline && s.state === 'up-to-date' ? ' (baseline)' : '');
    rows.push([s.locale, state, s.typeName, clip(s.label, 40), s.documentId, s.changes.map((c) => c.field).join(', ')]);
  }
  const lines = [table(rows), ''];
  for (const s of statuses.filter((x) => x.state === 'outdated')) {
    lines.push(`${s.locale} ${s.typeName} "${clip(s.label, 60)}" (${s.documentId}):`);
    for (const c of s.changes) {
      lines.push(`  ${c.field}`, `    was: ${c.before === null ? '(empty)' : clip(c.before, 100)}`, `    now: ${c.after === null ? '(empty)' : clip(c.after, 100)}`);
    }
  }
  const byLocale = new Map();
  for (const s of statuses) {
    const counts = byLocale.get(s.locale) ?? { missing: 0, outdated: 0, 'up-to-date': 0, unknown: 0 };
    counts[s.state]++;
    byLocale.set(s.locale, counts);
  }
  for (const [locale, c] of byLocale) {
    lines.push(`${locale}: ${c['up-to-date']} up to date, ${c.outdated} outdated, ${c.missing} missing${c.unknown ? `, ${c.unknown} unknown` : ''}`);
  }
  return lines.join('\n');
}

export function formatImport(result) {
  const lines = [];
  for (const p of result.refused) lines.push(`refused: ${p.label} (${p.uid} ${p.documentId})${p.field ? ` field ${p.field}` : ''}: ${p.message}`);
  for (const p of result.failed) lines.push(`not written: ${p.label} (${p.uid} ${p.documentId})${p.field ? ` field ${p.field}` : ''}: ${p.message}`);
  for (const w of result.written) lines.push(`written: ${w.label} (${w.documentId}): ${w.fields.join(', ')}`);
  return lines.join('\n');
}
