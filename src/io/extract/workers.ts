// Scanning the ranges of a file in worker threads. Imported only when a file is large enough to split,
// so that start-up of the command line does not pay for worker_threads.

import { Worker } from 'node:worker_threads';
import { workerUrl } from '../package-files.js';
import type { ExtractPlan } from './plan.js';
import type { RangeResult } from './range-scan.js';

export interface RangeJob {
  readonly plan: ExtractPlan;
  readonly start: number;
  readonly stopAt: number;
  readonly chunk: number;
}

/** Ranges 1… of `starts` (range 0 is the caller's), one worker each. */
export function startWorkers(plan: ExtractPlan, starts: readonly number[], chunk: number): { results: Promise<RangeResult[]>; cancel: () => void } {
  const url = workerUrl('io/extract/worker.js');
  const running: Worker[] = [];
  const results = Promise.all(
    starts.slice(1).map(
      (start, i) =>
        new Promise<RangeResult>((resolve, reject) => {
          const job: RangeJob = { plan, start, stopAt: starts[i + 2] ?? Infinity, chunk };
          const worker = new Worker(url, { workerData: job });
          running.push(worker);
          let settled = false;
          worker.once('message', (result: RangeResult) => {
            settled = true;
            resolve(result);
          });
          worker.once('error', (e) => {
            settled = true;
            reject(e);
          });
          worker.once('exit', (code) => {
            if (!settled) reject(new Error(`an extract worker stopped (exit code ${code}) before it answered`));
          });
        }),
    ),
  );
  // When the caller stops early (a problem in its own range), nobody waits for these any more.
  results.catch(() => undefined);
  return {
    results,
    cancel: () => {
      for (const worker of running) void worker.terminate();
    },
  };
}
