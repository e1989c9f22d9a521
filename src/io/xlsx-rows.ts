// TEMPORARY (replaced by the xlsx reader).
import { InputError, type ProblemList } from '../errors.js';
import type { ReaderFacts, RowSink } from './row-sink.js';

export async function readXlsxRows(_bytes: Uint8Array, file: string, _o: { sheet?: string; headerRow?: number; isKnownColumn: (n: string) => boolean }, _sink: RowSink, _p: ProblemList, _onSheet?: (s: string) => void): Promise<ReaderFacts> {
  throw new InputError({ file, message: 'xlsx input is not wired yet' });
}
