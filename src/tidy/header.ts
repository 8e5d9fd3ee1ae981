// Reads the header of a Go file the way the go command's import reader does: skip space and
// comments, `package NAME`, then `import` declarations, and stop at the first other token. Only
// these bytes are needed to know a file's package, imports and build constraints, so a caller
// can hand in the first few kilobytes of a file and ask for more only when the header is longer.

export interface ImportSite {
  /** The import path (unquoted). */
  path: string;
  /** 1-based line and byte column of the import spec (its name, else the path string), as the go command reports it. */
  line: number;
  column: number;
}

export interface GoFileHeader {
  /** The package clause's name; undefined when the file has none (syntax error). */
  packageName?: string;
  imports: ImportSite[];
  /** Text before the package clause through the end of its line: where build constraints live. */
  constraintText: string;
  /** 'syntax' when the header is malformed (the go command then still reads the file, ignoring the rest);
   *  'nul' for a NUL byte (the go command fails the whole package: "unexpected NUL in input"). */
  error?: 'syntax' | 'nul';
  /** Bytes of the input the reader looked at. */
  bytesRead: number;
}

/** Thrown (internally) when the reader runs off the end of a buffer that is not the whole file. */
export class NeedMoreInput extends Error {}

const BOM = [0xef, 0xbb, 0xbf];

function isIdentByte(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x5f ||
    c >= 0x80
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** The reader's state; a class rather than closures so that reading 20,000 files allocates little. */
class HeaderReader {
  i = 0;
  error: 'syntax' | 'nul' | undefined;
  readonly imports: ImportSite[] = [];

  constructor(
    readonly data: Uint8Array,
    readonly complete: boolean,
  ) {}

  /** The byte at k, or -1 at end of file; NUL is an error like in the go command. */
  byteAt(k: number): number {
    const data = this.data;
    if (k >= data.length) {
      if (!this.complete) throw new NeedMoreInput();
      return -1;
    }
    const c = data[k]!;
    if (c === 0) {
      this.error = 'nul';
      return -1;
    }
    return c;
  }

  fail(): void {
    if (!this.error) this.error = 'syntax';
  }

  /** Skips space (and `;`) and comments; returns the next significant byte without consuming it. */
  peek(): number {
    for (;;) {
      if (this.error) return -1;
      const c = this.byteAt(this.i);
      if (c === 0x20 || c === 0x0c || c === 0x09 || c === 0x0d || c === 0x0a || c === 0x3b) {
        this.i++;
        continue;
      }
      if (c !== 0x2f) return c;
      const d = this.byteAt(this.i + 1);
      if (d === 0x2f) {
        this.i += 2;
        for (;;) {
          const e = this.byteAt(this.i);
          if (e === -1) return -1;
          this.i++;
          if (e === 0x0a) break;
        }
        continue;
      }
      if (d === 0x2a) {
        this.i += 2;
        for (;;) {
          const e = this.byteAt(this.i);
          if (e === -1) {
            this.fail();
            return -1;
          }
          if (e === 0x2a && this.byteAt(this.i + 1) === 0x2f) {
            this.i += 2;
            break;
          }
          this.i++;
        }
        continue;
      }
      this.fail();
      return -1;
    }
  }

  readKeyword(kw: string): boolean {
    this.peek();
    if (this.error) return false;
    for (let k = 0; k < kw.length; k++) {
      if (this.byteAt(this.i) !== kw.charCodeAt(k)) {
        this.fail();
        return false;
      }
      this.i++;
    }
    const next = this.byteAt(this.i);
    if (next !== -1 && isIdentByte(next)) {
      this.fail();
      return false;
    }
    return !this.error;
  }

  readIdent(): string | undefined {
    const c = this.peek();
    if (c === -1 || !isIdentByte(c)) {
      this.fail();
      return undefined;
    }
    const from = this.i;
    for (;;) {
      const d = this.byteAt(this.i);
      if (d === -1 || !isIdentByte(d)) break;
      this.i++;
    }
    return asciiOrUtf8(this.data, from, this.i);
  }

  /** Reads the path string of an import spec that starts at `specStart` (its name, or the string). */
  readString(specStart?: number): void {
    const c = this.peek();
    const from = this.i;
    if (c === 0x60) {
      this.i++;
      for (;;) {
        const d = this.byteAt(this.i);
        if (d === -1) {
          this.fail();
          return;
        }
        this.i++;
        if (d === 0x60) break;
      }
    } else if (c === 0x22) {
      this.i++;
      for (;;) {
        const d = this.byteAt(this.i);
        if (d === -1 || d === 0x0a) {
          this.fail();
          return;
        }
        this.i++;
        if (d === 0x22) break;
        if (d === 0x5c) {
          if (this.byteAt(this.i) === -1) {
            this.fail();
            return;
          }
          this.i++;
        }
      }
    } else {
      this.fail();
      return;
    }
    const path = unquoteGoString(this.data.subarray(from, this.i));
    if (path !== undefined) {
      // The go command positions an import at the start of its spec: the name when there is one.
      // Line and column are filled in by one pass over the header once every import is known.
      this.imports.push({ path, line: 0, column: specStart ?? from });
    }
  }

  readImport(): void {
    const c = this.peek();
    const specStart = this.i;
    if (c === 0x2e) this.i++;
    else if (c !== -1 && isIdentByte(c)) this.readIdent();
    this.readString(specStart);
  }
}

/**
 * Parses a header from `data`. When `complete` is false and the reader needs bytes beyond
 * `data`, it throws NeedMoreInput: read more of the file and call again.
 */
export function parseGoFileHeader(data: Uint8Array, complete: boolean): GoFileHeader {
  const r = new HeaderReader(data, complete);
  if (data.length >= 3 && data[0] === BOM[0] && data[1] === BOM[1] && data[2] === BOM[2]) r.i = 3;
  const start = r.i;
  let packageName: string | undefined;
  let packageAt = -1;
  r.peek();
  if (!r.error) packageAt = r.i;
  if (r.readKeyword('package')) {
    packageName = r.readIdent();
    while (!r.error && r.peek() === 0x69) {
      if (!r.readKeyword('import')) break;
      if (r.peek() === 0x28) {
        r.i++;
        while (!r.error && r.peek() !== 0x29) {
          if (r.peek() === -1) {
            r.fail();
            break;
          }
          r.readImport();
        }
        if (!r.error) r.i++;
      } else {
        r.readImport();
      }
    }
  }
  const error = r.error;
  placeImports(data, r.imports);

  // Constraints live before the package clause; keep the rest of that line, as the go command's
  // header scan looks at whole lines.
  let constraintEnd = packageAt >= 0 ? packageAt : r.i;
  while (constraintEnd < data.length && data[constraintEnd] !== 0x0a && data[constraintEnd] !== 0)
    constraintEnd++;
  if (packageAt < 0 && !complete && constraintEnd >= data.length && error !== 'nul') {
    // No package clause seen yet: the leading comment block may go on.
    throw new NeedMoreInput();
  }
  const end = Math.min(constraintEnd, data.length);
  const result: GoFileHeader = {
    imports: error === 'nul' ? [] : r.imports,
    constraintText: mayHoldConstraint(data, start, end) ? asciiOrUtf8(data, start, end) : '',
    bytesRead: r.i,
  };
  if (packageName !== undefined && error !== 'nul') result.packageName = packageName;
  if (error) result.error = error;
  return result;
}

/**
 * Whether the bytes can contain a `//go:build`, `// +build` or `//go:binary-only-package` line:
 * most headers hold none, and decoding them would be wasted work.
 */
function mayHoldConstraint(data: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = data[k];
    if (c === 0x2b /* + */ || (c === 0x3a /* : */ && data[k + 1] === 0x62) /* b */) return true;
  }
  return false;
}

/** A byte range as a string. */
function asciiOrUtf8(data: Uint8Array, from: number, to: number): string {
  // Node's own decoder is the fastest way from bytes to a string; invalid bytes become U+FFFD either way.
  if (Buffer.isBuffer(data)) return data.toString('utf8', from, to);
  return utf8.decode(data.subarray(from, to));
}

/** Turns the byte offsets parked in `column` (ascending) into 1-based line and byte column. */
function placeImports(data: Uint8Array, imports: ImportSite[]): void {
  if (imports.length === 0) return;
  const begin = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  let line = 1;
  let lineStart = begin;
  let k = begin;
  for (const site of imports) {
    const offset = site.column;
    for (; k < offset; k++) {
      if (data[k] === 0x0a) {
        line++;
        lineStart = k + 1;
      }
    }
    site.line = line;
    site.column = offset - lineStart + 1;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
};

/** strconv.Unquote for the two string forms an import may use; undefined when invalid. */
export function unquoteGoString(raw: Uint8Array): string | undefined {
  const text = raw.length < 4096 ? asciiOrUtf8(raw, 0, raw.length) : utf8.decode(raw);
  if (text.length >= 2 && text[0] === '"' && text[text.length - 1] === '"' && !text.includes('\\')) {
    const body = text.slice(1, -1);
    // No escapes: the common import path. (A quote inside would have ended the string earlier.)
    if (!body.includes('"') && !body.includes('\n')) return body;
  }
  if (text.length < 2) return undefined;
  const quote = text[0];
  if (text[text.length - 1] !== quote) return undefined;
  const body = text.slice(1, -1);
  if (quote === '`') {
    if (body.includes('`')) return undefined;
    return body.replaceAll('\r', '');
  }
  if (quote !== '"') return undefined;
  let out = '';
  for (let k = 0; k < body.length; k++) {
    const c = body[k]!;
    if (c === '"' || c === '\n') return undefined;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++k];
    if (e === undefined) return undefined;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const hexLength = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hexLength > 0) {
      const hex = body.slice(k + 1, k + 1 + hexLength);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== hexLength) return undefined;
      const value = Number.parseInt(hex, 16);
      if (e === 'x') out += String.fromCharCode(value);
      else {
        if (value > 0x10ffff || (value >= 0xd800 && value < 0xe000)) return undefined;
        out += String.fromCodePoint(value);
      }
      k += hexLength;
      continue;
    }
    if (e >= '0' && e <= '7') {
      const oct = body.slice(k, k + 3);
      if (!/^[0-7]{3}$/.test(oct)) return undefined;
      const value = Number.parseInt(oct, 8);
      if (value > 255) return undefined;
      out += String.fromCharCode(value);
      k += 2;
      continue;
    }
    return undefined;
  }
  return out;
}
