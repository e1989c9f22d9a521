// Golden files for renderers: the report drawn, in one reviewable Markdown file per format and
// language (test/golden/render/<name>.md). UPDATE_GOLDEN=1 rewrites them; in CI a missing one fails.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { Rendered } from '../../src/render/context.js';
import { ROOT } from '../e2e/helpers.js';

export const text = (output: string | Uint8Array): string => (typeof output === 'string' ? output : Buffer.from(output).toString('utf8'));

export function expectRenderGolden(name: string, what: string, rendered: Rendered): void {
  const fence = '````';
  const parts = [`# render/${name}`, '', `Report: ${what}`, '', '## output', '', fence, text(rendered.output).replace(/\n$/, ''), fence, ''];
  if (rendered.notes.length > 0) parts.push('## notes', '', ...rendered.notes.map((n) => `- ${n.code}: ${n.en} / ${n.id}`), '');
  const body = parts.join('\n');
  const file = join(ROOT, 'test', 'golden', 'render', `${name}.md`);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI === 'true' && !existsSync(file)) throw new Error(`golden file ${file} is missing (run UPDATE_GOLDEN=1 npm run test:unit locally)`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
    return;
  }
  expect(body).toBe(readFileSync(file, 'utf8'));
}
