// Writes precompressed `.gz` and `.br` copies next to every text asset in the build
// output, so the server can send them as they are instead of compressing per request.
// Usage: node scripts/compress.mjs [dir]   (default: dist)
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, extname, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const EXTENSIONS = new Set(['.js', '.css', '.html', '.svg', '.json']);
const MIN_BYTES = 1024;

const root = process.argv[2] ?? 'dist';

async function* walk(directory) {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      yield* walk(path);
    } else if (entry.isFile()) {
      yield path;
    }
  }
}

let files = 0;
let original = 0;
let gzipped = 0;
let brotlied = 0;
for await (const path of walk(root)) {
  if (!EXTENSIONS.has(extname(path))) {
    continue;
  }
  const { size } = await stat(path);
  if (size <= MIN_BYTES) {
    continue;
  }
  const content = await readFile(path);
  const gz = gzipSync(content, { level: 9 });
  const br = brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: size,
    },
  });
  await writeFile(`${path}.gz`, gz);
  await writeFile(`${path}.br`, br);
  files += 1;
  original += size;
  gzipped += gz.length;
  brotlied += br.length;
  if (process.env.COMPRESS_VERBOSE) {
    console.log(`${relative(root, path)}: ${size} -> gz ${gz.length}, br ${br.length}`);
  }
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(
  `compressed ${files} files in ${root}: ${kib(original)} -> gzip ${kib(gzipped)}, brotli ${kib(brotlied)}`,
);
