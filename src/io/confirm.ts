// What the compact checks of a load found are suspects: digests of rows' keys seen twice (fold.ts), groups
// of two different sets of key columns that agree on the keys they keep (fold.ts), digests of a
// participant id in one month seen twice (id-ledger.ts). Here each is confirmed on the rows themselves,
// read a second time, and refused naming both places — or dropped, when the rows turn out to differ (a
// digest collision, or rows told apart by a column the groups added up over). Only the sources with
// suspects are read again, each once; a load without suspects reads nothing again.
//
// Standard input and pipes cannot be read again: their rows keep their places as they are read
// (key-sets.ts, PlacedSet), a matching digest stands for them, and an overlap that only a column added
// up over could settle is refused with a hint.

import { clipValue } from '../core/clip.js';
import type { RowRef, Table } from '../core/table.js';
import type { Problem } from '../errors.js';
import { canonicalColumn } from '../core/columns.js';
import { xlsxCellName } from '../core/cell-name.js';
import { rowDigest, type LoadFold, type Suspect } from './fold.js';
import type { IdLedger } from './id-ledger.js';
import { digest53 } from './key-sets.js';
import { dimWord } from './key-domains.js';
import type { InputFormat } from './readers/index.js';
import type { TappedRow } from './typed-rows.js';
import { parquetPlace, rowPlace } from './places.js';
import { inputProblem } from './words.js';

/** How to read a source again. */
export interface Rereadable {
  readonly path: string;
  readonly name: string;
  readonly format: InputFormat;
  /** A regular file (it can be read again); stdin and pipes cannot. */
  readonly regular: boolean;
  /** The column names in file order, where places name a column by its name (Parquet). */
  columns?: readonly string[];
  /** A role file's rule for --header-row/--delimiter (load.ts ownHeaderRule): read again by the same rule. */
  own?: import('./csv-rows.js').OwnHeader;
}

/** Read source `src` again, each row to `tap`; answers the sha256 of what was read. */
export type ReadAgain = (src: number, tap: (row: TappedRow) => void) => Promise<string | undefined>;

interface Seen {
  readonly src: number;
  readonly line: number;
  /** Undefined for a row of a source that cannot be read again (known by its digest and place only). */
  readonly keys?: readonly (string | null)[];
  readonly id?: string;
  readonly idColumn?: number;
  readonly period?: string;
}

const before = (a: RowRef, b: RowRef): number => a.src - b.src || a.line - b.line;

export async function confirmSuspects(fold: LoadFold, ids: IdLedger, table: Table, rereads: readonly Rereadable[], readAgain: ReadAgain, limit: number, skip: ReadonlySet<number> = new Set()): Promise<Problem[]> {
  const out: Problem[] = [];
  if (limit <= 0) return out;
  const repeated = fold.repeatedRows();
  const overlaps = fold.findOverlaps(limit, skip);
  const idDigests = ids.finish();
  // Groups of the same keys in two files, one of them read by the engine: compared row by row below.
  const clashes = new Set(fold.clashes(skip).map((c) => `${c.mask}\u0002${c.keys}`));
  if (!repeated.length && !overlaps.length && !idDigests.size && !fold.placedDuplicates.length && !clashes.size) return out;

  // What to read again, and what to look for in it.
  const dupDigests = new Map<number, Set<number>>(); // mask → digests
  const sources = new Set<number>();
  const regular = (src: number): boolean => rereads[src]?.regular === true && !skip.has(src);
  const counted = (src: number): boolean => !skip.has(src);
  for (const r of repeated) {
    dupDigests.set(r.mask, r.digests);
    for (const s of r.sources) if (regular(s)) sources.add(s);
  }
  const overlapMasks = new Set<number>();
  for (const s of overlaps) {
    if (!s.needsRows) continue;
    overlapMasks.add(s.masks[0]);
    overlapMasks.add(s.masks[1]);
  }
  const store = fold.store;
  for (let i = 0; i < store.size; i++) {
    const src = store.src[i]!;
    if (store.parent(i) === undefined && overlapMasks.has(fold.mask(i)) && regular(src)) sources.add(src);
  }
  if (idDigests.size) for (const s of ids.sources) if (regular(s)) sources.add(s);
  const keptOf = (keys: readonly (string | null)[]): string => keys.map((k, d) => (k === null || k === undefined || !fold.keeps(d) ? '\u0001' : k)).join('\u0000');
  if (clashes.size) {
    for (let i = 0; i < store.size; i++) {
      const src = store.src[i]!;
      if (store.parent(i) === undefined && regular(src) && clashes.has(fold.keyText(i))) sources.add(src);
    }
  }
  const clashRows = new Map<string, Seen[]>();

  const dupRows = new Map<string, Seen[]>(); // "mask:digest" → rows
  const byMask = new Map<number, Seen[]>();
  const idRows = new Map<number, Seen[]>(); // digest → rows
  const push = <K>(map: Map<K, Seen[]>, k: K, s: Seen): void => {
    const list = map.get(k);
    if (list) list.push(s);
    else map.set(k, [s]);
  };
  const changed: number[] = [];
  for (const src of [...sources].sort((a, b) => a - b)) {
    const sha = await readAgain(src, (row) => {
      if (dupDigests.size || overlapMasks.size || clashes.size) {
        const { mask, digest, h1, h2 } = rowDigest(row.keys);
        if (dupDigests.get(mask)?.has(digest)) push(dupRows, `${mask}:${digest}`, { src, line: row.line, keys: row.keys });
        if (overlapMasks.has(mask)) push(byMask, mask, { src, line: row.line, keys: row.keys });
        const c = `${mask}\u0002${keptOf(row.keys)}`;
        if (clashes.has(c)) {
          push(clashRows, c, { src, line: row.line, keys: row.keys });
          // A row of standard input with the same keys (it cannot be read again: its hash and place).
          const placed = fold.placedOf(mask);
          const slot = placed ? placed.find(h1, h2) : -1;
          if (placed && slot >= 0 && counted(placed.src(slot))) push(clashRows, c, { src: placed.src(slot), line: placed.line(slot), keys: row.keys });
        }
      }
      if (idDigests.size && row.id !== undefined) {
        const w = ids.wordsOf(row.id, row.period);
        const d = digest53(w[0]!, w[1]!);
        if (idDigests.has(d)) push(idRows, d, { src, line: row.line, id: row.id, idColumn: row.idColumn, period: row.period });
      }
    });
    if (sha !== undefined && sha !== table.sources[src]?.sha256) changed.push(src);
  }
  for (const src of changed) out.push(inputProblem({ code: 'changed-while-read' }, { file: table.sources[src]?.name }));
  if (changed.length) return out;
  // Rows of sources that cannot be read again, by their digests and places.
  for (const r of repeated) {
    if (!r.placed) continue;
    for (const [h1, h2, src, line] of r.placed.entries()) if (counted(src) && r.digests.has(digest53(h1, h2))) push(dupRows, `${r.mask}:${digest53(h1, h2)}`, { src, line });
  }
  if (ids.placed) for (const [h1, h2, src, line, column] of ids.placed.entries()) if (counted(src) && idDigests.has(digest53(h1, h2))) push(idRows, digest53(h1, h2), { src, line, idColumn: column || undefined, ...ids.placedText.get(digest53(h1, h2)) });
  for (const r of ids.placedRepeats) if (counted(r.src)) push(idRows, r.digest, { src: r.src, line: r.line, idColumn: r.column || undefined, ...ids.placedText.get(r.digest) });

  // Rows with the same keys: within a digest, rows whose keys are equal (a row known only by its digest
  // goes with the others).
  const duplicates: { first: Seen; second: Seen; keys: readonly (string | null)[]; mask: number }[] = [];
  for (const [k, rows] of dupRows) {
    const mask = Number(k.slice(0, k.indexOf(':')));
    for (const group of sameBy(rows, (r) => (r.keys ? JSON.stringify(r.keys) : undefined))) {
      const keys = group.find((r) => r.keys)?.keys;
      if (!keys) continue;
      for (let i = 1; i < group.length; i++) duplicates.push({ first: group[0]!, second: group[i]!, keys, mask });
    }
  }
  for (const [k, rows] of clashRows) {
    const mask = Number(k.slice(0, k.indexOf('\u0002')));
    const unique = new Map<string, Seen>();
    for (const r of rows) unique.set(`${r.src}:${r.line}`, r);
    for (const group of sameBy([...unique.values()], (r) => (r.keys ? JSON.stringify(r.keys) : undefined))) {
      const keys = group.find((r) => r.keys)?.keys;
      if (!keys) continue;
      for (let i = 1; i < group.length; i++) duplicates.push({ first: group[0]!, second: group[i]!, keys, mask });
    }
  }
  for (const d of fold.placedDuplicates) if (counted(d.first.src) && counted(d.second.src) && !duplicates.some((x) => x.second.src === d.second.src && x.second.line === d.second.line)) duplicates.push({ first: d.first, second: d.second, keys: d.keys, mask: d.mask });
  duplicates.sort((a, b) => before(a.second, b.second));
  for (const d of duplicates) {
    if (out.length >= limit) return out;
    out.push(conflictProblem(table, fold, 'duplicate', d.first, d.second, d.keys, [d.mask, d.mask]));
  }

  // Rows of two sets of key columns that agree on the columns both have.
  const seenPairs = new Set<string>();
  for (const s of overlaps) {
    if (out.length >= limit) return out;
    if (!s.needsRows) {
      out.push(conflictProblem(table, fold, 'overlap', s.first, s.second, s.keys, s.masks));
      continue;
    }
    const pair = `${s.masks[0]},${s.masks[1]}`;
    if (seenPairs.has(pair)) continue;
    seenPairs.add(pair);
    let unreadable = false;
    for (let i = 0; i < store.size && !unreadable; i++) {
      const src = store.src[i]!;
      unreadable = store.parent(i) === undefined && counted(src) && (fold.mask(i) === s.masks[0] || fold.mask(i) === s.masks[1]) && !regular(src);
    }
    if (unreadable) {
      out.push(unchecked(table, fold, s));
      continue;
    }
    const key = (r: Seen): string => s.common!.map((d) => r.keys![d] ?? '').join('\u0000');
    const firstOf = new Map<string, Seen>();
    for (const r of byMask.get(s.masks[0]) ?? []) if (!firstOf.has(key(r))) firstOf.set(key(r), r);
    for (const r of byMask.get(s.masks[1]) ?? []) {
      const e = firstOf.get(key(r));
      if (!e) continue;
      if (out.length >= limit) return out;
      const [x, y] = before(e, r) <= 0 ? [e, r] : [r, e];
      out.push(conflictProblem(table, fold, 'overlap', x, y, y.keys!, [maskOf(x.keys!), maskOf(y.keys!)]));
    }
  }

  // A participant twice in one month: within a digest, rows with the same id text and month.
  const twice: { first: Seen; second: Seen }[] = [];
  for (const rows of idRows.values()) {
    for (const group of sameBy(rows, (r) => (r.id !== undefined ? `${r.period ?? ''}\u0000${r.id}` : undefined))) {
      for (let i = 1; i < group.length; i++) twice.push({ first: group[0]!, second: group[i]! });
    }
  }
  twice.sort((a, b) => before(a.second, b.second));
  for (const t of twice) {
    if (out.length >= limit) return out;
    out.push(idProblem(table, rereads, t.first, t.second));
  }
  return out;
}

/** Rows grouped by a key (rows without one join the first group), each group in order of place. */
function sameBy(rows: readonly Seen[], key: (r: Seen) => string | undefined): Seen[][] {
  const groups = new Map<string, Seen[]>();
  const loose: Seen[] = [];
  for (const r of rows) {
    const k = key(r);
    if (k === undefined) loose.push(r);
    else {
      const g = groups.get(k);
      if (g) g.push(r);
      else groups.set(k, [r]);
    }
  }
  const out = [...groups.values()];
  if (loose.length) {
    if (out.length) for (const r of loose) out[0]!.push(r);
    else out.push(loose);
  }
  for (const g of out) g.sort(before);
  return out.filter((g) => g.length > 1);
}

function idProblem(table: Table, rereads: readonly Rereadable[], first: Seen, second: Seen): Problem {
  const src = table.sources[second.src]!;
  const sameFile = first.src === second.src;
  const where = src.sheet
    ? { file: `${src.name}:${xlsxCellName(src.sheet, second.line, second.idColumn ?? 1)}` }
    : src.format === 'parquet'
      ? { file: parquetPlace(src.name, rereads[second.src]?.columns ?? [], second.line, second.idColumn) }
      : { file: src.name, line: second.line, column: second.idColumn };
  return inputProblem({ code: 'participant-twice', id: second.id ?? first.id ?? '', period: second.period ?? first.period, first: sameFile ? String(first.line) : rowPlace(table, first.src, first.line), sameFile, rows: rowsNotLines(src) }, where);
}

/** A Parquet file has rows and a sheet has numbered rows, where a text file has lines. */
function rowsNotLines(s: Table['sources'][number]): boolean {
  return s.format === 'parquet' || s.sheet !== undefined;
}

function maskOf(keys: readonly (string | null)[]): number {
  let m = 0;
  keys.forEach((k, d) => {
    if (k !== null) m |= 1 << d;
  });
  return m;
}

function secondPlace(table: Table, at: RowRef): { file?: string; line?: number } {
  const s = table.sources[at.src]!;
  return s.sheet || s.format === 'parquet' ? { file: rowPlace(table, at.src, at.line) } : { file: s.name, line: at.line };
}

function describeKeys(table: Table, keys: readonly (string | null)[], lang: 'id' | 'en'): string {
  const parts: string[] = [];
  table.dims.forEach((d, i) => {
    const k = keys[i];
    if (k !== null && k !== undefined && d.name !== 'kanwil') parts.push(clipValue(d.labels.get(k) ?? k));
  });
  return parts.join(' / ') || (lang === 'id' ? '(tanpa kolom kunci)' : '(no key columns)');
}

function unchecked(table: Table, fold: LoadFold, s: Suspect): Problem {
  const dims = s.common!.filter((d) => !fold.keeps(d));
  const words = (lang: 'en' | 'id'): string => dims.map((d) => dimWord(table.dims[d]!.name, lang)).join(', ');
  return {
    ...secondPlace(table, s.second),
    ...inputProblem({ code: 'overlap-unchecked', keys: describeKeys(table, s.keys, 'en'), keysId: describeKeys(table, s.keys, 'id'), first: rowPlace(table, s.first.src, s.first.line), firstId: rowPlace(table, s.first.src, s.first.line, 'id'), dims: { en: words('en'), id: words('id') } }, {}),
  };
}

function conflictProblem(table: Table, fold: LoadFold, kind: 'duplicate' | 'overlap', first: RowRef, second: RowRef, keys: readonly (string | null)[], masks: readonly [number, number]): Problem {
  const where = secondPlace(table, second);
  const sameFile = first.src === second.src;
  const firstAt = (lang: 'en' | 'id'): string =>
    sameFile ? `${lang === 'id' ? 'pertama di baris' : rowsNotLines(table.sources[second.src]!) ? 'first at row' : 'first at line'} ${first.line}` : `${lang === 'id' ? 'pertama di' : 'first at'} ${rowPlace(table, first.src, first.line, lang)}`;
  if (kind === 'duplicate') {
    const a = table.sources[second.src]!;
    const b = table.sources[first.src]!;
    const ignored = a.ignoredColumns.length ? a.ignoredColumns : b.ignoredColumns;
    const by = `--by ${['province', ...ignored.map(canonicalColumn)].slice(0, 2).join(',')}`;
    // No key column at all: the header line was not read as meant (a wrong --delimiter, the header on
    // another line), and the rows differ in what the header made of them; --by cannot help there.
    const noKeys = keys.every((k) => k === null || k === undefined);
    return { ...where, ...inputProblem({ code: 'duplicate-row', keys: describeKeys(table, keys, 'en'), keysId: describeKeys(table, keys, 'id'), first: firstAt('en'), firstId: firstAt('id'), ignored, by, noKeys }, {}), ...(noKeys && ignored.length ? { unread: ignored } : {}) };
  }
  const per = (mask: number, lang: 'en' | 'id'): string =>
    table.dims
      .filter((_, i) => mask & (1 << i) && fold.dims[i] !== undefined)
      .map((d) => dimWord(d.name, lang))
      .join(', ') || (lang === 'id' ? 'tanpa kunci' : 'nothing');
  return {
    ...where,
    ...inputProblem(
      {
        code: 'overlapping-rows',
        keys: describeKeys(table, keys, 'en'),
        keysId: describeKeys(table, keys, 'id'),
        first: rowPlace(table, first.src, first.line),
        firstId: rowPlace(table, first.src, first.line, 'id'),
        per: { en: per(masks[0], 'en'), id: per(masks[0], 'id') },
        otherPer: { en: per(masks[1], 'en'), id: per(masks[1], 'id') },
      },
      {},
    ),
  };
}
