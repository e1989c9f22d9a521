// The dependency rule holds in every subfolder: ESLint (through its Node API, with the project's own
// eslint.config.js) is given source text as if it were a file at a path under src/, and must report an
// import that breaks the rule however deep the importing file is — and accept the imports the rule allows.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/helpers.js';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The rules that `code`, as the file `path` (under the repository), breaks. */
async function broken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result!.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('the dependency rule, at any depth', () => {
  it.each([
    ['src/io/extract/fixture.ts', "import { renderCsv } from '../../render/csv.js';\nexport const x = renderCsv;\n", 'src/io may not import src/render/csv'],
    ['src/io/fixture.ts', "import { renderCsv } from '../render/csv.js';\nexport const x = renderCsv;\n", 'src/io may not import src/render/csv'],
    ['src/io/extract/fixture.ts', "export * from '../../report/model.js';\n", 'src/io may not import src/report/model'],
    ['src/io/extract/fixture.ts', "export const load = () => import('../../app/session.js');\n", 'src/io may not import src/app/session'],
    ['src/core/allocation/fixture.ts', "import { loadTable } from '../../io/load.js';\nexport const x = loadTable;\n", 'src/core may not import src/io/load'],
    ['src/core/allocation/fixture.ts', "import type { Problem } from '../../errors.js';\nexport type X = Problem;\n", 'src/core may not import src/errors'],
    ['src/core/coverage/deeper/fixture.ts', "import { main } from '../../../cli.js';\nexport const x = main;\n", 'src/core may not import src/cli'],
    ['src/render/parts/fixture.ts', "import { aggregate } from '../../core/table.js';\nexport const x = aggregate;\n", 'src/render may not import src/core/table'],
    ['src/options/fixture.ts', "import { render } from '../render/index.js';\nexport const x = render;\n", 'src/options may not import src/render/index'],
    ['src/commands/fixture.ts', "import { run } from './coverage.js';\nexport const x = run;\n", 'src/commands may not import src/commands/coverage'],
    ['src/commands/fixture.ts', "import { main } from '../cli.js';\nexport const x = main;\n", 'src/commands may not import src/cli'],
  ])('%s: %s is refused', async (path, code, message) => {
    const errors = await broken(path, code);
    expect(errors.some((e) => e.startsWith('jamsostek/layers:') && e.includes(message)), errors.join('\n')).toBe(true);
  });

  it.each([
    ['src/io/extract/fixture.ts', "import { aggregate } from '../../core/table.js';\nimport { InputError } from '../../errors.js';\nimport { clip } from '../csv-rows.js';\nexport const x = [aggregate, InputError, clip];\n"],
    ['src/core/allocation/fixture.ts', "import { aggregate } from '../table.js';\nimport { allocate } from './apportion.js';\nexport const x = [aggregate, allocate];\n"],
    ['src/render/fixture.ts', "import type { Report } from '../report/model.js';\nexport type X = Report;\n"],
    ['src/options/fixture.ts', "import { FORMATS } from '../render/output-formats.js';\nexport const x = FORMATS;\n"],
    ['src/commands/fixture.ts', "import { openSession } from '../app/session.js';\nexport const x = openSession;\n"],
  ])('%s: allowed imports pass', async (path, code) => {
    expect((await broken(path, code)).filter((e) => e.startsWith('jamsostek/layers'))).toEqual([]);
  });

  it('the core stays free of Node APIs in its subfolders too', async () => {
    expect(await broken('src/core/allocation/fixture.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*src\/core is pure: no Node APIs/),
    ]);
  });
});
