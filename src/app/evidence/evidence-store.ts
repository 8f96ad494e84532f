import type { AppDeps } from '../deps.ts';
import type { Tx } from '../../db/client.ts';
import { countByStorageKey, lockContent } from '../../db/repositories/evidence.ts';
import { diskFileStore, type FileStore } from '../../files/file-store.ts';

export const defaultMaxUploadBytes = 10 * 1024 * 1024;

/** The evidence file store of this installation (stateless: cheap to make per call). */
export function evidenceStore(deps: AppDeps): FileStore {
  return diskFileStore(deps.config.filesDir);
}

/** A storage key is `ab/<sha256>`. */
export const shaOfKey = (storageKey: string) => storageKey.slice(3);

/**
 * Inside a transaction that holds the content lock: unlinks the bytes when no evidence row refers
 * to them any more. Called as the last step before commit, so a concurrent upload of the same
 * bytes (which needs the lock) either came before and keeps the file, or comes after and rewrites it.
 */
export async function unlinkIfUnreferenced(tx: Tx, store: FileStore, storageKey: string): Promise<boolean> {
  if ((await countByStorageKey(tx, storageKey)) > 0) return false;
  await store.remove(storageKey);
  return true;
}

/** Takes the content lock in its own transaction and unlinks unreferenced bytes (orphan cleanup). */
export async function cleanUpContent(deps: AppDeps, store: FileStore, storageKey: string): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    await lockContent(tx, shaOfKey(storageKey));
    return unlinkIfUnreferenced(tx, store, storageKey);
  });
}
