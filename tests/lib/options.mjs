// The command-line options every runner shares.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The repository's root folder.
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The value after `--name`, or `fallback`.
export function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

// The server binary under test (`--binary`, default the test build's).
export const binary = path.resolve(option('binary', 'build-test/atrium'));
