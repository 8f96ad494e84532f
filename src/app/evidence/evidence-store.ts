import type { AppDeps } from '../deps.ts';
import type { Tx } from '../../db/client.ts';
import { countByStorageKey, lockContent } from '../../db/repositories/evidence.ts';
import { diskFileStore, type FileStore } from '../../files/file-store.ts';
import { s3FileStore, type S3Settings } from '../../files/s3-file-store.ts';

export const defaultMaxUploadBytes = 10 * 1024 * 1024;

/** One S3 client per settings object: it keeps its connections. */
const s3Stores = new WeakMap<S3Settings, FileStore>();

/**
 * The evidence file store of this installation: an S3 bucket when configured (several instances
 * share it), else the data folder (one instance, or a shared volume).
 */
export function evidenceStore(deps: AppDeps): FileStore {
  const s3 = deps.config.s3;
  if (!s3) return diskFileStore(deps.config.filesDir);
  let store = s3Stores.get(s3);
  if (!store) {
    store = s3FileStore(s3);
    s3Stores.set(s3, store);
  }
  return store;
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
