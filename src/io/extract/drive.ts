// Reading a byte range through a RangeScanner with small reads. (The worker imports this file: keep
// node:crypto and other heavy modules out of it.)

import type { FileHandle } from 'node:fs/promises';
import type { RangeScanner } from './range-scan.js';

export const DEFAULT_CHUNK = 64 * 1024;
/** A record longer than this is left to the general path (which has its own limit and words it). */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;

/** Reads up to `length` bytes at `position` into `buf[offset…]`; 0 at the end of the file. */
export type ReadAt = (buf: Uint8Array, offset: number, length: number, position: number) => number | Promise<number>;

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

/**
 * Sequential reads with one read always in flight: while the bytes of one read are scanned or hashed,
 * the next are being read. Each answer is copied out of the read-ahead buffer (64 KiB copies cost
 * little next to waiting for each read). A read at an unexpected position is passed straight through.
 * `settle()` waits for the read still in flight, so the file can be closed.
 */
export function readAhead(fh: FileHandle, chunk: number): { read: ReadAt; settle: () => Promise<void> } {
  const buffers = [new Uint8Array(chunk), new Uint8Array(chunk)];
  let spare = 0;
  let current: Uint8Array | undefined;
  let currentAt = 0;
  let currentLength = 0;
  let next: Promise<number> | undefined;
  let nextAt = -1;
  let nextBuffer = buffers[0]!;
  const fetch = (at: number): void => {
    nextBuffer = buffers[(spare ^= 1)]!;
    nextAt = at;
    next = fh.read(nextBuffer, 0, chunk, at).then((r) => r.bytesRead);
  };
  const read: ReadAt = async (buf, offset, length, position) => {
    if (current === undefined || position < currentAt || position >= currentAt + currentLength) {
      if (next === undefined || nextAt !== position) {
        if (current !== undefined) return (await fh.read(buf, offset, length, position)).bytesRead;
        fetch(position); // the first read starts the pipeline
      }
      currentLength = await next!;
      current = nextBuffer;
      currentAt = position;
      next = undefined;
      if (currentLength === 0) return 0;
      fetch(currentAt + currentLength);
    }
    const from = position - currentAt;
    const n = Math.min(length, currentLength - from);
    buf.set(current.subarray(from, from + n), offset);
    return n;
  };
  const settle = async (): Promise<void> => {
    await next?.catch(() => 0);
  };
  return { read, settle };
}
