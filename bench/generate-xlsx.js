// Writes large .xlsx workbooks for the benchmarks and the scale tests, streaming (the sheet XML is never
// held whole): fflate's Zip with ZipDeflate, the way a spreadsheet program writes a big sheet.
//
// generateRegionalXlsx(n, path): an ordinary regional sheet of about N data rows, as generateRegional
// writes its CSV (province_code, regency, sector, period, workforce, participants: one row per regency ×
// sector × month, every key once), with a title above the header (row 1), a blank row, the header on
// row 3. Regencies and periods are shared strings, sectors inline strings, codes and counts numbers:
// the cell kinds office workbooks use. Read with --code-system kemendagri.
//
// Usage: node bench/generate-xlsx.js N out.xlsx [note length]
import { createWriteStream, readFileSync } from 'node:fs';
import { Zip, ZipDeflate, strToU8 } from 'fflate';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const colName = (c) => String.fromCharCode(64 + c);

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
// Style 1: the counts with a thousands separator (#,##0, built-in format 3).
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** The regencies of data/regencies.csv: name and province code. */
function regencies() {
  const lines = readFileSync(new URL('../data/regencies.csv', import.meta.url), 'utf8').trim().split('\n').slice(1);
  return lines.map((l) => {
    const f = l.split(',');
    return { name: f[2], province: Number(f[4]) };
  });
}

/**
 * The rows generateRegionalXlsx writes, in order: [provinceCode, regency, sector, period, workforce,
 * participants] (the scale tests compute their expected sums from this, not from the tool).
 */
export function* regionalRows(n) {
  const regs = regencies();
  const months = 24;
  const sectors = Math.ceil(n / (regs.length * months));
  let rows = 0;
  for (const r of regs) {
    for (let s = 0; s < sectors && rows < n; s++) {
      for (let m = 0; m < months && rows < n; m++, rows++) {
        const period = `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
        yield [r.province, r.name, `S${s}`, period, 1000 + (s % 7), 400 + m];
      }
    }
  }
}

/**
 * `options.note`: the length of a text written in a seventh column, `keterangan` (not used by the tool),
 * on every row: a wide sheet, for XML of hundreds of MiB. `options.level`: the sheet's deflate level
 * (default 6, as spreadsheet programs write; 1 writes a wide sheet several times faster).
 */
export async function generateRegionalXlsx(n, path, options = {}) {
  const note = options.note ? 'x'.repeat(options.note) : '';
  const out = createWriteStream(path);
  let failed;
  out.on('error', (e) => (failed = e));
  let pending = 0;
  const zip = new Zip((err, data, final) => {
    if (err) failed = err;
    else {
      pending += data.length;
      out.write(data);
      if (final) out.end();
    }
  });
  const add = (name, text) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  add('[Content_Types].xml', CONTENT_TYPES);
  add('_rels/.rels', ROOT_RELS);
  add('xl/workbook.xml', WORKBOOK);
  add('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
  add('xl/styles.xml', STYLES);

  // Shared strings: the title, the header names, the regency names and the periods.
  const strings = new Map();
  const sst = (s) => {
    let i = strings.get(s);
    if (i === undefined) strings.set(s, (i = strings.size));
    return i;
  };
  const header = ['province_code', 'regency', 'sector', 'period', 'workforce', 'participants', ...(note ? ['keterangan'] : [])];
  const title = sst('Laporan Kepesertaan per Kabupaten/Kota & Sektor');
  const headerIds = header.map(sst);

  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: options.level ?? 6 });
  zip.add(sheet);
  let buf = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:${note ? 'G' : 'F'}${n + 3}"/><sheetData><row r="1"><c r="A1" t="s"><v>${title}</v></c></row><row r="3">${headerIds.map((id, i) => `<c r="${colName(i + 1)}3" t="s"><v>${id}</v></c>`).join('')}</row>`;
  let r = 4;
  for (const [code, regency, sector, period, workforce, participants] of regionalRows(n)) {
    buf += `<row r="${r}"><c r="A${r}"><v>${code}</v></c><c r="B${r}" t="s"><v>${sst(regency)}</v></c><c r="C${r}" t="inlineStr"><is><t>${esc(sector)}</t></is></c><c r="D${r}" t="s"><v>${sst(period)}</v></c><c r="E${r}" s="1"><v>${workforce}</v></c><c r="F${r}" s="1"><v>${participants}</v></c>${note ? `<c r="G${r}" t="inlineStr"><is><t>${note}</t></is></c>` : ''}</row>`;
    r++;
    if (buf.length > 1 << 20) {
      sheet.push(strToU8(buf));
      buf = '';
      if (pending > 1 << 24 || out.writableLength > 1 << 24) {
        await new Promise((res) => out.once('drain', res));
        pending = 0;
      }
      if (failed) throw failed;
    }
  }
  sheet.push(strToU8(buf + '</sheetData></worksheet>'), true);

  let sstXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">`;
  for (const s of strings.keys()) sstXml += `<si><t>${esc(s)}</t></si>`;
  add('xl/sharedStrings.xml', sstXml + '</sst>');
  zip.end();
  await new Promise((res, rej) => {
    if (failed) rej(failed);
    out.on('close', res);
    out.on('error', rej);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await generateRegionalXlsx(Number(process.argv[2] ?? 100000), process.argv[3] ?? 'bench/out/regional.xlsx', { note: Number(process.argv[4] ?? 0) });
}
