// One load's files that disagree on the regional office (rv34 R5): one office's file has a kanwil column,
// another's has none. The Table then has a kanwil dimension whose keys are blank on the second file's
// rows, and every join on it goes wrong without a word: the bundled denominators are keyed by Kanwil too
// (their Kanwil is derived), so the previous month's coverage of those rows found no figures and their
// coverage_change_pp (and the Total's) was blank, under a warning saying it was computed.
// The files are made to agree as `--by kanwil` already makes them: a row without a Kanwil takes its
// province's (the bundled list, `jamsostek provinces`), and each such file is named in a note. A row
// with a Kanwil of its own was checked against its province when read (typed-rows.ts kanwilMismatch).

import type { Note } from '../core/facts.js';
import { KeyColumn, type RowColumns } from '../core/row-columns.js';
import type { SourceFacts } from '../core/table.js';
import type { KeyDomains } from './key-domains.js';
import type { TableShape } from './typed-rows.js';

/**
 * Give each row of `cols` without a Kanwil but with a province its province's Kanwil, when the load has
 * a kanwil dimension (some file gave one) and a province dimension; returns the sources whose rows were
 * filled, with how many, and the sources that gave a Kanwil (for the note). Nothing when no row lacks one.
 */
export function fillKanwil(cols: RowColumns, shape: TableShape, domains: KeyDomains): { filled: Map<number, number>; given: Set<number> } | undefined {
  const kd = shape.dims.findIndex((d) => d.name === 'kanwil');
  const pd = shape.dims.findIndex((d) => d.name === 'province');
  if (kd < 0 || pd < 0) return undefined;
  const kc = cols.column(kd);
  const pc = cols.column(pd);
  let lacking = false;
  for (let i = 0; i < cols.size && !lacking; i++) lacking = kc.isNull(i) && !pc.isNull(i);
  if (!lacking) return undefined;
  const labels = shape.dims[kd]!.labels;
  const next = new KeyColumn(kc.dictionary);
  const filled = new Map<number, number>();
  const given = new Set<number>();
  for (let i = 0; i < cols.size; i++) {
    let k = kc.at(i);
    const src = cols.src[i]!;
    if (k !== null) given.add(src);
    else {
      const p = pc.at(i);
      const office = p === null ? undefined : domains.province(p)?.kanwil;
      if (office !== undefined) {
        if (!labels.has(office)) labels.set(office, office);
        k = office;
        // A file's rows as it wrote them: a wide row's segment rows are its parts, not rows of their own.
        if (cols.parent(i) === undefined) filled.set(src, (filled.get(src) ?? 0) + 1);
        else if (!filled.has(src)) filled.set(src, 0);
      }
    }
    next.push(k);
  }
  cols.keys[kd] = next;
  return { filled, given };
}

/** The note, on the first file whose rows took their Kanwil from their province (fillKanwil), naming them all. */
export function kanwilFilledNotes(sources: SourceFacts[], fill: { filled: Map<number, number>; given: Set<number> }): void {
  const others = [...fill.given].filter((s) => !fill.filled.has(s)).map((s) => sources[s]!.name);
  const srcs = [...fill.filled.keys()].sort((a, b) => a - b);
  let rows = 0;
  for (const n of fill.filled.values()) rows += n;
  const at = srcs[0]!;
  const s = sources[at]!;
  const note: Note = { code: 'kanwil-derived', files: srcs.map((i) => sources[i]!.name), rows, others: others.slice(0, 3), more: Math.max(0, others.length - 3) };
  sources[at] = { ...s, notes: (s.notes ?? []).concat(note) };
}
