// Machine formats are contracts (README, "Output formats"): fractions and percentage points with at most
// 6 decimals.
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/index.js';
import type { Report } from '../../src/report/model.js';
import { ctx } from './fixtures.js';
import { text } from './golden.js';

const report: Report = {
  kind: 'coverage',
  title: { en: 't', id: 't' },
  columns: [
    { key: 'province', label: { en: 'province', id: 'provinsi' }, kind: 'text' },
    { key: 'coverage', label: { en: 'coverage', id: 'cakupan' }, kind: 'pct' },
    { key: 'coverage_change_pp', label: { en: 'change', id: 'perubahan' }, kind: 'points' },
  ],
  rows: [{ values: { province: 'Gorontalo', coverage: 0.605612345678, coverage_change_pp: 0.123456789012345 } }, { values: { province: 'Aceh', coverage: 0.2, coverage_change_pp: -1.1799999999999997 } }],
  meta: {},
};

describe('decimals in machine formats', () => {
  it.each(['csv', 'tsv', 'jsonl'] as const)('%s: percentage points to 6 decimals, like fractions', async (format) => {
    const out = text((await render(format, report, ctx('en'))).output);
    expect(out).toContain('0.605612');
    expect(out).toContain('0.123457');
    expect(out).toContain('-1.18');
    expect(out).not.toMatch(/\d\.\d{7}/);
  });
});
