// The HTML report opened in headless Chromium (Debian's package, driven by playwright-core) at a
// desktop width (1280 px) and a phone's (390 px): no console errors, no requests, no sideways page
// scroll on the phone (the table scrolls in its own box), chart text of 10 px or more, one bar per row;
// then printed to PDF: A4 landscape, and no chart heading left at the foot of a page without its chart.
// Screenshots go to test/out/ for review.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../src/render/index.js';
import type { Lang, Report } from '../../src/report/model.js';
import { ROOT, run } from '../e2e/helpers.js';
import { coverageReport, coverageWithoutTargets, ctx, forFormat, matrixReport } from '../render/fixtures.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const PDFTOTEXT = ['/usr/bin/pdftotext'].find((p) => existsSync(p));
const PDFINFO = ['/usr/bin/pdfinfo'].find((p) => existsSync(p));
const OUT = join(ROOT, 'test', 'out');

const pages: [string, () => Report, Lang, number][] = [
  // name, report, language, bars in the first chart
  ['coverage', () => coverageReport({ notes: true }), 'id', 6],
  ['coverage-no-targets', coverageWithoutTargets, 'en', 6],
  ['matrix', matrixReport, 'id', 38],
];

// .ci/run installs Debian's chromium; a developer machine without it is told so, not silently passed.
if (CHROMIUM === undefined && process.env.CI !== 'true') console.warn('test/scale/html-browser.test.ts: SKIPPED: chromium not found (apt-get install chromium)');
describe.runIf(CHROMIUM !== undefined || process.env.CI === 'true')('HTML report in a real browser', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'jamsostek-html-'));
  beforeAll(async () => {
    expect(CHROMIUM, 'chromium is not installed (apt-get install chromium)').toBeDefined();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function write(name: string, build: () => Report, lang: Lang): Promise<string> {
    const file = join(dir, `${name}-${lang}.html`);
    writeFileSync(file, (await render('html', forFormat(build(), 'html'), ctx(lang))).output);
    return file;
  }

  describe.each(pages)('%s', (name, build, lang, bars) => {
    it.each([1280, 390])('at %i px: no errors, no requests, nothing wider than the screen, readable charts', async (width) => {
      const file = await write(name, build, lang);
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (req) => {
        if (!req.url().startsWith('file:')) requests.push(req.url());
      });
      await page.goto(pathToFileURL(file).href);
      expect(await page.title()).toBe(build().title[lang]);

      // Runs in the page (a string, since the tests are type-checked without the DOM library).
      const layout = (await page.evaluate(`(() => {
        const doc = document.documentElement;
        const chartText = Array.from(document.querySelectorAll('.chart *, .stack-legend li'))
          .filter((el) => (el.textContent || '').trim() !== '' && el.children.length === 0)
          .map((el) => ({ text: el.textContent, size: parseFloat(getComputedStyle(el).fontSize), clipped: el.scrollWidth > el.clientWidth + 1 }));
        const wraps = Array.from(document.querySelectorAll('.table-wrap')).map((w) => ({ scroll: w.scrollWidth, client: w.clientWidth, right: w.getBoundingClientRect().right }));
        return { pageWidth: doc.scrollWidth, viewport: window.innerWidth, chartText, wraps };
      })()`)) as {
        pageWidth: number;
        viewport: number;
        chartText: { text: string; size: number; clipped: boolean }[];
        wraps: { scroll: number; client: number; right: number }[];
      };
      // The page itself never scrolls sideways; a wide table scrolls inside its own box.
      expect(layout.pageWidth, 'page scroll width').toBeLessThanOrEqual(layout.viewport);
      for (const w of layout.wraps) expect(w.right).toBeLessThanOrEqual(layout.viewport);
      if (width === 390) expect(layout.wraps.some((w) => w.scroll > w.client)).toBe(true);
      expect(layout.chartText.length).toBeGreaterThan(bars);
      for (const t of layout.chartText) {
        expect(t.size, `"${t.text}" font size`).toBeGreaterThanOrEqual(10);
        expect(t.clipped, `"${t.text}" is cut off`).toBe(false);
      }
      const firstChart = name === 'matrix' ? '#chart-stacked' : '#chart-coverage';
      expect(await page.locator(`${firstChart} .bar-row`).count()).toBe(bars);
      expect(await page.locator('tbody tr.detail').count()).toBeGreaterThanOrEqual(bars);
      await page.screenshot({ path: join(OUT, `html-${name}-${width}.png`), fullPage: true });
      // Each chart and the cross-tab on their own, at a size a reviewer can read.
      const blocks = page.locator('.chart-block, section.block');
      for (let i = 0; i < (await blocks.count()); i++) await blocks.nth(i).screenshot({ path: join(OUT, `html-${name}-${width}-part${i + 1}.png`) });
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    });
  });

  // Issue 22: on a 1366 × 768 laptop the status column was hidden (a 1,184 px table in a 1,118 px box
  // while the side margins stayed empty) and the column headings scrolled away.
  describe('the 38-province coverage report (coverage --year 2024)', () => {
    let file: string;
    beforeAll(async () => {
      file = join(dir, 'coverage-38.html');
      const r = await run(['coverage', '--year', '2024', '--quiet', '-o', file]);
      expect(r.code, r.stderr).toBe(0);
    });

    it.each([
      [1366, 768],
      [390, 844],
    ])('at %i × %i: every column reachable, the headings stay in view while the table scrolls', async (width, height) => {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(pathToFileURL(file).href);
      const measure = async (): Promise<{ scroll: number; client: number; boxTop: number; boxBottom: number; headTop: number; status: { left: number; right: number }; viewport: number; page: number }> =>
        (await page.evaluate(`(() => {
          const wrap = document.querySelector('.table-wrap');
          const box = wrap.getBoundingClientRect();
          const head = wrap.querySelector('thead th').getBoundingClientRect();
          const ths = Array.from(wrap.querySelectorAll('thead th'));
          const status = ths[ths.length - 1].getBoundingClientRect();
          return { scroll: wrap.scrollWidth, client: wrap.clientWidth, boxTop: box.top, boxBottom: box.bottom, headTop: head.top,
            status: { left: status.left, right: status.right }, viewport: window.innerWidth, page: document.documentElement.scrollWidth };
        })()`)) as never;
      const first = await measure();
      expect(first.page, 'the page never scrolls sideways').toBeLessThanOrEqual(first.viewport);
      expect(first.boxBottom - first.boxTop, 'the table box is no taller than the window').toBeLessThanOrEqual(height);
      if (width === 1366) {
        // The whole table fits: the last column (status) is on the screen without scrolling sideways.
        expect(first.scroll, 'table width vs its box').toBeLessThanOrEqual(first.client);
        expect(first.status.right).toBeLessThanOrEqual(width);
      } else {
        // On a phone the table scrolls sideways in its box, to its last column.
        expect(first.scroll).toBeGreaterThan(first.client);
        await page.evaluate(`document.querySelector('.table-wrap').scrollLeft = 1e6`);
        const end = await measure();
        expect(end.status.right).toBeLessThanOrEqual(end.viewport);
        expect(end.status.left).toBeGreaterThanOrEqual(0);
      }
      // Bring the box into view, scroll the table down: the header row stays at the top of the box.
      await page.evaluate(`document.querySelector('.table-wrap').scrollIntoView()`);
      await page.evaluate(`document.querySelector('.table-wrap').scrollTop = 600`);
      const scrolled = await measure();
      expect(Math.abs(scrolled.headTop - scrolled.boxTop), 'header at the top of the scrolled box').toBeLessThanOrEqual(2);
      await page.screenshot({ path: join(OUT, `html-coverage-38-${width}x${height}.png`) });
      await page.close();
    });

    // Three pages: the table on two, and the run's notes (since 2026-12-07 every note and warning of the
    // run is in the report: the held province, the published figures the targets are below…).
    it.runIf(PDFINFO !== undefined || process.env.CI === 'true')('prints compact: A4 landscape, three pages with its notes (it took 7)', async () => {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href);
      const pdf = join(OUT, 'html-coverage-38.pdf');
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      await page.close();
      const info = spawnSync(PDFINFO!, [pdf], { encoding: 'utf8' }).stdout;
      expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeLessThanOrEqual(3);
      // A4 landscape: 842 × 595 points.
      expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts/);
    });
  });

  it.runIf(PDFTOTEXT !== undefined || process.env.CI === 'true')('prints on A4 landscape, each chart heading on the page of its chart', async () => {
    expect(PDFTOTEXT, 'pdftotext is not installed (apt-get install poppler-utils)').toBeDefined();
    for (const [name, build, lang] of pages) {
      const report = build();
      const file = await write(name, build, lang);
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href);
      const pdf = join(OUT, `html-${name}.pdf`);
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      const headings = (await page.evaluate(`Array.from(document.querySelectorAll('.chart-block')).map((b) => ({
        heading: b.querySelector('h2').textContent.replace(/\\s*\\(.*\\)$/, ''),
        first: b.querySelector('.bar-row .bar-label') ? b.querySelector('.bar-row .bar-label').textContent : null,
      }))`)) as { heading: string; first: string | null }[];
      await page.close();
      const text = spawnSync(PDFTOTEXT!, ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
      const sheets = text.split('\f');
      expect(sheets.length).toBeGreaterThan(1);
      for (const h of headings) {
        // Charts may print side by side: a heading is anywhere on its line.
        const at = sheets.findIndex((s) => s.split('\n').some((l) => l.includes(h.heading) && !l.includes('│')));
        expect(at, `${name}: heading "${h.heading}" printed`).toBeGreaterThanOrEqual(0);
        if (h.first === null) continue;
        // The chart's first bar (label, then its value on the same line) is on the heading's page,
        // below it: on some page the heading is followed by it.
        const followed = sheets.some((sheet) => {
          const lines = sheet.split('\n');
          return lines.some((l, i) => l.includes(h.heading) && lines.slice(i + 1).some((x) => x.includes(h.first!)));
        });
        expect(followed, `${name}: "${h.heading}" is followed on its page by "${h.first}"`).toBe(true);
      }
      void report;
    }
  });
});
