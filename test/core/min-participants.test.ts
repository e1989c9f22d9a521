// --min participants is the default lower bound written out (rv25 F10): a unit already above its upper
// bound is held at today, as by default, where it was refused as a --min above the upper bound.
import { describe, expect, it } from 'vitest';
import { planBreakdown } from '../../src/core/allocation/plan.js';
import type { AllocationSpec, SplitRule } from '../../src/core/allocation/spec.js';
import { tableOf } from '../support/tables.js';

const flat = (total: bigint, r: Partial<SplitRule> = {}): AllocationSpec => ({ total: { value: total, source: 'test' }, shape: { kind: 'flat', dim: 'unit' }, rule: { lower: { kind: 'default' }, upper: { kind: 'default' }, method: 'webster', ...r }, denominator: 'workforce' });

describe('--min participants is the default written out (rv25 F10)', () => {
  // Jakarta: 7,498,532 participants above its 5,110,000 employed: held by default, refused under --min participants before.
  const jakarta = [
    { unit: 'DKI Jakarta', participants: 7498532, workforce: 5110000 },
    { unit: 'Gorontalo', participants: 256129, workforce: 631521 },
  ];
  for (const mode of ['gap', 'level'] as const) {
    it(`${mode}: the same targets, bounds and notes as the default`, () => {
      const byDefault = planBreakdown(flat(7900000n, { mode }), tableOf(jakarta));
      const written = planBreakdown(flat(7900000n, { mode, lower: { kind: 'column', column: 'participants' } }), tableOf(jakarta));
      expect(written.units).toEqual(byDefault.units);
      expect(written.notes).toEqual(byDefault.notes);
      expect(written.units.map((u) => u.bound)).toEqual(['held', '']);
      // 7,900,000 − 7,498,532 = 401,468 for Gorontalo (its upper bound 631,521 is above that).
      expect(written.units.map((u) => u.target)).toEqual([7498532n, 401468n]);
    });
  }
});

