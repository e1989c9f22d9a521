// Workbooks written from their XML, for the odd things office files hold that a writer library will not
// produce on request: hidden sheets, merged cells, inline strings, cells without a reference, namespace
// prefixes, rich text, CDATA, `_xHHHH_` escapes, stored (uncompressed) parts.
import { zipSync, strToU8, type Zippable } from 'fflate';

export interface RawSheet {
  readonly name: string;
  readonly state?: 'hidden' | 'veryHidden';
  /** The `<sheetData>` content (rows), or a whole worksheet document when it starts with `<?xml` or `<worksheet`. */
  readonly rows: string;
  /** `<mergeCell ref>` ranges, written after the rows as Excel does. */
  readonly merges?: readonly string[];
}

export interface RawBook {
  readonly sheets: readonly RawSheet[];
  readonly shared?: readonly string[];
  /** Raw `<si>` items, when they need rich text or phonetic runs. */
  readonly sharedXml?: string;
  readonly styles?: string;
  readonly date1904?: boolean;
  /** Store the parts without compression. */
  readonly stored?: boolean;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PNS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Styles with one date style (index 1: built-in format 14, d/m/yyyy) and a percent style (index 2: 10, 0.00%). */
export const DATE_STYLES = `<styleSheet xmlns="${NS}"><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/></cellXfs></styleSheet>`;

export function rawWorkbook(book: RawBook): Uint8Array {
  const files: Zippable = {};
  const put = (name: string, text: string): void => {
    files[name] = [strToU8(text), { level: book.stored ? 0 : 6 }];
  };
  put('[Content_Types].xml', `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`);
  put('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="${PNS}"><Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const sheets = book.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  put('xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${RNS}">${book.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets}</sheets></workbook>`);
  const rels = book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RNS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rIdS" Type="${RNS}/sharedStrings" Target="sharedStrings.xml"/>`, `<Relationship Id="rIdT" Type="${RNS}/styles" Target="styles.xml"/>`);
  put('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="${PNS}">${rels.join('')}</Relationships>`);
  book.sheets.forEach((s, i) => {
    const doc = /^\s*<(\?xml|worksheet)/.test(s.rows)
      ? s.rows
      : `<?xml version="1.0"?><worksheet xmlns="${NS}" xmlns:r="${RNS}"><sheetData>${s.rows}</sheetData>${s.merges?.length ? `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : ''}</worksheet>`;
    put(`xl/worksheets/sheet${i + 1}.xml`, doc);
  });
  const items = book.sharedXml ?? (book.shared ?? []).map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('');
  put('xl/sharedStrings.xml', `<?xml version="1.0"?><sst xmlns="${NS}">${items}</sst>`);
  put('xl/styles.xml', book.styles ?? DATE_STYLES);
  return zipSync(files);
}

/** A row of cells: numbers as numbers, strings inline, null skipped; `r` given. */
export function row(r: number, cells: readonly (string | number | boolean | null)[]): string {
  const out = cells.map((v, i) => {
    const ref = `${String.fromCharCode(65 + i)}${r}`;
    if (v === null) return '';
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
    return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  });
  return `<row r="${r}">${out.join('')}</row>`;
}
