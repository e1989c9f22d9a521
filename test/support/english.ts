// English words that must not be left in an Indonesian message. Quoted values, flag names (--lang),
// paths and the places and keywords of a diagnostic (file:line:column: error:, hint:) are not words of
// the message and are skipped.

const ENGLISH = [
  'the', 'is', 'are', 'not', 'expected', 'found', 'missing', 'file', 'files', 'column', 'columns', 'row', 'rows',
  'field', 'fields', 'line', 'cannot', 'must', 'should', 'unknown', 'empty', 'number', 'value', 'values', 'with',
  'and', 'or', 'of', 'to', 'in', 'at', 'for', 'no', 'has', 'have', 'was', 'did', 'you', 'mean', 'pass', 'write',
  'give', 'check', 'more', 'problems', 'listed', 'only', 'one', 'each', 'every', 'names', 'use', 'e.g',
  'than', 'below', 'above', 'output', 'standard', 'report', 'written', 'refusing', 'such', 'twice', 'but',
];
const BANNED = new Set(ENGLISH);

/** English words left in Indonesian text (stderr lines, or a message), each with its line. */
export function englishLeft(text: string): string[] {
  const left: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw
      .replace(/^.*?(error|warning|note|catatan|peringatan): /, '')
      .replace(/^\s*hint: /, '')
      .replace(/"(?:[^"\\]|\\.)*"|'[^']*'|`[^`]*`/g, ' ')
      .replace(/(^|\s)--?[\w-]+(=\S*)?/g, ' ')
      .replace(/\S*[/\\]\S*|\S+\.(csv|json|xlsx|tsv|html|md)\b/g, ' ');
    for (const w of line.toLowerCase().split(/[^a-z.]+/)) {
      const word = w.replace(/^\.+|\.+$/g, '');
      if (BANNED.has(word)) left.push(`${word} (in: ${raw})`);
    }
  }
  return left;
}
