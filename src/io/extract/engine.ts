// scanExtract: sums of a large per-participant or per-employer CSV extract, per group of key texts, at
// the speed of the bytes. See plan.ts for the contract with the general path.
//
// A small file is scanned in one pass in this thread, with the sha256 and the UTF-8 check fed from the
// same reads. A large file is cut into byte ranges, one per worker thread; each range starts at the first
// record start after its nominal offset, *speculated* without knowing whether that offset is inside a
// quoted field. The merge checks each range ended exactly where the next one started, and when a guess
// was wrong the file is scanned again in one pass. Meanwhile this thread reads the whole file for the
// sha256 and the UTF-8 check. Worker code is loaded only for large files.

import { availableParallelism } from 'node:os';
import { open, type FileHandle } from 'node:fs/promises';
import { DEFAULT_CHUNK, driveRange, FileDigest, readAhead, type ReadAt } from './drive.js';
import { mergeRanges } from './merge.js';
import { checkPlan, type ExtractPlan, type ExtractScan, type ExtractTuning } from './plan.js';
import { RangeScanner, type RangeResult } from './range-scan.js';

/** From this size up, two workers beat one thread plus the cost of starting them (about 40 ms). */
export const PARALLEL_BYTES = 64 * 1024 * 1024;

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
    const read: ReadAt = async (buf, offset, length, position) => (await fh.read(buf, offset, length, position)).bytesRead;

    const workers = plan.workers ?? (size - plan.dataStart >= PARALLEL_BYTES && availableParallelism() >= 2 ? 2 : 1);
    const nominal = tuning.splits ?? equalSplits(plan.dataStart, size, workers);
    const starts = nominal.length > 0 ? await speculateStarts(read, plan.dataStart, size, nominal) : [plan.dataStart];
    if (starts.length === 1) return await scanInOnePass(plan, fh, read, size, chunk);

    const digest = new FileDigest();
    let results: RangeResult[];
    if (tuning.inline) {
      results = [];
      for (let i = 0; i < starts.length; i++) {
        const scanner = new RangeScanner(plan);
        await driveRange(read, size, scanner, starts[i]!, starts[i + 1] ?? Infinity, chunk);
        results.push(scanner.result());
      }
      await digestFile(read, size, chunk, digest);
    } else {
      const { scanRangesInWorkers } = await import('./workers.js');
      const ahead = readAhead(fh, chunk);
      try {
        [results] = await Promise.all([scanRangesInWorkers(plan, starts, chunk), digestFile(ahead.read, size, chunk, digest)]);
      } finally {
        await ahead.settle();
      }
    }
    const facts = digest.finish();
    if (!facts.utf8) return { ok: false, reason: 'invalid UTF-8' };
    const merged = mergeRanges(plan, starts, results, { bytes: size, sha256: facts.sha256 });
    if (merged !== 'rescan') return merged;
    return await scanInOnePass(plan, fh, read, size, chunk);
  } catch (e) {
    // A read error: the general path reads the file again and reports it with its place.
    return { ok: false, reason: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  } finally {
    await fh.close();
  }
}

async function scanInOnePass(plan: ExtractPlan, fh: FileHandle, read: ReadAt, size: number, chunk: number): Promise<ExtractScan> {
  const digest = new FileDigest();
  // The header (and BOM) before the data are part of the file's sha256 and must be UTF-8 too.
  await digestFile(read, plan.dataStart, chunk, digest);
  const scanner = new RangeScanner(plan);
  const ahead = readAhead(fh, chunk);
  try {
    await driveRange(ahead.read, size, scanner, plan.dataStart, Infinity, chunk, (bytes) => digest.push(bytes));
  } finally {
    await ahead.settle();
  }
  const result = scanner.result();
  // A problem found before the end: the rest of the file was not read, so no digest is needed.
  if (result.problem !== undefined) return mergeRanges(plan, [plan.dataStart], [result], { bytes: size, sha256: '' }) as ExtractScan;
  const facts = digest.finish();
  if (!facts.utf8) return { ok: false, reason: 'invalid UTF-8' };
  return mergeRanges(plan, [plan.dataStart], [result], { bytes: size, sha256: facts.sha256 }) as ExtractScan;
}

/** Feed bytes [0, end) of the file to the digest, `chunk` at a time. */
async function digestFile(read: ReadAt, end: number, chunk: number, digest: FileDigest): Promise<void> {
  const buf = new Uint8Array(Math.min(chunk, Math.max(end, 1)));
  for (let pos = 0; pos < end; ) {
    const n = await read(buf, 0, Math.min(buf.length, end - pos), pos);
    if (n === 0) throw new Error('the file got shorter while it was read');
    digest.push(buf.subarray(0, n));
    pos += n;
  }
}

function equalSplits(dataStart: number, size: number, workers: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < workers; i++) out.push(dataStart + Math.floor(((size - dataStart) * i) / workers));
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
