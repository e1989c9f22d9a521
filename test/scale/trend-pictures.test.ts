// The charts of the year (issue 18) as people see them: the README's June projection for Kanwil
// Sulawesi Maluku (examples/sulama-2024: 8 provinces, January–June 2024) written by the CLI as HTML
// and xlsx, then
//   - the HTML opened in headless Chromium (Debian's package, driven by playwright-core) on a
//     1366 × 768 laptop and a 390 × 844 phone: no request, no error, the page never wider than the
//     screen, the line chart's text 12 px and inside the screen, its labels apart, the months readable,
//     each row's sparkline beside its name without scrolling;
//   - the workbook opened by LibreOffice: printed to PDF, the trend sheet's page turned into a picture
//     (pdftoppm) in which the chart's lines are drawn in their colours; saved again as xlsx by
//     LibreOffice, the chart is still a chart (it was read as one, not dropped).
// Screenshots and pictures go to test/out/trend-*.png for review. Slow (a browser and an office
// suite), hence in test/scale.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run } from '../e2e/helpers.js';

const which = (names: string[]): string | undefined => {
  for (const name of names) {
    for (const d of (process.env.PATH ?? '').split(':')) if (d && existsSync(join(d, name))) return join(d, name);
  }
  return undefined;
};
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const SOFFICE = which(['soffice', 'libreoffice']);
const PDFTOPPM = which(['pdftoppm']);
const PDFTOTEXT = which(['pdftotext']);
const OUT = join(ROOT, 'test', 'out');
const dir = mkdtempSync(join(tmpdir(), 'jamsostek-trend-'));
const ARGS = ['coverage', 'examples/sulama-2024/*.csv', '--year', '2024', '--expect', 'kanwil:Sulama', '--quiet'];

/** The Kanwil's participants in a month of 2024, added up here from the example file. */
const monthTotal = (m: number): number =>
  readFileSync(join(ROOT, 'examples', 'sulama-2024', `2024-${String(m).padStart(2, '0')}.csv`), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .reduce((sum, line) => sum + Number(line.split(',')[3]), 0);
/** What the chart must write, by hand: June, and December at June's pace over the last 3 months. */
const FIGURES = { june: 0, projected: 0, target: 0, january: 0 };
const grouped = (n: number, lang: 'en' | 'id'): string => n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-US');

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  for (const lang of ['en', 'id']) {
    const r = await run([...ARGS, '--lang', lang, '-o', join(dir, `june-${lang}.html`), '-o', join(dir, `june-${lang}.xlsx`)]);
    expect(r.code, r.stderr).toBe(0);
  }
  FIGURES.january = monthTotal(1);
  FIGURES.june = monthTotal(6);
  // (June − March) × 6 months left / 3, rounded half away from zero (the README's rule).
  const change = FIGURES.june - monthTotal(3);
  FIGURES.projected = FIGURES.june + Math.sign(change) * Math.round((Math.abs(change) * 6) / 3);
  // The target is the table's own (the national breakdown's rows for the 8 provinces): the chart must say the same.
  const csv = await run([...ARGS, '-f', 'csv', '--fields', 'province,target']);
  const total = csv.stdout.trim().split('\n').find((l) => l.startsWith('Total,'))!;
  FIGURES.target = Number(total.split(',')[1]);
  expect(FIGURES.target).toBeGreaterThan(FIGURES.june);
});

if (CHROMIUM === undefined && process.env.CI !== 'true') console.warn('test/scale/trend-pictures.test.ts: browser part SKIPPED: chromium not found (apt-get install chromium)');
describe.runIf(CHROMIUM !== undefined || process.env.CI === 'true')('the June report in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  interface Box { text: string; left: number; right: number; top: number; bottom: number; size: number; shown: boolean; cls: string }
  interface Layout {
    page: number;
    viewport: number;
    chart: { left: number; right: number; width: number; height: number };
    texts: Box[];
    series: Record<string, number>;
    sparks: { row: string; right: number; bottom: number; width: number }[];
    keyRight: number;
  }

  it.each([
    [1366, 768, 'en'],
    [390, 844, 'en'],
    [390, 844, 'id'],
  ] as const)('at %i × %i (%s): the line chart and the sparklines, readable, nothing fetched', async (width, height, lang) => {
    const page = await browser.newPage({ viewport: { width, height } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) requests.push(req.url());
    });
    await page.goto(pathToFileURL(join(dir, `june-${lang}.html`)).href);
    const layout = (await page.evaluate(`(() => {
      const svg = document.querySelector('svg.trend-chart');
      const box = svg.getBoundingClientRect();
      const texts = Array.from(svg.querySelectorAll('text')).map((t) => {
        const r = t.getBoundingClientRect();
        const style = getComputedStyle(t);
        return { text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom, size: parseFloat(style.fontSize), shown: style.display !== 'none', cls: t.getAttribute('class') };
      });
      const series = {};
      for (const g of svg.querySelectorAll('g.series')) series[g.getAttribute('class').replace('series ', '')] = g.querySelectorAll('line').length;
      const rows = Array.from(document.querySelectorAll('.trend-block ~ .table-wrap tbody tr'));
      const sparks = rows.map((tr) => {
        const s = tr.querySelector('svg.spark');
        const r = s ? s.getBoundingClientRect() : { right: 0, bottom: 0, width: 0 };
        return { row: tr.textContent, right: r.right, bottom: r.bottom, width: r.width };
      });
      const key = document.querySelector('.trend-block ~ .table-wrap tbody td.key').getBoundingClientRect();
      return { page: document.documentElement.scrollWidth, viewport: window.innerWidth, chart: { left: box.left, right: box.right, width: box.width, height: box.height },
        texts, series, sparks, keyRight: key.right };
    })()`)) as Layout;
    expect(layout.page, 'the page never scrolls sideways').toBeLessThanOrEqual(layout.viewport);
    // Four series: 5 segments of actual (January–June), 11 of milestones, 6 of projection, a target mark.
    expect(layout.series).toEqual({ milestones: 11, projection: 6, actual: 5, target: 1 });
    const shown = layout.texts.filter((t) => t.shown);
    for (const t of shown) {
      expect(t.size, `"${t.text}" font size`).toBeGreaterThanOrEqual(12);
      expect(t.left, `"${t.text}" inside the screen`).toBeGreaterThanOrEqual(0);
      expect(t.right, `"${t.text}" inside the screen`).toBeLessThanOrEqual(width);
    }
    // The labels people read do not overlap each other, nor the month names one another.
    const apart = (a: Box, b: Box): boolean => a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
    for (const group of [shown.filter((t) => t.cls.startsWith('value')), shown.filter((t) => t.cls.startsWith('month')), shown.filter((t) => t.cls === 'tick')]) {
      for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) expect(apart(group[i]!, group[j]!), `"${group[i]!.text}" and "${group[j]!.text}" overlap`).toBe(true);
    }
    const values = shown.filter((t) => t.cls.startsWith('value')).map((t) => t.text);
    // June's participants; at December the target and the projection (computed above from the files).
    const f = FIGURES;
    // The Kanwil's target is the sum of its provinces' planned targets, Maluku's an estimate: marked (*).
    expect(values).toEqual([grouped(f.june, lang), `target ${grouped(f.target, lang)}*`, `${lang === 'id' ? 'proyeksi' : 'projected'} ${grouped(f.projected, lang)}`]);
    // On a phone every other month is named (January, then every second month to December).
    const months = shown.filter((t) => t.cls.startsWith('month')).map((t) => t.text);
    const en = width === 390 ? ['Jan', 'Apr', 'Jun', 'Aug', 'Oct', 'Dec'] : ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    expect(months).toEqual(lang === 'id' ? en.map((m) => ({ May: 'Mei', Aug: 'Agu', Oct: 'Okt', Dec: 'Des' })[m] ?? m) : en);
    expect(layout.chart.width).toBeGreaterThan(width === 390 ? 250 : 900);
    // Each row's sparkline (8 provinces and the Total) beside its name, on the screen without scrolling.
    expect(layout.sparks).toHaveLength(9);
    for (const s of layout.sparks) {
      expect(s.width, s.row).toBe(72);
      expect(s.right, s.row).toBeLessThanOrEqual(width);
    }
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.screenshot({ path: join(OUT, `trend-html-${lang}-${width}x${height}.png`) });
    await page.locator('.trend-block').screenshot({ path: join(OUT, `trend-html-${lang}-${width}-chart.png`) });
    await page.locator('.trend-block ~ .table-wrap').screenshot({ path: join(OUT, `trend-html-${lang}-${width}-table.png`) });
    await page.close();
  });
});

const RUN_LO = (SOFFICE !== undefined && PDFTOPPM !== undefined && PDFTOTEXT !== undefined) || process.env.CI === 'true';
if (!RUN_LO) console.warn('test/scale/trend-pictures.test.ts: workbook part SKIPPED: soffice or poppler-utils not found (apt-get install libreoffice-calc-nogui poppler-utils)');
describe.runIf(RUN_LO)('the June workbook in LibreOffice', () => {
  const soffice = (args: string[]): void => {
    const r = spawnSync(SOFFICE!, [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', ...args], { encoding: 'utf8', timeout: 180_000 });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  };

  /** How many pixels of a picture (PPM, P6) are near a colour. */
  function pixelsNear(ppm: Buffer, rgb: [number, number, number], tolerance = 40): number {
    // Header: P6 <width> <height> <max>, each followed by one whitespace.
    let at = 0;
    const fields: string[] = [];
    while (fields.length < 4) {
      while (/\s/.test(String.fromCharCode(ppm[at]!))) at++;
      let f = '';
      while (!/\s/.test(String.fromCharCode(ppm[at]!))) f += String.fromCharCode(ppm[at++]!);
      fields.push(f);
    }
    at++;
    expect(fields[0]).toBe('P6');
    let n = 0;
    for (let i = at; i + 2 < ppm.length; i += 3) {
      if (Math.abs(ppm[i]! - rgb[0]) + Math.abs(ppm[i + 1]! - rgb[1]) + Math.abs(ppm[i + 2]! - rgb[2]) <= tolerance) n++;
    }
    return n;
  }

  it.each(['en', 'id'] as const)('prints the trend sheet with its chart drawn (%s)', (lang) => {
    const file = join(dir, `june-${lang}.xlsx`);
    soffice(['--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), file]);
    const pdf = join(dir, 'pdf', `june-${lang}.pdf`);
    const text = spawnSync(PDFTOTEXT!, ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.split('\f');
    const title = lang === 'id' ? 'Peserta bulan demi bulan sampai Desember' : 'Participants month by month to December';
    const at = text.findIndex((p) => p.includes(title) && p.includes('2024-12'));
    expect(at, 'the trend sheet is printed').toBeGreaterThanOrEqual(0);
    const page = text[at]!;
    // LibreOffice shows the numbers with its own locale's separators (the cells hold numbers). The
    // Kanwil's milestones are planned on estimates: the line's name and cells carry the mark.
    expect(page).toMatch(lang === 'id' ? /jalur tonggak\*\s+3[.,]\d{3}[.,]\d{3}\*/ : /milestone path\*\s+3[.,]\d{3}[.,]\d{3}\*/);
    const any = (n: number): string => grouped(n, 'en').replace(/,/g, '[.,]');
    expect(page).toMatch(new RegExp(`Total\\s+${any(FIGURES.january)}\\s`));
    expect(page).toMatch(new RegExp(`target\\*?\\s+${any(FIGURES.target)}\\*?`));
    expect(page).toMatch(new RegExp(`${lang === 'id' ? 'proyeksi pada laju' : 'projection at the pace'}\\s+${any(FIGURES.june)}\\s.*${any(FIGURES.projected)}\\s*$`, 'm'));
    // The chart's own text: its title above the plot and an axis of round steps (x,x00,000).
    expect(page.split(title).length - 1, 'the title in the sheet and in the chart').toBeGreaterThanOrEqual(2);
    expect(new Set(page.match(/\b\d[.,]\d00[.,]000\b/g)).size).toBeGreaterThanOrEqual(4);
    const ppm = join(dir, 'pdf', `june-${lang}-trend`);
    expect(spawnSync(PDFTOPPM!, ['-r', '80', '-f', String(at + 1), '-l', String(at + 1), '-singlefile', pdf, ppm]).status).toBe(0);
    const picture = readFileSync(`${ppm}.ppm`);
    // The lines in their colours: actual and projection blue (#0072B2), the milestone path orange (#E69F00).
    expect(pixelsNear(picture, [0x00, 0x72, 0xb2]), 'blue pixels').toBeGreaterThan(300);
    expect(pixelsNear(picture, [0xe6, 0x9f, 0x00]), 'orange pixels').toBeGreaterThan(300);
    expect(spawnSync(PDFTOPPM!, ['-r', '110', '-png', '-f', String(at + 1), '-l', String(at + 1), '-singlefile', pdf, join(OUT, `trend-xlsx-${lang}`)]).status).toBe(0);
  });

  it('reads the chart as a chart: saved again by LibreOffice, the workbook still has it, over the same cells', () => {
    soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'again'), join(dir, 'june-en.xlsx')]);
    const files = unzipSync(readFileSync(join(dir, 'again', 'june-en.xlsx')));
    const charts = Object.keys(files).filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k));
    expect(charts).toHaveLength(1);
    const xml = Buffer.from(files[charts[0]!]!).toString('utf8');
    expect(xml).toContain('<c:lineChart>');
    expect((xml.match(/<c:ser>/g) ?? []).length).toBe(4);
    expect(xml).toMatch(/trend'?!\$B\$4:\$M\$4/);
    expect(readdirSync(join(dir, 'again'))).toEqual(['june-en.xlsx']);
  });
});
