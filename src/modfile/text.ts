// Text as the go command sees it: a byte string, usually UTF-8 but not necessarily. Go decodes
// an invalid byte as U+FFFD of width one; to keep the original byte (for -fmt output and for
// JSON's `\ufffd`), each such byte is carried in a JS string as the lone low surrogate
// U+DC80+byte. Valid UTF-8 never decodes to a lone surrogate, so the mapping is unambiguous.

const MARKER_BASE = 0xdc80;

/** Whether a UTF-16 unit stands for one invalid input byte. */
export function isByteMarker(unit: number): boolean {
  return unit >= MARKER_BASE && unit <= 0xdcff;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes bytes the way Go's utf8.DecodeRune walks them, keeping invalid bytes as markers. */
export function decodeGoBytes(bytes: Uint8Array): string {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return decodeSlow(bytes);
  }
}

function decodeSlow(bytes: Uint8Array): string {
  const parts: string[] = [];
  let runStart = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    const size = validSequenceLength(bytes, i);
    if (size > 0) {
      i += size;
      continue;
    }
    if (runStart < i) parts.push(strictDecoder.decode(bytes.subarray(runStart, i)));
    parts.push(String.fromCharCode(MARKER_BASE + b0 - 0x80));
    i++;
    runStart = i;
  }
  if (runStart < n) parts.push(strictDecoder.decode(bytes.subarray(runStart, n)));
  return parts.join('');
}

// Length of the valid UTF-8 sequence starting at i (a non-ASCII lead byte), or 0 (Go's RuneError, width 1).
function validSequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  const at = (k: number): number => bytes[i + k] ?? -1;
  const cont = (v: number): boolean => v >= 0x80 && v <= 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(at(1)) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const b1 = at(1);
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return b1 >= lo && b1 <= hi && cont(at(2)) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const b1 = at(1);
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return b1 >= lo && b1 <= hi && cont(at(2)) && cont(at(3)) ? 4 : 0;
  }
  return 0;
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const loneSurrogates = new RegExp(loneSurrogate.source, 'g');

/** Input as text: strings are taken as UTF-8 (a lone surrogate becomes U+FFFD, as encoding would make it). */
export function inputText(input: string | Uint8Array): string {
  if (typeof input !== 'string') return decodeGoBytes(input);
  return loneSurrogate.test(input) ? input.replace(loneSurrogates, '\ufffd') : input;
}

/** The bytes a text stands for (markers back to their original byte). */
export function encodeGoText(text: string): Uint8Array {
  if (!hasMarker(text)) return Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (isByteMarker(u) && !(i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) {
      if (start < i) chunks.push(Buffer.from(text.slice(start, i), 'utf8'));
      chunks.push(Buffer.from([u - MARKER_BASE + 0x80]));
      start = i + 1;
    }
  }
  if (start < text.length) chunks.push(Buffer.from(text.slice(start), 'utf8'));
  return Buffer.concat(chunks);
}

const markerPattern = /(?<![\ud800-\udbff])[\udc80-\udcff]/;

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function hasMarker(text: string): boolean {
  return markerPattern.test(text);
}

/** Number of UTF-8 bytes the code point (or marker) at text[i] occupies in the original input. */
export function utf8Width(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint >= MARKER_BASE && codePoint <= 0xdcff) return 1;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** Go's string comparison: byte order of the encodings. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x < 0x80 && y < 0x80) return x < y ? -1 : 1;
    if (i > 0 && isHighSurrogate(a.charCodeAt(i - 1))) i--;
    return compareBytes(encodeGoText(a.slice(i)), encodeGoText(b.slice(i)));
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
