// segment-sets.ts: which areas two months give in segment sets a change cannot compare, and a wide
// table's segment rows. Values by hand.
import { describe, expect, it } from 'vitest';
import { segmentsShort } from '../../src/core/coverage/segment-sets.js';
import type { Table } from '../../src/core/table.js';
import { tableOf } from '../support/tables.js';

const june = tableOf([
  { period: '2026-06', province: 'Gorontalo', participants: 259_971 },
  { period: '2026-06', province: 'Maluku', participants: 155_094 },
]);
const seg = (rows: [string, string, number][]): Table => tableOf(rows.map(([province, segment, participants]) => ({ period: '2026-05', province, segment, participants })));

describe('segmentsShort', () => {
  it('an area given whole now and without a segment then is left out; one with every segment is not', () => {
    const may = seg([['Gorontalo', 'PU', 155_000], ['Gorontalo', 'BPU', 77_000], ['Gorontalo', 'JAKON', 20_000], ['Maluku', 'PU', 93_000], ['Maluku', 'BPU', 46_000], ['Maluku', 'JAKON', 12_000], ['Maluku', 'PMI', 3_000]]);
    const s = segmentsShort(june, may, ['province']);
    expect(s?.areas).toEqual([{ label: 'Gorontalo', split: 'previous', missing: ['PMI'] }]);
    expect(s?.every).toBe(false);
    expect([...(s?.drop ?? [])]).toEqual(['Gorontalo']);
  });

  it('either way round: the month reported by segment without PMI, the earlier one whole, every area left out', () => {
    const may = tableOf([{ period: '2026-05', province: 'Gorontalo', participants: 255_000 }]);
    const now = tableOf([{ period: '2026-06', province: 'Gorontalo', segment: 'PU', participants: 155_983 }, { period: '2026-06', province: 'Gorontalo', segment: 'BPU', participants: 77_991 }]);
    expect(segmentsShort(now, may, ['province'])).toMatchObject({ every: true, areas: [{ label: 'Gorontalo', split: 'current', missing: ['JAKON', 'PMI'] }] });
  });

  it('a segment the area has none of (the bundled baseline\'s 0) is not missing', () => {
    const may = seg([['Papua Tengah', 'PU', 50_000], ['Papua Tengah', 'BPU', 39_000]]);
    const now = tableOf([{ period: '2026-06', province: 'Papua Tengah', participants: 90_000 }]);
    const zero = (dim: string, area: string, s: string): boolean => dim === 'province' && area === 'Papua Tengah' && (s === 'JAKON' || s === 'PMI');
    expect(segmentsShort(now, may, ['province'], zero)).toBeUndefined();
    expect(segmentsShort(now, may, ['province'])?.areas[0]?.missing).toEqual(['JAKON', 'PMI']);
  });

  it('two months by segment, or two whole: nothing to say (like-for-like.ts compares them)', () => {
    const a = seg([['Gorontalo', 'PU', 1]]);
    const b = seg([['Gorontalo', 'PU', 1], ['Gorontalo', 'PMI', 1]]);
    expect(segmentsShort(b, a, ['province'])).toBeUndefined();
    expect(segmentsShort(june, june, ['province'])).toBeUndefined();
  });
});

describe('a wide row gives its segments (its columns are parts, fx54)', () => {
  it('a wide June against a long May with every segment, or without PMI: not an area given whole', () => {
    // Gorontalo's wide row (259,971 = 155,983 + 77,991 + 20,798 + 5,199): four segment rows under it.
    const wide: Table = {
      ...tableOf([{ province: 'Gorontalo', participants: 259_971 }]),
      dims: [{ name: 'province', kind: 'text', labels: new Map() }, { name: 'segment', kind: 'segment', labels: new Map() }],
      rows: [
        { keys: ['Gorontalo', null], values: [259_971], src: 0, line: 2 },
        { keys: ['Gorontalo', 'PU'], values: [155_983], src: 0, line: 2, parent: 0 },
        { keys: ['Gorontalo', 'BPU'], values: [77_991], src: 0, line: 2, parent: 0 },
        { keys: ['Gorontalo', 'JAKON'], values: [20_798], src: 0, line: 2, parent: 0 },
        { keys: ['Gorontalo', 'PMI'], values: [5_199], src: 0, line: 2, parent: 0 },
      ],
    };
    const may = seg([['Gorontalo', 'PU', 155_000], ['Gorontalo', 'BPU', 77_000], ['Gorontalo', 'JAKON', 20_000]]);
    expect(segmentsShort(wide, may, ['province'])).toBeUndefined();
    // Against a whole May (no segment column): the wide row gives every segment, comparable.
    const whole = tableOf([{ province: 'Gorontalo', participants: 255_000 }]);
    expect(segmentsShort(wide, whole, ['province'])).toBeUndefined();
  });
});
