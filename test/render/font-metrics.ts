// Advance widths read from a TrueType font file on this machine (Liberation Sans, the font LibreOffice
// draws Arial with): an independent measure of whether a value fits its column. Reads the head, hhea,
// hmtx and cmap (format 4, Windows Unicode BMP) tables, which is all a width needs.
import { existsSync, readFileSync } from 'node:fs';

export const LIBERATION = {
  regular: ['/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf'].find((p) => existsSync(p)),
  bold: ['/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'].find((p) => existsSync(p)),
};

export interface FontMetrics {
  /** Width of a text in widths of "0" (a spreadsheet's column unit). */
  width(text: string): number;
}

export function readFont(file: string): FontMetrics {
  const b = readFileSync(file);
  const tables = new Map<string, number>();
  for (let i = 0, n = b.readUInt16BE(4); i < n; i++) tables.set(b.toString('latin1', 12 + 16 * i, 16 + 16 * i), b.readUInt32BE(20 + 16 * i));
  const at = (tag: string): number => {
    const o = tables.get(tag);
    if (o === undefined) throw new Error(`${file}: no ${tag} table`);
    return o;
  };
  const hMetrics = b.readUInt16BE(at('hhea') + 34);
  const cmap = at('cmap');
  let sub = -1;
  for (let i = 0, n = b.readUInt16BE(cmap + 2); i < n; i++) {
    if (b.readUInt16BE(cmap + 4 + 8 * i) === 3 && b.readUInt16BE(cmap + 6 + 8 * i) === 1) sub = cmap + b.readUInt32BE(cmap + 8 + 8 * i);
  }
  if (sub < 0 || b.readUInt16BE(sub) !== 4) throw new Error(`${file}: no format 4 Unicode cmap`);
  const segX2 = b.readUInt16BE(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const offsets = deltas + segX2;
  const glyph = (c: number): number => {
    for (let i = 0; i < segX2 / 2; i++) {
      if (c > b.readUInt16BE(ends + 2 * i)) continue;
      const start = b.readUInt16BE(starts + 2 * i);
      if (c < start) return 0;
      const delta = b.readInt16BE(deltas + 2 * i);
      const ro = b.readUInt16BE(offsets + 2 * i);
      if (ro === 0) return (c + delta) & 0xffff;
      const g = b.readUInt16BE(offsets + 2 * i + ro + 2 * (c - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const advance = (g: number): number => b.readUInt16BE(at('hmtx') + 4 * Math.min(g, hMetrics - 1));
  const zero = advance(glyph(0x30));
  return {
    width(text: string): number {
      let sum = 0;
      for (const ch of text) sum += advance(glyph(ch.codePointAt(0)!));
      return sum / zero;
    },
  };
}
