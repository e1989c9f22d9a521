// The duplicate-participant check of the Parquet fast path: every (period, participant id) once, as a
// 64-bit fingerprint in the extract engine's IdSet. The inserts are bound by memory latency (one cache
// miss each in a table of about 12 bytes an id), so a large file checks them in a worker thread while
// this one decodes the next row group; a small one checks them here (a worker costs ~50 ms and ~10 MiB).

import { fmix, IdSet } from '../extract/tables.js';
import { workerUrl } from '../package-files.js';

/** Adds the ids (pairs of 32-bit halves or hashes, one pair a row) with their periods; false at the first duplicate. */
export function addIds(ids: IdSet, pairs: Int32Array, periods: Int32Array | undefined): boolean {
  const n = pairs.length >> 1;
  for (let r = 0; r < n; r++) {
    const a = pairs[2 * r]!;
    const b = pairs[2 * r + 1]!;
    const p = periods ? periods[r]! : 0;
    const key = fmix(a ^ Math.imul(p, 0x27d4eb2d));
    const h1 = fmix(b ^ Math.imul(a, 0x165667b1) ^ p) | 1;
    if (!ids.add(h1, key)) return false;
  }
  return true;
}

export interface IdCheck {
  /** The ids of one row group (the arrays are handed over: the caller does not use them again). */
  add(pairs: Int32Array, periods: Int32Array | undefined): void;
  /** True when no (period, id) came twice. */
  finish(): Promise<boolean>;
  /** Stop (the worker, if any) without an answer: the file goes to the general path. */
  cancel(): void;
}

/** Files of this many rows and more check their ids in a worker thread. */
export const WORKER_ROWS = 1_000_000;

/** A check for a file of `rows` rows (`worker`: in a worker thread whatever the size, for tests). */
export async function idCheck(rows: number, worker = false): Promise<IdCheck> {
  if (worker) return workerCheck(rows);
  if (rows >= WORKER_ROWS) {
    const { availableParallelism } = await import('node:os');
    if (availableParallelism() >= 2) return workerCheck(rows);
  }
  const ids = new IdSet();
  ids.reserve(rows);
  let ok = true;
  return {
    add: (pairs, periods) => {
      if (ok) ok = addIds(ids, pairs, periods);
    },
    finish: () => Promise.resolve(ok),
    cancel: () => undefined,
  };
}

async function workerCheck(rows: number): Promise<IdCheck> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(workerUrl('io/readers/id-check-worker.js'), { workerData: { rows } });
  const verdict = new Promise<boolean>((resolve, reject) => {
    let settled = false;
    worker.once('message', (ok: boolean) => {
      settled = true;
      resolve(ok);
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the participant-id worker stopped (exit code ${code}) before it answered`));
    });
  });
  verdict.catch(() => undefined);
  return {
    add: (pairs, periods) => {
      const transfer: ArrayBuffer[] = [pairs.buffer as ArrayBuffer];
      if (periods && periods.buffer !== pairs.buffer) transfer.push(periods.buffer as ArrayBuffer);
      worker.postMessage({ pairs, periods }, transfer);
    },
    finish: async () => {
      worker.postMessage({ end: true });
      try {
        return await verdict;
      } finally {
        void worker.terminate();
      }
    },
    cancel: () => void worker.terminate(),
  };
}
