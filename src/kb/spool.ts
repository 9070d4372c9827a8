/** Sequential file writing and reading through a buffer: how a build streams tasks to disk instead of keeping them. */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

const CHUNK = 1 << 20;

/** Writes a file front to back; `pos` is the number of bytes written so far. */
export class FileWriter {
  pos = 0;
  private fd: number;
  private buf = Buffer.allocUnsafe(CHUNK);
  private len = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  /** Appends `data` (a string as UTF-8); returns its length in bytes. */
  write(data: string | Uint8Array): number {
    const n = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    if (this.len + n > this.buf.length) this.flush();
    if (n > this.buf.length) {
      const b = typeof data === 'string' ? Buffer.from(data) : data;
      for (let at = 0; at < b.length; ) at += writeSync(this.fd, b, at, b.length - at);
    } else if (typeof data === 'string') this.buf.write(data, this.len);
    else this.buf.set(data, this.len);
    if (n <= this.buf.length) this.len += n;
    this.pos += n;
    return n;
  }

  private flush(): void {
    for (let at = 0; at < this.len; ) at += writeSync(this.fd, this.buf, at, this.len - at);
    this.len = 0;
  }

  close(): void {
    if (this.fd < 0) return;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
      this.fd = -1;
    }
  }
}

/** Reads a file front to back in pieces of given lengths. */
export class FileReader {
  private fd: number;
  private buf = Buffer.allocUnsafe(CHUNK);
  private start = 0;
  private end = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'r');
  }

  /** The next `n` bytes (a view valid until the next call; fewer at the end of the file). */
  read(n: number): Buffer {
    if (this.end - this.start < n) {
      // keep what is left, then fill the rest
      if (n > this.buf.length) {
        const b = Buffer.allocUnsafe(n);
        this.buf.copy(b, 0, this.start, this.end);
        this.end -= this.start;
        this.start = 0;
        this.buf = b;
      } else if (this.start > 0) {
        this.buf.copy(this.buf, 0, this.start, this.end);
        this.end -= this.start;
        this.start = 0;
      }
      while (this.end < n) {
        const got = readSync(this.fd, this.buf, this.end, this.buf.length - this.end, null);
        if (got === 0) break;
        this.end += got;
      }
    }
    const m = Math.min(n, this.end - this.start);
    const out = this.buf.subarray(this.start, this.start + m);
    this.start += m;
    return out;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}
