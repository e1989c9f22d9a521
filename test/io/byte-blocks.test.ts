// io/atomic.ts byteBlocks: the chunks of a renderer as blocks of bytes. The bytes are those of the whole
// text encoded at once (checked against Buffer.from of the joined strings, surrogate pairs cut between
// two chunks included), and no block is larger than asked unless one chunk alone is. A block of text is
// one buffer filled again: it is copied here before the next is asked for, as a writer uses it up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteBlocks as blocksOf } from '../../src/io/atomic.js';

/** The blocks, each copied as it comes (the next one reuses its buffer). */
const byteBlocks = (chunks: Iterable<string | Uint8Array>, size?: number): Buffer[] => Array.from(blocksOf(chunks, size), (b) => Buffer.from(b));

/** What the blocks must add up to: each run of strings encoded whole, bytes as they are. */
function expected(chunks: readonly (string | Uint8Array)[]): Buffer {
  const out: Buffer[] = [];
  let run = '';
  for (const c of chunks) {
    if (typeof c === 'string') run += c;
    else {
      out.push(Buffer.from(run, 'utf8'), Buffer.from(c));
      run = '';
    }
  }
  out.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(out);
}

const chunk = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('a', 'é', '\ud83d', '\ude00', '😀', '\n'), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 30 }) },
);

describe('byteBlocks', () => {
  it('gives the bytes of the whole text, in blocks of at most `size` bytes (a longer chunk alone)', () => {
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 60 }), fc.integer({ min: 8, max: 200 }), (chunks, size) => {
        const blocks = byteBlocks(chunks, size);
        expect(Buffer.concat(blocks).equals(expected(chunks))).toBe(true);
        const longest = Math.max(0, ...chunks.map((c) => (typeof c === 'string' ? 3 * c.length : c.length)));
        for (const b of blocks) {
          expect(b.length).toBeGreaterThan(0);
          expect(b.length).toBeLessThanOrEqual(Math.max(size, longest + 3));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a surrogate pair cut between two chunks is one character, as in the joined text', () => {
    const text = 'x'.repeat(8191) + '\ud83d';
    const bytes = Buffer.concat(byteBlocks([text, '\ude00 end']));
    expect(bytes.equals(Buffer.from(text + '\ude00 end', 'utf8'))).toBe(true);
    expect(bytes.toString('utf8').endsWith('😀 end')).toBe(true);
  });

  it('a million short rows come out as the joined text, in 1 MiB blocks', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `row ${i},${i * 7},0.${i % 1000}\n`);
    const blocks = byteBlocks(rows);
    expect(Buffer.concat(blocks).equals(Buffer.from(rows.join(''), 'utf8'))).toBe(true);
    for (const b of blocks.slice(0, -1)) expect(b.length).toBeGreaterThan(1_000_000);
  });
});
