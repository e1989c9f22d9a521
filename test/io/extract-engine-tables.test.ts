// The extract engine's tables against Map and Set: distinct texts, group tuples and the participant-id
// set, through growth, probe wrap-around and fingerprint collisions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GroupTable, IdSet, monthNumber, MonthMasks, ValueTable } from '../../src/io/extract/tables.js';

// 100 runs in npm test (was 300, cut to keep it under a minute): the first 100 of the same seeded runs;
// `npm run fuzz` runs 20,000 (FUZZ_RUNS).
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

describe('ValueTable', () => {
  it('gives each distinct text one id, whatever its fingerprint shares with others', () => {
    // Texts of one length, one first, middle and last byte share the engine's fingerprint: only the
    // bytes in between tell them apart.
    const alike = fc.array(fc.constantFrom('a', 'b', 'é'), { minLength: 0, maxLength: 4 }).map((xs) => `Kab${xs.join('')}..X`);
    fc.assert(
      fc.property(fc.array(fc.oneof(alike, fc.string({ maxLength: 6 })), { maxLength: 300 }), (texts) => {
        const table = new ValueTable();
        const ids = new Map<string, number>();
        for (const text of texts) {
          const bytes = Buffer.from(`~~${text}~`);
          const id = table.find(bytes, 2, bytes.length - 1);
          if (!ids.has(text)) ids.set(text, id);
          expect(id).toBe(ids.get(text));
          expect(table.lookup(bytes, 2, bytes.length - 1)).toBe(id);
        }
        expect(table.texts()).toEqual([...ids.keys()]);
      }),
      { numRuns: RUNS, seed: 21 },
    );
  });
});

describe('GroupTable', () => {
  it('maps key tuples to groups and keeps the first line (ids around the packing limits of its cache)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.array(fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(0, 1, 2, 255, 256, 1023, 1024, 1025, 2048) }, { weight: 1, arbitrary: fc.nat(3000) }), { minLength: 5, maxLength: 5 }), { maxLength: 400 }), (width, tuples) => {
        const table = new GroupTable(width, 1);
        const groups = new Map<string, { g: number; line: number }>();
        tuples.forEach((tuple, line) => {
          const ids = Int32Array.from(tuple);
          const key = tuple.slice(0, width).join(',');
          const g = table.find(ids, line);
          if (!groups.has(key)) groups.set(key, { g, line });
          expect(g).toBe(groups.get(key)!.g);
        });
        expect(table.count).toBe(groups.size);
        for (const { g, line } of groups.values()) expect(table.firstLine[g]).toBe(line);
      }),
      { numRuns: RUNS, seed: 22 },
    );
  });
});

describe('GroupTable packing limits', () => {
  it.each([
    [2, [0, 1024], [1, 0]], // 1024 does not fit in 10 bits
    [3, [0, 1, 1023], [0, 1, 1023]], // the same tuple, at the limit
    [4, [0, 1, 1, 1], [256, 1, 1, 1]], // four fields do not fit in 32 bits
  ])('width %i: %j and %j', (width, a, b) => {
    const table = new GroupTable(width, 0);
    const ga = table.find(Int32Array.from(a), 1);
    const gb = table.find(Int32Array.from(b), 2);
    expect(ga === gb).toBe(a.join() === b.join());
    expect(table.find(Int32Array.from(a), 3)).toBe(ga);
  });
});

describe('IdSet', () => {
  it('is a set of (h1, key) pairs through growth and wrap-around, and a reserve keeps it', () => {
    const pair = fc.tuple(fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).filter((h) => h !== 0)), fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 600 }), fc.integer({ min: 1, max: 64 }), fc.option(fc.nat(700)), (pairs, slots, reserve) => {
        const set = new IdSet(slots);
        if (reserve !== null) set.reserve(reserve);
        const seen = new Set<string>();
        for (const [h1, key] of pairs) {
          const id = `${h1}/${key}`;
          expect(set.has(h1, key)).toBe(seen.has(id));
          expect(set.add(h1, key)).toBe(!seen.has(id));
          seen.add(id);
        }
        expect(set.count).toBe(seen.size);
        const copy = IdSet.from(set.table, set.count);
        for (const [h1, key] of pairs) expect(copy.has(h1, key)).toBe(true);
      }),
      { numRuns: RUNS, seed: 23 },
    );
  });

  it('grows once when the reserve was right, never beyond 70 % full', () => {
    const set = new IdSet();
    set.reserve(100_000);
    const before = set.table;
    // One assertion over the 100,000 adds (an expect() per add cost a second of CPU): every add is new.
    const notAdded: number[] = [];
    for (let i = 0; i < 100_000; i++) if (set.add(1 + (i % 7), 1_000_000 + i) !== true) notAdded.push(i);
    expect(notAdded).toEqual([]);
    expect(set.table).toBe(before);
    expect(set.count / (set.table.length / 2)).toBeLessThanOrEqual(0.7);
    // 8 bytes a slot at ≤ 70 %: about 11.4 bytes an id when the reserve was exact.
    expect(set.table.byteLength / 100_000).toBeLessThan(11.5);
  });
});

describe('MonthMasks', () => {
  it('keeps the months (0–31) of each (h1, h2) tuple through growth and wrap-around, and a reserve keeps it', () => {
    const word = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).filter((h) => h !== 0));
    const entry = fc.tuple(word, fc.oneof(fc.integer({ min: -3, max: 40 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), fc.integer({ min: 0, max: 31 }));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 600 }), fc.integer({ min: 1, max: 64 }), fc.option(fc.nat(700)), (entries, slots, reserve) => {
        const set = new MonthMasks(slots);
        if (reserve !== null) set.reserve(reserve);
        const model = new Map<string, Set<number>>();
        for (const [h1, h2, month] of entries) {
          const key = `${h1}/${h2}`;
          const months = model.get(key) ?? new Set<number>();
          expect(set.add(h1, h2, month)).toBe(!months.has(month));
          months.add(month);
          model.set(key, months);
        }
        expect(set.count).toBe(model.size);
        const copy = MonthMasks.from(set.table, set.count);
        for (const [key, months] of model) {
          const [h1, h2] = key.split('/').map(Number) as [number, number];
          let mask = 0;
          for (const m of months) mask |= 1 << m;
          expect(copy.maskOf(h1, h2)).toBe(mask);
        }
        if (!model.has('5/5')) expect(copy.maskOf(5, 5)).toBe(0);
      }),
      { numRuns: RUNS, seed: 29 },
    );
  });

  it('numbers a month the same whatever its spelling, and −1 when the text names none', () => {
    // 2024 × 12 + (6 − 1), by hand.
    // rv31 V8: a month's name and dd/mm/yyyy (day over 12) as the key resolver reads them.
    for (const text of ['2024-06', '2024-6', ' 2024-06', '2024/06', '202406', '06/2024', '2024-06-30', 'Juni 2024', 'Jun-24', '30/06/2024']) expect(monthNumber(text)).toBe(24_293);
    expect(monthNumber('2024-07')).toBe(24_294);
    for (const text of ['2024', '2024-Q1', 'Juni 24', '01/06/2024', '2024-13', '']) expect(monthNumber(text)).toBe(-1);
  });
});
