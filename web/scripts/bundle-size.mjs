// Reports the JavaScript a first visit downloads before the app can start: the scripts
// and module preloads named by dist/index.html, gzip-compressed. Fails over the budget.
// Usage: node scripts/bundle-size.mjs [dist] [budget-kB]   (defaults: dist, 250)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const budgetKilobytes = Number(process.argv[3] ?? 250);

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const scripts = new Set();
for (const match of html.matchAll(/<(script|link)\b[^>]*>/g)) {
  const tag = match[0];
  const isScript = match[1] === 'script' || /rel="modulepreload"/.test(tag);
  const source = /(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1];
  if (isScript && source !== undefined) {
    scripts.add(source.replace(/^\//, ''));
  }
}

let total = 0;
for (const script of scripts) {
  const size = gzipSync(readFileSync(join(dist, script)), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1000).toFixed(1).padStart(7)} kB  ${script}`);
}
const kilobytes = total / 1000;
console.log(`initial JS: ${kilobytes.toFixed(1)} kB gzipped (budget ${budgetKilobytes} kB)`);
if (scripts.size === 0 || kilobytes > budgetKilobytes) {
  console.error(scripts.size === 0 ? 'index.html names no script' : 'over budget');
  process.exit(1);
}
