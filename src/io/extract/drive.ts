// Reading a byte range through a RangeScanner with small reads. (The worker imports this file: keep
// node:crypto and other heavy modules out of it.)

import type { RangeScanner } from './range-scan.js';

export const DEFAULT_CHUNK = 64 * 1024;
/** A record longer than this is left to the general path (which has its own limit and words it). */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;

/** Reads up to `length` bytes at `position` into `buf[offset…]`; 0 at the end of the file. */
export type ReadAt = (buf: Uint8Array, offset: number, length: number, position: number) => number | Promise<number>;

/** Reads between two turns of the event loop (2 MiB at 64 KiB a read: a few milliseconds of work). */
const READS_PER_TURN = 32;

/**
 * Let the event loop run (signal handlers, a progress bar). Reads are synchronous — from the page
 * cache a 64 KiB read takes microseconds, less than the round trip of an asynchronous one, and the
 * thread pool is not a third thread competing for two cores — so the loop must be given its turns.
 */
export function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Scan the records that start in [start, stopAt) (the last one may run past stopAt), reading `chunk`
 * bytes at a time. The buffer holds one read plus the unfinished record before it, so memory stays at
 * about one read unless a single record is longer (up to MAX_RECORD_BYTES). `onBytes` sees every byte
 * read, once, in file order.
 */
export async function driveRange(
  read: ReadAt,
  size: number,
  scanner: RangeScanner,
  start: number,
  stopAt: number,
  chunk: number,
  onBytes?: (bytes: Uint8Array) => void,
): Promise<void> {
  let buf = new Uint8Array(chunk + 1); // + 1 for the 0 byte after the last byte read
  let base = start; // file offset of buf[0]
  let kept = 0; // bytes of an unfinished record at the start of buf
  let first = true;
  let reads = 0;
  for (;;) {
    let room = buf.length - 1 - kept;
    if (room === 0) {
      // One record fills the whole buffer: make room for it, up to the limit.
      if (buf.length - 1 >= MAX_RECORD_BYTES) {
        scanner.abandon(`a record longer than ${MAX_RECORD_BYTES} bytes`);
        return;
      }
      const bigger = new Uint8Array(Math.min(2 * (buf.length - 1), MAX_RECORD_BYTES) + 1);
      bigger.set(buf.subarray(0, kept));
      buf = bigger;
      room = buf.length - 1 - kept;
    }
    // Never more than `chunk` a read, even after the buffer grew for a long record.
    const want = Math.min(room, chunk, size - (base + kept));
    const n = want > 0 ? await read(buf, kept, want, base + kept) : 0;
    if (++reads % READS_PER_TURN === 0) await turn();
    if (n > 0) onBytes?.(buf.subarray(kept, kept + n));
    const len = kept + n;
    const final = base + len >= size || n === 0;
    buf[len] = 0;
    const used = scanner.scan(buf, len, base, final, stopAt);
    if (first) {
      first = false;
      scanner.expect(Math.min(stopAt, size) - start, base + used - start);
    }
    if (scanner.done) return;
    if (final) {
      scanner.abandon('the file ended while it was read'); // unreachable: a final scan always finishes
      return;
    }
    if (used > 0) buf.copyWithin(0, used, len);
    kept = len - used;
    base += used;
  }
}
