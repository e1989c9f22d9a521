// `--min participants` is the README's default written out ("min = today's participants"): on the
// bundled baseline DKI Jakarta (7,498,532 participants, 5,110,000 employed) is held at today by default,
// and was refused (exit 3, "lower bound … above its upper bound") when the default was spelled out, typed,
// from jamsostek.json, or under coverage --year (rv25 F10).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvRows, run, tmp, writeIn } from './helpers.js';

const dir = tmp();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--min participants behaves exactly as the default (rv25 F10)', () => {
  for (const args of [['breakdown', '--year', '2025'], ['coverage', '--year', '2025']]) {
    it(`${args.join(' ')}: the same report and the same notes`, async () => {
      const byDefault = await run([...args, '-f', 'csv']);
      const written = await run([...args, '--min', 'participants', '-f', 'csv']);
      expect(byDefault.code, byDefault.stderr).toBe(0);
      expect(written.code, written.stderr).toBe(0);
      expect(written.stdout).toBe(byDefault.stdout);
      expect(written.stderr).toBe(byDefault.stderr);
      expect(written.stderr).toContain("held at today's participants (already above the upper bound): DKI Jakarta");
      const jakarta = csvRows(written.stdout).find((r) => r.province === 'DKI Jakarta')!;
      expect(jakarta.target).toBe('7498532');
    });
  }

  it('from jamsostek.json too', async () => {
    const cfg = join(dir, 'min');
    mkdirSync(cfg, { recursive: true });
    writeIn(cfg, 'jamsostek.json', JSON.stringify({ min: 'participants' }));
    const r = await run(['breakdown', '--year', '2025', '-f', 'csv'], { cwd: cfg });
    expect(r.code, r.stderr).toBe(0);
    expect(csvRows(r.stdout).find((x) => x.province === 'DKI Jakarta')!.target).toBe('7498532');
  });

  it('a --min the user sets above the upper bound is still refused', async () => {
    const r = await run(['breakdown', '--year', '2025', '--mode', 'level', '--min', '6000000']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Aceh: its lower bound 6,000,000 (--min 6000000) is above its upper bound 2,450,000 (employed)');
  });
});
