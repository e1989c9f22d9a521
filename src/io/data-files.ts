import { fileURLToPath } from 'node:url';

/** Path of a bundled file in data/ (works from src/ under tests and from dist/ when installed). */
export function dataPath(name: string): string {
  return fileURLToPath(new URL(`../../data/${name}`, import.meta.url));
}
