import { describe, expect, it } from 'vitest';
import { boundedDistance, closestName } from '../../src/core/suggest.js';

describe('closestName: a did-you-mean bounded in time', () => {
  it('finds slips, and only slips', () => {
    expect(closestName('provnce', ['period', 'province', 'segment'])).toBe('province');
    expect(closestName('Provinsi', ['province'])).toBe('province');
    expect(closestName('x', ['province'])).toBeUndefined();
    expect(closestName('', ['province'])).toBeUndefined();
    expect(closestName('numberLocal', ['numberLocale', 'lang'])).toBe('numberLocale');
  });

  it('the distance, and limit + 1 once it is past the limit', () => {
    expect(boundedDistance('kitten', 'sitting', 5)).toBe(3);
    expect(boundedDistance('kitten', 'sitting', 2)).toBe(3);
    expect(boundedDistance('a', 'abcdefgh', 2)).toBe(3);
  });

  it('a megabyte name gets no suggestion, at once (no megabyte × candidates table)', () => {
    const huge = 'p'.repeat(1 << 20);
    const names = Array.from({ length: 1000 }, (_, i) => `column_${i}`);
    expect(closestName(huge, names)).toBeUndefined();
    // and a long candidate list is read once, each comparison stopped at its limit
    expect(closestName('column_99x', names)).toBe('column_99');
  });
});
