import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite does not stop a second process from opening the same data folder, which would corrupt it.
 * The server and the CLI hold this lock file (with their pid) while they use the folder.
 */
export function acquireDataDirLock(dataDir: string, holder: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'retour.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, holder }));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new Error(
          `The data folder ${dataDir} is in use by ${owner.holder} (pid ${owner.pid}). ` +
            'Stop it first, or use PostgreSQL (DATABASE_URL) to run both at once.',
          { cause: error },
        );
      }
      rmSync(path, { force: true }); // stale lock of a process that died
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}`);
}

function readOwner(path: string): { pid: number; holder: string } | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { pid: number; holder: string };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
