import { describe, expect, it } from 'vitest';
import { clipValue } from '../../src/core/clip.js';

describe('clipValue', () => {
  it('keeps short values whole', () => {
    expect(clipValue('Gorontalo')).toBe('Gorontalo');
    expect(clipValue('x'.repeat(80))).toBe('x'.repeat(80));
  });
  it('keeps 80 characters of a long value and says how many bytes it had', () => {
    expect(clipValue('a'.repeat(1_000_000))).toBe(`${'a'.repeat(80)}… (1,000,000 bytes)`);
    // 'é' is two bytes in UTF-8, '😀' four (two UTF-16 units): 81 + 1 units → 81 characters.
    expect(clipValue('é'.repeat(100))).toBe(`${'é'.repeat(80)}… (200 bytes)`);
    expect(clipValue('a' + '😀'.repeat(50))).toBe(`a${'😀'.repeat(39)}… (201 bytes)`);
  });
});
