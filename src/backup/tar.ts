import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';

/**
 * The few parts of POSIX ustar that a backup needs: regular files with short names, written one
 * after another to a stream and read back the same way. Any `tar` reads the archive
 * (`tar -tzf backup.tar.gz`); this is not a general tar library.
 */
const block = 512;

/** Writes one file entry (header, bytes, padding); waits when the stream asks for it. */
export async function writeTarEntry(out: Writable, name: string, bytes: Uint8Array): Promise<void> {
  const header = Buffer.alloc(block);
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new Error(`tar entry name too long: ${name}`);
  nameBytes.copy(header, 0);
  header.write('0000644\0', 100, 'ascii'); // mode
  header.write('0000000\0', 108, 'ascii'); // uid
  header.write('0000000\0', 116, 'ascii'); // gid
  header.write(`${bytes.byteLength.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  header.write(
    `${Math.floor(Date.now() / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
    'ascii',
  );
  header.write('        ', 148, 'ascii'); // checksum, counted as spaces
  header.write('0', 156, 'ascii'); // a regular file
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  await write(out, header);
  await write(out, bytes);
  const padding = (block - (bytes.byteLength % block)) % block;
  if (padding) await write(out, Buffer.alloc(padding));
}

/** The end of the archive: two empty blocks. */
export async function endTar(out: Writable): Promise<void> {
  await write(out, Buffer.alloc(block * 2));
}

async function write(out: Writable, bytes: Uint8Array): Promise<void> {
  // A stream that failed (disk full, folder gone) never drains: stop with its error instead.
  if (out.destroyed) throw out.errored ?? new Error('The archive could not be written.');
  if (!out.write(bytes)) await once(out, 'drain');
}

export interface TarEntry {
  name: string;
  bytes: Buffer;
}

/** The file entries of an archive in order; throws on a damaged or cut-off archive. */
export async function* readTar(input: Readable): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(input[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
  for (;;) {
    const header = await reader.read(block);
    if (!header) throw new Error('The archive ends without its end marker: it is incomplete.');
    if (header.every((byte) => byte === 0)) return;
    const stored = parseOctal(header.subarray(148, 156));
    let sum = 0;
    for (let i = 0; i < block; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
    if (stored !== sum) throw new Error('The archive is damaged (a header checksum does not match).');
    const name = cString(header.subarray(0, 100));
    const prefix = cString(header.subarray(345, 500));
    const size = parseOctal(header.subarray(124, 136));
    const type = String.fromCharCode(header[156] ?? 0);
    const bytes = await reader.read(size);
    if (!bytes) throw new Error(`The archive is incomplete: ${name} is cut off.`);
    const padding = (block - (size % block)) % block;
    if (padding && !(await reader.read(padding))) throw new Error('The archive is incomplete.');
    if (type === '0' || type === '\0') yield { name: prefix ? `${prefix}/${name}` : name, bytes };
  }
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}

function parseOctal(bytes: Buffer): number {
  const text = cString(bytes).trim();
  return text ? parseInt(text, 8) : 0;
}

/** Reads exact byte counts from a stream of chunks, without copying chunks more than once. */
class ByteReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private done = false;
  private readonly source: AsyncIterator<Buffer>;

  constructor(source: AsyncIterator<Buffer>) {
    this.source = source;
  }

  /** `n` bytes, or undefined when the stream ends first. */
  async read(n: number): Promise<Buffer | undefined> {
    while (this.buffered < n && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else {
        this.chunks.push(next.value);
        this.buffered += next.value.length;
      }
    }
    if (this.buffered < n) return undefined;
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.buffered = rest.length;
    return out;
  }
}
