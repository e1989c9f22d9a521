// Files of the package by their path from its root. This module sits two folders below the root
// wherever it runs: src/io (tests), dist/io (the library), dist/cli (the command line's bundle, see
// scripts/bundle-cli.mjs). Keep it there: moving it breaks every path below.

/** `path` from the package's root, e.g. `data/baseline.csv`. */
export function packageUrl(path: string): URL {
  return new URL(`../../${path}`, import.meta.url);
}

/**
 * A worker's module: always the compiled one in dist/ (tests run the sources, where no .js sits beside
 * them, and npm test builds before it runs them; the bundle of the command line starts the same file).
 */
export function workerUrl(distPath: string): URL {
  return packageUrl(`dist/${distPath}`);
}
