// Issue 20: regional CSV files of 4 MiB and more are read by the byte-level engine too (rows added up by
// the keys the report keeps; each row checked by the engine: no two rows with the same keys, participants
// not above a denominator). The general path is the reference: for every generated file the two give the
// same Table, or the same errors (the engine refuses, and the general path words every problem).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadTable, type LoadOptions, type LoadSchema } from '../../src/io/load.js';

const dir = mkdtempSync(join(tmpdir(), 'jamsostek-fast-regional-'));
let n = 0;

function file(text: string): string {
  const path = join(dir, `r${n++}.csv`);
  writeFileSync(path, text);
  return path;
}

const MEASURES = new Map([['participants', 'count'], ['workforce', 'count'], ['employed', 'count']] as const);
const BASE: LoadOptions = { maxErrors: 20, allowOverCoverage: false, numberLocale: 'auto', codeSystem: 'kemendagri' };

async function outcome(paths: string[], mode: 'always' | 'never', schema: LoadSchema, extra: Partial<LoadOptions> = {}): Promise<{ routes: string[]; result: unknown }> {
  const routes: string[] = [];
  try {
    const t = await loadTable(paths, schema, { ...BASE, ...extra, fastExtract: mode, onRoute: (_f, r) => routes.push(r) });
    return { routes, result: { dims: t.dims.map((d) => [d.name, d.kind, [...d.labels]]), measures: t.measures, rows: t.rows, sources: t.sources, rule: t.rule } };
  } catch (e) {
    if (e instanceof InputError) return { routes, result: { errors: e.diagnostics } };
    throw e;
  }
}

const PROVINCES = ['Gorontalo', 'Aceh', 'GORONTALO', 'Jawa Barat', 'DKI Jakarta', 'Papua Barat Daya'];
const REGENCIES: Record<string, string[]> = { Gorontalo: ['Boalemo', 'Pohuwato'], GORONTALO: ['Boalemo'], Aceh: ['Simeulue', 'Aceh Singkil'], 'Jawa Barat': ['Bogor', 'Sukabumi'], 'DKI Jakarta': ['Kepulauan Seribu'], 'Papua Barat Daya': ['Sorong'] };
const SECTORS = ['Pertanian', 'Perdagangan', 'pertanian', 'Industri', 'Total'];
const PERIODS = ['2024-06', '2024-07', '2024-6'];
const COUNTS = ['12', '0', '1.234', '1,234', '5', '1.234.567', '999', ' 7 ', '2,000', '3.000'];
const PLANTS = ['none', 'duplicate', 'over', 'blank-sector', 'bad-count', 'control', 'jumlah', 'unknown'] as const;

interface Spec {
  /** Only one spelling of each key and plain counts (the engine then usually takes the file). */
  clean: boolean;
  delimiter: string;
  regency: boolean;
  sector: boolean;
  period: boolean;
  workforce: boolean;
  note: boolean;
  rows: { p: number; r: number; s: number; t: number; c: number; w: number }[];
  plant: (typeof PLANTS)[number];
  plantAt: number;
}

function render(spec: Spec): string {
  const d = spec.delimiter;
  const head = ['province', ...(spec.regency ? ['regency'] : []), ...(spec.sector ? ['sector'] : []), ...(spec.period ? ['period'] : []), ...(spec.workforce ? ['workforce'] : []), 'participants', ...(spec.note ? ['note'] : [])];
  const lines = [head.join(d)];
  spec.rows.forEach((row, i) => {
    const province = PROVINCES[row.p % (spec.clean ? 2 : PROVINCES.length)]!;
    const regencies = REGENCIES[province]!;
    const planted = i === spec.plantAt % spec.rows.length ? spec.plant : 'none';
    let p = spec.clean ? String(row.c) : COUNTS[row.c % COUNTS.length]!;
    let w = String(100_000 + row.w);
    if (planted === 'over') w = '0';
    if (planted === 'bad-count') p = '1,5x';
    const q = (v: string): string => (v.includes(d) ? `"${v}"` : v);
    const cells = [
      planted === 'jumlah' ? 'Jumlah' : planted === 'unknown' ? 'Atlantis' : province,
      ...(spec.regency ? [regencies[row.r % regencies.length]!] : []),
      ...(spec.sector ? [planted === 'blank-sector' ? '' : planted === 'control' ? 'Per\u0007tanian' : row.s < 3 ? SECTORS[row.s % SECTORS.length]! : `Sektor ${i}`] : []),
      ...(spec.period ? [PERIODS[row.t % (spec.clean ? 2 : PERIODS.length)]!] : []),
      ...(spec.workforce ? [w] : []),
      q(p),
      ...(spec.note ? [`note ${i % 3}`] : []),
    ];
    lines.push(cells.join(d));
    if (planted === 'duplicate') lines.push(cells.join(d));
  });
  return lines.join('\n') + '\n';
}

const spec: fc.Arbitrary<Spec> = fc.record({
  clean: fc.boolean(),
  delimiter: fc.constantFrom(',', ';', '\t'),
  regency: fc.boolean(),
  sector: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
  period: fc.boolean(),
  workforce: fc.boolean(),
  note: fc.boolean(),
  rows: fc.array(fc.record({ p: fc.nat(20), r: fc.nat(5), s: fc.nat(30), t: fc.nat(5), c: fc.nat(20), w: fc.nat(1000) }), { minLength: 1, maxLength: 30 }),
  plant: fc.oneof({ arbitrary: fc.constant('none' as const), weight: 2 }, { arbitrary: fc.constantFrom(...PLANTS), weight: 1 }),
  plantAt: fc.nat(30),
});

describe('the regional fast path gives what the general path gives', () => {
  it('on generated regional files, clean and with planted problems, by province and by sector', async () => {
    let fast = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(spec, fc.constantFrom<'auto' | 'id' | 'en'>('auto', 'auto', 'id', 'en'), fc.constantFrom(['province'], ['province', 'sector']), async (s, locale, by) => {
        const path = file(render(s));
        const schema: LoadSchema = { dims: by, measures: MEASURES, rule: 'auto', required: [{ column: 'participants', why: 'p', whyId: 'p', regional: true }] };
        const a = await outcome([path], 'always', schema, { numberLocale: locale });
        const b = await outcome([path], 'never', schema, { numberLocale: locale });
        expect(a.result).toEqual(b.result);
        total++;
        if (a.routes[0] === 'fast') fast++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
    // The property means little if the engine refused everything (planted problems and duplicate rows
    // of random keys send many files to the general path).
    expect(fast).toBeGreaterThan(total / 5);
  }, 120_000);

  it('takes the fast path on a clean file and keeps one row per kept key', async () => {
    const rows = ['province,regency,sector,period,workforce,participants'];
    for (let i = 0; i < 400; i++) rows.push(`Gorontalo,${i % 2 ? 'Boalemo' : 'Pohuwato'},S${i},2024-0${1 + (i % 4)},1000,${i % 7}`);
    const path = file(rows.join('\n') + '\n');
    const schema: LoadSchema = { dims: ['province'], measures: MEASURES, rule: 'auto' };
    const a = await outcome([path], 'always', schema);
    const b = await outcome([path], 'never', schema);
    expect(a.routes).toEqual(['fast']);
    expect(a.result).toEqual(b.result);
    expect((a.result as { rows: unknown[] }).rows).toHaveLength(4); // Boalemo in months 2 and 4, Pohuwato in 1 and 3
  });

  it('rows of the same keys in two files, one read by the engine: both places, on either route', async () => {
    const head = 'province,sector,participants\n';
    const x = file(head + 'Gorontalo,A,1\nGorontalo,B,2\nAceh,A,3\n');
    const y = file(head + 'Gorontalo,C,4\nGorontalo,B,5\n');
    const schema: LoadSchema = { dims: ['province'], measures: MEASURES, rule: 'auto' };
    const a = await outcome([x, y], 'always', schema);
    const b = await outcome([x, y], 'never', schema);
    expect(a.routes).toEqual(['fast', 'fast']);
    expect(a.result).toEqual(b.result);
    expect((a.result as { errors: { file: string; line: number; message: string }[] }).errors.map((e) => `${e.file}:${e.line} ${e.message}`)).toEqual([`${y}:3 duplicate row for Gorontalo / B (first at ${x}:3)`]);
  });
});
