// Output text gathered in parts. A report of a million rows in HTML or JSON can pass V8's limit on one
// string (about 2^29 characters: `RangeError: Invalid string length`, exit 70), so past a threshold
// the parts are encoded straight into one UTF-8 buffer instead of being joined. Writers take either.

/** Well under V8's maximum string length (2^29 − 24 on 64-bit), leaving room for the caller. */
export const MAX_JOINED_LENGTH = 2 ** 28;

export class TextParts {
  private readonly parts: string[] = [];
  private chars = 0;

  push(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
  }

  get length(): number {
    return this.chars;
  }

  /** One string when it is small enough; otherwise the same text as UTF-8 bytes. */
  finish(limit = MAX_JOINED_LENGTH): string | Uint8Array {
    if (this.chars <= limit) return this.parts.join('');
    let bytes = 0;
    for (const p of this.parts) bytes += Buffer.byteLength(p, 'utf8');
    const out = Buffer.allocUnsafe(bytes);
    let at = 0;
    for (const p of this.parts) at += out.write(p, at, 'utf8');
    return out;
  }
}
