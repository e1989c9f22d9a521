// Every format of the small reports, in both languages, against reviewable golden files; the
// conventions every human format shares (percent sign, no English in --lang id, notes shown) and the
// machine-format contracts (level on every row, null for no value, notes in meta).
import { describe, expect, it } from 'vitest';
import { render, type Format } from '../../src/render/index.js';
import { metaLines } from '../../src/render/meta.js';
import type { Report } from '../../src/report/model.js';
import { breakdownReport, coverageReport, coverageWithoutTargets, ctx, forFormat, matrixReport } from './fixtures.js';
import { expectRenderGolden, text } from './golden.js';

const reports: Record<string, { what: string; build: () => Report }> = {
  breakdown: { what: 'breakdown --target 287599 --input examples/gorontalo-regencies.csv --by regency', build: breakdownReport },
  coverage: { what: 'coverage examples/2024-06/gorontalo.csv --by regency --targets examples/targets-2024-gorontalo.csv (with two notes)', build: () => coverageReport({ notes: true }) },
};

const draw = async (report: Report, format: Format, lang: 'id' | 'en') => render(format, forFormat(report, format), ctx(lang));

describe.each(Object.entries(reports))('%s report', (name, { what, build }) => {
  it.each(['table', 'md', 'html'] as const)('%s in Indonesian and English', async (format) => {
    for (const lang of ['id', 'en'] as const) expectRenderGolden(`${name}-${format}-${lang}`, `${what} -f ${format} --lang ${lang}`, await draw(build(), format, lang));
  });

  it.each(['csv', 'tsv', 'json', 'jsonl'] as const)('%s is the same in both languages', async (format) => {
    const id = text((await draw(build(), format, 'id')).output);
    const en = await draw(build(), format, 'en');
    expect(id).toBe(text(en.output));
    expect(id).not.toMatch(/\d\.\d{3}\.\d{3}|\d,\d{2} ?%/);
    expectRenderGolden(`${name}-${format}`, `${what} -f ${format}`, en);
  });

  it('csv --csv-dialect excel-id: ; decimal comma, CRLF, BOM', async () => {
    const out = text((await render('csv', build(), ctx('id', { csvDialect: 'excel-id' }))).output);
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(out.split('\r\n')[0]).toContain(';level');
    expect(out.split('\r\n').length).toBeGreaterThan(5);
    expect(out).toMatch(/;0,\d+;/);
  });
});

describe('province × segment matrix', () => {
  const what = 'breakdown --year 2024 --by province,segment';
  it('Markdown: the long list, the cross-tab and the note (golden)', async () => {
    expectRenderGolden('matrix-md-id', `${what} -f md --lang id`, await draw(matrixReport(), 'md', 'id'));
  });
  it('JSON carries the notes in meta.notes', async () => {
    const doc = JSON.parse(text((await draw(matrixReport(), 'json', 'en')).output));
    expect(doc.meta.notes).toEqual(matrixReport().notes);
    expect(doc.rows).toHaveLength(152);
    expect(doc.subtotals).toHaveLength(38);
  });
});

describe('the same percent convention in every human format', () => {
  // Indonesian: 61,39% (no space), as Excel shows 0.00% in an Indonesian locale.
  it.each(['table', 'md', 'html'] as const)('%s', async (format) => {
    const id = text((await draw(coverageReport(), format, 'id')).output);
    const en = text((await draw(coverageReport(), format, 'en')).output);
    expect(id).toContain('61,39%');
    expect(id).not.toMatch(/\d %/);
    expect(en).toContain('61.39%');
  });
});

describe('no English in --lang id', () => {
  // Words of ours that must not appear in an Indonesian page (the data's own names may).
  const english = /\b(denominator|employed|potential_workers|line = target|About this report|coverage|participants|target coverage|method|inputs?|rows|yes|no|none|notes?)\b/;
  it.each([
    ['breakdown', breakdownReport],
    ['coverage', () => coverageReport({ notes: true })],
    ['coverage without targets', coverageWithoutTargets],
    ['matrix', matrixReport],
  ] as const)('HTML of the %s report', async (_name, build) => {
    const html = text((await draw(build(), 'html', 'id')).output);
    const visible = html
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/[0-9a-f]{64}/g, '')
      .replace(/jamsostek [a-z]+/g, '')
      .replace(/\S+\.(csv|json|xlsx)\b/g, '');
    expect(visible).not.toMatch(english);
  });

  it('every meta key of the fixtures has Indonesian words', () => {
    for (const report of [breakdownReport(), coverageReport(), matrixReport()]) {
      const unknown = metaLines(report.meta, 'id').filter((l) => !l.known);
      expect(unknown.map((l) => l.path.join('.'))).toEqual([]);
    }
  });

  it('so does every meta key the rewritten commands write (explain.levels, shape, …)', () => {
    const meta = {
      shape: 'matrix',
      explain: {
        levels: [{ grain: ['province'], scope: null, mode: 'gap', basis: 'uncovered', divisor: { low: 11.9, high: 12 }, atMin: [], atMax: [], held: ['DKI Jakarta'], ties: [] }],
        rowTotalsGiven: false,
        columnTotalsGiven: false,
        tiedCells: [],
      },
      inputs: [{ name: 'data/baseline.csv', sheet: null }],
    };
    const lines = metaLines(meta, 'id');
    expect(lines.filter((l) => !l.known).map((l) => l.path.join('.'))).toEqual([]);
    const byPath = new Map(lines.map((l) => [l.path.join('.'), l]));
    expect(byPath.get('shape')?.value).toBe('matriks (baris × kolom)');
    expect(byPath.get('explain.levels.0')?.label).toBe('tingkat 1');
    expect(byPath.get('explain.levels.0.grain')?.value).toBe('provinsi');
    expect(byPath.get('explain.levels.0.held')?.value).toBe('DKI Jakarta');
  });

  it('meta is readable rows: nested facts flattened, inputs with their sha256, divisors, bounds hit', () => {
    const lines = metaLines(breakdownReport().meta, 'id');
    const byPath = new Map(lines.map((l) => [l.path.join('.'), l]));
    expect(byPath.get('denominator')?.value).toBe('potensi pekerja');
    expect(byPath.get('by')?.value).toBe('kabupaten/kota');
    expect(byPath.get('inputs.0')).toMatchObject({ label: 'masukan 1', heading: true });
    expect(byPath.get('inputs.0.sha256')?.value).toBe('34e1f92ead20d3c6f44287e7c3f860a49372acc72d78239f5bc0957fd6794906');
    expect(byPath.get('explain.divisor.low')).toMatchObject({ label: 'terendah', value: 5.300446636890874, depth: 2 });
    expect(byPath.get('explain.atMin')?.value).toBe('tidak ada');
    expect(byPath.get('interpolated')?.value).toBe('tidak');
  });

  it('a value already in words ({ en, id }) is shown in the report language', () => {
    const lines = metaLines({ targetSource: { en: 'the plan scenario', id: 'skenario rencana' } }, 'id');
    expect(lines[0]).toMatchObject({ label: 'sumber target', value: 'skenario rencana' });
  });

  it('keys from data are labels, not built-ins', () => {
    const lines = metaLines({ explain: { rowTotals: { constructor: 5, __proto__: 7, toString: 1 } } }, 'en');
    expect(lines.filter((l) => l.path[1] === 'rowTotals' && !l.heading).map((l) => [l.label, l.value])).toEqual([
      ['constructor', 5],
      ['toString', 1],
    ]);
  });
});

describe('HTML shows only what it draws', () => {
  it('no "line = target" legend without targets; no second chart without its values', async () => {
    const id = text((await draw(coverageWithoutTargets(), 'html', 'id')).output);
    const en = text((await draw(coverageWithoutTargets(), 'html', 'en')).output);
    expect(id).not.toContain('garis = target');
    expect(en).not.toContain('line = target');
    expect(id).not.toContain('class="mark"');
    expect(id).toContain('id="chart-coverage"');
    expect(id).not.toContain('id="chart-second"');
  });
  it('with targets: the legend, one mark per row', async () => {
    const id = text((await draw(coverageReport(), 'html', 'id')).output);
    expect(id).toContain('(garis = target)');
    expect(id.match(/class="mark"/g)).toHaveLength(6);
  });
  it('the notes are shown', async () => {
    const id = text((await draw(coverageReport({ notes: true }), 'html', 'id')).output);
    expect(id).toContain('<section class="notes">');
    expect(id).toContain('dihitung sekali');
  });
  it('the matrix gets its cross-tab and a stacked bar per province', async () => {
    const html = text((await draw(matrixReport(), 'html', 'en')).output);
    expect(html).toContain('<table class="crosstab">');
    expect(html.match(/<div class="bar-row"/g)).toHaveLength(38);
    expect(html).toContain('<ul class="stack-legend"><li><span class="swatch s0"></span>PU</li>');
  });
});

describe('machine formats: level and null', () => {
  it('JSON rows, subtotals and totals carry level; an empty bound is null, never ""', async () => {
    const doc = JSON.parse(text((await draw(matrixReport(), 'json', 'en')).output));
    expect(doc.rows.every((r: { level: string }) => r.level === 'detail')).toBe(true);
    expect(doc.subtotals.every((r: { level: string }) => r.level === 'subtotal')).toBe(true);
    expect(doc.totals.level).toBe('total');
    expect(doc.rows[0].bound).toBeNull();
    expect(doc.subtotals[0].bound).toBeNull();
    const jsonl = text((await draw(matrixReport(), 'jsonl', 'en')).output).trim().split('\n').map((l) => JSON.parse(l));
    expect(jsonl[0].bound).toBeNull();
    expect(jsonl.map((r) => r.level).slice(0, 6)).toEqual(['detail', 'detail', 'detail', 'detail', 'subtotal', 'detail']);
  });

  it('the JSON document is laid out exactly as JSON.stringify(…, 2) would', async () => {
    const out = text((await draw(coverageReport({ notes: true }), 'json', 'en')).output);
    expect(out).toBe(JSON.stringify(JSON.parse(out), null, 2) + '\n');
  });

  it('a column key from data stays a key (no prototype games)', async () => {
    const report: Report = {
      kind: 'coverage',
      title: { en: 't', id: 't' },
      columns: [
        { key: '__proto__', label: { en: 'p', id: 'p' }, kind: 'text' },
        { key: 'constructor', label: { en: 'c', id: 'c' }, kind: 'int' },
      ],
      rows: [{ values: JSON.parse('{"__proto__": "x"}') }],
      meta: {},
    };
    const rows = text((await render('jsonl', report, ctx('en'))).output);
    expect(rows).toBe('{"__proto__":"x","constructor":null,"level":"detail"}\n');
    expect(text((await render('csv', report, ctx('en'))).output)).toBe('__proto__,constructor,level\nx,,detail\n');
  });
});

describe('formula injection is inert in every format', () => {
  const report = (): Report => ({
    kind: 'coverage',
    title: { en: 'Coverage', id: 'Cakupan' },
    columns: [
      { key: 'regency', label: { en: 'regency', id: 'kabupaten/kota' }, kind: 'text' },
      { key: 'participants', label: { en: 'participants', id: 'peserta' }, kind: 'int' },
    ],
    rows: [{ values: { regency: '=HYPERLINK("http://x","y")', participants: 5 } }],
    meta: {},
  });
  it('csv, tsv, md, html', async () => {
    expect(text((await render('csv', report(), ctx('en'))).output)).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text((await render('tsv', report(), ctx('en'))).output)).toContain(`'=HYPERLINK("http://x","y")`);
    expect(text((await render('md', report(), ctx('en'))).output)).toContain('\\=HYPERLINK\\(');
    const html = text((await render('html', report(), ctx('en'))).output);
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    expect(html).not.toMatch(/<a |href=|<script|src=/i);
  });
});
