// Prints the size of what the browser loads before the first page renders (the scripts and styles
// that dist/web/index.html references, plus their modulepreloads), raw and gzip, and the lazy chunks.
// Run after a build: `npm run build && npm run size`.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = 'dist/web';
if (!existsSync(join(root, 'index.html'))) {
  console.error('No dist/web/index.html: run `npm run build` first.');
  process.exit(1);
}
const html = readFileSync(join(root, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const sizeOf = (file) => {
  const bytes = readFileSync(join(root, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const rows = [...new Set(initial)].map(sizeOf);
const total = (list, ext) => list.filter((r) => r.file.endsWith(ext)).reduce((s, r) => s + r.gzip, 0);
for (const r of rows)
  console.log(`${r.file.padEnd(48)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)} gzip`);
console.log(`initial JS: ${kb(total(rows, '.js'))} gzip; initial CSS: ${kb(total(rows, '.css'))} gzip`);
const lazy = readdirSync(join(root, 'assets'))
  .map((f) => `assets/${f}`)
  .filter((f) => f.endsWith('.js') && !initial.includes(f))
  .map(sizeOf);
console.log(`lazy chunks: ${lazy.length}, ${kb(total(lazy, '.js'))} gzip in all; largest:`);
for (const r of lazy.sort((a, b) => b.gzip - a.gzip).slice(0, 5))
  console.log(`  ${r.file} ${kb(r.gzip)} gzip`);
