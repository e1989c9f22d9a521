// Counts for people are grouped by hand on the fast path (render/format.ts wholeNumber): they must read
// exactly as Intl writes them, in both languages, for every count, sign and size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHuman, formatMachine, humanFormatter, machineFormatter } from '../../src/render/format.js';
import { roundHalfUp } from '../../src/report/rounding.js';
import type { ColumnKind, Lang, Value } from '../../src/report/model.js';

const INTL = { en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }), id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }) };
const intl = (lang: Lang): Intl.NumberFormat => INTL[lang];
const LANGS: readonly Lang[] = ['en', 'id'];
const KINDS: readonly ColumnKind[] = ['text', 'int', 'signed-int', 'pct', 'signed-pct', 'points', 'number', 'status'];

describe('counts for people', () => {
  it('read as Intl writes them: 256,129 (en) and 256.129 (id), negative, -0, huge and fractional included', () => {
    const edges = [0, -0, 1, -1, 999, 1000, -1000, 999_999, 1_000_000, 256_129, 50_000_000, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 2 ** 60, 1e21, 0.4, 0.5, 1.5, 2.5, -0.4, -2.5, 1234.5678];
    for (const lang of LANGS) {
      const f = humanFormatter('int', lang);
      for (const v of edges) expect(f(v), `${v} in ${lang}`).toBe(intl(lang).format(v));
      fc.assert(
        fc.property(fc.oneof(fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }), fc.integer({ min: -100_000, max: 100_000 }), fc.double({ noNaN: true, noDefaultInfinity: true })), (v) => {
          expect(f(v)).toBe(intl(lang).format(v));
          expect(humanFormatter('signed-int', lang)(v)).toBe((v > 0 ? '+' : '') + intl(lang).format(v));
        }),
        { numRuns: 5000 },
      );
    }
    expect(formatHuman(256129, 'int', 'id')).toBe('256.129');
    expect(formatHuman(-1234567, 'signed-int', 'en')).toBe('-1,234,567');
  });

  it('every kind resolved once formats as formatHuman and formatMachine do', () => {
    const values: Value[] = [null, '', 'achieved', 'on-track', 'x', 0, -0, 1, -1, 0.60561234567, 1.1799999999999997, 123456.789, Infinity, -Infinity, NaN, 1e21];
    for (const kind of KINDS) {
      for (const v of values) {
        for (const lang of LANGS) expect(humanFormatter(kind, lang)(v)).toBe(formatHuman(v, kind, lang));
        expect(machineFormatter(kind)(v)).toBe(formatMachine(v, kind));
      }
    }
    expect(formatMachine(0.60561234567, 'pct')).toBe(0.605612);
    expect(formatMachine(1 / 3, 'number')).toBe(0.333333333333);
    expect(formatMachine('', 'text')).toBeNull();
    expect(formatMachine(Infinity, 'int')).toBeNull();
    expect(formatHuman(0.6056, 'pct', 'id')).toBe('60,56%');
    expect(formatHuman(Infinity, 'int', 'en')).toBe('∞');
    expect(formatHuman('on-track', 'status', 'id')).toBe('sesuai jalur');
  });
});

describe('fractions for machines (six decimals)', () => {
  // render/format.ts roundedToSix decides most values from the float alone; it must give what the
  // decimal text does (roundHalfUp, then read back), bit for bit, -0 and exact halves included.
  const byText = (v: number): number => Number(roundHalfUp(v, 6));
  const same = (v: number): void => {
    for (const kind of ['pct', 'signed-pct', 'points'] as const) expect(Object.is(machineFormatter(kind)(v), byText(v)), `${v} as ${kind}`).toBe(true);
  };

  it('are the decimal text rounded half-up and read back, for halves, ratios of counts and any double', () => {
    for (const v of [0, -0, 0.0507375, -0.0507375, 0.0000005, -0.0000005, 5e-7, 4.999999e-7, 0.60561234567, 1.1799999999999997, 1999.9999995, 2000, 2000.0000005, 123456.789, 1e-300, -1e-300, 0.3330005, 1 - 1e-12]) same(v);
    // Exact halves at the seventh decimal (0.xxxxxx5), near zero and near the fast path's bound.
    fc.assert(fc.property(fc.integer({ min: -2_100_000_000, max: 2_100_000_000 }), (k) => same((k + 0.5) / 1e6)), { numRuns: 2500 });
    // Ratios of counts (coverage, achievement), and their differences in points.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 1, max: 100_000_000 }), (p, q, r) => {
        same(p / q);
        same(-p / q);
        same((p / q - p / r) * 100);
      }),
      { numRuns: 2500 },
    );
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -3000, max: 3000, noNaN: true }), (a, b) => (same(a), same(b))), { numRuns: 2500 });
  });
});
