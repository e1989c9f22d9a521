// Total rows are checked against the sums of their rows made once per set of scope dimensions (io/totals.ts
// TOTALS_INDEX), not by a pass over every row for each total (a million rows with a total per regency and
// month: 3 s of a 4.4 s read). The pass per total is the reference: on generated files with many total
// rows (agreeing, disagreeing, blank figures, labels in any key column, blank keys) both give the same
// Table, notes and errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadTable, type LoadOptions, type LoadSchema } from '../../src/io/load.js';
import { TOTALS_INDEX } from '../../src/io/totals.js';

const dir = mkdtempSync(join(tmpdir(), 'jamsostek-totals-index-'));
let n = 0;
const file = (text: string): string => {
  const path = join(dir, `t${n++}.csv`);
  writeFileSync(path, text);
  return path;
};

const MEASURES = new Map([['participants', 'count'], ['workforce', 'count']] as const);
const BASE: LoadOptions = { maxErrors: 50, allowOverCoverage: false, numberLocale: 'auto', codeSystem: 'kemendagri', fastExtract: 'never' };
const PROVINCES = ['Gorontalo', 'Aceh', 'Bali'];
const REGENCIES: Record<string, string[]> = { Gorontalo: ['Boalemo', 'Pohuwato'], Aceh: ['Simeulue', 'Aceh Singkil'], Bali: ['Badung', 'Gianyar'] };
const SECTORS = ['Pertanian', 'Perdagangan', 'Industri'];
const PERIODS = ['2024-06', '2024-07'];
const LABELS = ['Jumlah', 'Total', 'TOTAL', 'Jumlah Kabupaten', 'Total Kanwil Sulawesi Maluku', 'Jumlah Gorontalo', 'Grand total'];

async function outcome(path: string, schema: LoadSchema, indexed: boolean): Promise<unknown> {
  TOTALS_INDEX.on = indexed;
  try {
    // (The notes, "total rows left out … agrees with its rows", are in the sources' facts.)
    const t = await loadTable([path], schema, BASE);
    return { dims: t.dims.map((d) => [d.name, [...d.labels]]), rows: t.rows, sources: t.sources };
  } catch (e) {
    if (e instanceof InputError) return { errors: e.diagnostics };
    throw e;
  }
}

interface Row {
  p: number;
  r: number;
  s: number;
  t: number;
  w: number;
  c: number;
}
interface Total {
  /** Which key cells the total keeps (bit 0 province, 1 regency, 2 sector, 3 period); the label goes in `at`. */
  keep: number;
  at: number;
  label: number;
  /** 0: the sum of its rows; else off by this much; -1: a blank figure. */
  off: number;
  row: number;
  after: number;
}

function render(rows: Row[], totals: Total[]): string {
  const cells = rows.map((x) => {
    const province = PROVINCES[x.p % PROVINCES.length]!;
    return [province, REGENCIES[province]![x.r % 2]!, SECTORS[x.s % SECTORS.length]!, PERIODS[x.t % 2]!, 1000 + x.w, x.c];
  });
  // Each row's keys once (a repeated row is another test's subject).
  const seen = new Set<string>();
  const data = cells.filter((c) => !seen.has(c.slice(0, 4).join()) && seen.add(c.slice(0, 4).join()));
  const lines = ['province,regency,sector,period,workforce,participants', ...data.map((c) => c.join(','))];
  for (const t of totals) {
    const like = data[t.row % data.length]!;
    const keys = like.slice(0, 4).map((k, j) => ((t.keep >> j) & 1 ? String(k) : ''));
    keys[t.at % 4] = LABELS[t.label % LABELS.length]!;
    // Its rows: those that agree on the cells it keeps (as a grand total's check reads them).
    let w = 0;
    let p = 0;
    for (const c of data) {
      if (keys.every((k, j) => k === '' || j === t.at % 4 || k === String(c[j]))) {
        w += Number(c[4]);
        p += Number(c[5]);
      }
    }
    lines.splice(1 + (t.after % lines.length), 0, [...keys, t.off < 0 ? '' : String(w), String(p + Math.max(t.off, 0))].join(','));
  }
  return lines.join('\n') + '\n';
}

const rowArb = fc.record({ p: fc.nat(5), r: fc.nat(3), s: fc.nat(5), t: fc.nat(3), w: fc.nat(500), c: fc.nat(900) });
const totalArb = fc.record({ keep: fc.nat(15), at: fc.nat(3), label: fc.nat(10), off: fc.oneof({ arbitrary: fc.constant(0), weight: 6 }, { arbitrary: fc.constantFrom(-1, 1, 7), weight: 1 }), row: fc.nat(100), after: fc.nat(100) });

describe('total rows checked against sums made once per set of dimensions', () => {
  afterEach(() => {
    TOTALS_INDEX.on = true;
  });

  it('give the Table, notes and errors of a pass over the rows for each total', async () => {
    let agreed = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 40 }), fc.array(totalArb, { minLength: 2, maxLength: 12 }), fc.constantFrom(['province'], ['province', 'regency'], ['province', 'sector'], ['province', 'regency', 'sector']), async (rows, totals, by) => {
        const path = file(render(rows, totals));
        const schema: LoadSchema = { dims: by, measures: MEASURES, rule: 'auto' };
        const a = await outcome(path, schema, true);
        expect(a).toEqual(await outcome(path, schema, false));
        const text = JSON.stringify(a);
        if (text.includes('agrees with its rows') || text.includes('"checked":true')) agreed++;
        if (text.includes('total-disagrees') || text.includes('row(s) it totals add up to')) refused++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
    // The property means little unless totals were checked, both ways.
    expect(agreed).toBeGreaterThan(5);
    expect(refused).toBeGreaterThan(5);
  }, 60_000);

  it('a total per regency and month: each agrees with its own rows, one that does not is refused', async () => {
    const lines = ['province,regency,sector,period,workforce,participants'];
    const bad = 'Boalemo';
    for (const [province, regencies] of Object.entries(REGENCIES)) {
      for (const regency of regencies) {
        for (const period of PERIODS) {
          let w = 0;
          let p = 0;
          SECTORS.forEach((sector, i) => {
            lines.push(`${province},${regency},${sector},${period},${1000 + i},${100 + i}`);
            w += 1000 + i;
            p += 100 + i;
          });
          lines.push(`${province},${regency},Jumlah,${period},${w},${p + (regency === bad && period === '2024-07' ? 1 : 0)}`);
        }
      }
    }
    const schema: LoadSchema = { dims: ['province', 'regency', 'sector'], measures: MEASURES, rule: 'auto' };
    for (const indexed of [true, false]) {
      const r = (await outcome(file(lines.join('\n') + '\n'), schema, indexed)) as { errors?: { message: string; line?: number }[] };
      expect(r.errors?.map((e) => [e.line, e.message])).toEqual([[9, 'the total row "Jumlah" gives participants 304, but the 3 row(s) it totals add up to 303 (1 more in the total)']]);
    }
  });
});
