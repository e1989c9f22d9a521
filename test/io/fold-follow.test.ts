// FileFold finds a row's group first as the group that followed the last row's group last time (rows of a
// sorted file meet their groups in the same order again), without hashing its kept keys. Random rows —
// sorted, shuffled, repeated, with other key columns, a dimension added up over, two files — must give the
// same load with the follower on and off: groups, keys, sums, rows a group, lacking measures, repeats found.
import { afterEach, describe, expect, it } from 'vitest';
import { FOLLOW, LoadFold, OWN_CHECK } from '../../src/io/fold.js';

const measures = [
  { name: 'participants', kind: 'count' as const },
  { name: 'workforce', kind: 'count' as const },
];
const dims = [
  { name: 'province', kind: 'province' },
  { name: 'regency', kind: 'regency' },
  { name: 'sector', kind: 'text' },
  { name: 'period', kind: 'period' },
];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = (string | null)[];

function rowsOf(seed: number): Row[][] {
  const rnd = random(seed);
  const pick = (n: number): number => Math.floor(rnd() * n);
  const rows: Row[] = [];
  const sorted = rnd() < 0.6;
  for (let p = 0; p < 1 + pick(3); p++)
    for (let r = 0; r < 1 + pick(4); r++)
      for (let s = 0; s < 1 + pick(5); s++)
        for (let m = 0; m < 1 + pick(6); m++) {
          // Fresh strings (as a reader's cells are), some rows without a regency or a sector.
          const row: Row = [`1${p}`, rnd() < 0.1 ? null : `${p}.${r}`.slice(0), rnd() < 0.1 ? null : ['S', String(s)].join(''), ['2024-', String(m + 1).padStart(2, '0')].join('')];
          rows.push(row);
          if (rnd() < 0.05) rows.push(row.slice());
        }
  if (!sorted) for (let i = rows.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  const cut = pick(rows.length + 1);
  return rnd() < 0.3 ? [rows.slice(0, cut), rows.slice(cut)] : [rows];
}

function load(files: Row[][], named: string[], rule: 'refuse' | 'sum', follow: boolean, seed: number): unknown {
  FOLLOW.on = follow;
  const rnd = random(seed + 1);
  const fold = new LoadFold(dims, measures, named);
  const out: unknown[] = [];
  files.forEach((rows, src) => {
    const file = fold.file(src, rule, true, files.length === 1);
    const groups: number[] = [];
    rows.forEach((row, i) => {
      const have = Uint8Array.of(1, rnd() < 0.1 ? 0 : 1);
      groups.push(file.add(row, Float64Array.of(1 + i, 2 * i), have, new Float64Array(2), i + 2));
    });
    const per: unknown[] = [];
    for (let g = file.start; g < file.end; g++) per.push([file.rowsIn(g), file.lacked(g, 1)]);
    out.push({ groups, per, merged: file.merged });
  });
  const store = fold.store;
  const table: unknown[] = [];
  for (let g = 0; g < fold.count; g++) table.push([fold.keysOf(g), fold.mask(g), store.value(g, 0), store.value(g, 1), store.lineAt(g)]);
  const repeated = fold.repeatedRows().map((r) => [r.mask, [...r.digests].sort((a, b) => a - b), [...r.sources]]);
  return { out, table, repeated, lacking: [...store.lacking] };
}

describe('FileFold follower', () => {
  afterEach(() => {
    FOLLOW.on = true;
    OWN_CHECK.maxWords = 1 << 22;
  });

  it('gives the same load as the hash alone, on sorted, shuffled and repeated rows', () => {
    let followed = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const files = rowsOf(seed);
      const named = seed % 3 === 0 ? ['sector'] : [];
      const rule = seed % 4 === 0 ? 'sum' : 'refuse';
      // The own check given up on the way, now and then.
      OWN_CHECK.maxWords = seed % 5 === 0 ? 4 : 1 << 22;
      const off = load(files, named, rule, false, seed);
      const on = load(files, named, rule, true, seed);
      expect(on, `seed ${seed}`).toEqual(off);
      if (files.flat().length > 20) followed++;
    }
    expect(followed).toBeGreaterThan(50);
  });
});
