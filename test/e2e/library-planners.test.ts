// The library's planners behave as the commands do (review rv15, items 1, 3, 10, 11 and 12), through
// the package's public entry. Every expected number is worked out by hand below, or read from the
// example files themselves.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoverageError, describeError, describeNote, InfeasibleError, InputError, loadTable, planBreakdown, planCoverage, type AllocationSpec, type Targets } from '../../src/index.js';
import { tableOf } from '../support/tables.js';
import { csvRows, ROOT, run, tmp, writeIn } from './helpers.js';

const RULE = { lower: { kind: 'default' }, upper: { kind: 'default' }, method: 'webster' } as const;
const flat = (total: bigint, denominator = 'workforce'): AllocationSpec => ({ total: { value: total, source: 'test' }, shape: { kind: 'flat', dim: 'province' }, rule: RULE, denominator });
const LOAD = { maxErrors: 50, allowOverCoverage: false } as const;
const byProvince = { measures: new Map([['participants', 'count'], ['potential_workers', 'count']] as const), rule: 'refuse', dims: ['province'] } as const;

// Two provinces over two months. June: A 120 of 200, B 60 of 100.
const twoMonths = [
  { period: '2024-05', province: 'A', participants: 100, workforce: 200 },
  { period: '2024-05', province: 'B', participants: 50, workforce: 100 },
  { period: '2024-06', province: 'A', participants: 120, workforce: 200 },
  { period: '2024-06', province: 'B', participants: 60, workforce: 100 },
];

describe('planBreakdown on a table of several months (rv15 item 1)', () => {
  it('plans from the latest month, as breakdown does, and says which months it left out', () => {
    // June: today 120 + 60 = 180; a total of 240 adds 60, shared by the uncovered 80 : 40 → 40 and 20.
    // (The two months added up would start from 220 + 110 = 330, above the total: no plan at all.)
    const r = planBreakdown(flat(240n), tableOf(twoMonths));
    expect(r.units.map((u) => [u.keys[0], u.participants, u.denominator, u.target])).toEqual([
      ['A', 120, 200, 160n],
      ['B', 60, 100, 80n],
    ]);
    expect(r.total.participants).toBe(180);
    expect(r.notes[0]).toEqual({ code: 'earlier-months', period: '2024-06', months: ['2024-05'] });
  });

  it('refuses targets for a December at or before the month it plans from, as breakdown --year does', () => {
    const at = (year: number): AllocationSpec => ({ ...flat(240n), total: { value: 240n, source: 'test', year } });
    // June 2024 is planned from: December 2024 has six months left; December 2023 is already past.
    expect(planBreakdown(at(2024), tableOf(twoMonths)).units.map((u) => u.target)).toEqual([160n, 80n]);
    expect(() => planBreakdown(at(2023), tableOf(twoMonths))).toThrow(/targets for December 2023: the table is of 2024-06, after that December/);
    const december = twoMonths.map((r) => ({ ...r, period: r.period === '2024-06' ? '2024-12' : r.period }));
    expect(() => planBreakdown(at(2024), tableOf(december))).toThrow(/the same month as that December.*plan for 2025 or later/);
  });

  it('refuses a unit that has rows for an earlier month but none for the latest, naming it', () => {
    const table = tableOf([...twoMonths.slice(0, 3), { period: '2024-04', province: 'C', participants: 10, workforce: 20 }]);
    let error: unknown;
    try {
      planBreakdown(flat(240n), table);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/2024-06, the latest month of the input, which breakdown plans from, has no rows for B \(last seen 2024-05\), C \(last seen 2024-04\)/);
  });

  it("gives the monthly example files' latest month, the numbers breakdown gives on the same rows in one file", async () => {
    const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
    const files = months.map((m) => join(ROOT, 'examples', 'sulama-2024', `${m}.csv`));
    const t = await loadTable(files, byProvince, LOAD);
    const r = planBreakdown(flat(5_000_000n, 'potential_workers'), t);
    // examples/sulama-2024/2024-06.csv, Sulawesi Utara: potential_workers 780,666, participants 592,497.
    const su = r.units.find((u) => u.labels[0] === 'Sulawesi Utara')!;
    expect([su.participants, su.denominator]).toEqual([592_497, 780_666]);
    expect(r.notes[0]).toEqual({ code: 'earlier-months', period: '2024-06', months: months.slice(0, 5) });
    // The command line, on the six months in one file: the same targets, province by province.
    const { readFileSync } = await import('node:fs');
    const lines = files.flatMap((f, i) => readFileSync(f, 'utf8').trim().split('\n').slice(i === 0 ? 0 : 1));
    const one = writeIn(tmp(), 'sulama.csv', lines.join('\n') + '\n');
    const cli = await run(['breakdown', '--input', one, '--target', '5000000', '--denominator', 'potential_workers', '-f', 'csv']);
    expect(cli.code).toBe(0);
    const cliTargets = csvRows(cli.stdout).filter((x) => x['level'] === 'detail').map((x) => [x['province'], BigInt(x['target']!)]);
    expect(r.units.map((u) => [u.labels[0], u.target])).toEqual(cliTargets);
  });
});

describe('planCoverage knows the geography without being given it (rv15 item 3)', () => {
  it("warns of Sulawesi Utara reported by 3 of its 15 regencies and cities against the province's target", async () => {
    const schema = { measures: new Map([['participants', 'count'], ['potential_workers', 'count']] as const), rule: 'auto', dims: ['province', 'regency'] } as const;
    const current = await loadTable([join(ROOT, 'examples', '2024-06', 'sulawesi-utara.csv')], schema, LOAD);
    const targets: Targets = { table: tableOf([{ province: '71', target: 637_236 }]), year: 2024, yearFrom: 'flag', phasing: { kind: 'even' }, method: 'webster', source: 'targets by hand' };
    const r = planCoverage({ current, targets }, { grain: ['province'], atRiskMargin: 0.05, denominator: 'potential_workers' });
    // Kota Manado, Kab. Minahasa and Kota Bitung: 3 of the province's 11 regencies and 4 cities.
    expect(r.notes.find((n) => n.code === 'partial-areas')).toEqual({ code: 'partial-areas', dim: 'province', partDim: 'regency', areas: [{ label: 'Sulawesi Utara', have: 3, of: 15 }] });
    expect(r.scope).toMatchObject({ kind: 'province', name: 'Sulawesi Utara', areas: 3, of: 15 });
  });
});

describe("the planners' errors say what went wrong (rv15 item 10)", () => {
  it('InfeasibleError: the numbers in words, the code kept in fact.kind', () => {
    let error: unknown;
    try {
      // Today's participants are 120 + 60 = 180: a total of 100 is below them.
      planBreakdown(flat(100n), tableOf(twoMonths.slice(2)));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InfeasibleError);
    const e = error as InfeasibleError;
    expect(e.fact.kind).toBe('below-lower');
    expect(e.message).toMatch(/^the 2 province units already have at least 180 between them \(today's participants\); a target of 100 is below that\n {2}hint: raise the target to at least 180/);
    expect(String(e.stack).split('\n')[0]).toBe(`InfeasibleError: ${e.message.split('\n')[0]}`);
    expect(describeError(e, 'id')).toMatch(/^error: .*180.*100/);
  });

  it('CoverageError: the month asked for and the months there are, the code kept in problem.kind', () => {
    let error: unknown;
    try {
      planCoverage({ current: tableOf(twoMonths) }, { grain: ['province'], period: '2024-07', atRiskMargin: 0.05, denominator: 'workforce' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoverageError);
    const e = error as CoverageError;
    expect(e.problem.kind).toBe('no-period');
    expect(e.message).toBe('no rows for 2024-07 in the input\n  hint: periods in the input: 2024-05, 2024-06');
    expect(describeError(e, 'id')).toBe('error: tidak ada baris untuk 2024-07 di input\n  hint: periode di input: 2024-05, 2024-06');
  });
});

describe('a key column the table lacks, in words (rv15 item 10)', () => {
  it('planCoverage names the key columns the table has (it was RangeError: no dimension "regency")', () => {
    const june = tableOf(twoMonths.slice(2));
    expect(() => planCoverage({ current: june }, { grain: ['regency'], atRiskMargin: 0.05 })).toThrow(new RangeError('the table has no key column "regency" to group by (its key columns: period, province)'));
    expect(() => planCoverage({ current: june }, { grain: ['kanwil'], atRiskMargin: 0.05 })).toThrow(/no key column "kanwil" .*deriveKanwil: true/);
  });
});

describe('CoverageRowList out of range (rv15 item 11)', () => {
  // June by province: A and B, then the Total (120 + 60 = 180).
  const list = planCoverage({ current: tableOf(twoMonths.slice(2)) }, { grain: ['province'], atRiskMargin: 0.05, denominator: 'workforce' }).rowList;

  it('counts a negative index from the end, as Array.prototype.at does', () => {
    expect(list.length).toBe(3);
    expect(list.at(-1).level).toBe('total');
    expect(list.at(-1).metrics.participants).toBe(180);
    expect(list.level(-1)).toBe('total');
    expect(list.at(-3).keys).toEqual(['A']);
    expect(list.level(-3)).toBe('detail');
  });

  it('throws a RangeError from at and level alike past either end or for a fraction', () => {
    for (const i of [3, 100, -4, 1.5, Number.NaN]) {
      expect(() => list.at(i), `at(${i})`).toThrow(RangeError);
      expect(() => list.level(i), `level(${i})`).toThrow(RangeError);
    }
    expect(() => list.at(3)).toThrow('no row 3: the list has 3 rows (0 to 2, or -3 to -1 from the end)');
  });
});

describe("planBreakdown checks what a JavaScript caller passes (rv15 item 12)", () => {
  const june = tableOf(twoMonths.slice(2));

  it('refuses an unknown method as apportion does, and takes a method by its other names', () => {
    const bogus = { ...flat(240n), rule: { ...RULE, method: 'bogus' } } as unknown as AllocationSpec;
    expect(() => planBreakdown(bogus, june)).toThrow(new RangeError('unknown method "bogus" (methods: webster, hamilton, dhondt, huntington-hill, adams, dean)'));
    const alias = { ...flat(240n), rule: { ...RULE, method: 'sainte-lague' } } as unknown as AllocationSpec;
    const r = planBreakdown(alias, june);
    expect(r.method).toBe('webster');
    expect(r.units.map((u) => u.target)).toEqual([160n, 80n]);
  });

  it('refuses a denominator the table does not have (it planned on participants with no upper bound)', () => {
    expect(() => planBreakdown(flat(240n, 'nosuch'), june)).toThrow(/^denominator "nosuch": the table has no such column \(its figures: participants, workforce\)/);
  });

  it('refuses a key column the table does not have, naming those it has', () => {
    const spec = { ...flat(240n), shape: { kind: 'flat', dim: 'regency' } } as const;
    expect(() => planBreakdown(spec, june)).toThrow(new RangeError('the table has no key column "regency" to plan by (its key columns: period, province)'));
  });
});

describe('describeNote: a planner\'s notes in the command line\'s words (left open at the seventh stop: the notes were codes)', () => {
  it('the earlier-months note, in English and Indonesian, is the line breakdown prints', async () => {
    const r = planBreakdown(flat(240n), tableOf(twoMonths));
    const note = r.notes[0]!;
    expect(describeNote(note)).toBe('note: the input has several months: breakdown plans from the latest, 2024-06 (every unit has rows for it); the rows of 2024-05 are left out');
    const d = tmp();
    const f = writeIn(d, 'two.csv', 'period,province,participants,workforce\n2024-05,Aceh,100,200\n2024-05,Bali,50,100\n2024-06,Aceh,120,200\n2024-06,Bali,60,100\n');
    for (const lang of ['en', 'id'] as const) {
      const cli = await run(['breakdown', '--input', f, '--target', '240', '--by', 'province', '--denominator', 'workforce', '-f', 'csv', '--lang', lang]);
      expect(cli.code).toBe(0);
      expect(cli.stderr.split('\n')).toContain(describeNote(note, lang));
    }
  });
  it('a note that changes what a number means is a warning, as the command line says it even under --quiet', () => {
    expect(describeNote({ code: 'no-target', rows: ['B'], count: 1 })).toMatch(/^warning: /);
  });
});
