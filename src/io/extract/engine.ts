// scanExtract: sums of a large per-participant or per-employer CSV extract, per group of key texts, at
// the speed of the bytes. See plan.ts for the contract with the general path.
//
// A small file is scanned in one pass in this thread, with the sha256 and the UTF-8 check fed from the
// same reads. A large file is cut into byte ranges: this thread scans the first (a smaller one: it also
// hashes the whole file) and a worker thread each of the others. Every range but the first starts at the
// first record start after its nominal offset, *speculated* without knowing whether that offset is inside
// a quoted field; the merge checks that each range ended exactly where the next one started, and when a
// guess was wrong the file is scanned again in one pass. Worker code is loaded only for large files.
//
// Why this thread scans too, rather than two workers while it only hashes: each worker thread costs
// about 11 MiB (its own V8 isolate and Node bootstrap), and peak memory must not depend on the file size.

import { availableParallelism } from 'node:os';
import { readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { FileDigest } from './digest.js';
import { DEFAULT_CHUNK, driveRange, turn, type ReadAt } from './drive.js';
import { mergeRanges } from './merge.js';
import { checkPlan, type ExtractPlan, type ExtractScan, type ExtractTuning } from './plan.js';
import { RangeScanner, type RangeResult } from './range-scan.js';

/** From this size up, a second thread beats one thread plus the cost of starting a worker (about 40 ms). */
export const PARALLEL_BYTES = 64 * 1024 * 1024;

const DIGEST_CHUNK = 256 * 1024;

/** Hashing a byte costs about this share of scanning it (sha256 at ~1.7 GB/s, the scan at ~250 MB/s). */
const HASH_SHARE = 0.14;

export async function scanExtract(plan: ExtractPlan, tuning: ExtractTuning = {}): Promise<ExtractScan> {
  checkPlan(plan);
  const chunk = tuning.chunkBytes ?? DEFAULT_CHUNK;
  if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError('extract tuning: chunkBytes must be a positive integer');
  let fh: FileHandle;
  try {
    fh = await open(plan.path, 'r');
  } catch (e) {
    return { ok: false, reason: `cannot open (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  try {
    const stat = await fh.stat();
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    const size = stat.size;
    if (plan.dataStart > size) return { ok: false, reason: 'the data start is past the end of the file' };
    const read: ReadAt = (buf, offset, length, position) => readSync(fh.fd, buf, offset, length, position);

    const threads = plan.workers ?? (size - plan.dataStart >= PARALLEL_BYTES && availableParallelism() >= 2 ? 2 : 1);
    const nominal = tuning.splits ?? splitOffsets(plan.dataStart, size, threads);
    const starts = nominal.length > 0 ? await speculateStarts(read, plan.dataStart, size, nominal) : [plan.dataStart];
    const digest = (): FileDigest => progressDigest(size, tuning.onProgress);
    if (starts.length === 1) return await scanInOnePass(plan, read, size, chunk, digest());
    const merged = await scanInRanges(plan, read, size, chunk, starts, tuning.inline === true, digest());
    if (merged !== 'rescan') return merged;
    return await scanInOnePass(plan, read, size, chunk, digest());
  } catch (e) {
    // A read error: the general path reads the file again and reports it with its place.
    return { ok: false, reason: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  } finally {
    await fh.close();
  }
}

async function scanInOnePass(plan: ExtractPlan, read: ReadAt, size: number, chunk: number, digest: FileDigest): Promise<ExtractScan> {
  // The header (and BOM) before the data are part of the file's sha256 and must be UTF-8 too.
  await digestFile(read, 0, plan.dataStart, chunk, digest);
  const scanner = new RangeScanner(plan);
  await driveRange(read, size, scanner, plan.dataStart, Infinity, chunk, (bytes) => digest.push(bytes));
  const result = scanner.result();
  // A problem found before the end: the rest of the file was not read, so no digest is needed.
  if (result.problem !== undefined) return mergeRanges(plan, [plan.dataStart], [result], { bytes: size, sha256: '' }) as ExtractScan;
  const facts = digest.finish();
  if (!facts.utf8) return { ok: false, reason: 'invalid UTF-8' };
  return mergeRanges(plan, [plan.dataStart], [result], { bytes: size, sha256: facts.sha256 }) as ExtractScan;
}

/**
 * Range 0 here (hashing its bytes as they are read, then the rest of the file), the others in worker
 * threads started first — or, `inline`, here one after the other (tests: the same splitting and merging
 * without threads).
 */
async function scanInRanges(
  plan: ExtractPlan,
  read: ReadAt,
  size: number,
  chunk: number,
  starts: readonly number[],
  inline: boolean,
  digest: FileDigest,
): Promise<ExtractScan | 'rescan'> {
  const workers = inline ? undefined : (await import('./workers.js')).startWorkers(plan, starts, chunk);
  try {
    await digestFile(read, 0, plan.dataStart, chunk, digest);
    const first = new RangeScanner(plan);
    let hashed = plan.dataStart;
    await driveRange(read, size, first, plan.dataStart, starts[1]!, chunk, (bytes) => {
      digest.push(bytes);
      hashed += bytes.length;
    });
    // A problem in the first range is certain (it starts where the data start): no need to wait.
    if (first.problem !== undefined) return mergeRanges(plan, starts, [first.result()], { bytes: size, sha256: '' });
    await digestRest(read, hashed, size, digest);
    let others: RangeResult[];
    if (workers) others = await workers.results;
    else {
      others = [];
      for (let i = 1; i < starts.length; i++) {
        const scanner = new RangeScanner(plan);
        await driveRange(read, size, scanner, starts[i]!, starts[i + 1] ?? Infinity, chunk);
        others.push(scanner.result());
      }
    }
    const facts = digest.finish();
    if (!facts.utf8) return { ok: false, reason: 'invalid UTF-8' };
    return mergeRanges(plan, starts, [first.result(), ...others], { bytes: size, sha256: facts.sha256 });
  } finally {
    workers?.cancel();
  }
}

/** A digest that also reports the bytes hashed so far (every byte of the file passes through it once, in order). */
function progressDigest(total: number, onProgress: ExtractTuning['onProgress']): FileDigest {
  const d = new FileDigest();
  if (!onProgress) return d;
  let seen = 0;
  const push = d.push.bind(d);
  d.push = (bytes: Uint8Array): void => {
    push(bytes);
    seen += bytes.length;
    onProgress(seen, total);
  };
  return d;
}

/**
 * The rest of the file only feeds the digest: larger reads than the scan's (one buffer, reused: memory
 * stays flat), with turns of the event loop in between.
 */
async function digestRest(read: ReadAt, from: number, end: number, digest: FileDigest): Promise<void> {
  const buf = new Uint8Array(DIGEST_CHUNK);
  for (let pos = from, reads = 0; pos < end; reads++) {
    const n = await read(buf, 0, Math.min(DIGEST_CHUNK, end - pos), pos);
    if (n === 0) throw new Error('the file got shorter while it was read');
    digest.push(buf.subarray(0, n));
    pos += n;
    if (reads % 8 === 7) await turn();
  }
}

/** Feed bytes [from, end) of the file to the digest, `chunk` at a time. */
async function digestFile(read: ReadAt, from: number, end: number, chunk: number, digest: FileDigest): Promise<void> {
  const buf = new Uint8Array(Math.min(chunk, Math.max(end - from, 1)));
  for (let pos = from; pos < end; ) {
    const n = await read(buf, 0, Math.min(buf.length, end - pos), pos);
    if (n === 0) throw new Error('the file got shorter while it was read');
    digest.push(buf.subarray(0, n));
    pos += n;
  }
}

/**
 * Nominal offsets for `threads` ranges: the first range (this thread's, which also hashes the whole file)
 * smaller, so that all threads finish together; the others equal.
 */
function splitOffsets(dataStart: number, size: number, threads: number): number[] {
  if (threads < 2) return [];
  const length = size - dataStart;
  const first = 1 / threads - (HASH_SHARE * (threads - 1)) / threads;
  const out = [dataStart + Math.floor(first * length)];
  for (let i = 1; i < threads - 1; i++) out.push(dataStart + Math.floor((first + (i * (1 - first)) / (threads - 1)) * length));
  return out;
}

/**
 * The start of each range: dataStart, then for each nominal offset the first byte after the first line
 * end at or after it (CR LF taken as one). Only a guess: the offset may be inside a quoted field, which
 * the merge finds out. Offsets whose guess falls at or past the end of the file, or not after the
 * previous start, are dropped.
 */
async function speculateStarts(read: ReadAt, dataStart: number, size: number, nominal: readonly number[]): Promise<number[]> {
  const starts = [dataStart];
  const buf = new Uint8Array(64 * 1024);
  for (const offset of nominal) {
    let pos = Math.max(offset - 1, dataStart);
    let found = -1;
    search: while (pos < size) {
      const n = await read(buf, 0, Math.min(buf.length, size - pos), pos);
      if (n === 0) break;
      for (let i = 0; i < n; i++) {
        const b = buf[i]!;
        if (b === 10) {
          found = pos + i + 1;
          break search;
        }
        if (b === 13) {
          if (i + 1 < n) found = pos + i + (buf[i + 1] === 10 ? 2 : 1);
          else {
            // The CR is the last byte read: look at the next one.
            const one = new Uint8Array(1);
            const m = pos + i + 1 < size ? await read(one, 0, 1, pos + i + 1) : 0;
            found = pos + i + (m === 1 && one[0] === 10 ? 2 : 1);
          }
          break search;
        }
      }
      pos += n;
    }
    if (found < 0 || found >= size || found <= starts[starts.length - 1]!) continue;
    starts.push(found);
  }
  return starts;
}
