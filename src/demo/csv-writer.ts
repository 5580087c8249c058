/**
 * Writing police.uk-style CSV: fields quoted only when they must be (a comma, quote or line break
 * inside, RFC 4180), LF line endings, and large buffered writes so that generating millions of
 * rows is bound by the CPU, not by one system call per row. Two buffers alternate: one is filled
 * while the other is being written.
 */
import { open, type FileHandle } from 'node:fs/promises';

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

export const DEFAULT_BUFFER_BYTES = 4 * 1024 * 1024;

/** Buffers of closed writers, reused: allocating 8 MiB per file would dominate small files. */
const pool = new Map<number, Buffer[]>();
const POOL_LIMIT = 4;

function takeBuffer(size: number): Buffer {
  return pool.get(size)?.pop() ?? Buffer.allocUnsafe(size);
}

function giveBuffer(buffer: Buffer): void {
  const list = pool.get(buffer.length) ?? [];
  if (list.length < POOL_LIMIT) list.push(buffer);
  pool.set(buffer.length, list);
}

export class BufferedFileWriter {
  /** The buffer being filled; callers may write bytes into it directly up to `limit`. */
  chunk: Buffer;
  pos = 0;
  readonly limit: number;
  private spare: Buffer;
  private pending: Promise<unknown> = Promise.resolve();
  bytesWritten = 0;

  private constructor(
    private readonly handle: FileHandle,
    bufferBytes: number,
  ) {
    this.chunk = takeBuffer(bufferBytes);
    this.spare = takeBuffer(bufferBytes);
    this.limit = bufferBytes;
  }

  static async create(path: string, bufferBytes: number = DEFAULT_BUFFER_BYTES): Promise<BufferedFileWriter> {
    return new BufferedFileWriter(await open(path, 'w'), bufferBytes);
  }

  /** Room left in the current buffer. */
  get free(): number {
    return this.limit - this.pos;
  }

  /** Appends text (UTF-8), flushing first when it would not fit. */
  async write(text: string): Promise<void> {
    const bytes = Buffer.byteLength(text);
    if (bytes > this.free) await this.flush();
    if (bytes > this.limit) {
      await this.pending;
      const buffer = Buffer.from(text);
      await writeAll(this.handle, buffer, buffer.length);
      this.bytesWritten += bytes;
      return;
    }
    this.pos += this.chunk.write(text, this.pos);
  }

  /** Starts writing the filled buffer and switches to the other one (waiting if it is still busy). */
  async flush(): Promise<void> {
    if (this.pos === 0) return;
    await this.pending;
    const full = this.chunk;
    const length = this.pos;
    this.pending = writeAll(this.handle, full, length);
    this.bytesWritten += length;
    this.chunk = this.spare;
    this.spare = full;
    this.pos = 0;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.pending;
    await this.handle.close();
    giveBuffer(this.chunk);
    giveBuffer(this.spare);
  }
}

async function writeAll(handle: FileHandle, buffer: Buffer, length: number): Promise<void> {
  let offset = 0;
  while (offset < length) {
    const { bytesWritten } = await handle.write(buffer, offset, length - offset);
    offset += bytesWritten;
  }
}
