import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diskFileStore, sha256Hex } from './file-store.ts';

const dirs: string[] = [];
const newStore = () => {
  const dir = mkdtempSync(join(tmpdir(), 'retour-files-'));
  dirs.push(dir);
  return { dir, store: diskFileStore(dir) };
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const text = (s: string) => new TextEncoder().encode(s);

describe('diskFileStore', () => {
  it('stores by SHA-256 and reads the same bytes back', async () => {
    const { store } = newStore();
    const stored = await store.put(text('bewijs'));
    expect(stored.sha256).toBe(sha256Hex(text('bewijs')));
    expect(stored.storageKey).toBe(`${stored.sha256.slice(0, 2)}/${stored.sha256}`);
    expect(stored.sizeBytes).toBe(6);
    const back = await new Response(await store.read(stored.storageKey)).text();
    expect(back).toBe('bewijs');
  });

  it('stores the same bytes once and leaves no temp files', async () => {
    const { dir, store } = newStore();
    const [a, b] = await Promise.all([store.put(text('zelfde')), store.put(text('zelfde'))]);
    expect(a?.storageKey).toBe(b?.storageKey);
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
    const keys: string[] = [];
    for await (const entry of store.list()) keys.push(entry.storageKey);
    expect(keys).toEqual([a?.storageKey]);
  });

  it('removes files, and removing twice is fine', async () => {
    const { store } = newStore();
    const { storageKey } = await store.put(text('weg'));
    await store.remove(storageKey);
    await store.remove(storageKey);
    expect(await store.exists(storageKey)).toBe(false);
    await expect(store.read(storageKey)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each([
    { case: 'a path escape', key: '../../etc/passwd' },
    { case: 'an absolute path', key: '/etc/passwd' },
    { case: 'a short name', key: 'ab/cd' },
  ])('refuses $case as a storage key', async ({ key }) => {
    const { store } = newStore();
    await expect(store.read(key)).rejects.toThrow(/not a storage key/);
  });

  it('sweeps only old temp files', async () => {
    const { dir, store } = newStore();
    mkdirSync(join(dir, 'tmp'), { recursive: true });
    writeFileSync(join(dir, 'tmp', 'old'), 'x');
    writeFileSync(join(dir, 'tmp', 'new'), 'x');
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(dir, 'tmp', 'old'), past, past);
    expect(await store.sweepTemp(new Date(Date.now() - 3_600_000))).toBe(1);
    expect(readdirSync(join(dir, 'tmp'))).toEqual(['new']);
  });
});
