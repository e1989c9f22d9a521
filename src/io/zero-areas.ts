// A province (or Kanwil) whose rows all give 0 participants, once the load's rows are in (rv31 V4).
//
// A province's or Kanwil's own row of 0 participants is refused at its cell (typed-rows.ts,
// zero-area-participants: a blank an export wrote as 0). The same blank comes back through finer rows: a
// province given by its six regencies, every one 0 (the template exported unfilled), or by its four
// segment rows, every one 0, is a province of 0 participants — out of the Total and its change, with
// --expect satisfied. A finer row's own 0 may be real (a new regency, an inland province's PMI), so one
// such row is read as before; a province whose every row (two or more) is 0 is refused as its own 0 row is.
// This runs on the loaded table (one pass, a map per province and month), not per row while reading.

import { columnsFor, dimIndex, labelOf, measureIndex, type Table } from '../core/table.js';
import type { Problem } from '../errors.js';
import { inputProblem } from './words.js';

/** Dimensions that are no finer part of an area's row: its area and its month. */
const OWN = new Set(['period', 'province', 'kanwil']);
/**
 * The parts that make up a whole province (or Kanwil): its regencies and its segments. Rows of other keys
 * (a branch, a sector) need not cover the province, and a table with them is not judged.
 */
const PARTS = new Set(['regency', 'segment']);

interface Area {
  readonly label: string;
  readonly period: string | null;
  readonly src: number;
  readonly line: number;
  rows: number;
  zero: boolean;
}

/**
 * The provinces (else Kanwil) of a regional table whose rows, two or more of them finer than the area
 * (regencies, segments), all give 0 participants in a month: one problem each, at the area's
 * first row. Rows of a wide row's segments are its parts, not rows of their own; a row without a
 * participants figure leaves its area unjudged.
 */
export function zeroAreaRows(table: Table, limit: number): Problem[] {
  const pm = measureIndex(table, 'participants');
  const pi = dimIndex(table, 'province');
  const ki = dimIndex(table, 'kanwil');
  const pd = dimIndex(table, 'period');
  if (pm < 0 || (pi < 0 && ki < 0) || table.dims.every((d) => OWN.has(d.name)) || table.dims.some((d) => !OWN.has(d.name) && !PARTS.has(d.name))) return [];
  const c = columnsFor(table);
  const areas = new Map<string, Area>();
  for (let i = 0; i < c.size; i++) {
    if (c.parent(i) !== undefined) continue;
    const province = pi >= 0 ? c.key(i, pi) : null;
    const kanwil = province === null && ki >= 0 ? c.key(i, ki) : null;
    if (province === null && kanwil === null) continue;
    const period = pd >= 0 ? c.key(i, pd) : null;
    const k = `${period ?? ''}\u0000${province !== null ? `p${province}` : `k${kanwil!}`}`;
    let a = areas.get(k);
    if (!a) {
      const label = province !== null ? labelOf(table.dims[pi]!, province) : labelOf(table.dims[ki]!, kanwil!);
      areas.set(k, (a = { label, period, src: c.src[i]!, line: c.lineAt(i), rows: 0, zero: true }));
    }
    a.rows++;
    if (c.value(i, pm) !== 0) a.zero = false;
  }
  const out: Problem[] = [];
  for (const a of areas.values()) {
    if (!a.zero || a.rows < 2) continue;
    out.push(inputProblem({ code: 'zero-area-rows', area: a.label, rows: a.rows, ...(a.period !== null ? { period: a.period } : {}) }, { file: table.sources[a.src]?.name ?? '', line: a.line }));
    if (out.length >= limit) break;
  }
  return out;
}
