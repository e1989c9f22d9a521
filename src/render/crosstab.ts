// The columns of a cross-tab laid flat: the row header columns, then for each key across (PU, BPU, …,
// total) each measure (today, target). Every renderer that draws the cross-tab lays it out this way.

import type { ColumnKind, CrossTab, Lang, Value } from '../report/model.js';

type CrossTabRow = CrossTab['rows'][number];

export interface CrossTabValueColumn {
  /** Index into crosstab.across and crosstab.measures. */
  readonly across: number;
  readonly measure: number;
  readonly kind: ColumnKind;
  /** The key across ("PU"), then the measure ("target"). */
  readonly group: { readonly en: string; readonly id: string };
  readonly label: { readonly en: string; readonly id: string };
}

export function crossTabValueColumns(ct: CrossTab): CrossTabValueColumn[] {
  const out: CrossTabValueColumn[] = [];
  ct.across.forEach((a, j) => ct.measures.forEach((m, k) => out.push({ across: j, measure: k, kind: m.kind, group: a.label, label: m.label })));
  return out;
}

/** One header line for formats that have one: "PU · target". */
export const flatLabel = (c: CrossTabValueColumn, lang: Lang): string => `${c.group[lang]} · ${c.label[lang]}`;

/** cells[across][measure], or null where the cross-tab has no value. */
export function crossTabCell(cells: readonly (readonly Value[])[], c: CrossTabValueColumn): Value {
  return cells[c.across]?.[c.measure] ?? null;
}

/** Is the cell of `c` in this row an estimate (issue 19: marked as the long list marks it)? */
export function crossTabMarked(ct: CrossTab, row: CrossTabRow, c: CrossTabValueColumn): boolean {
  return row.estimated?.[c.across]?.includes(ct.measures[c.measure]!.key) === true;
}
