// Builds what `npm start` runs when it is missing or older than its sources: the web UI (Vite, into
// dist/web) and the server (esbuild, into dist/server). So `npm install && npm start` needs no build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { buildServer, serverStale } from './build-server.mjs';

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
if (serverStale()) {
  console.log('Building the server…');
  await buildServer();
}
