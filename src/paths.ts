import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json, found by walking up from this module: the same answer whether
 * it runs as TypeScript from src/ (tsx, tests) or bundled into dist/server (npm start).
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return dir;
    if (dirname(dir) === dir) throw new Error(`Retour's folder (with package.json) not found above ${from}`);
  }
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
/** Generated SQL migrations, applied at start. */
export const migrationsDir = join(projectRoot, 'migrations');
/** The built web UI (Vite). */
export const webDistDir = join(projectRoot, 'dist', 'web');
