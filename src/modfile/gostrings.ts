// Go's strconv and unicode behaviour on texts decoded by text.ts (invalid bytes as markers).

import { decodeGoBytes, encodeGoText, isByteMarker } from './text.ts';

const printableClass = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** unicode.IsPrint: categories L, M, N, P, S and the ASCII space. Markers decode to U+FFFD, a symbol. */
export function isGoPrint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  if (isByteMarker(cp)) return true;
  if (cp < 0x100) return cp >= 0xa1 && cp !== 0xad;
  return printableClass.test(String.fromCodePoint(cp));
}

/** unicode.IsSpace. */
function isGoSpace(cp: number): boolean {
  if (cp <= 0xff) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === 0xa0;
  return (
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end) {
    const cp = s.codePointAt(start)!;
    if (!isGoSpace(cp)) break;
    start += cp > 0xffff ? 2 : 1;
  }
  while (end > start) {
    const cp = s.charCodeAt(end - 1);
    if (!isGoSpace(cp)) break;
    end--;
  }
  return s.slice(start, end);
}

/** strings.Fields. */
export function goFields(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    if (isGoSpace(cp)) {
      if (start >= 0) out.push(s.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    }
    i += w;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
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

/** The \xNN escapes of bytes. */
function byteEscapes(bytes: readonly number[]): string {
  return bytes.map((b) => `\\x${hex(b, 2)}`).join('');
}

function escapeRune(cp: number, quote: number): string {
  // An invalid input byte (text.ts's marker): Go writes the byte itself.
  if (isByteMarker(cp)) return byteEscapes([cp - 0xdc80 + 0x80]);
  if (cp >= 0xd800 && cp <= 0xdfff) {
    // Any other lone surrogate would reach Go as the three bytes of its WTF-8 form, each invalid UTF-8.
    return byteEscapes([0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]);
  }
  if (cp === quote || cp === 0x5c) return `\\${String.fromCharCode(cp)}`;
  if (isGoPrint(cp)) return String.fromCodePoint(cp);
  const short = shortEscapes[cp];
  if (short !== undefined) return short;
  if (cp < 0x20 || cp === 0x7f) return `\\x${hex(cp, 2)}`;
  if (cp < 0x10000) return `\\u${hex(cp, 4)}`;
  return `\\U${hex(cp, 8)}`;
}

/**
 * strconv.Quote (also fmt's %q of a string): the one Go quoting of the project, for go.mod tokens
 * and errors as for module paths and versions. Invalid bytes come out as `\x..`, as Go writes them.
 */
export function goQuote(s: string): string {
  const parts: string[] = ['"'];
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    parts.push(escapeRune(cp, 0x22));
    i += cp > 0xffff ? 2 : 1;
  }
  parts.push('"');
  return parts.join('');
}

/** strconv.QuoteRune (fmt's %q of a rune), of a code point or the first of a string. */
export function goQuoteRune(rune: number | string): string {
  const cp = typeof rune === 'string' ? rune.codePointAt(0)! : rune;
  // A lone surrogate (an invalid byte) can only reach here as the RuneError Go decoded it to.
  const r = cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp;
  return `'${escapeRune(r, 0x27)}'`;
}

const simpleEscapes: Record<string, number> = {
  a: 0x07,
  b: 0x08,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  v: 0x0b,
  '\\': 0x5c,
  '"': 0x22,
};

function hexValue(s: string): number {
  return /^[0-9a-fA-F]+$/.test(s) ? Number.parseInt(s, 16) : -1;
}

/**
 * strconv.Unquote of a double-quoted Go string, or undefined for `invalid syntax`. Like Go,
 * an invalid byte outside an escape becomes U+FFFD, and \x/octal escapes produce raw bytes.
 */
export function goUnquote(token: string): string | undefined {
  if (token.length < 2 || token[0] !== '"' || token[token.length - 1] !== '"') return undefined;
  const body = token.slice(1, -1);
  if (body.includes('\n')) return undefined;
  if (!body.includes('\\') && !body.includes('"')) {
    return body.replace(/(?<![\ud800-\udbff])[\udc80-\udcff]/g, '\ufffd');
  }
  const bytes: number[] = [];
  const pushText = (text: string): void => {
    for (const b of encodeGoText(text)) bytes.push(b);
  };
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === '"') return undefined;
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      const w = cp > 0xffff ? 2 : 1;
      pushText(isByteMarker(cp) ? '\ufffd' : body.slice(i, i + w));
      i += w;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) return undefined;
    const simple = simpleEscapes[e];
    if (simple !== undefined) {
      bytes.push(simple);
      i += 2;
      continue;
    }
    if (e === 'x') {
      const v = hexValue(body.slice(i + 2, i + 4));
      if (v < 0 || body.slice(i + 2, i + 4).length !== 2) return undefined;
      bytes.push(v);
      i += 4;
      continue;
    }
    if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      const digits = body.slice(i + 2, i + 2 + n);
      const v = hexValue(digits);
      if (v < 0 || digits.length !== n) return undefined;
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
      pushText(String.fromCodePoint(v));
      i += 2 + n;
      continue;
    }
    if (e >= '0' && e <= '7') {
      const digits = body.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(digits)) return undefined;
      const v = Number.parseInt(digits, 8);
      if (v > 255) return undefined;
      bytes.push(v);
      i += 4;
      continue;
    }
    return undefined;
  }
  return decodeGoBytes(Uint8Array.from(bytes));
}
