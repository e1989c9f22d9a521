// The last mile, review rv16, finding #1 (moved here from test/e2e/review-rv16.test.ts, unchanged): -o over
// a data file bundled with jamsostek is refused (exit 4), the file untouched. It runs the built CLI of a
// copy of the package (bin, dist, data) in nine processes, so that a failure cannot harm the checkout's
// data/: about 3 CPU-seconds, a twentieth of the quick suite's, for one finding. It failed on main 183975e.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tmp } from '../e2e/helpers.js';

describe('rv16 #1: -o over a data file bundled with jamsostek is refused (exit 4), the file untouched', () => {
  // On a copy of the package (bin, dist, data), so that a failure cannot harm the checkout's data/.
  const pkg = join(tmp(), 'pkg');
  mkdirSync(pkg);
  for (const part of ['bin', 'dist', 'data', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  const cli = (args: string[], cwd = pkg): { code: number; stderr: string } => {
    const r = spawnSync(process.execPath, [join(pkg, 'bin', 'jamsostek.js'), ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'C' } });
    return { code: r.status ?? -1, stderr: r.stderr };
  };
  // Each file by the command whose report would replace it in a checkout (the one the reviewer ran).
  const files: [string, string][] = [['baseline.csv', 'coverage'], ['targets.csv', 'breakdown'], ['actuals.csv', 'coverage'], ['provinces.csv', 'breakdown'], ['regencies.csv', 'coverage']];
  for (const [name, cmd] of files) {
    it(`${cmd} -o data/${name}`, () => {
      const before = readFileSync(join(pkg, 'data', name));
      const r = cli([cmd, '--year', '2024', '-q', '-o', `data/${name}`]);
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(`data/${name}: error: is data/${name}, a data file bundled with jamsostek`);
      expect(readFileSync(join(pkg, 'data', name)).equals(before)).toBe(true);
    });
  }
  it('another spelling of the path, a symlink to it, and one of two outputs: refused, nothing written', () => {
    const d = tmp();
    symlinkSync(join(pkg, 'data', 'baseline.csv'), join(d, 'link.csv'));
    const before = readFileSync(join(pkg, 'data', 'baseline.csv'));
    expect(cli(['coverage', '--year', '2024', '-q', '-o', join(d, 'link.csv')]).code).toBe(4);
    expect(cli(['coverage', '--year', '2024', '-q', '-o', './bin/../data/baseline.csv']).code).toBe(4);
    const both = cli(['coverage', '--year', '2024', '-q', '-o', join(d, 'fine.csv'), '-o', 'data/baseline.csv']);
    expect(both.code).toBe(4);
    expect(existsSync(join(d, 'fine.csv'))).toBe(false);
    expect(readFileSync(join(pkg, 'data', 'baseline.csv')).equals(before)).toBe(true);
  });
  it('in Indonesian', () => {
    const r = cli(['coverage', '--year', '2024', '-q', '--lang', 'id', '-o', 'data/baseline.csv']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('berkas data bawaan jamsostek');
  });
});
