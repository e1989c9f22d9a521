// The package as a user gets it: packed with `npm pack`; installed into a fresh TypeScript project,
// type-checked with --strict against the shipped .d.ts files, and run; and installed as a command the
// way the README's monthly job does (npm install -g from the tarball), without a warning.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tmp } from '../e2e/helpers.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** `npm pack` of the built checkout (dist/ as `npm run build` left it) into a fresh folder: the tarball's path. */
function pack(): string {
  const dir = tmp();
  execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, stdio: 'pipe' });
  return join(dir, `jamsostek-${version}.tgz`);
}

describe('the tarball', () => {
  it('ships the licence, the built code, the data and the man page, and no install script', () => {
    const tarball = pack();
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(files).toContain('package/LICENSE');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    for (const f of ['package/bin/jamsostek.js', 'package/dist/cli.js', 'package/dist/cli/cli.cjs', 'package/dist/index.d.ts', 'package/data/baseline.csv', 'package/man/jamsostek.1']) expect(files).toContain(f);
    expect(files.filter((f) => f.startsWith('package/src/') || f.startsWith('package/test/'))).toEqual([]);
    // npm 11.16+ lists the install scripts of a package installed from a file, a git repository or a
    // link (preinstall, install, postinstall, and prepare) as 'not yet covered by allowScripts', and
    // npm 12 is to refuse to run them: the published package.json has none.
    const scripts = (JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as { scripts?: Record<string, string> }).scripts ?? {};
    expect(Object.keys(scripts).filter((s) => ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare', 'prepublish'].includes(s))).toEqual([]);
  });

  it("installs as a command with npm install -g, as the README's monthly job does: no warning, and it runs", () => {
    const tarball = pack();
    const prefix = join(tmp(), 'global');
    const r = spawnSync(npm, ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const out = spawnSync(join(prefix, 'bin', 'jamsostek'), ['breakdown', '--year', '2024', '-f', 'csv', '--quiet'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C' } });
    expect(out.status, out.stderr).toBe(0);
    const rows = out.stdout.trim().split('\n');
    expect(rows).toHaveLength(1 + 38 + 1);
    expect(rows.at(-1)).toMatch(/,50000000,/);
    // An Excel report needs the zip package (fflate): a dependency of its own, not one that a dev
    // dependency happened to bring.
    const xlsx = join(tmp(), 'breakdown.xlsx');
    const excel = spawnSync(join(prefix, 'bin', 'jamsostek'), ['breakdown', '--year', '2024', '-o', xlsx, '--quiet'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C' } });
    expect(excel.status, excel.stderr).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('the library from a packed tarball', () => {
  it('installs, type-checks with --strict and gives exact results', () => {
    const dir = tmp();
    const tarball = pack();
    const app = join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: app, stdio: 'pipe' });
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', types: [], skipLibCheck: false, noEmit: false, outDir: 'out' }, include: ['main.ts'] }),
    );
    writeFileSync(
      join(app, 'main.ts'),
      `import { apportion, apportionMatrix, planBreakdown, planCoverage, loadTable, type AllocationSpec } from 'jamsostek';
const one: bigint[] = apportion([2560, 3315, 995, 5012], 20, { method: 'webster' });
const bounded: bigint[] = apportion([1n, 1n, 1n], 10n ** 15n, { method: 'hamilton', max: [10n ** 14n, null, null] });
const m: bigint[][] = apportionMatrix([[123, 45, 815], [912, 714, 414], [312, 255, 215]], { rowTotals: [5, 11, 4], columnTotals: [7, 5, 8], method: 'sainte-lague' });
const spec: AllocationSpec = { total: { value: 10n, source: 'demo' }, shape: { kind: 'flat', dim: 'unit' }, rule: { lower: { kind: 'none' }, upper: { kind: 'none' }, method: 'webster', mode: 'level', basis: { kind: 'equal' } } };
console.log(JSON.stringify({ one: one.map(String), bounded: bounded.map(String), m: m.map((r) => r.map(String)), fns: [typeof planBreakdown, typeof planCoverage, typeof loadTable], spec: spec.shape.kind }));
`,
    );
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], { cwd: app, stdio: 'pipe' });
    const out = JSON.parse(execFileSync(process.execPath, [join(app, 'out', 'main.js')], { cwd: app, encoding: 'utf8' }));
    expect(out.one).toEqual(['4', '6', '2', '8']);
    expect(out.bounded).toEqual(['100000000000000', '450000000000000', '450000000000000']);
    expect(out.m).toEqual([
      ['1', '0', '4'],
      ['4', '4', '3'],
      ['2', '1', '1'],
    ]);
    expect(out.fns).toEqual(['function', 'function', 'function']);
  }, 180_000);
});
