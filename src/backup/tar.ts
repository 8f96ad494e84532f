import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import tar from 'tar-stream';

/**
 * The archive of a backup: regular file entries in a POSIX tar, written and read with tar-stream
 * (a well-kept library made for it); any `tar` lists the archive (`tar -tzf backup.tar.gz`).
 */
export type TarWriter = tar.Pack;

/** A tar written into `out` (a gzip stream, say) as entries are added. */
export function startTar(out: Writable): TarWriter {
  const pack = tar.pack();
  pack.on('error', (error) => out.destroy(error));
  pack.pipe(out); // ends `out` after the end marker
  return pack;
}

/** Adds one file entry; waits while `out` is full, and stops with its error when it failed. */
export async function writeTarEntry(
  pack: TarWriter,
  out: Writable,
  name: string,
  bytes: Uint8Array,
): Promise<void> {
  if (out.destroyed) throw out.errored ?? new Error('The archive could not be written.');
  await new Promise<void>((resolve, reject) =>
    pack.entry({ name, size: bytes.byteLength, mode: 0o644 }, Buffer.from(bytes), (error) =>
      error ? reject(error) : resolve(),
    ),
  );
  // A stream that failed (disk full, folder gone) never drains: stop with its error instead.
  while (out.writableNeedDrain && !out.destroyed) await once(out, 'drain');
  if (out.destroyed) throw out.errored ?? new Error('The archive could not be written.');
}

/** Ends the archive (its end marker) and with it `out`; waits until `out` has all of it. */
export async function endTar(pack: TarWriter, out: Writable): Promise<void> {
  pack.finalize();
  await once(pack, 'end');
  if (out.destroyed) throw out.errored ?? new Error('The archive could not be written.');
}

export interface TarEntry {
  name: string;
  bytes: Buffer;
}

/** The file entries of an archive in order; throws on a damaged or cut-off archive. */
export async function* readTar(input: Readable): AsyncGenerator<TarEntry> {
  const extract = tar.extract();
  input.on('error', (error) => extract.destroy(error));
  input.pipe(extract);
  try {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      if (entry.header.type === 'file') yield { name: entry.header.name, bytes: Buffer.concat(chunks) };
    }
  } catch (error) {
    throw new Error(
      `The archive is damaged or incomplete (${error instanceof Error ? error.message : String(error)}).`,
      { cause: error },
    );
  }
}
