// The general reader's quick rows (typed-rows.ts TypedRows.quickRow, issue 20): a file whose columns are
// keys and measures only has its ordinary rows (known keys, plain whole numbers, none 0, participants not
// above a denominator) read by a plan made once for its columns; any other row goes through the general
// path, in the middle of the file. Either way the load must give the same Table, the same notes and the
// same problems at the same places: random files (CSV and JSON arrays, odd cells planted among ordinary
// rows) are read with the quick rows on and off and compared whole.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadTable, spareGapsOf, type LoadOptions, type LoadSchema } from '../../src/io/load.js';
import { QUICK_ROWS } from '../../src/io/typed-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'jamsostek-quick-rows-'));
let n = 0;

function file(text: string, ext: string): string {
  const path = join(dir, `q${n++}.${ext}`);
  writeFileSync(path, text);
  return path;
}

const MEASURES = new Map([['participants', 'count'], ['workforce', 'count'], ['employed', 'count']] as const);
const GENERAL: LoadOptions = { maxErrors: 20, allowOverCoverage: false, numberLocale: 'auto', codeSystem: 'kemendagri', fastExtract: 'never' };

/** What the load gives (the Table, its sources and notes) or its problems, and the rows read quickly. */
async function outcome(paths: string[], quick: boolean, schema: LoadSchema, extra: Partial<LoadOptions> = {}): Promise<{ result: unknown; quick: number }> {
  QUICK_ROWS.on = quick;
  const before = QUICK_ROWS.read;
  try {
    const t = await loadTable(paths, schema, { ...GENERAL, ...extra });
    const { dims, ...rest } = t;
    // Everything the load gives (its rows, sources, notes, the spare columns' gaps…), the dimensions' labels as pairs.
    return { quick: QUICK_ROWS.read - before, result: { ...rest, dims: dims.map((d) => [d.name, d.kind, [...d.labels]]), rows: t.rows, measures: t.measures, sources: t.sources, rule: t.rule, spare: spareGapsOf(t, 'employed') } };
  } catch (e) {
    if (e instanceof InputError) return { quick: QUICK_ROWS.read - before, result: { errors: e.diagnostics } };
    throw e;
  } finally {
    QUICK_ROWS.on = true;
  }
}

afterEach(() => {
  QUICK_ROWS.on = true;
});

const AREAS = [
  { code: '75', name: 'Gorontalo', regencies: ['Kabupaten Boalemo', 'Kabupaten Pohuwato'] },
  { code: '11', name: 'Aceh', regencies: ['Kabupaten Simeulue', 'Kabupaten Aceh Singkil'] },
  { code: '31', name: 'DKI Jakarta', regencies: ['Kabupaten Administrasi Kepulauan Seribu'] },
];
const SECTORS = ['Pertanian', 'Perdagangan', 'Industri Pengolahan'];
/** Odd cells planted among ordinary rows: each sends its row (and only its row) to the general path. */
const PLANTS = ['none', 'zero', 'zero-workforce', 'over', 'grouped', 'spaced', 'leading-zero', 'blank', 'bad', 'unknown', 'jumlah', 'repeat', 'date', 'control', 'quoted-number', 'blank-employed'] as const;

interface Spec {
  regency: boolean;
  code: boolean;
  employed: boolean;
  json: boolean;
  rows: { a: number; r: number; s: number; m: number; w: number; p: number; plant: (typeof PLANTS)[number] }[];
}

const spec: fc.Arbitrary<Spec> = fc.record({
  regency: fc.boolean(),
  code: fc.boolean(),
  employed: fc.boolean(),
  json: fc.boolean(),
  rows: fc.array(
    fc.record({
      a: fc.nat(2),
      r: fc.nat(1),
      s: fc.nat(2),
      m: fc.nat(5),
      w: fc.integer({ min: 500, max: 2000 }),
      p: fc.integer({ min: 1, max: 499 }),
      plant: fc.oneof({ arbitrary: fc.constant('none' as const), weight: 12 }, { arbitrary: fc.constantFrom(...PLANTS), weight: 1 }),
    }),
    { minLength: 1, maxLength: 60 },
  ),
});

/** A file of the spec: its rows in order, each with its planted cell. */
function render(s: Spec): { text: string; ext: string } {
  const head = [s.code ? 'province_code' : 'province', ...(s.regency ? ['regency'] : []), 'sector', 'period', 'workforce', ...(s.employed ? ['employed'] : []), 'participants'];
  const records: string[][] = [];
  for (const row of s.rows) {
    const area = AREAS[row.a]!;
    let province = s.code ? area.code : area.name;
    let regency = area.regencies[row.r % area.regencies.length]!;
    let period = `2024-0${1 + row.m}`;
    let sector = SECTORS[row.s]!;
    let w = String(row.w);
    let p = String(row.p);
    let e = String(row.w - 100);
    switch (row.plant) {
      case 'zero': p = '0'; break;
      case 'zero-workforce': w = '0'; break;
      case 'over': p = String(row.w + 1); break; // DKI Jakarta's rows are let through by its documented exception
      case 'grouped': w = '1.250'; break;
      case 'spaced': p = ` ${p}`; break;
      case 'leading-zero': w = `0${w}`; break;
      case 'blank': p = ''; break;
      case 'bad': p = '12x'; break;
      case 'unknown': if (s.regency) regency = 'Kabupaten Atlantis'; else province = 'Atlantis'; break;
      case 'jumlah': province = 'Jumlah'; if (s.regency) regency = ''; break;
      case 'date': period = `2024-0${1 + row.m}-01`; break;
      case 'control': sector = 'Per\u0007tanian'; break;
      case 'quoted-number': p = `"${p}"`; break;
      case 'blank-employed': e = ''; break; // a denominator the run does not divide by (spareGaps)
      default: break;
    }
    const cells = [province, ...(s.regency ? [regency] : []), sector, period, w, ...(s.employed ? [e] : []), p];
    records.push(cells);
    if (row.plant === 'repeat') records.push(cells);
  }
  if (!s.json) return { text: [head.join(','), ...records.map((c) => c.map((v, i) => (i === 1 && s.regency && !v.startsWith('"') ? `"${v}"` : v)).join(','))].join('\n') + '\n', ext: 'csv' };
  // JSON: counts as numbers where they are plain digits (a JSON number), else as the text.
  const value = (v: string, i: number): unknown => (i >= head.length - (s.employed ? 3 : 2) && /^[1-9][0-9]*$/.test(v) ? Number(v) : v.replace(/^"|"$/g, ''));
  const objects = records.map((c) => `{${c.map((v, i) => `${JSON.stringify(head[i])}: ${JSON.stringify(value(v, i))}`).join(', ')}}`);
  return { text: `[\n${objects.join(',\n')}\n]\n`, ext: 'json' };
}

describe('quick rows (TypedRows.quickRow) against the general path', () => {
  it('the same Table, notes and problems on random files with odd cells among ordinary rows', async () => {
    let quick = 0;
    await fc.assert(
      fc.asyncProperty(spec, fc.constantFrom(['province'], ['province', 'sector'], ['province', 'period']), async (s, by) => {
        const { text, ext } = render(s);
        const path = file(text, ext);
        const schema: LoadSchema = { dims: by, measures: MEASURES, rule: 'auto' };
        const a = await outcome([path], true, schema);
        const b = await outcome([path], false, schema);
        expect(a.result).toEqual(b.result);
        expect(b.quick).toBe(0);
        quick += a.quick;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 80) },
    );
    // The property means little unless most rows took the quick way.
    expect(quick).toBeGreaterThan(200);
  }, 120_000);

  it('a file of ordinary rows is read quickly, every row, and sums as written by hand', async () => {
    const rows = ['province_code,regency,sector,period,workforce,participants'];
    // Gorontalo: 2 regencies × 3 sectors × 2 months, workforce 1000, participants 400 + month.
    for (const r of ['Kabupaten Boalemo', 'Kabupaten Pohuwato']) for (const s of SECTORS) for (const m of [1, 2]) rows.push(`75,"${r}",${s},2024-0${m},1000,${400 + m}`);
    const path = file(rows.join('\n') + '\n', 'csv');
    const schema: LoadSchema = { dims: ['province', 'period'], measures: MEASURES, rule: 'auto' };
    const a = await outcome([path], true, schema);
    expect(a.quick).toBe(12);
    const t = a.result as { rows: { keys: (string | null)[]; values: (number | null)[] }[]; dims: [string][] };
    const dims = t.dims.map((d) => d[0]);
    const got = t.rows.map((r) => [r.keys[dims.indexOf('regency')], r.keys[dims.indexOf('period')], r.values[0], r.values[1]]);
    // (A regency is kept as a key: Boalemo 75.02, Pohuwato 75.04.) Per regency and month: 3 sectors of 1000 workforce and 401 (January)
    // or 402 (February) participants.
    expect(got).toEqual([
      ['75.02', '2024-01', 3 * 401, 3000],
      ['75.02', '2024-02', 3 * 402, 3000],
      ['75.04', '2024-01', 3 * 401, 3000],
      ['75.04', '2024-02', 3 * 402, 3000],
    ]);
    expect(a.result).toEqual((await outcome([path], false, schema)).result);
  });

  it('a blank in a denominator column the run does not divide by, among quick rows: kept to be refused at its cell', async () => {
    const rows = ['province,sector,period,workforce,employed,participants', 'Gorontalo,A,2024-06,1000,900,400', 'Gorontalo,B,2024-06,1000,,401', 'Gorontalo,C,2024-06,1000,900,402'];
    const path = file(rows.join('\n') + '\n', 'csv');
    const schema: LoadSchema = { dims: ['province'], measures: MEASURES, rule: 'auto' };
    const a = await outcome([path], true, schema);
    expect(a.quick).toBe(2);
    // (The run divides by the workforce; the employed column holds figures, so its blank is a gap.)
    expect((a.result as { spare: { line?: number }[] }).spare.map((p) => p.line)).toEqual([3]);
    expect(a.result).toEqual((await outcome([path], false, schema)).result);
  });

  it('rows the quick way cannot read go through the general path in the middle of the file, with their places', async () => {
    const rows = ['province,sector,period,workforce,participants', 'Gorontalo,A,2024-06,1000,400', 'Gorontalo,B,2024-06,1000,0', 'Gorontalo,C,2024-06,1000,1001', 'Gorontalo,D,2024-06,1000,12x', 'Gorontalo,E,2024-06,1000,401'];
    const path = file(rows.join('\n') + '\n', 'csv');
    const schema: LoadSchema = { dims: ['province'], measures: MEASURES, rule: 'auto' };
    const a = await outcome([path], true, schema);
    const errors = (a.result as { errors: { line: number; column?: number; message: string }[] }).errors.map((e) => `${e.line}:${e.column ?? ''} ${e.message}`);
    // Line 3's 0 participants is a sector's (read); line 4's participants above the workforce is said
    // once the file's number format is known, after the cell that is not a number.
    expect(errors).toEqual(['5:26 field "participants": "12x" is not a number', '4:26 participants (1001) exceed workforce (1000)']);
    expect(a.result).toEqual((await outcome([path], false, schema)).result);
  });
});
