// The extract fast path against the general path, through loadTable: for every generated extract the
// two give the same Table (rows, labels, source facts) or the same errors. The fast path is forced on
// these small files (`fastExtract: 'always'`); the general path is the reference. Planted problems make
// the engine refuse, and the general path words them, so the errors must match too. Worker threads run
// the build in dist/ (npm test builds first).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadTable, type LoadOptions, type LoadSchema } from '../../src/io/load.js';

const dir = mkdtempSync(join(tmpdir(), 'jamsostek-fast-extract-'));
let n = 0;

function file(text: string): string {
  const path = join(dir, `x${n++}.csv`);
  writeFileSync(path, text);
  return path;
}

const SCHEMA: LoadSchema = { measures: new Map([['participants', 'count']]), rule: 'sum', dims: ['province', 'segment', 'period'] };
const BASE: LoadOptions = { maxErrors: 20, allowOverCoverage: false, numberLocale: 'auto' };

/** What a load gives, in a form to compare: the Table, or the problems. */
async function outcome(path: string, mode: 'always' | 'never', extra: Partial<LoadOptions> = {}, schema = SCHEMA): Promise<{ route?: string; result: unknown }> {
  let route: string | undefined;
  try {
    const t = await loadTable([path], schema, { ...BASE, ...extra, fastExtract: mode, onRoute: (_f, r) => (route = r) });
    return { route, result: { dims: t.dims.map((d) => [d.name, d.kind, [...d.labels]]), measures: t.measures, rows: t.rows, sources: t.sources, rule: t.rule } };
  } catch (e) {
    if (e instanceof InputError) return { route, result: { errors: e.diagnostics } };
    throw e;
  }
}

const PROVINCES = ['Aceh', 'Jawa Barat', 'DKI Jakarta', 'jawa barat', 'Papua Barat Daya', 'Sulawesi Tengah', '  Bali '];
const SEGMENTS = ['PU', 'BPU', 'JAKON', 'PMI', 'pu'];
const PERIODS = ['2024-06', '2024-07', '2024-06'];
const COUNTS = ['12', '0', '1.234', '1,234', '12,0', '5.00', '1.234.567', '999', ' 7 '];
const PLANTS = ['none', 'province', 'control', 'unclosed', 'fields', 'negative', 'empty-id', 'fraction', 'dup-id', 'blank-key', 'quote-in-field', 'month-twice'] as const;

interface Spec {
  delimiter: string;
  eol: string;
  bom: boolean;
  countColumn: boolean;
  note: boolean;
  rows: { p: number; s: number; t: number; c: number; quote: boolean; note: string }[];
  blankAt: number;
  plant: (typeof PLANTS)[number];
  plantAt: number;
}

function render(spec: Spec): string {
  const d = spec.delimiter;
  const q = (v: string, force: boolean): string => (force || v.includes(d) || v.includes('"') || v.includes('\n') ? `"${v.replaceAll('"', '""')}"` : v);
  const head = ['participant_id', 'province', 'segment', 'period', ...(spec.countColumn ? ['participants'] : []), ...(spec.note ? ['note'] : [])];
  const lines = [head.join(d)];
  spec.rows.forEach((r, i) => {
    let id = String(1000 + i);
    let province = PROVINCES[r.p % PROVINCES.length]!;
    let period = PERIODS[r.t % PERIODS.length]!;
    let count = COUNTS[r.c % COUNTS.length]!;
    const planted = i === spec.plantAt % spec.rows.length ? spec.plant : 'none';
    if (planted === 'province') province = 'Atlantis';
    if (planted === 'negative') count = '-1';
    if (planted === 'fraction') count = '1.5';
    if (planted === 'empty-id') id = ' ';
    if (planted === 'dup-id' && i > 0) id = '1000';
    if (planted === 'month-twice') period = ' 2024-06';
    const cells = [id, q(province, r.quote), q(SEGMENTS[r.s % SEGMENTS.length]!, false), q(period, r.quote), ...(spec.countColumn ? [q(count, r.quote && count.includes(','))] : []), ...(spec.note ? [q(r.note, r.quote)] : [])];
    if (planted === 'control') cells[1] = 'Jawa\u0007Barat';
    if (planted === 'unclosed') cells[1] = '"Jawa Barat';
    if (planted === 'quote-in-field') cells[1] = 'Jawa "Barat"';
    if (planted === 'blank-key') cells[2] = '';
    if (planted === 'fields') cells.push('extra');
    lines.push(cells.join(d));
    if (i === spec.blankAt) lines.push('');
  });
  return (spec.bom ? '\uFEFF' : '') + lines.join(spec.eol) + spec.eol;
}

const spec: fc.Arbitrary<Spec> = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  countColumn: fc.boolean(),
  note: fc.boolean(),
  rows: fc.array(
    fc.record({
      p: fc.nat(40),
      s: fc.nat(10),
      t: fc.nat(5),
      c: fc.nat(20),
      quote: fc.boolean(),
      note: fc.constantFrom('', 'ok', 'a, b; c | d', 'said "hi"', 'two\nlines', 'tab\there'),
    }),
    { minLength: 1, maxLength: 40 },
  ),
  blankAt: fc.integer({ min: -1, max: 40 }),
  plant: fc.oneof({ arbitrary: fc.constant('none' as const), weight: 1 }, { arbitrary: fc.constantFrom(...PLANTS), weight: 1 }),
  plantAt: fc.nat(40),
});

describe('the extract fast path gives what the general path gives', () => {
  it('on generated extracts, clean and with planted problems', async () => {
    let fast = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(spec, fc.constantFrom<'auto' | 'id' | 'en'>('auto', 'auto', 'id', 'en'), async (s, locale) => {
        const path = file(render(s));
        const extra = { numberLocale: locale } as const;
        const a = await outcome(path, 'always', extra);
        const b = await outcome(path, 'never', extra);
        expect(a.result).toEqual(b.result);
        expect(b.route).toBeUndefined();
        // A participant extract with a count column is refused on both paths (review rv17 F4): the share
        // is over the files the fast path may take.
        if (s.countColumn) return;
        total++;
        if (a.route === 'fast') fast++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 50) },
    );
    // The property means little if the engine refused everything.
    expect(total).toBeGreaterThan(0);
    expect(fast).toBeGreaterThan(total / 4);
  }, 120_000);

  it('takes the fast path on a clean extract and counts it as the general path does', async () => {
    const rows = ['participant_id;province;segment;period'];
    for (let i = 0; i < 300; i++) rows.push(`${i};${PROVINCES[i % 7]};${SEGMENTS[i % 4]};2024-06`);
    const path = file(rows.join('\n') + '\n');
    const a = await outcome(path, 'always');
    const b = await outcome(path, 'never');
    expect(a.route).toBe('fast');
    expect(a.result).toEqual(b.result);
    const t = a.result as { rows: { values: number[] }[]; sources: { rows: number }[] };
    expect(t.sources[0]!.rows).toBe(300);
    // Hand count: one participant a row.
    expect(t.rows.reduce((s, r) => s + r.values[0]!, 0)).toBe(300);
  });

  it('refuses a participant extract with a participants column on either path, with the same words (rv17 F4)', async () => {
    const rows = ['participant_id;province;segment;period;participants'];
    for (let i = 0; i < 300; i++) rows.push(`${i};${PROVINCES[i % 7]};${SEGMENTS[i % 4]};2024-06;${i % 3 === 0 ? '1.234' : String(i % 50)}`);
    const path = file(rows.join('\n') + '\n');
    const a = await outcome(path, 'always');
    const b = await outcome(path, 'never');
    expect(a.route).toBe('general');
    expect(a.result).toEqual(b.result);
    const errors = (b.result as { errors: { code?: string; line?: number; column?: number }[] }).errors;
    expect(errors.map((e) => [e.code, e.line, e.column])).toEqual([['participant-extract-count', 1, 40]]);
  });

  it.each([
    ['a level column (the tool\'s own output)', 'participant_id,province,segment,period,level\n1,Aceh,PU,2024-06,detail\n'],
    ['a denominator beside the counts', 'participant_id,province,participants,workforce\n1,Aceh,1,10\n'],
    ['two periods of one month', 'participant_id,province,period\n1,Aceh,2024-06\n1,Aceh,Juni 2024\n'],
  ])('leaves %s to the general path', async (_what, text) => {
    const path = file(text);
    const a = await outcome(path, 'always', {}, { ...SCHEMA, measures: new Map([['participants', 'count'], ['workforce', 'count']]) });
    const b = await outcome(path, 'never', {}, { ...SCHEMA, measures: new Map([['participants', 'count'], ['workforce', 'count']]) });
    expect(a.route).toBe('general');
    expect(a.result).toEqual(b.result);
  });

  it('leaves wide segment columns to the general path', async () => {
    const path = file('participant_id,province,participants_pu,participants_bpu\n1,Aceh,1,0\n2,Aceh,0,1\n');
    const schema = { ...SCHEMA, segmentParts: true };
    const a = await outcome(path, 'always', {}, schema);
    const b = await outcome(path, 'never', {}, schema);
    expect(a.route).toBe('general');
    expect(a.result).toEqual(b.result);
  });

  it('reports its progress, to the whole file', async () => {
    const rows = ['participant_id,province'];
    for (let i = 0; i < 5000; i++) rows.push(`${i},Aceh`);
    const text = rows.join('\n') + '\n';
    const path = file(text);
    const seen: number[] = [];
    let route: string | undefined;
    await loadTable([path], SCHEMA, { ...BASE, fastExtract: 'always', onRoute: (_f, r) => (route = r), onProgress: (b, t) => (expect(t).toBe(text.length), seen.push(b)) });
    expect(route).toBe('fast');
    expect(seen.at(-1)).toBe(text.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('is not tried on a file below the size where it pays, unless forced', async () => {
    const path = file('participant_id,province\n1,Aceh\n');
    let route: string | undefined;
    await loadTable([path], SCHEMA, { ...BASE, onRoute: (_f, r) => (route = r) });
    expect(route).toBeUndefined();
  });
});
