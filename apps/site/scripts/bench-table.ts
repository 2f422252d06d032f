// The rows of `pnpm bench`: each a figure with its target and how far it is from it. A row with
// no `measure` prints "not measured yet", so a later measurement only has to add its function.
export type Figure = { value: number; unit: string; note?: string };

export type Target = {
  /** What the target says, for the table, e.g. ">= 3000 records/s" or "<= 1.3x render-only". */
  text: string;
  /** The figure the value is compared with (a constant, or another row's value once measured). */
  reference: () => number | null;
  /** ratio = value / reference; met when ratio >= threshold ('higher') or <= threshold ('lower'). */
  threshold: number;
  better: 'higher' | 'lower';
};

export type Row<Context> = {
  id: string;
  label: string;
  target: Target | null;
  measure?: (context: Context) => Promise<Figure>;
  /** Rows whose results this one uses (`--only` adds them; a row whose need was not measured fails). */
  needs?: string[];
  /** A row still running after this long is reported as failed and the next one starts. */
  timeoutMs?: number;
};

/** The machine's 1, 5 and 15 minute load averages when a row started and when it ended. */
export type LoadAverage = { before: number[]; after: number[] };

export type RowResult = {
  id: string;
  label: string;
  value: number | null;
  unit: string | null;
  note: string | null;
  target: string | null;
  ratio: number | null;
  met: boolean | null;
  status: 'measured' | 'not measured yet' | 'failed' | 'skipped';
  /** How long the row took (its change, build and checks), seconds. */
  durationS: number | null;
  loadAverage: LoadAverage | null;
};

export const atLeast = (reference: () => number | null, threshold: number, text: string): Target => ({
  text,
  reference,
  threshold,
  better: 'higher',
});

export const atMost = (reference: () => number | null, threshold: number, text: string): Target => ({
  text,
  reference,
  threshold,
  better: 'lower',
});

export type Measurement = { figure: Figure | null; status: RowResult['status']; note?: string; durationS?: number; loadAverage?: LoadAverage };

export function toResult<C>(row: Row<C>, { figure, status, note, durationS, loadAverage }: Measurement): RowResult {
  const reference = row.target?.reference() ?? null;
  const ratio = figure && row.target && reference ? figure.value / reference : null;
  const met = ratio === null ? null : row.target!.better === 'higher' ? ratio >= row.target!.threshold : ratio <= row.target!.threshold;
  return {
    id: row.id,
    label: row.label,
    value: figure?.value ?? null,
    unit: figure?.unit ?? null,
    note: figure?.note ?? note ?? null,
    target: row.target?.text ?? null,
    ratio: ratio === null ? null : Math.round(ratio * 100) / 100,
    met,
    status,
    durationS: durationS ?? null,
    loadAverage: loadAverage ?? null,
  };
}

export function formatTable(results: RowResult[]) {
  const rows = results.map((r) => [
    r.label,
    r.status === 'measured' ? `${r.value} ${r.unit}` : r.status,
    r.target ?? '',
    r.ratio === null ? '' : `${r.ratio.toFixed(2)}${r.met === null ? '' : r.met ? ' ok' : ' MISSED'}`,
    r.loadAverage ? `${load(r.loadAverage.before)} -> ${load(r.loadAverage.after)}` : '',
    r.note ?? '',
  ]);
  const header = ['figure', 'value', 'target', 'ratio', 'load 1 min', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const load = (averages: number[]) => (averages[0] ?? 0).toFixed(1);
