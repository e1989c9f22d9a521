// A zip archive read the way an .xlsx reader needs it: the central directory from the end of the file,
// then one part at a time, either whole (the small parts: workbook, relationships, styles) or as a stream
// of inflated chunks (a sheet, the shared strings), so that a part is never held whole in memory.
//
// Zip (APPNOTE 6.3.10): the end-of-central-directory record is in the last 65,557 bytes; ZIP64 records
// give the sizes and offsets of archives and parts over 4 GiB. Each part has a local header (whose name
// and extra fields may differ in length from the central directory's) followed by its data, stored
// (method 0) or deflated (method 8). Inflating uses Node's zlib (native code, about three times the speed
// of a JavaScript inflater on a sheet, and its output comes in chunks).

import { pipeline } from 'node:stream/promises';
import { createInflateRaw, type ZlibOptions } from 'node:zlib';
import type { Bilingual } from '../../errors.js';
import { say } from '../../errors.js';
import type { ByteSource } from './byte-source.js';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeader: number;
}

/** A problem with the archive itself, in words (the reader puts them into its message). */
export class ZipError extends Error {
  constructor(readonly words: Bilingual) {
    super(words.message);
    this.name = 'ZipError';
  }
}

const damaged = (en: string, id: string): ZipError => new ZipError(say(`the zip archive is damaged (${en})`, `arsip zip rusak (${id})`));

/** The central directory is at most this large (a workbook has tens of parts; 64 MiB is 500,000 names). */
const MAX_DIRECTORY = 64 * 2 ** 20;
/** Compressed bytes read at a time when streaming a part. */
const READ_CHUNK = 1 << 20;

const u16 = (b: Uint8Array, i: number): number => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
/** A 64-bit field as a number (exact up to 2^53, far beyond any file here). */
const u64 = (b: Uint8Array, i: number): number => u32(b, i) + u32(b, i + 4) * 2 ** 32;

/** The archive's parts by name. */
export async function readZipDirectory(source: ByteSource): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(source.size, 65_557);
  const tail = await source.read(source.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('no end-of-central-directory record: the file may be cut short', 'tidak ada catatan akhir direktori pusat: berkas mungkin terpotong');
  let count = u16(tail, eocd + 10);
  let dirSize = u32(tail, eocd + 12);
  let dirOffset = u32(tail, eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    // ZIP64: the locator sits just before the end record and points at the ZIP64 end record.
    const loc = eocd - 20;
    if (loc < 0 || u32(tail, loc) !== 0x07064b50) throw damaged('a ZIP64 archive without its locator', 'arsip ZIP64 tanpa penunjuknya');
    const recordAt = u64(tail, loc + 8);
    const rec = await source.read(recordAt, 56);
    if (rec.length < 56 || u32(rec, 0) !== 0x06064b50) throw damaged('the ZIP64 end record is missing', 'catatan akhir ZIP64 tidak ada');
    count = u64(rec, 32);
    dirSize = u64(rec, 40);
    dirOffset = u64(rec, 48);
  }
  if (dirSize > MAX_DIRECTORY || dirOffset + dirSize > source.size) throw damaged('its directory lies outside the file', 'direktorinya di luar berkas');
  const dir = await source.read(dirOffset, dirSize);
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder('utf-8');
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > dir.length || u32(dir, p) !== 0x02014b50) throw damaged('a directory entry is cut short', 'entri direktori terpotong');
    const flags = u16(dir, p + 8);
    const method = u16(dir, p + 10);
    let compressedSize = u32(dir, p + 20);
    let size = u32(dir, p + 24);
    const nameLength = u16(dir, p + 28);
    const extraLength = u16(dir, p + 30);
    const commentLength = u16(dir, p + 32);
    let localHeader = u32(dir, p + 42);
    const nameStart = p + 46;
    const name = decoder.decode(dir.subarray(nameStart, nameStart + nameLength));
    // ZIP64 extra field (id 1): the 64-bit values of the fields that read 0xFFFFFFFF, in this order.
    let e = nameStart + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = u16(dir, e);
      const len = u16(dir, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(dir, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(dir, q);
          q += 8;
        }
        if (localHeader === 0xffffffff) localHeader = u64(dir, q);
      }
      e += 4 + len;
    }
    entries.set(name, { name, method, flags, compressedSize, size, localHeader });
    p = extraEnd + commentLength;
  }
  return entries;
}

/** Where a part's data start: after its local header. */
async function dataStart(source: ByteSource, entry: ZipEntry): Promise<number> {
  const h = await source.read(entry.localHeader, 30);
  if (h.length < 30 || u32(h, 0) !== 0x04034b50) throw damaged(`the part ${entry.name} is missing`, `bagian ${entry.name} tidak ada`);
  const start = entry.localHeader + 30 + u16(h, 26) + u16(h, 28);
  if (start + entry.compressedSize > source.size) throw damaged(`the part ${entry.name} is cut short`, `bagian ${entry.name} terpotong`);
  return start;
}

function checkReadable(entry: ZipEntry): void {
  if (entry.flags & 1) {
    throw new ZipError(say({ message: 'the workbook is encrypted (protected with a password)', hint: 'open it in Excel and save it again without a password' }, { message: 'buku kerja ini terenkripsi (dilindungi kata sandi)', hint: 'buka di Excel lalu simpan ulang tanpa kata sandi' }));
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipError(
      say(
        { message: `its part ${entry.name} is compressed with zip method ${entry.method}, which is not read here (only stored and deflated parts are)`, hint: 'open it in Excel and save it again as .xlsx' },
        { message: `bagian ${entry.name} dimampatkan dengan metode zip ${entry.method}, yang tidak dapat dibaca di sini (hanya bagian tersimpan dan deflate)`, hint: 'buka di Excel lalu simpan ulang sebagai .xlsx' },
      ),
    );
  }
}

/** Stop reading a part early (thrown by a consumer, caught by streamEntry). */
export const STOP = Symbol('stop reading');

/**
 * A part's bytes, inflated, in chunks of up to a few hundred KiB, handed to `onChunk` in order; the
 * part is never held whole. `onChunk` may throw STOP to end early. Inflating more or fewer bytes than
 * the directory says is a damaged archive.
 */
export async function streamEntry(source: ByteSource, entry: ZipEntry, onChunk: (bytes: Uint8Array) => void | Promise<void>): Promise<void> {
  checkReadable(entry);
  const start = await dataStart(source, entry);
  const end = start + entry.compressedSize;
  async function* compressed(): AsyncGenerator<Uint8Array> {
    for (let pos = start; pos < end; pos += READ_CHUNK) yield await source.read(pos, Math.min(READ_CHUNK, end - pos));
  }
  let produced = 0;
  const consume = async (chunks: AsyncIterable<Uint8Array>): Promise<void> => {
    for await (const chunk of chunks) {
      produced += chunk.length;
      if (produced > entry.size) throw damaged(`the part ${entry.name} inflates to more than its stated ${entry.size} bytes`, `bagian ${entry.name} terurai melebihi ${entry.size} bita yang dinyatakan`);
      await onChunk(chunk);
    }
  };
  try {
    if (entry.method === 0) await consume(compressed());
    else await pipeline(compressed, createInflateRaw({ chunkSize: 1 << 18, readableHighWaterMark: 1 << 22 } as ZlibOptions), consume);
  } catch (e) {
    if (e === STOP) return;
    if (e instanceof ZipError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_')) throw damaged(`the part ${entry.name} cannot be inflated: ${(e as Error).message}`, `bagian ${entry.name} tidak dapat diurai: ${(e as Error).message}`);
    throw e;
  }
  if (produced !== entry.size) throw damaged(`the part ${entry.name} inflates to ${produced} bytes, not the stated ${entry.size}`, `bagian ${entry.name} terurai menjadi ${produced} bita, bukan ${entry.size} bita yang dinyatakan`);
}

/** A small part, whole; refused beyond `limit` bytes (a part that size is not a workbook's XML). */
export async function readEntry(source: ByteSource, entry: ZipEntry, limit: number): Promise<Uint8Array> {
  if (entry.size > limit) {
    const mib = Math.round(limit / 2 ** 20);
    throw new ZipError(
      say(
        { message: `its part ${entry.name} unpacks to ${(entry.size / 2 ** 20).toFixed(0)} MiB, more than the ${mib} MiB such a part can hold`, hint: 'open it in Excel and save it again as .xlsx, or save the data sheet as CSV' },
        { message: `bagian ${entry.name} terurai menjadi ${(entry.size / 2 ** 20).toFixed(0)} MiB, melebihi ${mib} MiB yang wajar untuk bagian itu`, hint: 'buka di Excel lalu simpan ulang sebagai .xlsx, atau simpan lembar data sebagai CSV' },
      ),
    );
  }
  const out = new Uint8Array(entry.size);
  let at = 0;
  await streamEntry(source, entry, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  return out;
}
