// Two helpers that replaced scans of every item for every item (issue 20: a breakdown of 20,000
// branches spent most of its time in them): a note is added once, and units are grouped under their
// parent in order. Checked against the plain scans they replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlannedUnit } from '../../src/core/allocation/plan.js';
import { addNote } from '../../src/core/allocation/units.js';
import type { Note } from '../../src/core/facts.js';
import { unitsByParent } from '../../src/report/common.js';

describe('addNote', () => {
  it('keeps the first of equal notes, in order, even when the list was changed without it (property)', () => {
    const note = fc.oneof(
      fc.record({ code: fc.constant('held' as const), units: fc.array(fc.constantFrom('A', 'B', 'C'), { maxLength: 2 }) }),
      fc.record({ code: fc.constant('capped' as const), units: fc.array(fc.constantFrom('A', 'B'), { maxLength: 2 }) }),
    ) as fc.Arbitrary<Note>;
    fc.assert(
      fc.property(fc.array(fc.tuple(note, fc.boolean()), { maxLength: 40 }), (steps) => {
        const notes: Note[] = [];
        const model: Note[] = [];
        for (const [n, direct] of steps) {
          if (direct) {
            // Pushed by other code, duplicates and all.
            notes.push(n);
            model.push(n);
          } else {
            addNote(notes, n);
            if (!model.some((m) => JSON.stringify(m) === JSON.stringify(n))) model.push(n);
          }
        }
        expect(notes).toEqual(model);
      }),
      { seed: 37 },
    );
  });
});

describe('unitsByParent', () => {
  it('gives each parent its units in their order, as a filter of every unit would', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('Aceh', 'Bali', 'Papua'), fc.nat(9)), { maxLength: 50 }), (pairs) => {
        const units = pairs.map(([p, c], i) => ({ keys: [p, `K${c}-${i}`] }) as unknown as PlannedUnit);
        const by = unitsByParent(units);
        for (const p of ['Aceh', 'Bali', 'Papua']) expect(by.get(p) ?? []).toEqual(units.filter((u) => u.keys[0] === p));
      }),
      { seed: 41 },
    );
  });
});
