// Golden files for renderers: the report drawn, in one reviewable Markdown file per format and
// language (test/golden/render/<name>.md). A missing one fails; UPDATE_GOLDEN=1 writes them
// (test/support/golden.ts).
import { join } from 'node:path';
import type { Rendered } from '../../src/render/context.js';
import { ROOT } from '../e2e/helpers.js';
import { expectGoldenFile } from '../support/golden.js';

export const text = (output: string | Uint8Array): string => (typeof output === 'string' ? output : Buffer.from(output).toString('utf8'));

export function expectRenderGolden(name: string, what: string, rendered: Rendered): void {
  const fence = '````';
  const parts = [`# render/${name}`, '', `Report: ${what}`, '', '## output', '', fence, text(rendered.output).replace(/\n$/, ''), fence, ''];
  if (rendered.notes.length > 0) parts.push('## notes', '', ...rendered.notes.map((n) => `- ${n.code}: ${n.en} / ${n.id}`), '');
  const body = parts.join('\n');
  expectGoldenFile(join(ROOT, 'test', 'golden', 'render', `${name}.md`), body);
}
