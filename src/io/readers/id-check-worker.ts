// The worker of id-check.ts: the (period, id) pairs of each row group into one IdSet; at the end, one
// message: true when no pair came twice.

import { parentPort, workerData } from 'node:worker_threads';
import { IdSet } from '../extract/tables.js';
import { addIds } from './id-check.js';

const ids = new IdSet();
ids.reserve((workerData as { rows: number }).rows);
let ok = true;
parentPort!.on('message', (m: { pairs?: Int32Array; periods?: Int32Array; end?: boolean }) => {
  if (m.end) {
    parentPort!.postMessage(ok);
    return;
  }
  if (ok && m.pairs) ok = addIds(ids, m.pairs, m.periods);
});
