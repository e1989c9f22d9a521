// The last mile, review rv16 (terminal, laptop, cron): each finding fixed has its case here, which failed
// on main 183975e. Numbers are worked by hand in the comments.
import { describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const D = tmp();

describe('rv16 #2: --denominator in its Indonesian or header spelling names the input\'s own column', () => {
  // Gorontalo 259,626 of the file's 500,000 = 0.519252; the bundled baseline's 422,934 would give 0.613868.
  const pp = writeIn(D, 'pp.csv', 'periode,provinsi,potensi_pekerja,peserta_aktif\n2024-06,Gorontalo,500000,259626\n2024-06,Aceh,1000000,583638\n');
  const wf = writeIn(D, 'wf.csv', 'period,province,potential_workers\n2024-06,Gorontalo,999999\n2024-06,Aceh,1999999\n');
  for (const spelling of ['potensi_pekerja', 'Potensi Pekerja']) {
    it(`--denominator "${spelling}": the file's figures, and no warning about the bundled baseline`, async () => {
      const r = await run(['coverage', pp, '--denominator', spelling, '-q', '-f', 'csv']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const g = csvRows(r.stdout).find((x) => x.province === 'Gorontalo')!;
      expect(g.denominator).toBe('500000');
      expect(g.coverage).toBe('0.519252');
    });
    it(`--denominator "${spelling}" with --workforce: refused, as with the English name`, async () => {
      const r = await run(['coverage', pp, '--denominator', spelling, '--workforce', wf, '-q', '-f', 'csv']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--workforce would have no effect');
      expect(r.stdout).toBe('');
    });
  }
});
