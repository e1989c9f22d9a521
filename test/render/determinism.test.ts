// Identical inputs give byte-identical outputs in every format (issue 22: a monthly job diffs its
// outputs, and the workbook's zip entries used to carry the time of the run). Each format is rendered
// twice with the clock moved by a day and a half between, and in two time zones; then the CLI writes
// every format twice.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FORMATS, render, type Format } from '../../src/render/index.js';
import type { Report } from '../../src/report/model.js';
import { run } from '../e2e/helpers.js';
import { breakdownReport, coverageReport, ctx, forFormat, matrixReport } from './fixtures.js';

const bytes = (o: string | Uint8Array): Buffer => (typeof o === 'string' ? Buffer.from(o, 'utf8') : Buffer.from(o));
const draw = async (format: Format, report: Report): Promise<Buffer> => bytes((await render(format, forFormat(report, format), ctx('id'))).output);

afterEach(() => {
  vi.useRealTimers();
});

describe('the same report twice gives the same bytes', () => {
  it.each(FORMATS)('%s, with the clock moved between the two', async (format) => {
    for (const build of [breakdownReport, () => coverageReport({ notes: true }), matrixReport]) {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-01-05T06:00:00Z'));
      const first = await draw(format, build());
      vi.setSystemTime(new Date('2026-02-06T18:00:07Z'));
      const second = await draw(format, build());
      vi.useRealTimers();
      expect(second.equals(first), `${format} of ${build().kind}`).toBe(true);
    }
  });

  it('xlsx in two time zones', async () => {
    const before = process.env['TZ'];
    try {
      process.env['TZ'] = 'UTC';
      const utc = await draw('xlsx', coverageReport());
      process.env['TZ'] = 'Asia/Jakarta';
      const wib = await draw('xlsx', coverageReport());
      expect(wib.equals(utc)).toBe(true);
    } finally {
      if (before === undefined) delete process.env['TZ'];
      else process.env['TZ'] = before;
    }
  });
});

describe('the CLI writes every format twice the same', () => {
  it('breakdown --year 2024 --by province,segment -o report.<format> for every file format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jamsostek-twice-'));
    const formats = FORMATS.filter((f) => f !== 'table');
    const outputs = (round: number): string[] => formats.map((f) => join(dir, `r${round}.${f}`));
    for (const round of [1, 2]) {
      const r = await run(['breakdown', '--year', '2024', '--by', 'province,segment', '--quiet', ...outputs(round).flatMap((o) => ['-o', o])]);
      expect(r.code, r.stderr).toBe(0);
    }
    formats.forEach((f, i) => expect(readFileSync(outputs(2)[i]!).equals(readFileSync(outputs(1)[i]!)), f).toBe(true));
  });
});
