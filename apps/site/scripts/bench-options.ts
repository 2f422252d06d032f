// Which rows a `pnpm bench` run measures: all of them, or a subset for a quick run:
//   pnpm bench -- --only rebuild,publish   rows whose id contains "rebuild" or "publish", and what they need
//   pnpm bench -- --skip floor,render      every row but those
// A row needed by a selected one (the cold build, for the rebuild rows) is measured too, unless skipped.
import { parseArgs } from 'node:util';

type Selectable = { id: string; needs?: string[] };

export const USAGE = 'usage: pnpm bench [-- --only <words>] [--skip <words>] (comma-separated parts of row ids)';

export function parseBenchArgs(argv: string[]) {
  const { values } = parseArgs({
    // pnpm passes the `--` of `pnpm bench -- --only x` on.
    args: argv.filter((arg) => arg !== '--'),
    options: { only: { type: 'string' }, skip: { type: 'string' }, help: { type: 'boolean' } },
  });
  const words = (list: string | undefined) => list?.split(',').map((w) => w.trim()).filter(Boolean) ?? [];
  return { only: words(values.only), skip: words(values.skip), help: values.help ?? false };
}

/** The ids of the rows to measure; throws on a word that matches no row. */
export function selectRows(rows: Selectable[], { only, skip }: { only: string[]; skip: string[] }): Set<string> {
  const matching = (word: string) => {
    const found = rows.filter((row) => row.id.includes(word)).map((row) => row.id);
    if (found.length === 0) throw new Error(`"${word}" matches no row. Rows: ${rows.map((r) => r.id).join(', ')}.\n${USAGE}`);
    return found;
  };
  const selected = new Set(only.length > 0 ? only.flatMap(matching) : rows.map((row) => row.id));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const addNeeds = (id: string) => {
    for (const need of byId.get(id)?.needs ?? []) {
      if (!selected.has(need)) {
        selected.add(need);
        addNeeds(need);
      }
    }
  };
  for (const id of [...selected]) addNeeds(id);
  for (const id of skip.flatMap(matching)) selected.delete(id);
  return selected;
}
