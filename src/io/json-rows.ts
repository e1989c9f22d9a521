// TEMPORARY adapter (replaced by the streaming reader): the whole-text JSON reader behind the RowSink.
import { ProblemList, InputError } from '../errors.js';
import { parseJsonRows } from './read-json.js';
import type { ReaderFacts, RowSink } from './row-sink.js';

export async function readJsonRows(chunks: AsyncIterable<string>, file: string, sink: RowSink, problems: ProblemList): Promise<ReaderFacts> {
  const parts: string[] = [];
  for await (const c of chunks) parts.push(c);
  const text = parts.join('');
  if (text.trim() === '') throw new InputError({ file, message: 'the file is empty' });
  let t;
  try {
    t = parseJsonRows(text, file, { maxErrors: problems.limit, maxDepth: 64 });
  } catch (e) {
    if (e instanceof InputError) {
      problems.addAll(e.diagnostics);
      return { format: 'json' };
    }
    throw e;
  }
  t.header.forEach((h, i) => sink.column(h, i, { line: 1, column: 1 }));
  for (const r of t.rows) sink.row(r.values, r.line, r.values.map((_, i) => ({ line: r.lines?.[i] ?? r.line, column: r.columns[i] ?? 1 })));
  return { format: 'json' };
}
