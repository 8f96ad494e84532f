import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/files/file-store.ts';
import { s3FileStore } from '../../src/files/s3-file-store.ts';
import { startS3Server, type S3Server } from '../s3-server.ts';

let s3: S3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3.close();
});

const text = (s: string) => new TextEncoder().encode(s);

describe('s3FileStore (against s3rver)', () => {
  it('stores by SHA-256 under the prefix, reads the same bytes back, lists it', async () => {
    const store = s3FileStore(s3.settings);
    const stored = await store.put(text('bewijs in de bucket'));
    expect(stored.sha256).toBe(sha256Hex(text('bewijs in de bucket')));
    expect(stored.storageKey).toBe(`${stored.sha256.slice(0, 2)}/${stored.sha256}`);
    expect(await new Response(await store.read(stored.storageKey)).text()).toBe('bewijs in de bucket');
    expect(await store.exists(stored.storageKey)).toBe(true);
    const again = await store.put(text('bewijs in de bucket'));
    expect(again.storageKey).toBe(stored.storageKey);
    const listed: string[] = [];
    for await (const entry of store.list()) {
      listed.push(entry.storageKey);
      expect(entry.modifiedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    }
    expect(listed).toContain(stored.storageKey);
    // Another installation's prefix in the same bucket sees none of it.
    const other = s3FileStore({ ...s3.settings, prefix: 'other/' });
    expect(await other.exists(stored.storageKey)).toBe(false);
  });

  it('removes files (twice is fine) and reads a missing file as ENOENT', async () => {
    const store = s3FileStore(s3.settings);
    const { storageKey } = await store.put(text('weg'));
    await store.remove(storageKey);
    await store.remove(storageKey);
    expect(await store.exists(storageKey)).toBe(false);
    await expect(store.read(storageKey)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses what is not a storage key', async () => {
    const store = s3FileStore(s3.settings);
    await expect(store.read('../../etc/passwd')).rejects.toThrow(/not a storage key/);
  });
});
