// Values quoted in messages are clipped: a 1 MB province name or a 20 MB config value must not become a
// 1 MB error line. Every message that quotes a value from a file, a flag or a config file goes through
// clipValue.
//
// Example: clipValue('a'.repeat(1000)) → 'aaaa…aaa… (1,000 bytes)' (80 characters kept).

/** At most `max` characters of `value`, then "… (N bytes)" with N the UTF-8 length of the whole value. */
export function clipValue(value: string, max = 80): string {
  if (value.length <= max) return value;
  // Do not cut a surrogate pair in two.
  let end = max;
  const c = value.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${value.slice(0, end)}… (${groupDigits(utf8Length(value))} bytes)`;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
