// What the tool imports when it runs must be a dependency of the package, not a dev dependency nor
// something another package happens to bring: an `npm install jamsostek` installs only dependencies.
// (fflate, the zip of the xlsx writer, was a dev dependency that write-excel-file also brought.)
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/helpers.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** The package a bare specifier names (`hyparquet/src/convert.js` → hyparquet, `@a/b/c` → @a/b). */
function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

describe('runtime imports', () => {
  it('every package that src/ imports (statically or lazily, not as a type) is a dependency', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const builtin = new Set(builtinModules);
    const missing: string[] = [];
    for (const file of sources(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      const specs = [...text.matchAll(/^import (?!type )[^;]*? from '([^']+)'/gm), ...text.matchAll(/\bimport\('([^']+)'\)/g)].map((m) => m[1]!);
      for (const spec of specs) {
        if (spec.startsWith('.') || spec.startsWith('node:') || builtin.has(spec)) continue;
        const name = packageOf(spec);
        if (!Object.hasOwn(pkg.dependencies, name)) missing.push(`${relative(ROOT, file)}: ${spec}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
