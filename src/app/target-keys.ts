// A targets file keyed by a column the report has no key for (sector, kantor, cabang): its targets
// cannot be placed on any row of the report. Said as that, with the file's key column, its number of
// targets and the report's keys (rv28 R6), where the load said "none of the 0 targets" (a free-text key
// the load adds up over) or a false delimiter hint (a column the tool does not know, so no key at all).

import { canonicalColumn } from '../core/columns.js';
import { columnsOf, dimIndex, hasKeys, type Table } from '../core/table.js';
import { InputError, say } from '../errors.js';
import { loadTable, type LoadOptions } from '../io/load.js';
import { dimLabel } from '../report/vocabulary.js';

const FRAME = new Set(['period', 'year', 'from']);

function refusal(file: string, columns: readonly string[], targets: number, grain: readonly string[], withGrain: boolean): InputError {
  const cols = columns.join(', ');
  const by = grain.map((g) => dimLabel(g).en).join(' × ');
  const byId = grain.map((g) => dimLabel(g).id).join(' × ');
  const n = String(targets).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const nId = String(targets).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  // The file has the report's keys too (province × sector): --by both; else --by its own key.
  const flag = `--by ${(withGrain ? [...grain, columns[0]!] : [columns[0]!]).join(',')}`;
  return new InputError({
    file,
    code: 'targets-key-missing',
    ...say(
      {
        message: `the targets are keyed by ${cols} (${n} ${targets === 1 ? 'target' : 'targets'}), a key this report does not have: it is by ${by}, and no row of it is one ${columns[0]}`,
        hint: `give ${flag} with data that has a ${columns[0]} column, or targets per ${by} (e.g. jamsostek breakdown … --by ${grain.join(',')})`,
      },
      {
        message: `target diberi kunci ${cols} (${nId} target), kunci yang tidak dimiliki laporan ini: laporan per ${byId}, dan tidak ada barisnya yang berupa satu ${columns[0]}`,
        hint: `berikan ${flag} dengan data yang memiliki kolom ${columns[0]}, atau target per ${byId} (mis. jamsostek breakdown … --by ${grain.join(',')})`,
      },
    ),
  });
}

/**
 * A free-text key of the targets the report is not by (a `sector` column on a report by province): the
 * load added the targets up over it, so no row of the report can have one. Refused.
 */
export function refuseSummedKeys(table: Table, grain: readonly string[]): void {
  // On the table's columns where it has them (a million targets: no row object made).
  const size = columnsOf(table)?.size ?? table.rows.length;
  const summed = table.dims.filter((d, i) => !FRAME.has(d.name) && !grain.includes(d.name) && size > 0 && !hasKeys(table, i));
  if (!summed.length) return;
  const rows = table.sources.reduce((n, s) => n + s.rows, 0);
  throw refusal(table.sources.map((s) => s.name).join(', '), summed.map((d) => d.name), rows, grain, grain.some((g) => dimIndex(table, g) >= 0));
}

/**
 * A load of the targets refused for duplicate rows with no key column at all (a `kantor` column the tool
 * does not know: every row has the same, empty, key): read again, adding up, to see the columns left
 * unread; when the header did split into columns the tool knows (target), those are the file's key.
 * Returns the refusal to throw instead, or undefined (the load's own problem stands).
 */
export async function unknownKeyOf(e: unknown, files: readonly string[], grain: readonly string[], load: LoadOptions): Promise<InputError | undefined> {
  const unread = e instanceof InputError && e.diagnostics[0]?.code === 'duplicate-row' ? e.diagnostics[0].unread : undefined;
  if (!unread?.length) return undefined;
  // Read again with those columns as keys: each row is then one target (or the file has true duplicates,
  // and the load says so).
  const keys = unread.map(canonicalColumn);
  let t: Table;
  try {
    t = await loadTable(files, { role: '--targets', dims: [...grain, 'year', 'from', ...keys], measures: new Map([['target', 'count']]), required: [{ column: 'target', why: 'the targets to compare with', whyId: 'target pembanding' }], rule: 'refuse', optionalDims: ['year', 'from'], blankDims: ['period'] }, { ...load, allowOverCoverage: true, onSource: undefined, onProgress: undefined, onBpsCode: undefined });
  } catch {
    return undefined;
  }
  return refusal(t.sources.map((s) => s.name).join(', '), unread, t.rows.length, grain, false);
}
