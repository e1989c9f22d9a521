// Scanning the ranges of a file in worker threads. Imported only when a file is large enough to split,
// so that start-up of the command line does not pay for worker_threads.

import { Worker } from 'node:worker_threads';
import type { ExtractPlan } from './plan.js';
import type { RangeResult } from './range-scan.js';

export interface RangeJob {
  readonly plan: ExtractPlan;
  readonly start: number;
  readonly stopAt: number;
  readonly chunk: number;
}

/**
 * The worker runs compiled code. Tests run this module from the TypeScript sources, where no worker.js
 * sits beside it: they use the build in dist/ (npm test builds before it runs the tests).
 */
function workerUrl(): URL {
  const here = new URL('./worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return here;
  return new URL(here.href.replace(/\/src\/io\/extract\/worker\.js$/, '/dist/io/extract/worker.js'));
}

export function scanRangesInWorkers(plan: ExtractPlan, starts: readonly number[], chunk: number): Promise<RangeResult[]> {
  const url = workerUrl();
  return Promise.all(
    starts.map(
      (start, i) =>
        new Promise<RangeResult>((resolve, reject) => {
          const job: RangeJob = { plan, start, stopAt: starts[i + 1] ?? Infinity, chunk };
          const worker = new Worker(url, { workerData: job });
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
}
