// The workbook writer deflates sheet XML in blocks of at most 1 MiB, each piece of XML written into the
// block's bytes as it comes (issue 20: the rows' strings die young). Pieces of multi-byte text, pieces
// that fill a block to its edge, and one piece larger than a block must come back exactly.
import * as fflate from 'fflate';
import { describe, expect, it } from 'vitest';
import { workbookChunks, type SheetRow } from '../../src/render/xlsx-writer.js';

function sheetXmlOf(rows: readonly SheetRow[]): string {
  const chunks = [...workbookChunks(fflate, [{ name: 'S', widths: [10], rowCount: rows.length, rows }])];
  const bytes = new Uint8Array(chunks.reduce((a, c) => a + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return fflate.strFromU8(fflate.unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
}

const text = (value: string): SheetRow => ({ cells: [{ value, style: {} }] });

describe('sheet XML in blocks', () => {
  it('keeps every character: multi-byte text across block edges, and a piece larger than a block', () => {
    // Rows of 3-byte characters (each piece ~40 kB of UTF-8) cross the 1 MiB edges of the blocks; the
    // 600,000-character row is more than a block's third and is deflated on its own.
    const rows = [
      ...Array.from({ length: 60 }, (_, i) => text(`${i}:${'ḍ'.repeat(13_000)}😀`)),
      text('x'.repeat(600_000)),
      text('Kabupaten Pohuwato — tengah'),
    ];
    const xml = sheetXmlOf(rows);
    const texts = [...xml.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]);
    expect(texts).toEqual(rows.map((r) => r.cells[0]!.value));
    // Every row whole: no byte lost or doubled at the edge of a block.
    expect(xml.split('<row ').length - 1).toBe(rows.length);
    expect(xml.split('</row>').length - 1).toBe(rows.length);
    expect(xml.endsWith('</worksheet>')).toBe(true);
  });
});
