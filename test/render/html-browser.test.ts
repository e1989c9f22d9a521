// The HTML report opened in headless Chromium (Debian's package, driven by playwright-core):
// it renders with no console errors, the charts have one bar per row, and a screenshot is saved.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, spawnCli as run } from '../e2e/helpers.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

describe('HTML report in a real browser', () => {
  // .ci/run installs Debian's chromium; a developer machine without it is told so, not silently passed.
  it.runIf(CHROMIUM !== undefined || process.env.CI === 'true')('renders with no console errors and one bar per row', async () => {
    expect(CHROMIUM, 'chromium is not installed (apt-get install chromium)').toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'jamsostek-html-'));
    const file = join(dir, 'coverage.html');
    const r = run(['coverage', '--year', '2024', '--denominator', 'potential_workers', '--lang', 'id', '-o', file]);
    expect(r.code, r.stderr).toBe(0);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
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
      expect(await page.title()).toBe('Cakupan 2023-12 per provinsi');
      const bars = await page.locator('#chart-coverage rect.bar').count();
      const gapBars = await page.locator('#chart-second rect.bar').count();
      const rows = await page.locator('tbody tr.detail').count();
      expect(rows).toBe(38);
      expect(bars).toBe(38);
      expect(gapBars).toBe(38);
      expect(await page.locator('#chart-coverage line.target').count()).toBe(38);
      expect(await page.locator('tbody').innerText()).toContain('60,56 %');
      const outDir = join(ROOT, 'test', 'out');
      mkdirSync(outDir, { recursive: true });
      await page.screenshot({ path: join(outDir, 'coverage-report.png'), fullPage: true });
      expect(existsSync(join(outDir, 'coverage-report.png'))).toBe(true);
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
