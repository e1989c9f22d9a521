// A native line chart in a workbook of ours (issue 18): the DrawingML parts Excel and LibreOffice
// read (ECMA-376 part 1, §21.2 charts, §20.5 spreadsheet drawing), written as text beside the sheets.
//
//   xl/charts/chartN.xml              c:chartSpace: one c:lineChart, a category and a value axis, a legend
//   xl/drawings/drawingN.xml          xdr:wsDr: the chart's frame, anchored to two cells of its sheet
//   xl/drawings/_rels/drawingN.xml.rels    drawing → chart
//   xl/worksheets/_rels/sheetK.xml.rels    sheet → drawing (the sheet's <drawing r:id="rId1"/>)
//
// Every series refers to cells of its sheet (its name, the months, its values), so the chart follows
// the numbers when someone edits them, and carries a cache of the same values, which is what a reader
// draws before it recalculates (LibreOffice reads the cells; Excel shows the cache until it
// recalculates). The value axis is fixed (min, max, step) to the axis of the HTML chart: Excel's own
// would start at 0 for 3.3 to 4.0 million and draw four flat lines. Elements are written in the order
// the schema's sequences require (Excel refuses a file otherwise), with no Office extensions.

/** One line of the chart: its values in one row of the sheet, under the category cells. */
export interface ChartSeries {
  /** The series name, and the cell that holds it (1-based row and column). */
  readonly name: string;
  readonly nameCell: { readonly row: number; readonly col: number };
  /** The row (1-based) of its values, in the categories' columns; null: an empty cell, a gap in the line. */
  readonly row: number;
  readonly values: readonly (number | null)[];
  /** RRGGBB. */
  readonly colour: string;
  /** No line, markers only (a single point such as the target at December). */
  readonly line: 'solid' | 'dash' | 'none';
  /** Line width in points. */
  readonly width: number;
  readonly marker: { readonly symbol: 'circle' | 'dash' | 'none'; readonly size?: number };
}

export interface SheetLineChart {
  readonly title: string;
  /** The chart's frame, from the top-left corner of one cell to the top-left corner of another (0-based). */
  readonly from: { readonly col: number; readonly row: number };
  readonly to: { readonly col: number; readonly row: number };
  /** The category labels (months): a row of cells, columns first..last (1-based), and their texts. */
  readonly categories: { readonly row: number; readonly first: number; readonly last: number; readonly labels: readonly string[] };
  readonly series: readonly ChartSeries[];
  /** The value axis, fixed; numFmt for its labels. */
  readonly axis: { readonly min: number; readonly max: number; readonly step: number; readonly numFmt: string };
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

/** XML text: the markup characters escaped, characters XML cannot hold left out (names and titles only). */
const esc = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  text.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, '').replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));

/** Column letters: 1 → A, 27 → AA. */
function letters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

/** An absolute reference on a sheet: 'trend'!$B$3:$M$3. */
const ref = (sheet: string, row: number, first: number, last = first): string =>
  `'${sheet.replace(/'/g, "''")}'!$${letters(first)}$${row}` + (last !== first ? `:$${letters(last)}$${row}` : '');

/** EMU per point (a line's width). */
const EMU_PER_PT = 12700;

function seriesXml(sheet: string, chart: SheetLineChart, s: ChartSeries, i: number): string {
  const c = chart.categories;
  const fill = `<a:solidFill><a:srgbClr val="${s.colour}"/></a:solidFill>`;
  const ln = s.line === 'none' ? '<a:ln><a:noFill/></a:ln>' : `<a:ln w="${Math.round(s.width * EMU_PER_PT)}" cap="rnd">${fill}${s.line === 'dash' ? '<a:prstDash val="dash"/>' : ''}<a:round/></a:ln>`;
  const marker =
    s.marker.symbol === 'none'
      ? '<c:marker><c:symbol val="none"/></c:marker>'
      : `<c:marker><c:symbol val="${s.marker.symbol}"/><c:size val="${s.marker.size ?? 5}"/><c:spPr>${fill}<a:ln w="9525">${fill}</a:ln></c:spPr></c:marker>`;
  const cats = c.labels.map((l, k) => `<c:pt idx="${k}"><c:v>${esc(l)}</c:v></c:pt>`).join('');
  const vals = s.values.map((v, k) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>`)).join('');
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:strRef><c:f>${esc(ref(sheet, s.nameCell.row, s.nameCell.col))}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${esc(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    `<c:spPr>${ln}</c:spPr>${marker}` +
    `<c:cat><c:strRef><c:f>${esc(ref(sheet, c.row, c.first, c.last))}</c:f><c:strCache><c:ptCount val="${c.labels.length}"/>${cats}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(ref(sheet, s.row, c.first, c.last))}</c:f><c:numCache><c:formatCode>${esc(chart.axis.numFmt)}</c:formatCode><c:ptCount val="${s.values.length}"/>${vals}</c:numCache></c:numRef></c:val>` +
    '<c:smooth val="0"/></c:ser>'
  );
}

/** Axis ids: any two numbers, the same in the chart and its axes. */
const CAT_AX = 50010001;
const VAL_AX = 50010002;

/** Text properties: Arial, as the sheets (size in hundredths of a point). */
const txPr = (size: number, bold = false): string =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${bold ? ' b="1"' : ' b="0"'}><a:solidFill><a:srgbClr val="333333"/></a:solidFill><a:latin typeface="Arial"/><a:cs typeface="Arial"/></a:defRPr></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;

/** xl/charts/chartN.xml: a line chart of the series, its title, axes and legend below. */
export function chartXml(sheet: string, chart: SheetLineChart): string {
  const a = chart.axis;
  const title =
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"><a:latin typeface="Arial"/><a:cs typeface="Arial"/></a:defRPr></a:pPr>' +
    `<a:r><a:rPr lang="en-US" sz="1200" b="1"><a:latin typeface="Arial"/><a:cs typeface="Arial"/></a:rPr><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const grid = '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>';
  const axisLine = '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>';
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${axisLine}${txPr(900)}` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/><c:max val="${a.max}"/><c:min val="${a.min}"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>${grid}` +
    `<c:numFmt formatCode="${esc(a.numFmt)}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisLine}${txPr(900)}` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="${a.step}"/></c:valAx>`;
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:date1904 val="0"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${chart.series.map((s, i) => seriesXml(sheet, chart, s, i)).join('')}<c:marker val="1"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:lineChart>` +
    `${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${txPr(900)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>' +
    '</c:chartSpace>'
  );
}

/** xl/drawings/drawingN.xml: the chart's frame between two cells (it moves and sizes with them). */
export function drawingXml(chart: SheetLineChart, name: string): string {
  const corner = (tag: string, at: { col: number; row: number }): string => `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    XML_HEAD +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"><xdr:twoCellAnchor>${corner('from', chart.from)}${corner('to', chart.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${esc(name)}" descr="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>'
  );
}

/** A part's relationships file with one relationship, rId1. */
export const oneRelationship = (type: 'drawing' | 'chart', target: string): string =>
  XML_HEAD + `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_R}/${type}" Target="${target}"/></Relationships>`;
