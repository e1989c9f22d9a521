// The pieces the charts of the year share (issue 18): the terminal's sparkline characters, the value
// axis of the line chart and of the workbook's chart, and which terminals get the sparkline column.
import { describe, expect, it } from 'vitest';
import { sparkline, sparklineTerminal, valueAxis } from '../../src/render/trend.js';

describe('sparkline characters', () => {
  it('one character a month on the series\' own scale, a space for a month not reported', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    // 20 is a third of the way from 10 to 40: 7 / 3 ≈ 2.33 → ▃.
    expect(sparkline([10, 20, null, 40])).toBe('▁▃ █');
    expect(sparkline([5, 5, 5])).toBe('▄▄▄');
    expect(sparkline([null, null])).toBe('');
  });

  it('a terminal shows it with a UTF-8 locale and a TERM that is not dumb', () => {
    expect(sparklineTerminal({ LANG: 'en_US.UTF-8', TERM: 'xterm-256color' })).toBe(true);
    expect(sparklineTerminal({ LANG: 'id_ID.utf8' })).toBe(true);
    expect(sparklineTerminal({ LC_ALL: 'C', LANG: 'en_US.UTF-8' })).toBe(false);
    expect(sparklineTerminal({ LC_CTYPE: 'C.UTF-8', LANG: 'C' })).toBe(true);
    expect(sparklineTerminal({ LANG: 'en_US.UTF-8', TERM: 'dumb' })).toBe(false);
    expect(sparklineTerminal({})).toBe(false);
  });
});

describe('the value axis', () => {
  it('round steps about a quarter of the range apart, from below the lowest value to above the highest', () => {
    expect(valueAxis([92, 160, null])).toEqual({ lo: 80, hi: 160, step: 20, ticks: [80, 100, 120, 140, 160] });
    // The Kanwil of the README: 3,328,119 … 4,006,755 → steps of 200,000.
    expect(valueAxis([3_328_119, 4_006_755])).toEqual({ lo: 3_200_000, hi: 4_200_000, step: 200_000, ticks: [3_200_000, 3_400_000, 3_600_000, 3_800_000, 4_000_000, 4_200_000] });
    // One value: a step of a tenth of it either side.
    expect(valueAxis([500])).toEqual({ lo: 450, hi: 550, step: 50, ticks: [450, 500, 550] });
    expect(valueAxis([null])).toBeNull();
  });
});
