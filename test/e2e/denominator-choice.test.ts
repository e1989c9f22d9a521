// Review rv21 G and H3: --denominator participants made the report's own count its base (coverage
// 100 % everywhere, exit 0, not a word); --denominator province said "has no column province / did you
// mean province?". Both are refused before any file is read (exit 2), saying why.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const f1 = join(dir, 'f1.csv');
writeFileSync(f1, 'province,workforce,participants\nAceh,1000,400\nBali,1000,500\n');

describe('rv21 G: a denominator that is not a workforce', () => {
  it('--denominator participants: refused, exit 2, nothing on stdout', async () => {
    const r = await run(['coverage', f1, '--denominator', 'participants', '-q', '-f', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: --denominator participants: the participants column cannot be the denominator');
    expect(r.stderr).toContain('participants ÷ participants = 100 % everywhere');
    expect(r.stderr).toContain('hint: name a workforce column instead: employed, potential_workers, workforce');
    const id = await run(['coverage', f1, '--denominator', 'participants', '--lang', 'id']);
    expect(id.stderr).toContain('kolom participants tidak dapat menjadi penyebut');
  });

  it('its aliases, a segment\'s participants and the target too; in --compare and the config file', async () => {
    for (const name of ['peserta_aktif', 'participants_pu', 'target']) {
      const r = await run(['coverage', f1, '--denominator', name]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toContain(`--denominator ${name}: the ${name} column cannot be the denominator`);
    }
    const c = await run(['breakdown', '--year', '2026', '--compare', 'denominator=employed,participants', '-f', 'csv']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('participants: the participants column cannot be the denominator');
    writeFileSync(join(dir, 'jamsostek.json'), '{"denominator":"participants"}');
    const cfg = await run(['coverage', f1], { cwd: dir });
    expect(cfg.code).toBe(2);
    expect(cfg.stderr).toContain('jamsostek.json:1:16: error: config "denominator" participants: the participants column cannot be the denominator');
    rmSync(join(dir, 'jamsostek.json'));
  });

  it('a key column (H3): "is a key column, not a number column", not "has no column … did you mean" itself', async () => {
    for (const [name, key] of [['province', 'province'], ['Provinsi', 'province'], ['kode_provinsi', 'province'], ['period', 'period'], ['segment', 'segment']]) {
      const r = await run(['coverage', f1, '--denominator', name!]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toContain(`error: --denominator ${name}: "${name}" is a key column (${key}), not a number column`);
      expect(r.stderr, name).not.toContain('did you mean');
    }
  });

  it('a workforce column is taken as before (by hand: 400 / 1000, 500 / 1000, 900 / 2000)', async () => {
    const r = await run(['coverage', f1, '--denominator', 'workforce', '-q', '-f', 'csv', '--fields', 'province,coverage']);
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).map((x) => [x['province'], x['coverage']])).toEqual([['Aceh', '0.4'], ['Bali', '0.5'], ['Total', '0.45']]);
  });
});
