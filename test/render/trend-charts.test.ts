// The charts of the year (issue 18), read back from what the renderers write: the HTML line chart's
// four series point by point, the row sparklines, the workbook's trend sheet cell by cell with its
// native chart (parts present, well-formed, referring to the right cells), and the terminal's
// sparkline column. Every expected number is computed here by hand from the fixture
// (trend-fixture.ts); the pictures themselves are looked at in test/scale/trend-pictures.test.ts, the
// sparkline characters, the value axis and the terminal check in trend-units.test.ts.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/io/terminal.js';
import { render } from '../../src/render/index.js';
import { displayWidth } from '../../src/render/measure.js';
import { renderTableWithNotes } from '../../src/render/table.js';
import { ROOT } from '../e2e/helpers.js';
import { coverageReport, ctx } from './fixtures.js';
import { text } from './golden.js';
import { trendCoverageReport } from './trend-fixture.js';
import { allText, findAll, parseXml, type XmlNode } from './xml-tree.js';

const html = async (lang: 'en' | 'id' = 'en'): Promise<string> => text((await render('html', trendCoverageReport(), ctx(lang))).output);

/** The line chart's SVG, parsed (it must be well-formed XML). */
async function chartSvg(lang: 'en' | 'id' = 'en'): Promise<XmlNode> {
  const page = await html(lang);
  const m = /<svg class="trend-chart"[\s\S]*?<\/svg>/.exec(page);
  expect(m, 'the trend chart').not.toBeNull();
  return parseXml(m![0]);
}

const seriesOf = (svg: XmlNode, name: string): XmlNode => {
  const g = findAll(svg, (n) => n.name === 'g' && n.attrs['class'] === `series ${name}`);
  expect(g, name).toHaveLength(1);
  return g[0]!;
};
const segments = (g: XmlNode): string[] => g.children.filter((c) => c.name === 'line').map((l) => `${l.attrs['x1']},${l.attrs['y1']} ${l.attrs['x2']},${l.attrs['y2']}`);
const dots = (g: XmlNode): string[] => g.children.filter((c) => c.name === 'circle').map((c) => `${c.attrs['cx']},${c.attrs['cy']}`);

// By hand: 5 months, each in the middle of its fifth of the width: 10 %, 30 %, 50 %, 70 %, 90 %.
// The axis runs from 80 (y = 204 px) to 160 (y = 24 px): 180 px for 80 people, 2.25 px each.
//   92 → 204 − 12 × 2.25 = 177    100 → 159    112 → 132    124 → 105    136 → 78
//   96 → 168    128 → 96    144 → 60    160 → 24
describe('HTML: the scope\'s line chart', () => {
  it('draws the actual participants, the milestone path, the projection and the target at the right points', async () => {
    const svg = await chartSvg();
    const actual = seriesOf(svg, 'actual');
    expect(segments(actual)).toEqual(['10%,177 30%,159', '30%,159 50%,132']);
    expect(dots(actual)).toEqual(['10%,177', '30%,159', '50%,132']);
    const milestones = seriesOf(svg, 'milestones');
    expect(segments(milestones)).toEqual(['10%,168 30%,132', '30%,132 50%,96', '50%,96 70%,60', '70%,60 90%,24']);
    const projection = seriesOf(svg, 'projection');
    expect(segments(projection)).toEqual(['50%,132 70%,105', '70%,105 90%,78']);
    // The projection ends in an open dot at December.
    expect(dots(projection)).toEqual(['90%,78']);
    // The target: a horizontal mark across December's band (4.5 ± 0.38 fifths of the width).
    const target = seriesOf(svg, 'target').children.filter((c) => c.name === 'line');
    expect(target.map((l) => [l.attrs['x1'], l.attrs['x2'], l.attrs['y1'], l.attrs['y2']])).toEqual([['82.4%', '97.6%', '24', '24']]);
  });

  it('has an axis of round values, month names, the numbers people read, and text for screen readers', async () => {
    const svg = await chartSvg();
    const ticks = findAll(svg, (n) => n.name === 'text' && n.attrs['class'] === 'tick');
    expect(ticks.map((t) => [allText(t), t.attrs['y']])).toEqual([
      ['80', '208'],
      ['100', '163'],
      ['120', '118'],
      ['140', '73'],
      ['160', '28'],
    ]);
    const grid = findAll(svg, (n) => n.name === 'line' && n.attrs['class'] === 'grid').map((l) => l.attrs['y1']);
    expect(grid).toEqual(['204', '159', '114', '69', '24']);
    const months = findAll(svg, (n) => n.name === 'text' && /^month/.test(n.attrs['class'] ?? ''));
    expect(months.map((m) => [allText(m), m.attrs['x']])).toEqual([
      ['Aug', '10%'],
      ['Sep', '30%'],
      ['Oct', '50%'],
      ['Nov', '70%'],
      ['Dec', '90%'],
    ]);
    expect(findAll(svg, (n) => n.attrs['class'] === 'year').map(allText)).toEqual(['2024']);
    // The last month reported, and at December the target and the projection.
    const values = findAll(svg, (n) => n.name === 'text' && /^value/.test(n.attrs['class'] ?? '')).map(allText);
    expect(values).toEqual(['112', 'target 160', 'projected 136']);
    expect(svg.attrs['role']).toBe('img');
    const title = svg.children.find((c) => c.name === 'title');
    const desc = svg.children.find((c) => c.name === 'desc');
    expect(title && allText(title)).toBe('Participants month by month to December');
    expect(desc && allText(desc)).toBe('Actual participants from Aug 2024 (92) to Oct 2024 (112); milestone for Oct 2024: 128; at the pace, 136 in Dec 2024; target Dec 2024: 160.');
    expect(svg.attrs['aria-labelledby']).toBe('trend-svg-title trend-svg-desc');
  });

  it('speaks Indonesian with --lang id: legend, months, labels, description', async () => {
    const page = await html('id');
    expect(page).toContain('<h2 id="trend-title">Peserta bulan demi bulan sampai Desember</h2>');
    for (const w of ['aktual', 'jalur tonggak', 'proyeksi pada laju', 'target']) expect(page).toMatch(new RegExp(`<li><svg class="swatch-line"[^]*?</svg>${w}</li>`));
    const svg = await chartSvg('id');
    expect(findAll(svg, (n) => n.name === 'text' && /^month/.test(n.attrs['class'] ?? '')).map(allText)).toEqual(['Agu', 'Sep', 'Okt', 'Nov', 'Des']);
    expect(findAll(svg, (n) => n.name === 'text' && /^value/.test(n.attrs['class'] ?? '')).map(allText)).toEqual(['112', 'target 160', 'proyeksi 136']);
    expect(allText(svg.children.find((c) => c.name === 'desc')!)).toBe('Peserta aktual dari Agu 2024 (92) sampai Okt 2024 (112); tonggak Okt 2024: 128; pada laju ini 136 pada Des 2024; target Des 2024: 160.');
  });

  it('sits above the table, fetches nothing, and its numbers are in a table too', async () => {
    const page = await html();
    expect(page.indexOf('<section class="trend-block">')).toBeLessThan(page.indexOf('<div class="table-wrap" role="region" tabindex="0" aria-label="Coverage'));
    expect(page).not.toMatch(/<script|\bsrc=|\bhref=|url\(|@import/i);
    const numbers = /<details class="trend-numbers">[\s\S]*?<\/details>/.exec(page)![0];
    expect(numbers).toContain('<tr><td class="text">2024-12</td><td class="num">–</td><td class="num">160</td><td class="num">136</td><td class="num">160</td></tr>');
  });

  it('a report without a trend has no chart, no sparklines and no trend style', async () => {
    const page = text((await render('html', coverageReport(), ctx('en'))).output);
    expect(page).not.toMatch(/trend-chart|class="spark|trend-block/);
  });
});

describe('estimate marks (issue 19) on the lines that are estimates', () => {
  // As `coverage` marks a Total whose milestone was planned on estimates: milestone and status.
  const marked = () => ({ ...trendCoverageReport(), totalsEstimated: ['milestone', 'status'], legend: { en: '* estimate: …', id: '* perkiraan: …' } });

  it('HTML: the milestone path is marked in the legend, its meaning said under the chart; the other lines are not', async () => {
    const page = text((await render('html', marked(), ctx('en'))).output);
    const block = /<section class="trend-block">[\s\S]*?<\/section>/.exec(page)![0];
    const legend = [...block.matchAll(/<li><svg[^]*?<\/svg>([^<]*)<\/li>/g)].map((m) => m[1]);
    expect(legend).toEqual(['actual', 'milestone path*', 'projection at the pace', 'target']);
    expect(block).toContain('<p class="legend">* estimate: …</p>');
    // Unmarked, the chart says nothing of estimates.
    expect(await html()).not.toMatch(/milestone path\*|class="legend"/);
  });

  it('xlsx: the line\'s name and cells carry the mark (the value stays a number), the chart\'s series too', async () => {
    const parts = Object.fromEntries(Object.entries(unzipSync((await render('xlsx', marked(), ctx('en'))).output as Uint8Array)).map(([k, v]) => [k, strFromU8(v)]));
    const sheet = parts['xl/worksheets/sheet2.xml']!;
    const cells = cellsOf(sheet);
    expect([cells.get('A4'), cells.get('A5'), cells.get('B5'), cells.get('F5')]).toEqual(['actual', 'milestone path*', 96, 160]);
    // B5's style shows the mark through its number format; B4's (actual) does not.
    const style = (ref: string): string => findAll(parseXml(sheet), (n) => n.name === 'c' && n.attrs['r'] === ref)[0]!.attrs['s']!;
    const xfs = findAll(parseXml(parts['xl/styles.xml']!), (n) => n.name === 'cellXfs')[0]!.children;
    const formats = new Map(findAll(parseXml(parts['xl/styles.xml']!), (n) => n.name === 'numFmt').map((f) => [f.attrs['numFmtId'], f.attrs['formatCode']]));
    const format = (ref: string): string => formats.get(xfs[Number(style(ref))]!.attrs['numFmtId']) ?? `builtin ${xfs[Number(style(ref))]!.attrs['numFmtId']}`;
    expect(format('B5')).toBe('#,##0"*"');
    expect(format('B4')).toBe('builtin 3');
    expect(allText(findAll(parseXml(parts['xl/charts/chart1.xml']!), (n) => n.name === 'c:ser')[1]!.children.find((c) => c.name === 'c:tx')!)).toContain('milestone path*');
    // What the mark means, below the areas (row 36 is the Total), across the sheet's columns, wrapped.
    expect(cells.get('A38')).toBe('* estimate: …');
    expect(findAll(parseXml(sheet), (n) => n.name === 'mergeCell').map((m) => m.attrs['ref'])).toEqual(['A38:F38']);
  });
});

describe('HTML: a sparkline per row', () => {
  const cells = async (): Promise<{ row: string; svg: XmlNode | null }[]> => {
    const page = await html();
    const body = /<tbody>([\s\S]*?)<\/tbody>/g;
    const rows: string[] = [];
    for (const m of page.matchAll(body)) rows.push(...m[1]!.split('\n').filter((l) => l.startsWith('<tr class="')));
    // The numbers table of the chart has no sparklines: only the report's rows.
    return rows
      .filter((r) => r.includes('spark-cell'))
      .map((r) => {
        const m = /<td class="spark-cell">(.*?)<\/td>/.exec(r)!;
        return { row: r, svg: m[1] ? parseXml(m[1]) : null };
      });
  };

  it('right after the province, each row on its own scale: a falling row orange, a missing month a gap', async () => {
    const rows = await cells();
    expect(rows).toHaveLength(4);
    // The cell comes after the province's name, before the participants.
    expect(rows[0]!.row).toMatch(/<td class="text key">Sulawesi Utara<\/td><td class="spark-cell"><svg/);
    // x: 3, 36, 69 (66 px between the first month and the last); y: 17 (lowest) to 3 (highest).
    // Sulawesi Utara 50, 56, 48: 50 is a quarter of the way up from 48 to 56 → 17 − 14 / 4 = 13.5.
    const su = rows[0]!.svg!;
    expect(findAll(su, (n) => n.name === 'polyline').map((p) => [p.attrs['points'], p.attrs['stroke']])).toEqual([['3,13.5 36,3 69,17', '#c05621']]);
    expect(allText(su.children.find((c) => c.name === 'title')!)).toBe('participants, Aug–Oct 2024: 50, 56, 48');
    // Gorontalo 30, –, 34: no line across the missing month; a dot for August, the last dot for October.
    const go = rows[1]!.svg!;
    expect(findAll(go, (n) => n.name === 'polyline')).toHaveLength(0);
    expect(findAll(go, (n) => n.name === 'circle').map((c) => `${c.attrs['cx']},${c.attrs['cy']},${c.attrs['fill']}`)).toEqual(['3,17,#0072b2', '69,3,#0072b2']);
    // The Total 92, 100, 112: 100 is 8 / 20 of the way → 17 − 5.6 = 11.4.
    expect(rows[3]!.row).toMatch(/^<tr class="total">/);
    expect(findAll(rows[3]!.svg!, (n) => n.name === 'polyline').map((p) => p.attrs['points'])).toEqual(['3,17 36,11.4 69,3']);
    for (const r of rows) expect([r.svg!.attrs['width'], r.svg!.attrs['height'], r.svg!.attrs['role']]).toEqual(['72', '20', 'img']);
  });

  it('the header names the months', async () => {
    expect(await html()).toContain('<th class="text key" scope="col">province</th><th class="text spark-cell" scope="col">trend (Aug–Oct 2024)</th>');
    expect(await html('id')).toContain('<th class="text spark-cell" scope="col">tren (Agu–Okt 2024)</th>');
  });
});

/** A sheet's cells by reference (A1 …): numbers as numbers, text as text. */
function cellsOf(sheetXml: string): Map<string, string | number> {
  const cells = new Map<string, string | number>();
  for (const c of findAll(parseXml(sheetXml), (n) => n.name === 'c')) {
    const v = c.children.find((x) => x.name === 'v');
    const is = c.children.find((x) => x.name === 'is');
    if (v) cells.set(c.attrs['r']!, Number(allText(v)));
    else if (is) cells.set(c.attrs['r']!, allText(is));
  }
  return cells;
}

describe('xlsx: the trend sheet and its native line chart', () => {
  const workbook = async (lang: 'en' | 'id' = 'en'): Promise<Record<string, string>> => {
    const bytes = (await render('xlsx', trendCoverageReport(), ctx(lang))).output as Uint8Array;
    const files = unzipSync(bytes);
    return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
  };
  const sheetOf = (parts: Record<string, string>, name: string): string => {
    const names = findAll(parseXml(parts['xl/workbook.xml']!), (n) => n.name === 'sheet').map((s) => s.attrs['name']);
    const i = names.indexOf(name);
    expect(i, `sheet ${name} in ${names.join(', ')}`).toBeGreaterThanOrEqual(0);
    return parts[`xl/worksheets/sheet${i + 1}.xml`]!;
  };

  it('has a sheet "trend" between the list and meta', async () => {
    const parts = await workbook();
    expect(findAll(parseXml(parts['xl/workbook.xml']!), (n) => n.name === 'sheet').map((s) => s.attrs['name'])).toEqual(['coverage', 'trend', 'meta']);
  });

  it('lays out the path (months across) and the areas × months with the Total, each block with an empty top-left cell', async () => {
    const cells = cellsOf(sheetOf(await workbook(), 'trend'));
    const row = (r: number, cols: string): (string | number | undefined)[] => [...cols].map((c) => cells.get(`${c}${r}`));
    expect(cells.get('A1')).toBe('Participants month by month to December');
    expect(row(3, 'ABCDEF')).toEqual([undefined, '2024-08', '2024-09', '2024-10', '2024-11', '2024-12']);
    expect(row(4, 'ABCDEF')).toEqual(['actual', 92, 100, 112, undefined, undefined]);
    expect(row(5, 'ABCDEF')).toEqual(['milestone path', 96, 112, 128, 144, 160]);
    expect(row(6, 'ABCDEF')).toEqual(['projection at the pace', undefined, undefined, 112, 124, 136]);
    expect(row(7, 'ABCDEF')).toEqual(['target', undefined, undefined, undefined, undefined, 160]);
    // Rows 8–29 are the chart's; then the areas.
    for (let r = 8; r <= 29; r++) expect(row(r, 'ABCDEF').every((v) => v === undefined), `row ${r} empty`).toBe(true);
    expect(cells.get('A30')).toBe('Participants by month, Aug–Oct 2024');
    expect(row(32, 'ABCD')).toEqual([undefined, '2024-08', '2024-09', '2024-10']);
    expect(row(33, 'ABCD')).toEqual(['Sulawesi Utara', 50, 56, 48]);
    expect(row(34, 'ABCD')).toEqual(['Gorontalo', 30, undefined, 34]);
    expect(row(35, 'ABCD')).toEqual(['Maluku', 12, 44, 30]);
    expect(row(36, 'ABCD')).toEqual(['Total', 92, 100, 112]);
    // Nothing else: the title, 5 months and 4 + 6 + 4 + 2 cells of the path, the second title, 3 months, 4 + 3 + 4 + 4 cells of the areas.
    expect(cells.size).toBe(1 + 5 + 16 + 1 + 3 + 15);
  });

  it('writes the chart parts, well-formed, linked sheet → drawing → chart, with their content types', async () => {
    const parts = await workbook();
    for (const [name, xml] of Object.entries(parts)) expect(() => parseXml(xml), name).not.toThrow();
    const types = parseXml(parts['[Content_Types].xml']!);
    const overrides = new Map(findAll(types, (n) => n.name === 'Override').map((o) => [o.attrs['PartName'], o.attrs['ContentType']]));
    expect(overrides.get('/xl/drawings/drawing1.xml')).toBe('application/vnd.openxmlformats-officedocument.drawing+xml');
    expect(overrides.get('/xl/charts/chart1.xml')).toBe('application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
    const sheet = parseXml(sheetOf(parts, 'trend'));
    // The drawing comes last in the worksheet, as the schema's order wants it.
    expect(sheet.children[sheet.children.length - 1]!.name).toBe('drawing');
    expect(sheet.children[sheet.children.length - 1]!.attrs['r:id']).toBe('rId1');
    const rel = (file: string): XmlNode => findAll(parseXml(parts[file]!), (n) => n.name === 'Relationship')[0]!;
    expect(rel('xl/worksheets/_rels/sheet2.xml.rels').attrs).toMatchObject({ Id: 'rId1', Target: '../drawings/drawing1.xml', Type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing' });
    expect(rel('xl/drawings/_rels/drawing1.xml.rels').attrs).toMatchObject({ Id: 'rId1', Target: '../charts/chart1.xml', Type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart' });
    const anchor = findAll(parseXml(parts['xl/drawings/drawing1.xml']!), (n) => n.name === 'xdr:from' || n.name === 'xdr:to').map((n) => n.children.map((c) => allText(c)).join(','));
    expect(anchor).toEqual(['0,0,8,0', '8,0,28,0']);
    // No other sheet has a drawing.
    expect(Object.keys(parts).filter((k) => k.includes('_rels/sheet'))).toEqual(['xl/worksheets/_rels/sheet2.xml.rels']);
  });

  it('charts the four lines from the sheet\'s cells, with the values cached and the axis of the HTML chart', async () => {
    const chart = parseXml((await workbook())['xl/charts/chart1.xml']!);
    const series = findAll(chart, (n) => n.name === 'c:ser');
    const f = (n: XmlNode, path: string[]): string => {
      let at: XmlNode | undefined = n;
      for (const p of path) at = at?.children.find((c) => c.name === p);
      return at ? allText(at) : '';
    };
    expect(series.map((s) => [f(s, ['c:tx', 'c:strRef', 'c:f']), f(s, ['c:tx', 'c:strRef', 'c:strCache', 'c:pt', 'c:v']), f(s, ['c:cat', 'c:strRef', 'c:f']), f(s, ['c:val', 'c:numRef', 'c:f'])])).toEqual([
      ["'trend'!$A$4", 'actual', "'trend'!$B$3:$F$3", "'trend'!$B$4:$F$4"],
      ["'trend'!$A$5", 'milestone path', "'trend'!$B$3:$F$3", "'trend'!$B$5:$F$5"],
      ["'trend'!$A$6", 'projection at the pace', "'trend'!$B$3:$F$3", "'trend'!$B$6:$F$6"],
      ["'trend'!$A$7", 'target', "'trend'!$B$3:$F$3", "'trend'!$B$7:$F$7"],
    ]);
    const cache = (s: XmlNode): string[] =>
      findAll(s.children.find((c) => c.name === 'c:val')!, (n) => n.name === 'c:pt').map((p) => `${p.attrs['idx']}:${allText(p)}`);
    expect(series.map(cache)).toEqual([['0:92', '1:100', '2:112'], ['0:96', '1:112', '2:128', '3:144', '4:160'], ['2:112', '3:124', '4:136'], ['4:160']]);
    // The projection dashed, the target a mark without a line.
    expect(findAll(series[2]!, (n) => n.name === 'a:prstDash').map((n) => n.attrs['val'])).toEqual(['dash']);
    expect(findAll(series[3]!, (n) => n.name === 'c:symbol').map((n) => n.attrs['val'])).toEqual(['dash']);
    expect(findAll(series[3]!.children.find((c) => c.name === 'c:spPr')!, (n) => n.name === 'a:noFill')).toHaveLength(1);
    const scaling = findAll(chart, (n) => n.name === 'c:valAx')[0]!;
    const val = (name: string): string | undefined => findAll(scaling, (n) => n.name === name)[0]?.attrs['val'];
    expect([val('c:min'), val('c:max'), val('c:majorUnit')]).toEqual(['80', '160', '20']);
    expect(allText(findAll(chart, (n) => n.name === 'c:title')[0]!)).toBe('Participants month by month to December');
  });

  it('in Indonesian, and byte for byte the same on a second run', async () => {
    const cells = cellsOf(sheetOf(await workbook('id'), 'trend'));
    expect([cells.get('A4'), cells.get('A5'), cells.get('A6'), cells.get('A30')]).toEqual(['aktual', 'jalur tonggak', 'proyeksi pada laju', 'Peserta per bulan, Agu–Okt 2024']);
    const a = (await render('xlsx', trendCoverageReport(), ctx('id'))).output as Uint8Array;
    const b = (await render('xlsx', trendCoverageReport(), ctx('id'))).output as Uint8Array;
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });

  it('a report without a trend has no trend sheet and no drawing', async () => {
    const files = unzipSync((await render('xlsx', coverageReport(), ctx('en'))).output as Uint8Array);
    expect(Object.keys(files).filter((k) => /drawing|chart/.test(k))).toEqual([]);
    expect(strFromU8(files['xl/workbook.xml']!)).not.toContain('name="trend"');
  });
});

describe('terminal: a sparkline column', () => {
  const table = (extra: Parameters<typeof ctx>[1]): { out: string; notes: string } => {
    const r = renderTableWithNotes(trendCoverageReport(), ctx('en', extra));
    return { out: text(r.output), notes: r.notes.map((n) => n.en).join('\n') };
  };

  it('after the keys, each row and the Total (50, 56, 48 → ▃█▁; 30, –, 34 → ▁ █; 12, 44, 30 → ▁█▅; 92, 100, 112 → ▁▄█)', () => {
    const { out } = table({ sparkline: true });
    const lines = out.split('\n');
    const line = (name: string): string => lines.find((l) => l.includes(name))!;
    expect(line('Sulawesi Utara')).toMatch(/│ Sulawesi Utara │ ▃█▁\s+│/);
    expect(line('Gorontalo')).toMatch(/│ Gorontalo\s+│ ▁ █\s+│/);
    expect(line('Maluku')).toMatch(/│ Maluku\s+│ ▁█▅\s+│/);
    expect(line('Total')).toMatch(/│ Total\s+│ ▁▄█\s+│/);
    expect(out).toMatch(/│ code │ province\s+│ trend \(Aug–Oct 2024\) │/);
  });

  it('not drawn unless the terminal can show it; dropped first when the terminal is narrow', () => {
    expect(table({}).out).not.toMatch(/[▁▂▃▄▅▆▇█]/);
    // 49 columns hold the keys, participants and target (7 + 17 + 15 + 9 + 1) but not the sparklines
    // as well (11 more): they go first.
    const narrow = table({ sparkline: true, columns: 49 });
    for (const l of narrow.out.split('\n').filter((x) => /^[┌│├└]/.test(x))) expect(displayWidth(l), l).toBeLessThanOrEqual(49);
    expect(narrow.out).not.toMatch(/[▁▂▃▄▅▆▇█]/);
    expect(narrow.out).toMatch(/participants .* target/);
    expect(narrow.notes).toMatch(/1 column left out to fit 49 characters: trend \(Aug–Oct 2024\)/);
  });

  // The CLI on the README's Kanwil (8 provinces, January–June 2024), on a wide terminal and a pipe.
  const cli = async (isTTY: boolean, env: Record<string, string>, columns = 300): Promise<string> => {
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = {
      stdout: { write: (s: string | Uint8Array) => out.push(String(s)), isTTY, columns },
      stderr: { write: (s: string | Uint8Array) => err.push(String(s)), isTTY: false },
      env: { NO_COLOR: '1', ...env },
      cwd: ROOT,
      now: () => new Date(),
    };
    expect(await main(['coverage', 'examples/sulama-2024/*.csv', '--year', '2024', '--expect', 'kanwil:Sulama', '-f', 'table', '--quiet'], io), err.join('')).toBe(0);
    return out.join('');
  };

  it('from the command line: on a UTF-8 terminal, not through a pipe', async () => {
    const shown = await cli(true, { LANG: 'en_US.UTF-8', TERM: 'xterm' });
    // Maluku loses participants every month (254,988 → 253,712): highest first.
    expect(shown).toMatch(/│ 81\s+│ Maluku\s+│ █▇▅▄▂▁\s+│/);
    expect(shown).toMatch(/│ 71\s+│ Sulawesi Utara\s+│ ▁▂▄▅▇█\s+│/);
    // Through a pipe: none (a dumb or C-locale terminal: trend-units.test.ts).
    expect(await cli(false, { LANG: 'en_US.UTF-8', TERM: 'xterm' })).not.toMatch(/[▁▂▃▄▅▆▇]/);
  });

  it('at 80 columns the answer columns stay and the sparklines go', async () => {
    const out = await cli(true, { LANG: 'en_US.UTF-8', TERM: 'xterm' }, 80);
    for (const l of out.split('\n').filter((x) => /^[┌│├└]/.test(x))) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
    expect(out).not.toMatch(/[▁▂▃▄▅▆▇]/);
    // Of several months, the projected December and its status are answers too: achievement (a ratio
    // of two columns shown) is the one to go at 80 columns.
    expect(out).toMatch(/target .* gap to .* status .* projected .* projected/);
  });
});
