// core/release.ts (mem6, issue 20): typed arrays given back when their code is done with them, not at
// V8's next full collection. Each array is left empty; a view into another's buffer (or a Buffer of
// Node's pool) is left alone.
import { describe, expect, it } from 'vitest';
import { release } from '../../src/core/release.js';

describe('release', () => {
  it('detaches arrays with buffers of their own, at once', () => {
    const a = new Int32Array(1 << 20).fill(7);
    const b = new Uint8Array(1000);
    release([a, b, a]);
    expect(a.length).toBe(0);
    expect(b.length).toBe(0);
    expect(a.buffer.byteLength).toBe(0);
  });

  it('leaves a view of part of a buffer, and a pooled Buffer, to the collector', () => {
    const whole = new Int32Array(64).fill(3);
    const part = whole.subarray(8, 16);
    const pooled = Buffer.from('abc');
    release([part, pooled]);
    expect(part.length).toBe(8);
    expect(whole[20]).toBe(3);
    expect(pooled.toString()).toBe('abc');
  });
});
