// Chunks of output: gathered whole here (render(), the library and the tests), or written as they come
// (the CLI: io/output.ts joins the renderers' small strings, a row each, into blocks).

import type { Chunk } from './context.js';
import { TextParts } from './text-parts.js';

/** All the chunks as one output: a string, or bytes when a chunk is bytes or the text is too long for a string. */
export function collectChunks(chunks: Iterable<Chunk>): string | Uint8Array {
  const text = new TextParts();
  let bytes: Uint8Array[] | undefined;
  for (const c of chunks) {
    if (typeof c === 'string') {
      if (bytes) bytes.push(Buffer.from(c, 'utf8'));
      else text.push(c);
      continue;
    }
    if (!bytes) {
      const before = text.length > 0 ? text.finish() : '';
      bytes = [typeof before === 'string' ? Buffer.from(before, 'utf8') : before];
    }
    bytes.push(c);
  }
  return bytes ? Buffer.concat(bytes) : text.finish();
}
