// The library as a user gets it: packed with `npm pack`, installed into a fresh TypeScript project,
// type-checked with --strict against the shipped .d.ts files, and run.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tmp } from '../e2e/helpers.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the library from a packed tarball', () => {
  it('installs, type-checks with --strict and gives exact results', () => {
    const dir = tmp();
    execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, stdio: 'pipe' });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const app = join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, tarball)], { cwd: app, stdio: 'pipe' });
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
