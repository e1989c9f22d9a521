// The output formats, by name: the one list. render/index.ts keys its renderers by it (`satisfies
// Record<Format, …>`, so a format cannot be half-added), the flag table offers it as the choices and
// completion words of --format, and -o picks a format from a file's extension in it. It imports nothing,
// so the flag table can use it without loading a renderer (the one import the lint rule lets options/
// make from render/).

export const FORMATS = ['table', 'csv', 'tsv', 'json', 'jsonl', 'md', 'xlsx', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** Formats that are bytes for a file rather than text for a terminal. */
export const BINARY_FORMATS: ReadonlySet<Format> = new Set(['xlsx']);
