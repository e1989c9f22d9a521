// Random access to an input's bytes, for the formats whose index is at the end of the file: an .xlsx
// workbook (a zip archive: its central directory) and Parquet (its footer). A regular file is read in
// ranges from disk and never held whole; standard input and pipes are read into memory first (they
// cannot be read twice: randomAccess below).

import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { InputError, say } from '../../errors.js';

/** Bytes that can be read in any order. */
export interface ByteSource {
  readonly size: number;
  /** `length` bytes from `offset` (fewer only at the end of the source). */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** Bytes in memory as a source. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.subarray(offset, Math.min(bytes.length, offset + length))),
  };
}

/** A regular file as a source; close it when done. */
export async function fileSource(path: string): Promise<ByteSource & { close(): Promise<void> }> {
  const handle: FileHandle = await open(path, 'r');
  const size = (await handle.stat()).size;
  return {
    size,
    async read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = Buffer.allocUnsafe(n);
      let got = 0;
      while (got < n) {
        const { bytesRead } = await handle.read(buf, got, n - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === n ? buf : buf.subarray(0, got);
    },
    close: () => handle.close(),
  };
}

/**
 * The sha256 and size of a stream that has already been opened (its first chunk read), without keeping
 * its bytes: for a file that is then read in ranges.
 */
export async function digestStream(first: Uint8Array, rest: AsyncIterator<Uint8Array>): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  let chunk: Uint8Array | undefined = first;
  while (chunk) {
    hash.update(chunk);
    bytes += chunk.length;
    const next = await rest.next();
    chunk = next.done ? undefined : next.value;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * An opened input as a source read in ranges: a regular file from disk (hashed first as a stream, so
 * its bytes are never held), anything else (standard input, a pipe) read into memory first.
 */
export async function randomAccess(name: string, file: string | undefined, first: Uint8Array, rest: AsyncIterator<Uint8Array>): Promise<{ source: ByteSource; sha256: string; bytes: number; close(): Promise<void> }> {
  if (file !== undefined) {
    const { sha256, bytes } = await digestStream(first, rest);
    const source = await fileSource(file);
    // The file changed between the two reads: its sha256 would not be that of what was read.
    if (source.size !== bytes) {
      await source.close();
      throw new InputError({ file: name, ...say({ message: `the file changed while it was read (${bytes} bytes, then ${source.size})`, hint: 'read it again once it is written' }, { message: `berkas berubah saat dibaca (${bytes} bita, lalu ${source.size})`, hint: 'baca lagi setelah berkas selesai ditulis' }) });
    }
    return { source, sha256, bytes, close: () => source.close() };
  }
  const hash = createHash('sha256');
  const parts: Uint8Array[] = [];
  let chunk: Uint8Array | undefined = first;
  while (chunk) {
    hash.update(chunk);
    parts.push(chunk);
    const next = await rest.next();
    chunk = next.done ? undefined : next.value;
  }
  const all = Buffer.concat(parts);
  return { source: bytesSource(all), sha256: hash.digest('hex'), bytes: all.length, close: () => Promise.resolve() };
}
