// The dependency rule of docs/architecture.md as an ESLint rule, at any depth:
//
//   cli → commands → app → {options, io, core, report, render}; options → core; io → core;
//   report → core; render → report; core → nothing; no command imports another.
//
// Each relative import (import, export … from, import()) is resolved from the importing file to a path
// under src/, and the first folder of both paths (core, io, render, …; a file directly in src/ by its
// name: cli, errors, index) is looked up below. Patterns on the import text (`'../render/*'`) cannot
// do this: they see one folder of `../` and miss `../../render/x.js` from src/io/extract/.
import { dirname, relative, resolve, sep } from 'node:path';

/** What each layer may import (a layer, or one file: 'render/output-formats'). Layers not listed are free. */
export const ALLOWED = {
  core: ['core'],
  errors: ['core', 'errors'],
  // The names of the output formats are the one thing of render/ the flag table needs (its choices):
  // render/output-formats.ts is a list with no imports, so this brings nothing of the renderers along.
  options: ['core', 'errors', 'options', 'render/output-formats'],
  io: ['core', 'errors', 'io'],
  report: ['core', 'errors', 'report'],
  render: ['errors', 'render', 'report'],
  app: ['app', 'core', 'errors', 'io', 'options', 'render', 'report'],
  // 'commands' is not in its own list: a command never imports another command (shared work lives in app/).
  commands: ['app', 'core', 'errors', 'io', 'options', 'render', 'report'],
};

const WHY = {
  core: 'src/core is pure and depends on nothing outside src/core',
  errors: 'errors.ts is imported by every layer and imports only the core',
  options: 'options depend on the core only (and the list of output formats)',
  io: 'io depends on the core only',
  report: 'report depends on the core only',
  render: 'render draws the Report only',
  app: 'app is below the commands and the command table',
  commands: 'a command never imports another command or the command table (shared work lives in src/app)',
};

/** 'src/io/extract/x.ts' → { layer: 'io', file: 'io/extract/x' }; a file directly in src/ is its own layer. */
function place(srcRoot, path) {
  const rel = relative(srcRoot, path);
  if (rel === '' || rel.startsWith('..')) return undefined;
  const parts = rel.split(sep);
  const file = parts.join('/').replace(/\.(js|ts|mjs|cjs|mts|cts)$/, '');
  return { layer: parts.length === 1 ? file : parts[0], file };
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the dependency rule of docs/architecture.md, in every subfolder.' },
    schema: [],
    messages: { forbidden: '{{from}} may not import {{to}} ({{spec}}): {{why}}.' },
  },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const srcRoot = resolve(context.cwd ?? context.getCwd(), 'src');
    const from = place(srcRoot, filename);
    if (!from || !(from.layer in ALLOWED)) return {};
    const allowed = ALLOWED[from.layer];
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = place(srcRoot, resolve(dirname(filename), spec));
      const ok = to !== undefined && (allowed.includes(to.layer) || allowed.includes(to.file));
      if (ok) return;
      context.report({ node, messageId: 'forbidden', data: { from: `src/${from.layer}`, to: to ? `src/${to.file}` : spec, spec, why: WHY[from.layer] } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { layers: layersRule } };
