// fx41 (fx35's note): the trend chart's Total. Its milestone path and target are of the rows with a target;
// its actual and projection lines were of every row, so a province without a target lifted the actual line
// above the path and the projection above the target while the status said will-miss. Now, where some rows
// have no target, the actual and projection lines are of the rows with one, and the chart's title says so.
// Expected figures by hand in the comments.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = join(dir, 'files');
mkdirSync(files);
// April to June 2026: Aceh 640,000 → 660,000, Bali 940,000 → 960,000 (10,000 a month each), Papua 320,000 → 330,000.
for (const [m, k] of [['04', 4], ['05', 5], ['06', 6]] as const) {
  writeFileSync(join(files, `${m}.csv`), `period,province,participants,employed\n2026-${m},Aceh,${600000 + k * 10000},2400000\n2026-${m},Bali,${900000 + k * 10000},2500000\n2026-${m},Papua,${300000 + k * 5000},1800000\n`);
}
// Targets for Aceh and Bali only, from 1,500,000 in December 2025 to 2,000,000 in December 2026.
const targets = join(dir, 't.csv');
writeFileSync(targets, 'province,year,period,participants,target\nAceh,2026,2025-12,600000,800000\nBali,2026,2025-12,900000,1200000\n');
const series = (html: string, name: string): string => new RegExp(`<g class="series ${name}"[^>]*data-values="([^"]*)"`).exec(html)![1]!.trim().replace(/\s+/g, ' ');

describe("fx41: the trend chart's Total lines are like for like", () => {
  it('one province without a target: actual and projection of Aceh and Bali, said in the title (main: 1,950,000 of three, projected 2,100,000)', async () => {
    const out = join(dir, 'r.html');
    const r = await run(['coverage', join(files, '*.csv'), '--targets', targets, '--trend', '-o', out, '-q']);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    // Aceh + Bali: 1,580,000, 1,600,000, 1,620,000.
    expect(series(html, 'actual')).toBe('1580000 1600000 1620000');
    // From June at 20,000 a month: 1,620,000 + 20,000 × k, to 1,740,000 in December.
    expect(series(html, 'projection')).toBe('1620000 1640000 1660000 1680000 1700000 1720000 1740000');
    // The path: 1,500,000 + 500,000 × (months since December 2025) / 12; June 1,750,000.
    expect(series(html, 'milestones')).toBe('1666667 1708333 1750000 1791667 1833333 1875000 1916667 1958333 2000000');
    expect(series(html, 'target')).toBe('2000000');
    expect(html).toContain('; actual and projection: the 2 of 3 rows with a target, as the milestones (none for Papua)</h2>');
    // The table's Total keeps every row's months: 1,900,000 … 1,950,000.
    expect(html).toMatch(/1,950,000/);
  });

  it('in Indonesian too', async () => {
    const r = await run(['coverage', join(files, '*.csv'), '--targets', targets, '--trend', '--lang', 'id', '-o', join(dir, 'r.html'), '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('; aktual dan proyeksi: 2 dari 3 baris yang memiliki target, seperti tonggaknya (tanpa target: Papua)');
  });

  it('every row with a target: the lines of every row, the title as before', async () => {
    const all = join(dir, 'all.csv');
    writeFileSync(all, 'province,year,period,participants,target\nAceh,2026,2025-12,600000,800000\nBali,2026,2025-12,900000,1200000\nPapua,2026,2025-12,300000,400000\n');
    const out = join(dir, 'all.html');
    const r = await run(['coverage', join(files, '*.csv'), '--targets', all, '--trend', '-o', out, '-q']);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    // 1,900,000, 1,925,000, 1,950,000: every province.
    expect(series(html, 'actual')).toBe('1900000 1925000 1950000');
    expect(html).not.toContain('actual and projection:');
  });
});
