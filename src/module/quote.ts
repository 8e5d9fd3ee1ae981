// Go's %q formatting (strconv.Quote and strconv.QuoteRune), so that messages built here read
// exactly like the go command's: `invalid char ' '`, `malformed module path "a\tb"`, ...

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

function isGoPrintable(codePoint: number, ch: string): boolean {
  if (codePoint < 0x80) return codePoint >= 0x20 && codePoint < 0x7f;
  // U+00A0 (no-break space) and U+00AD (soft hyphen) are the only non-printable runes in Latin-1's upper half.
  if (codePoint < 0x100) return codePoint >= 0xa1 && codePoint !== 0xad;
  return printable.test(ch);
}

const shortEscapes: Record<number, string> = {
  7: '\\a',
  8: '\\b',
  12: '\\f',
  10: '\\n',
  13: '\\r',
  9: '\\t',
  11: '\\v',
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function quoteCodePoint(ch: string, quote: '"' | "'"): string {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0xd800 && cp <= 0xdfff) {
    // A lone surrogate would reach Go as the three bytes of its WTF-8 form, each invalid UTF-8.
    return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
      .map((b) => `\\x${hex(b, 2)}`)
      .join('');
  }
  if (ch === quote || ch === '\\') return `\\${ch}`;
  if (isGoPrintable(cp, ch)) return ch;
  const short = shortEscapes[cp];
  if (short) return short;
  if (cp < 0x20 || cp === 0x7f) return `\\x${hex(cp, 2)}`;
  if (cp < 0x10000) return `\\u${hex(cp, 4)}`;
  return `\\U${hex(cp, 8)}`;
}

/** Go's `%q` of a string: double-quoted with Go escapes. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += quoteCodePoint(ch, '"');
  return `${out}"`;
}

/** Go's `%q` of a rune: single-quoted with Go escapes (`'E'`, `' '`, `'\x00'`). */
export function goQuoteRune(ch: string): string {
  return `'${quoteCodePoint(ch, "'")}'`;
}
