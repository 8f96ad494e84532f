// Builds the web UI when dist/web is missing or older than its sources, so `npm start` needs no build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';

const out = 'dist/web/index.html';
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
const stale =
  !existsSync(out) ||
  newest('src/web') > statSync(out).mtimeMs ||
  statSync('vite.config.ts').mtimeMs > statSync(out).mtimeMs;
if (stale) {
  console.log('Building the web UI…');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
