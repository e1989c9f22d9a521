// One worker thread: scan one byte range of an extract and send back its RangeResult. Reads are
// synchronous here (no event loop to keep free in a worker); the participant-id table and the month masks
// are transferred, not copied.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { driveRange } from './drive.js';
import { RangeScanner } from './range-scan.js';
import type { RangeJob } from './workers.js';

const job = workerData as RangeJob;
const fd = openSync(job.plan.path, 'r');
try {
  const size = fstatSync(fd).size;
  const scanner = new RangeScanner(job.plan);
  await driveRange((buf, offset, length, position) => readSync(fd, buf, offset, length, position), size, scanner, job.start, job.stopAt, job.chunk);
  const result = scanner.result();
  parentPort!.postMessage(result, [result.idTable, result.maskTable].flatMap((t) => (t ? [t.buffer as ArrayBuffer] : [])));
} finally {
  closeSync(fd);
}
