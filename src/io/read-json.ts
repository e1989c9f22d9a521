// JSON input: an array of objects, or an object with a `rows` array (as `breakdown -f json` writes).
// Syntax errors carry line:column (computed from the parser's offsets, not from JSON.parse messages).

import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { InputError, ProblemList, type Diagnostic } from '../errors.js';
import type { Cell } from './row-sink.js';
interface RawRow { readonly line: number; readonly values: Cell[]; readonly columns: number[]; readonly lines?: number[] }

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** Nesting depth outside strings; deep nesting is refused before parsing (no stack overflow). */
function maxDepth(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++;
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      if (++depth > limit) return i;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return -1;
}

export function parseJsonRows(
  text: string,
  file: string,
  options: { maxErrors: number; maxDepth: number },
): { header: string[]; headerColumns: number[]; rows: RawRow[] } {
  const starts = lineStarts(text);
  const tooDeep = maxDepth(text, options.maxDepth);
  if (tooDeep >= 0) {
    throw new InputError({ file, ...position(starts, tooDeep), message: `JSON nested deeper than ${options.maxDepth} levels` });
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !tree) {
    const list: Diagnostic[] = errors.slice(0, options.maxErrors).map((e) => ({
      file,
      ...position(starts, e.offset),
      message: `JSON syntax error: ${describeJsonError(printParseErrorCode(e.error))}`,
    }));
    throw new InputError(list.length ? list : [{ file, message: 'the file is not valid JSON' }]);
  }
  let array: Node | undefined = tree;
  if (tree.type === 'object') {
    const rowsProp = tree.children?.find((p) => p.children?.[0]?.value === 'rows');
    array = rowsProp?.children?.[1];
    if (!array) {
      throw new InputError({ file, line: 1, column: 1, message: 'expected an array of rows, or an object with a "rows" array', hint: 'e.g. [{"province": "Gorontalo", "participants": 256129}]' });
    }
  }
  if (array.type !== 'array') {
    throw new InputError({ file, ...position(starts, array.offset), message: `expected an array of rows, found ${array.type}` });
  }
  const header: string[] = [];
  const index = new Map<string, number>();
  const problems = new ProblemList(options.maxErrors);
  const rows: RawRow[] = [];
  for (const item of array.children ?? []) {
    const at = position(starts, item.offset);
    if (item.type !== 'object') {
      problems.add({ file, ...at, message: `$[${rows.length + problems.size}]: expected an object, found ${item.type}` });
      continue;
    }
    const values: Cell[] = [];
    const columns: number[] = [];
    const lines: number[] = [];
    for (const prop of item.children ?? []) {
      const key = String(prop.children?.[0]?.value);
      const valueNode = prop.children?.[1];
      if (!valueNode) continue;
      let k = index.get(key);
      if (k === undefined) {
        k = header.length;
        header.push(key);
        index.set(key, k);
      }
      const vp = position(starts, valueNode.offset);
      if (valueNode.type === 'object' || valueNode.type === 'array') {
        problems.add({ file, ...vp, message: `field "${key}": expected a number or text, found ${valueNode.type}` });
        continue;
      }
      if (values[k] !== undefined) {
        problems.add({ file, ...vp, message: `field "${key}" appears twice in one row` });
        continue;
      }
      values[k] = valueNode.value as Cell;
      columns[k] = vp.column;
      lines[k] = vp.line;
    }
    rows.push({ line: at.line, values, columns, lines });
  }
  if (problems.size) throw new InputError(problems.list());
  // Rows that lack a key get an explicit null, so that "missing" is visible downstream.
  for (const r of rows) {
    for (let k = 0; k < header.length; k++) {
      if (r.values[k] === undefined) {
        r.values[k] = null;
        r.columns[k] = 0;
        r.lines![k] = r.line;
      }
    }
  }
  return { header, headerColumns: header.map(() => 0), rows };
}

function describeJsonError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'property name expected',
    ValueExpected: 'value expected',
    ColonExpected: "':' expected",
    CommaExpected: "',' expected",
    CloseBraceExpected: "'}' expected",
    CloseBracketExpected: "']' expected",
    EndOfFileExpected: 'end of file expected',
    InvalidCommentToken: 'comments are not allowed',
    UnexpectedEndOfComment: 'unexpected end of comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unexpected end of number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character',
  };
  return words[code] ?? code;
}
