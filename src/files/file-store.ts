import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';

export interface StoredFile {
  /** Where the bytes are, relative to the store: `ab/<sha256>`. */
  storageKey: string;
  sha256: string;
  sizeBytes: number;
}

export interface StoredEntry {
  storageKey: string;
  modifiedAt: Date;
}

/**
 * Evidence bytes outside the database, content-addressed by SHA-256: the same bytes are stored
 * once. Writes go to a temp file that is fsynced and renamed into place, so a reader never sees
 * half a file and a crash leaves at most a temp file (swept by `sweepTemp`).
 */
export interface FileStore {
  put(bytes: Uint8Array): Promise<StoredFile>;
  /** A web stream of the bytes; throws ENOENT when they are gone. */
  read(storageKey: string): Promise<ReadableStream<Uint8Array>>;
  exists(storageKey: string): Promise<boolean>;
  remove(storageKey: string): Promise<void>;
  /** Every stored file, for the orphan sweep. */
  list(): AsyncIterable<StoredEntry>;
  /** Removes temp files older than `olderThan` (left by crashed writes). */
  sweepTemp(olderThan: Date): Promise<number>;
}

const keyPattern = /^[0-9a-f]{2}\/[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function storageKeyOf(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256}`;
}

/** The file store on disk in `dir` (config.filesDir). */
export function diskFileStore(dir: string): FileStore {
  const tmpDir = join(dir, 'tmp');
  const pathOf = (storageKey: string) => {
    // Keys come from our own rows, but a path never leaves the store whatever it holds.
    if (!keyPattern.test(storageKey)) throw new Error(`not a storage key: ${storageKey}`);
    return join(dir, storageKey);
  };

  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const storageKey = storageKeyOf(sha256);
      const target = pathOf(storageKey);
      await mkdir(tmpDir, { recursive: true });
      await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
      const temp = join(tmpDir, `${sha256}.${randomBytes(6).toString('hex')}`);
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        // Renaming over an existing copy is atomic and refreshes its age for the orphan sweep.
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      return { storageKey, sha256, sizeBytes: bytes.byteLength };
    },

    async read(storageKey) {
      const path = pathOf(storageKey);
      await stat(path); // fail early (ENOENT) rather than mid-response
      return Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
    },

    async exists(storageKey) {
      try {
        await stat(pathOf(storageKey));
        return true;
      } catch {
        return false;
      }
    },

    async remove(storageKey) {
      try {
        await unlink(pathOf(storageKey));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    },

    async *list() {
      let fans: string[];
      try {
        fans = await readdir(dir);
      } catch {
        return;
      }
      for (const fan of fans) {
        if (!/^[0-9a-f]{2}$/.test(fan)) continue;
        for (const name of await readdir(join(dir, fan))) {
          const storageKey = `${fan}/${name}`;
          if (!keyPattern.test(storageKey)) continue;
          const info = await stat(join(dir, storageKey)).catch(() => null);
          if (info) yield { storageKey, modifiedAt: info.mtime };
        }
      }
    },

    async sweepTemp(olderThan) {
      let names: string[];
      try {
        names = await readdir(tmpDir);
      } catch {
        return 0;
      }
      let removed = 0;
      for (const name of names) {
        const info = await stat(join(tmpDir, name)).catch(() => null);
        if (info && info.mtime < olderThan) {
          await rm(join(tmpDir, name), { force: true });
          removed += 1;
        }
      }
      return removed;
    },
  };
}
