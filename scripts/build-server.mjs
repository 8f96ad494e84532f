// Compiles the server and the `retour` command (src/main.ts, src/cli/main.ts) into dist/server with
// esbuild: our own code in one bundle per entry (shared chunks split out), packages left to
// node_modules. `npm start` then runs plain JavaScript instead of compiling TypeScript at start.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const serverOut = join(root, 'dist/server');
const stamp = join(serverOut, 'main.js');

const newest = (path) => {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path, { withFileTypes: true }).reduce((max, e) => {
    if (e.isDirectory() && e.name === 'web') return max; // the UI is built by Vite into dist/web
    return Math.max(max, newest(join(path, e.name)));
  }, 0);
};

/** True when dist/server is missing or older than a source it is built from. */
export function serverStale() {
  if (!existsSync(stamp) || !existsSync(join(serverOut, 'cli.js'))) return true;
  const built = statSync(stamp).mtimeMs;
  const inputs = ['src', 'package.json', 'scripts/build-server.mjs'].map((p) => join(root, p));
  return inputs.some((p) => newest(p) > built);
}

/**
 * Builds in memory, then writes each file beside its place and renames it in, chunks before the
 * entries: a process starting meanwhile (two `retour` commands at once) never reads half a file.
 */
export async function buildServer() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/main.ts', cli: 'src/cli/main.ts' },
    outdir: serverOut,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    write: false,
    banner: { js: '// Built by scripts/build-server.mjs from src/: edit the TypeScript, not this file.' },
  });
  mkdirSync(serverOut, { recursive: true });
  const isEntry = (path) => /[/\\](main|cli)\.js$/.test(path);
  const files = [...result.outputFiles].sort((a, b) => Number(isEntry(a.path)) - Number(isEntry(b.path)));
  for (const file of files) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildServer();
  console.log(`Built dist/server in ${Math.round(performance.now() - started)} ms`);
}
