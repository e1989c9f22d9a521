// The upper bound of a unit under both caps (rv25 F3): the smaller of --max's (default: the denominator;
// none: no cap; a number; a column) and --max-coverage × the denominator, never below today (a unit
// already above it is held there, and said). Expected bounds are computed here, by hand, from the rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planBreakdown } from '../../src/core/allocation/plan.js';
import type { AllocationSpec, Bound, SplitRule } from '../../src/core/allocation/spec.js';
import { InfeasibleError } from '../../src/core/facts.js';
import { tableOf } from '../support/tables.js';

const rule = (r: Partial<SplitRule> = {}): SplitRule => ({ lower: { kind: 'default' }, upper: { kind: 'default' }, method: 'webster', ...r });
const flat = (total: bigint, r: Partial<SplitRule> = {}): AllocationSpec => ({ total: { value: total, source: 'test' }, shape: { kind: 'flat', dim: 'unit' }, rule: rule(r), denominator: 'workforce' });
const ninety = { num: 9n, den: 10n };

// A: 1,000 employed (90 %: 900), cap column 2,000; B: 400 (360), cap 300; C: 283,175 (254,857), cap 155,222.
const rows = [
  { unit: 'A', participants: 100, workforce: 1000, cap: 2000 },
  { unit: 'B', participants: 50, workforce: 400, cap: 300 },
  { unit: 'C', participants: 128358, workforce: 283175, cap: 155222 },
];

describe('both caps apply, the smaller wins (hand-computed)', () => {
  const uppers = (r: Partial<SplitRule>, total = 130000n): (bigint | null)[] => planBreakdown(flat(total, { mode: 'level', basis: { kind: 'equal' }, ...r }), tableOf(rows)).units.map((u) => u.max);

  it('--max-coverage 0.9 alone: 900, 360, 254,857', () => {
    expect(uppers({ maxCoverage: ninety })).toEqual([900n, 360n, 254857n]);
  });
  it('--max none --max-coverage 0.9: the share still caps (it was dropped: no upper bound at all)', () => {
    expect(uppers({ upper: { kind: 'none' }, maxCoverage: ninety })).toEqual([900n, 360n, 254857n]);
    const r = planBreakdown(flat(130000n, { mode: 'level', basis: { kind: 'equal' }, upper: { kind: 'none' }, maxCoverage: ninety }), tableOf(rows));
    expect(r.notes).toContainEqual({ code: 'max-none-share', share: 0.9, denominator: 'workforce' });
  });
  it('--max 300 --max-coverage 0.9: 300, 300, 300 → A 300 (below 900), B 300 (below 360), C held at today 128,358', () => {
    const r = planBreakdown(flat(128958n, { mode: 'level', basis: { kind: 'equal' }, upper: { kind: 'value', value: 300n }, maxCoverage: ninety }), tableOf(rows));
    expect(r.units.map((u) => u.max)).toEqual([300n, 300n, 128358n]);
    expect(r.units.map((u) => u.bound)).toEqual(['max', 'max', 'held']);
    expect(r.notes).toContainEqual({ code: 'held', units: ['C'] });
  });
  it('--max 300 --max-coverage 0.5: A 300, B 200 (50 % of 400), C held', () => {
    expect(uppers({ upper: { kind: 'value', value: 300n }, maxCoverage: { num: 1n, den: 2n } }, 128858n)).toEqual([300n, 200n, 128358n]);
  });
  it('--max cap (a column) --max-coverage 0.9: 900 (< 2,000), 300 (< 360), 155,222 (< 254,857)', () => {
    expect(uppers({ upper: { kind: 'column', column: 'cap' }, maxCoverage: ninety })).toEqual([900n, 300n, 155222n]);
  });
  it('a --min above the share is refused, naming the share as the upper bound', () => {
    try {
      planBreakdown(flat(2000n, { mode: 'level', lower: { kind: 'value', value: 380n }, maxCoverage: ninety }), tableOf(rows));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InfeasibleError);
      expect((e as InfeasibleError).fact).toMatchObject({ kind: 'bounds-crossed', unit: 'B', lower: 380n, upper: 360n, upperFrom: '--max-coverage 0.9 of workforce' });
    }
  });
  it('--max N where the share cannot apply (no denominator at the grain): --max alone, with a note', () => {
    const noDen = [
      { unit: 'A', participants: 100, cap: 500 },
      { unit: 'B', participants: 50, cap: 500 },
    ];
    const r = planBreakdown({ ...flat(400n, { mode: 'level', basis: { kind: 'equal' }, upper: { kind: 'value', value: 300n }, maxCoverage: ninety }), denominator: 'workforce' }, tableOf(noDen));
    expect(r.units.map((u) => u.max)).toEqual([300n, 300n]);
    expect(r.notes).toContainEqual({ code: 'share-unavailable', grain: ['unit'], denominator: 'workforce', share: 0.9, max: '--max 300' });
  });
  it('the infeasible facts carry the caps, for the way out (rv25 M4)', () => {
    try {
      planBreakdown(flat(10n ** 7n, { mode: 'level', maxCoverage: ninety }), tableOf(rows));
      expect.unreachable();
    } catch (e) {
      expect((e as InfeasibleError).fact).toMatchObject({ kind: 'above-upper', caps: { max: 'default', share: 0.9 } });
    }
  });
});

describe('upper bounds hold under both caps (property)', () => {
  const unitArb = fc.record({ participants: fc.integer({ min: 0, max: 10 ** 6 }), workforce: fc.integer({ min: 0, max: 2 * 10 ** 6 }), cap: fc.integer({ min: 0, max: 2 * 10 ** 6 }) });
  const boundArb: fc.Arbitrary<Bound> = fc.oneof(
    fc.constant<Bound>({ kind: 'default' }),
    fc.constant<Bound>({ kind: 'none' }),
    fc.bigInt({ min: 0n, max: 2n * 10n ** 6n }).map((value): Bound => ({ kind: 'value', value })),
    fc.constant<Bound>({ kind: 'column', column: 'cap' }),
  );
  const shareArb = fc.option(fc.integer({ min: 0, max: 100 }).map((n) => ({ num: BigInt(n), den: 100n })), { nil: undefined });

  it('every target ≥ today and ≤ max(today, min(--max cap, ⌊share × denominator⌋)); the targets add up to the total', () => {
    fc.assert(
      fc.property(
        fc.array(unitArb, { minLength: 1, maxLength: 8 }),
        boundArb,
        shareArb,
        fc.constantFrom('gap' as const, 'level' as const),
        fc.constantFrom('webster' as const, 'hamilton' as const, 'dhondt' as const),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (units, upper, share, mode, method, where) => {
          const table = tableOf(units.map((u, i) => ({ unit: `U${i}`, ...u })));
          // By hand: --max's cap, the share's, the smaller, never below today.
          const caps = units.map((u) => {
            const own = upper.kind === 'default' ? BigInt(u.workforce) : upper.kind === 'none' ? null : upper.kind === 'value' ? upper.value : BigInt(u.cap);
            const byShare = share ? (BigInt(u.workforce) * share.num) / share.den : null;
            const cap = own === null ? byShare : byShare === null ? own : own < byShare ? own : byShare;
            return cap === null ? null : cap > BigInt(u.participants) ? cap : BigInt(u.participants);
          });
          const today = units.reduce((a, u) => a + BigInt(u.participants), 0n);
          const room = caps.every((c) => c !== null) ? (caps as bigint[]).reduce((a, c) => a + c, 0n) : today + 10n ** 7n;
          const total = today + BigInt(Math.floor(Number(room - today) * where));
          const spec: AllocationSpec = { total: { value: total, source: 'test' }, shape: { kind: 'flat', dim: 'unit' }, rule: rule({ mode, basis: { kind: 'equal' }, upper, maxCoverage: share, method }), denominator: 'workforce' };
          const r = planBreakdown(spec, table);
          expect(r.units.reduce((a, u) => a + u.target, 0n)).toBe(total);
          r.units.forEach((u, i) => {
            expect(u.target).toBeGreaterThanOrEqual(BigInt(units[i]!.participants));
            expect(u.max).toBe(caps[i]);
            if (caps[i] !== null) expect(u.target).toBeLessThanOrEqual(caps[i]!);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
