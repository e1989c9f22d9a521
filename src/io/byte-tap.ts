// The bytes of a source on their way to a reader: counted and hashed (sha256) as they pass, once, so
// that no reader computes a hash of its own. `drain` reads what a reader left unread (a reader that
// stops early, or reads a regular file by offsets) so that the hash is always of the whole source.

import { createHash, type Hash } from 'node:crypto';

export class ByteTap implements AsyncIterator<Buffer> {
  private readonly hash: Hash = createHash('sha256');
  bytes: number;
  private done = false;

  constructor(
    first: Buffer,
    private readonly rest: AsyncIterator<Buffer>,
    private readonly onProgress: (bytes: number) => void,
  ) {
    this.hash.update(first);
    this.bytes = first.length;
  }

  async next(): Promise<IteratorResult<Buffer>> {
    if (this.done) return { done: true, value: undefined };
    const r = await this.rest.next();
    if (r.done) {
      this.done = true;
      return r;
    }
    this.hash.update(r.value);
    this.bytes += r.value.length;
    this.onProgress(this.bytes);
    return r;
  }

  /** Read (and hash) whatever the reader left. */
  async drain(): Promise<void> {
    while (!this.done) await this.next();
  }

  private digest: string | undefined;

  /** The sha256 of every byte (call after the last byte). */
  sha256(): string {
    return (this.digest ??= this.hash.digest('hex'));
  }
}
