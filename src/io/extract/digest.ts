// The checks that run beside the scan: the sha256 of the whole file and its UTF-8 validity, fed the
// bytes in file order in chunks of any size.

import { isUtf8 } from 'node:buffer';
import { createHash, type Hash } from 'node:crypto';

/** Streaming UTF-8 validation over arbitrary chunks (a character may be split between two chunks). */
export class Utf8Check {
  valid = true;
  private pending = new Uint8Array(4);
  private pendingLength = 0;

  push(bytes: Uint8Array): void {
    if (!this.valid) return;
    let from = 0;
    if (this.pendingLength > 0) {
      // Complete the character split at the end of the previous chunk.
      const need = sequenceLength(this.pending[0]!);
      while (this.pendingLength < need && from < bytes.length) this.pending[this.pendingLength++] = bytes[from++]!;
      if (this.pendingLength < need) return;
      if (!isUtf8(this.pending.subarray(0, need))) {
        this.valid = false;
        return;
      }
      this.pendingLength = 0;
    }
    const cut = completeUpTo(bytes, from);
    if (cut > from && !isUtf8(bytes.subarray(from, cut))) {
      this.valid = false;
      return;
    }
    for (let i = cut; i < bytes.length; i++) this.pending[this.pendingLength++] = bytes[i]!;
  }

  /** True when everything pushed was UTF-8 and no character was left unfinished. */
  end(): boolean {
    if (this.pendingLength > 0) this.valid = false;
    return this.valid;
  }
}

/** Bytes in the sequence a lead byte starts (1 for a byte that cannot start one: isUtf8 refuses it). */
function sequenceLength(lead: number): number {
  if (lead >= 0xf0 && lead <= 0xf7) return 4;
  if (lead >= 0xe0) return lead <= 0xef ? 3 : 1;
  if (lead >= 0xc0) return 2;
  return 1;
}

/** Where the last complete character ends: an unfinished multi-byte sequence at the end is cut off. */
function completeUpTo(bytes: Uint8Array, from: number): number {
  const end = bytes.length;
  let i = end - 1;
  while (i >= from && i >= end - 4 && (bytes[i]! & 0xc0) === 0x80) i--;
  if (i < from || i < end - 4) return end; // only continuation bytes: invalid, let isUtf8 say so
  const lead = bytes[i]!;
  if (lead < 0xc0) return end;
  return i + sequenceLength(lead) > end ? i : end;
}

/** sha256 and UTF-8 validity of whole files, fed in file order. */
export class FileDigest {
  private readonly hash: Hash = createHash('sha256');
  private readonly utf8 = new Utf8Check();

  push(bytes: Uint8Array): void {
    this.hash.update(bytes);
    this.utf8.push(bytes);
  }

  finish(): { sha256: string; utf8: boolean } {
    return { sha256: this.hash.digest('hex'), utf8: this.utf8.end() };
  }
}
