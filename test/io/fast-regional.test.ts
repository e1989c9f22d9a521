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

// Issue 20 (spd): which ordinary regional CSV layouts the engine takes. Each layout below is a file an
// office sends (an Excel export with CRLF and a BOM, `;` and Indonesian counts, Indonesian headers, a
// province name beside its code, a kanwil column, targets, every field quoted, employed as the
// denominator, a coverage column in either number locale): each is read by the engine, and gives the
// general path's Table exactly. The layouts the engine leaves to the general path (a coverage cell that
// disagrees with its counts: the general path words the warning with its place; a total row) give the
// same Table through it.
describe('ordinary regional layouts on both routes', () => {
  const AREAS = [
    { code: '11', name: 'Aceh', kanwil: 'Sumbagut', regencies: ['Simeulue', 'Aceh Singkil'] },
    { code: '75', name: 'Gorontalo', kanwil: 'Sulawesi Maluku (Sulama)', regencies: ['Boalemo', 'Pohuwato'] },
  ];
  const rows = (cells: (a: (typeof AREAS)[number], regency: string, sector: string, period: string, i: number) => string[]): string[][] => {
    const out: string[][] = [];
    let i = 0;
    for (const a of AREAS) for (const r of a.regencies) for (const s of ['Pertanian', 'Perdagangan', 'Industri Pengolahan']) for (let m = 1; m <= 6; m++) out.push(cells(a, r, s, `2024-0${m}`, i++));
    return out;
  };
  const csv = (head: string[], body: string[][], d = ',', eol = '\n'): string => [head, ...body].map((r) => r.join(d)).join(eol) + eol;
  const HEAD = ['province_code', 'regency', 'sector', 'period', 'workforce', 'participants'];
  const plain = (a: (typeof AREAS)[number], r: string, s: string, p: string, i: number): string[] => [a.code, r, s, p, String(1_000_000 + 37 * i), String(400_000 + 11 * i)];
  const id = (n: number): string => n.toLocaleString('de-DE');
  // Participants ÷ workforce of row i, in percent.
  const pct = (i: number): number => ((400_000 + 11 * i) / (1_000_000 + 37 * i)) * 100;
  const layouts: Record<string, { text: string; route: 'fast' | 'general' }> = {
    'LF, comma': { text: csv(HEAD, rows(plain)), route: 'fast' },
    'CRLF and a byte order mark (Excel)': { text: '\ufeff' + csv(HEAD, rows(plain), ',', '\r\n'), route: 'fast' },
    "';' and Indonesian counts (1.000.037)": { text: csv(HEAD, rows((a, r, s, p, i) => [a.code, r, s, p, id(1_000_000 + 37 * i), id(400_000 + 11 * i)]), ';'), route: 'fast' },
    'Indonesian headers': { text: csv(['kode_provinsi', 'kabupaten_kota', 'sektor', 'periode', 'angkatan_kerja', 'peserta'], rows(plain)), route: 'fast' },
    'a province name beside its code': { text: csv(['province_code', 'province', ...HEAD.slice(1)], rows((a, r, s, p, i) => [a.code, a.name, ...plain(a, r, s, p, i).slice(1)])), route: 'fast' },
    'a kanwil column': { text: csv([...HEAD, 'kanwil'], rows((a, r, s, p, i) => [...plain(a, r, s, p, i), `"${a.kanwil}"`])), route: 'fast' },
    'a target column': { text: csv([...HEAD, 'target'], rows((a, r, s, p, i) => [...plain(a, r, s, p, i), String(450_000 + i)])), route: 'fast' },
    'every field quoted': { text: csv(HEAD.map((h) => `"${h}"`), rows((a, r, s, p, i) => plain(a, r, s, p, i).map((v) => `"${v}"`))), route: 'fast' },
    'employed as the denominator': { text: csv(['province_code', 'regency', 'sector', 'period', 'employed', 'participants'], rows(plain)), route: 'fast' },
    'a coverage column (40.00%)': { text: csv([...HEAD, 'coverage'], rows((a, r, s, p, i) => [...plain(a, r, s, p, i), `${pct(i).toFixed(2)}%`])), route: 'fast' },
    'a coverage column, English, no sign (40.0)': { text: csv([...HEAD, 'coverage'], rows((a, r, s, p, i) => [...plain(a, r, s, p, i), pct(i).toFixed(1)])), route: 'fast' },
    'a coverage column as a fraction (0.400)': { text: csv([...HEAD, 'coverage'], rows((a, r, s, p, i) => [...plain(a, r, s, p, i), (pct(i) / 100).toFixed(3)])), route: 'fast' },
    "a coverage column, ';' and Indonesian (40,00 %, 1.000.037)": { text: csv([...HEAD, 'persentase_cakupan'], rows((a, r, s, p, i) => [a.code, r, s, p, id(1_000_000 + 37 * i), id(400_000 + 11 * i), `${pct(i).toFixed(2).replace('.', ',')} %`]), ';'), route: 'fast' },
    'a coverage column, Indonesian, plain counts (the cells decide the locale: 40,0)': { text: csv([...HEAD, 'cakupan'], rows((a, r, s, p, i) => [...plain(a, r, s, p, i), `"${pct(i).toFixed(1).replace('.', ',')}"`])), route: 'fast' },
    'a coverage column with blank cells': { text: csv([...HEAD, 'coverage'], rows((a, r, s, p, i) => [...plain(a, r, s, p, i), i % 3 ? `${pct(i).toFixed(2)}%` : i % 2 ? '' : '  '])), route: 'fast' },
    'a coverage column beside employed': { text: csv(['province_code', 'regency', 'sector', 'period', 'employed', 'participants', 'coverage'], rows((a, r, s, p, i) => [...plain(a, r, s, p, i), `${pct(i).toFixed(2)}%`])), route: 'fast' },
    // A stated 41 % where 40 % is computed, on one row: the warning names its place, through the general path.
    'a coverage cell that disagrees': { text: csv([...HEAD, 'coverage'], rows((a, r, s, p, i) => [...plain(a, r, s, p, i), `${(pct(i) + (i === 40 ? 1 : 0)).toFixed(2)}%`])), route: 'general' },
    // The 12 rows of 2024-01 are i = 0, 6, …, 66 (Σ i = 396): workforce 12 × 1,000,000 + 37 × 396,
    // participants 12 × 400,000 + 11 × 396.
    'a total row': { text: csv(HEAD, [...rows(plain), ['Jumlah', '', '', '2024-01', '12014652', '4804356']]), route: 'general' },
  };
  const measures = new Map([['participants', 'count'], ['workforce', 'count'], ['employed', 'count'], ['target', 'count']] as const);
  for (const [name, { text, route }] of Object.entries(layouts)) {
    it(`${name}: the ${route} path, the general path's Table`, async () => {
      const path = file(text);
      for (const by of [['province'], ['province', 'sector']]) {
        const schema: LoadSchema = { dims: by, measures, rule: 'auto', percents: true, deriveKanwil: name === 'a kanwil column' ? false : undefined };
        const a = await outcome([path], 'always', schema);
        const b = await outcome([path], 'never', schema);
        expect(a.routes).toEqual([route]);
        expect(b.routes).toEqual([]);
        expect((b.result as { errors?: unknown }).errors).toBeUndefined();
        expect(a.result).toEqual(b.result);
        const notes = (b.result as { sources: { notes?: { code: string }[] }[] }).sources[0]!.notes ?? [];
        expect(notes.filter((n) => n.code === 'coverage-disagrees')).toEqual(name === 'a coverage cell that disagrees' ? [{ code: 'coverage-disagrees', rows: [{ at: `${path}:42`, stated: 40.98 / 100, computed: 400_440 / 1_001_480 }], more: 0 }] : []);
      }
    });
  }
});

// Issue 20 (sp1): a coverage column is read and compared by the engine. Cells in every shape a
// spreadsheet writes (either locale, `%` or not, a fraction, blank, a sign, NBSP, too many digits),
// near and across the half-point boundary, and counts in one locale or the other: the engine's Table
// and errors are the general path's, warnings included (a cell that disagrees sends the file there).
describe('a coverage column on both routes', () => {
  const FORMS = ['en%', 'id%', 'en', 'id', 'en-fraction', 'id-fraction', 'whole', 'spaced', 'blank', 'odd'] as const;
  const ODD = ['-5%', '+40%', 'abc', '40.000', '40,000', '1.234,5', '1,234.5', '100%', '150%', '40,5\u00a0%', '\t40.5', '40.12345678901234567', '%', '0', '.5', '5.', '0.5%', '040,5', '1.5', '12.345.678,9'];
  const row = fc.record({ w: fc.integer({ min: 0, max: 5_000_000 }), share: fc.double({ min: 0, max: 1.05, noNaN: true }), form: fc.constantFrom(...FORMS), off: fc.constantFrom(0, 0, 0, 0.2, -0.3, 0.49, 0.51, -0.6, 3), odd: fc.constantFrom(...ODD), decimals: fc.integer({ min: 0, max: 4 }) });
  const cellOf = (c: { w: number; share: number; form: (typeof FORMS)[number]; off: number; odd: string; decimals: number }, p: number): string => {
    const percent = c.w > 0 ? (p / c.w) * 100 + c.off : c.off;
    const en = (x: number): string => x.toFixed(c.decimals);
    const id = (x: number): string => en(x).replace('.', ',');
    switch (c.form) {
      case 'en%': return `${en(percent)}%`;
      case 'id%': return `"${id(percent)}%"`;
      case 'en': return en(percent);
      case 'id': return `"${id(percent)}"`;
      case 'en-fraction': return (percent / 100).toFixed(c.decimals + 2);
      case 'id-fraction': return `"${(percent / 100).toFixed(c.decimals + 2).replace('.', ',')}"`;
      case 'whole': return String(Math.round(percent));
      case 'spaced': return `" ${id(percent)} % "`;
      case 'blank': return c.decimals % 2 ? '' : '"  "';
      case 'odd': return `"${c.odd}"`;
    }
  };
  const counts = (n: number, locale: 'plain' | 'id' | 'en'): string => (locale === 'plain' ? String(n) : `"${n.toLocaleString(locale === 'id' ? 'de-DE' : 'en-US')}"`);
  it('gives the general path\'s Table, errors and warnings', async () => {
    let fast = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), fc.constantFrom<'plain' | 'id' | 'en'>('plain', 'id', 'en'), fc.constantFrom<'auto' | 'id' | 'en'>('auto', 'auto', 'id', 'en'), fc.boolean(), fc.option(fc.constantFrom(...FORMS.filter((f) => f !== 'odd')), { nil: undefined }), async (rs, locale, numberLocale, employed, clean) => {
        // Clean files (one form, every cell agreeing, no row above its denominator): the engine's.
        if (clean) rs = rs.map((c) => ({ ...c, form: clean, off: 0, share: Math.min(c.share, 1) }));
        const lines = [`province,regency,sector,period,${employed ? 'employed' : 'workforce'},participants,coverage`];
        rs.forEach((c, i) => {
          const p = Math.floor(c.w * c.share);
          lines.push(`Gorontalo,${i % 2 ? 'Boalemo' : 'Pohuwato'},S${i},2024-06,${counts(c.w, locale)},${counts(p, locale)},${cellOf(c, p)}`);
        });
        const path = file(lines.join('\n') + '\n');
        const schema: LoadSchema = { dims: ['province'], measures: MEASURES, rule: 'auto', percents: true };
        const a = await outcome([path], 'always', schema, { numberLocale });
        const b = await outcome([path], 'never', schema, { numberLocale });
        expect(a.result).toEqual(b.result);
        total++;
        if (a.routes[0] === 'fast') fast++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 100) },
    );
    expect(fast).toBeGreaterThan(total / 10);
  }, 120_000);
});
