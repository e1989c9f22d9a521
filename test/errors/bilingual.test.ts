// Every error the tool raises carries its Indonesian.
//
// The check is structural, in the types: InputError, UsageError, OutputError and ThresholdBreach take a
// Problem (a Diagnostic whose `id` is required), ProblemList.add takes a Problem, and usage() takes the
// English and the Indonesian. A message built anywhere in src/ without its Indonesian does not compile,
// wherever it is built (helpers such as `bad(i, text)` or a key domain's resolution pass the same
// type along). The @ts-expect-error lines below fail `npm run typecheck` if that requirement is ever
// loosened. What the types cannot see (a translation left in English) is checked here for the core's
// problems and reasons, and end to end in test/e2e/lang.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoverageProblem } from '../../src/core/coverage/plan.js';
import { CoverageError } from '../../src/core/coverage/plan.js';
import { InfeasibleError, type InfeasibleFact } from '../../src/core/facts.js';
import { parseNumber, parseStandalone, readCell, reasonInIndonesian } from '../../src/core/numbers.js';
import { SumOverflowError, TableConflictError } from '../../src/core/table.js';
import { formatDiagnostic, InputError, OutputError, ProblemList, problemCount, say, ThresholdBreach, usage, UsageError, type Problem } from '../../src/errors.js';
import { describeCoreError } from '../../src/report/problems.js';
import { ROOT } from '../e2e/helpers.js';
import { englishLeft } from '../support/english.js';
import { tableOf } from '../support/tables.js';

describe('the types require the Indonesian', () => {
  it('an error, a usage error and a problem list refuse a message without it', () => {
    const plain = { message: 'the file is empty' };
    const make = (): unknown[] => [
      // @ts-expect-error an InputError needs the Indonesian (id)
      new InputError(plain),
      // @ts-expect-error a UsageError needs the Indonesian (id)
      new UsageError({ file: 'x.json', ...plain }),
      // @ts-expect-error an OutputError needs the Indonesian (id)
      new OutputError([plain]),
      // @ts-expect-error a ThresholdBreach needs the Indonesian (id)
      new ThresholdBreach(plain),
      // @ts-expect-error ProblemList.add takes a Problem
      new ProblemList(5).add(plain),
    ];
    // Never called: usage() with one argument would throw while building its message.
    // @ts-expect-error usage() takes the English and the Indonesian
    const oneLanguage = (): unknown => usage('name at least one file');
    // The constructors still run (the compiler, in `npm run typecheck`, is what refuses them).
    expect(make()).toHaveLength(5);
    expect(oneLanguage).toBeTypeOf('function');
  });

  it('say() puts the two languages side by side, a hint only where one is given', () => {
    expect(say('the file is empty', 'berkas kosong')).toEqual({ message: 'the file is empty', id: { message: 'berkas kosong' } });
    expect(say({ message: 'm', hint: 'h' }, { message: 'pesan', hint: 'petunjuk' })).toEqual({ message: 'm', hint: 'h', id: { message: 'pesan', hint: 'petunjuk' } });
    expect(say({ message: 'm', hint: undefined }, 'pesan')).toEqual({ message: 'm', id: { message: 'pesan' } });
    const e = usage({ message: '--x expects a value', hint: 'e.g. --x 1' }, { message: '--x memerlukan sebuah nilai', hint: 'mis. --x 1' });
    expect(e).toBeInstanceOf(UsageError);
    expect(e.diagnostics).toEqual([{ message: '--x expects a value', hint: 'e.g. --x 1', id: { message: '--x memerlukan sebuah nilai', hint: 'mis. --x 1' } }]);
  });
});

describe('formatDiagnostic and ProblemList in both languages', () => {
  const d: Problem = { file: 'a.csv', line: 3, column: 7, ...say({ message: 'field "x" is empty', hint: 'write 0' }, { message: 'kolom "x" kosong', hint: 'tulis 0' }) };

  it('the same place and keywords; the words of the language asked for', () => {
    expect(formatDiagnostic(d)).toBe('a.csv:3:7: error: field "x" is empty\n  hint: write 0');
    expect(formatDiagnostic(d, 'en')).toBe('a.csv:3:7: error: field "x" is empty\n  hint: write 0');
    expect(formatDiagnostic(d, 'id')).toBe('a.csv:3:7: error: kolom "x" kosong\n  hint: tulis 0');
    expect(formatDiagnostic({ ...d, severity: 'warning' }, 'id')).toBe('a.csv:3:7: warning: kolom "x" kosong\n  hint: tulis 0');
  });

  it('a diagnostic without Indonesian (from a library user) is shown in English', () => {
    expect(formatDiagnostic({ file: 'a.csv', message: 'the file is empty' }, 'id')).toBe('a.csv: error: the file is empty');
  });

  it('the closing note and the count', () => {
    const list = new ProblemList(1);
    list.add(d);
    list.add(d);
    const more = list.list();
    expect(more).toHaveLength(2);
    expect(formatDiagnostic(more[1]!, 'en')).toBe('note: 1 more problem not listed (--max-errors 1)');
    expect(formatDiagnostic(more[1]!, 'id')).toBe('note: 1 masalah lain tidak dicantumkan (--max-errors 1)');
    list.add(d);
    expect(formatDiagnostic(list.list()[1]!, 'en')).toBe('note: 2 more problems not listed (--max-errors 1)');
    expect(problemCount(3)).toBe('3 problems');
    expect(problemCount(3, 'id')).toBe('3 masalah');
  });
});

/** One fact of each kind, with the values a real plan would give. */
const FACTS: InfeasibleFact[] = [
  { kind: 'below-lower', grain: ['province'], total: 40_000_000n, sumLower: 41_560_000n, units: 38, lowerIsToday: true },
  { kind: 'below-lower', grain: ['province', 'segment'], scope: 'Aceh', total: 10n, sumLower: 12n, units: 4, lowerIsToday: false },
  { kind: 'above-upper', grain: ['province'], total: 90_000_000n, sumUpper: 80_000_000n, units: 38 },
  { kind: 'above-upper', grain: ['province'], total: 100n, sumUpper: 20n, units: 2, zeroWeight: { units: ['Aceh', 'Bali'], basis: 'uncovered' }, maxNone: true },
  { kind: 'above-upper', grain: ['province'], total: 150n, sumUpper: 110n, units: 2, zeroWeight: { units: ['Aceh'], basis: 'w' }, maxNone: false },
  { kind: 'bounds-crossed', grain: ['province'], unit: 'Aceh', lower: 50n, upper: 40n, lowerFrom: '--min lo', upperFrom: '--max hi' },
  { kind: 'margins-differ', rows: 'province', rowSum: 100n, columns: 'segment', columnSum: 90n },
  { kind: 'margin-vs-total', dim: 'segment', source: '--column-totals', sum: 100n, total: 90n, totalSource: '--target' },
  { kind: 'margin-missing', dim: 'province', key: 'Aceh', source: 'totals.csv', known: ['Aceh', 'Bali'] },
  { kind: 'margin-unknown', dim: 'segment', key: 'XYZ', source: '--column-totals' },
  { kind: 'line-below-lower', dim: 'province', key: 'Aceh', total: 10n, need: 12n, lowerIsToday: true, smallestTotal: 12n },
  { kind: 'line-above-upper', dim: 'segment', key: 'PU', total: 10n, room: 8n },
  { kind: 'hall', rowsDim: 'province', rows: ['Aceh', 'Bali'], columnsDim: 'segment', columns: ['PU'], need: 10n, offer: 5n, elsewhere: 2n },
  { kind: 'hall', rowsDim: 'province', rows: ['Aceh'], columnsDim: 'segment', columns: [], need: 10n, offer: 0n, elsewhere: 0n },
  { kind: 'hall', rowsDim: 'province', rows: ['Aceh'], columnsDim: 'kanwil', columns: ['Sumatera Utara'], need: 10n, offer: 0n, elsewhere: 0n, maxNone: true },
  { kind: 'line-above-upper', dim: 'segment', key: 'PU', total: 10n, room: 8n, maxNone: true },
  { kind: 'basis-unavailable', basis: 'workforce', grain: ['segment'], unit: 'PU', missing: 'workforce' },
  { kind: 'negative-basis', basis: 'w', grain: ['province'], unit: 'Aceh', value: -1 },
  { kind: 'bound-unavailable', which: 'max', column: 'kuota', grain: ['province'], unit: 'Aceh' },
  { kind: 'needs-participants', grain: ['regency'], unit: 'Kota Gorontalo' },
  { kind: 'no-units', grain: ['regency'] },
  { kind: 'no-total' },
  { kind: 'hamilton-matrix' },
];

const COVERAGE: CoverageProblem[] = [
  { kind: 'no-period', period: '2023-01', periods: ['2024-05', '2024-06'] },
  { kind: 'grain-missing', dim: 'regency', at: { src: 0, line: 2 } },
  { kind: 'previous-not-earlier', previous: '2024-07', period: '2024-06' },
  { kind: 'no-participants' },
];

/** The two languages of a problem: the same shape, different words, no English in the Indonesian. */
function expectBilingual(p: Problem): void {
  expect(p.id, p.message).toBeDefined();
  expect(p.id.message).not.toBe(p.message);
  expect(p.id.hint === undefined, `${p.message} / ${p.id.message}`).toBe(p.hint === undefined);
  if (p.hint !== undefined && p.hint.startsWith('e.g.') === false) expect(p.id.hint).not.toBe(p.hint);
  expect(englishLeft(`${p.id.message}\n${p.id.hint ?? ''}`)).toEqual([]);
}

describe("the core's problems in both languages (report/problems.ts)", () => {
  it.each(FACTS.map((f) => [f.kind, f] as const))('an infeasible plan: %s', (_k, fact) => {
    const ds = describeCoreError(new InfeasibleError(fact))!;
    expect(ds).toHaveLength(1);
    expectBilingual(ds[0]!);
  });

  it('every kind of infeasible fact is in the list above', () => {
    const kinds = new Set(FACTS.map((f) => f.kind));
    // The union's members, read from the source so that a new kind cannot be left out.
    const src = readFileSync(join(ROOT, 'src', 'core', 'facts.ts'), 'utf8');
    const union = src.slice(src.indexOf('export type InfeasibleFact'), src.indexOf('export class InfeasibleError'));
    const declared = [...union.matchAll(/kind: '([^']+)'/g)].map((m) => m[1]!);
    expect(declared.length).toBeGreaterThan(10);
    for (const k of declared) expect(kinds.has(k as InfeasibleFact['kind']), k).toBe(true);
  });

  it.each(COVERAGE.map((p) => [p.kind, p] as const))('a coverage report that cannot be made: %s', (_k, problem) => {
    const ds = describeCoreError(new CoverageError(problem))!;
    expect(ds).toHaveLength(1);
    expectBilingual(ds[0]!);
  });

  it('a sum past 2^53 − 1', () => {
    const ds = describeCoreError(new SumOverflowError('participants', { src: 0, line: 9 }))!;
    expect(ds).toHaveLength(1);
    expectBilingual(ds[0]!);
    expect(ds[0]!.id.message).toContain('9.007.199.254.740.991 (2^53 − 1)');
    expect(ds[0]!.message).toContain('9,007,199,254,740,991 (2^53 − 1)');
  });

  it('duplicate and overlapping rows name the same places in both languages', () => {
    const table = tableOf([{ province: 'Aceh', participants: 1 }, { province: 'Aceh', participants: 2 }]);
    const e = new TableConflictError(
      [
        { kind: 'duplicate', first: { src: 0, line: 2 }, second: { src: 0, line: 3 }, keys: ['Aceh'] },
        { kind: 'overlap', first: { src: 0, line: 2 }, second: { src: 0, line: 4 }, keys: ['Aceh'] },
      ],
      table,
    );
    const ds = describeCoreError(e)!;
    expect(ds.map((d) => [d.file, d.line])).toEqual([
      ['test.csv', 3],
      ['test.csv', 4],
    ]);
    for (const d of ds) {
      expectBilingual(d);
      expect(d.id.message).toContain('test.csv:2');
    }
  });

  it('anything else is not a core problem', () => {
    expect(describeCoreError(new Error('x'))).toBeUndefined();
  });
});

describe('why a number cannot be read, in Indonesian (core/numbers.ts)', () => {
  // Each reason the readers can give, produced from a cell that gives it.
  const produced = [
    parseNumber('5%', 'id'),
    parseNumber('   ', 'id'),
    parseNumber('abc', 'id'),
    parseNumber('abc', 'en'),
    parseNumber('9'.repeat(400), 'en'),
    parseStandalone('256.129', 'auto'),
  ].map((p) => (p.ok ? undefined : p.reason));
  const cells = [readCell('-5', 'count'), readCell('1,5', 'count'), readCell('9007199254740993', 'count'), readCell('abc', 'count')].map((r) => r.problem);

  it.each([...produced, ...cells].map((r) => [r]))('%s', (reason) => {
    expect(reason).toBeDefined();
    const id = reasonInIndonesian(reason!);
    expect(id).toBeDefined();
    expect(id).not.toBe(reason);
    expect(englishLeft(id!)).toEqual([]);
  });

  it('every reason written in the source has its Indonesian', () => {
    const src = readFileSync(join(ROOT, 'src', 'core', 'numbers.ts'), 'utf8');
    const literal = [...src.matchAll(/reason: '([^']+)'|return '((?:a|an|the|is) [^']+)'|^ {2}'?[\w-]+'?: '((?:a|an|the|is) [^']+)',$/gm)].map((m) => m[1] ?? m[2] ?? m[3]!);
    expect(literal.length).toBeGreaterThanOrEqual(6);
    for (const r of literal) expect(reasonInIndonesian(r), r).toBeDefined();
  });
});
