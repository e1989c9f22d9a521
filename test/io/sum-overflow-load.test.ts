// An employer extract of ~2^31 participants a row, with the extract engine allowed and not
// (fx26): the load's sums are exact, its count column turns from Int32Array to Float64Array at the
// first sum past 2^31 − 1, and a sum of its groups past 2^53 − 1 is named at the file's row that takes
// it there (io/overflow-row.ts). Expected numbers are worked out by hand in the comments.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageSchema } from '../../src/app/read.js';
import { columnsFor, rollup, SumOverflowError } from '../../src/core/table.js';
import { loadTable, type LoadOptions } from '../../src/io/load.js';
import { locateOverflowRow } from '../../src/io/overflow-row.js';
import { tmp } from '../e2e/helpers.js';

const BASE: LoadOptions = { maxErrors: 20, allowOverCoverage: true, codeSystem: 'kemendagri' };
const HEAD = 'employer_id,province,segment,period,participants';
const dir = tmp();
let n = 0;
const file = (lines: readonly string[]): string => {
  const p = join(dir, `e${n++}.csv`);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
};

describe.each(['always', 'never'] as const)('employer extract, fast engine %s', (mode) => {
  // (On ad39001 the engine hands these files back to the general path in both modes; they are read both
  // ways so that an engine that takes them later is held to the same sums.)
  const load = (path: string) => loadTable([path], coverageSchema(['province'], undefined, true), { ...BASE, fastExtract: mode });

  it('counts stay 4 bytes up to 2^31 − 1 and turn to 8 at the first sum past it, every value kept', async () => {
    const atBound = await load(file([HEAD, 'E1,Aceh,PU,2024-06,2147483647', 'E2,Bali,PU,2024-06,2147483646', 'E3,Bali,PU,2024-06,1']));
    const m = atBound.measures.findIndex((x) => x.name === 'participants');
    expect(columnsFor(atBound).valuesOf(m)!.values).toBeInstanceOf(Int32Array);
    // Aceh 2,147,483,647 + 1 = 2,147,483,648 = 2^31: past the bound. Bali 2,147,483,646 + 1 = 2,147,483,647.
    const past = await load(file([HEAD, 'E1,Aceh,PU,2024-06,2147483647', 'E2,Bali,PU,2024-06,2147483646', 'E3,Bali,PU,2024-06,1', 'E4,Aceh,PU,2024-06,1']));
    const cols = columnsFor(past);
    expect(cols.valuesOf(m)!.values).toBeInstanceOf(Float64Array);
    const p = past.dims.findIndex((d) => d.name === 'province');
    const by = new Map(past.rows.map((r) => [past.dims[p]!.labels.get(r.keys[p]!) ?? r.keys[p], r.values[m]]));
    expect(by.get('Aceh')).toBe(2147483648);
    expect(by.get('Bali')).toBe(2147483647);
  });

  it("the Total of the groups past 2^53 − 1: the table names a group's first row, the files the row that passes it", async () => {
    // Running total: 3e15 (line 2), 6e15 (3), 6,000,002,147,483,647 (4), 6,000,004,294,967,295 (5),
    // 9,000,004,294,967,295 (6), 9,007,004,294,967,295 (7), 9,007,204,294,967,295 (8: past 9,007,199,254,740,991).
    // Groups in order of first row: Aceh (line 2), Bali (3), Papua (6); Papua's sum is added last.
    const f = file([HEAD, 'E1,Aceh,PU,2024-06,3000000000000000', 'E2,Bali,PU,2024-06,3000000000000000', 'E3,Aceh,PU,2024-06,2147483647', 'E4,Bali,PU,2024-06,2147483648', 'E5,Papua,PU,2024-06,3000000000000000', 'E6,Aceh,PU,2024-06,7000000000000', 'E7,Papua,PU,2024-06,200000000000']);
    const t = await load(f);
    let e: unknown;
    try {
      rollup(t, []);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(SumOverflowError);
    const raw = e as SumOverflowError;
    expect(raw.at.line).toBe(6);
    expect(raw.group).toEqual({ dims: [], keys: [], shown: [] });
    const located = await locateOverflowRow(raw);
    expect(located.rowFound).toBe(true);
    expect(located.at).toEqual({ src: 0, line: 8 });
  });
});
