// Lexer and parser for the go.mod / go.work syntax (the rules of x/mod's modfile/read.go).
// Iterative throughout: nesting depth never grows the call stack, and every step is linear.

import { goQuoteRune, isGoPrint } from './gostrings.ts';
import type { ReleaseRules } from './release.ts';
import {
  type Comment,
  type CommentBlock,
  type Comments,
  emptyComments,
  type FileSyntax,
  type Line,
  type LineBlock,
  type Position,
  type Token,
} from './syntax.ts';
import { utf8Width } from './text.ts';

/** A syntax error: where the go command points, and its message. */
export interface SyntaxErrorInfo {
  pos: Position;
  message: string;
}

const EOF = -1;
const EOL_COMMENT = -2;
const IDENT = -3;
const STRING = -4;
const COMMENT = -5;

const NEWLINE = 0x0a;
const LPAREN = 0x28;
const RPAREN = 0x29;

interface LexToken {
  kind: number;
  pos: Position;
  end: Position;
  text: string;
}

class StopParsing {
  constructor(readonly info: SyntaxErrorInfo) {}
}

function isEol(kind: number): boolean {
  return kind === EOF || kind === EOL_COMMENT || kind === NEWLINE;
}

function isPunct(cp: number): boolean {
  return (
    cp === 0x0a ||
    cp === 0x28 ||
    cp === 0x29 ||
    cp === 0x5b ||
    cp === 0x5d ||
    cp === 0x7b ||
    cp === 0x7d ||
    cp === 0x2c
  );
}

/** For ASCII: 1 where a character may be part of an identifier token. */
const ASCII_IDENT = new Uint8Array(128);
for (let c = 0x21; c < 0x7f; c++) ASCII_IDENT[c] = 1;
for (const c of [0x28, 0x29, 0x5b, 0x5d, 0x7b, 0x7d, 0x2c]) ASCII_IDENT[c] = 0;

function isIdentRune(cp: number): boolean {
  if (cp < 0x80) return ASCII_IDENT[cp] === 1;
  // Printable runes other than ASCII space are never unicode.IsSpace.
  return isGoPrint(cp);
}

const nonAscii = /[^\x00-\x7f]/;
/**
 * ASCII identifier characters (see ASCII_IDENT) but '/', which may start a comment. A single
 * character class keeps the match linear without backtracking state, even on a 20 MB token.
 */
const asciiIdentRun = /[!-'*+\-.0-Z\\^-z|~]+/y;

// Positions are derived from the index into the text instead of being counted per character:
// byteOffset = i + byteAdj and column = i - lineStart + 1 - colAdj, where the two adjustments
// change only at non-ASCII characters (a code point's UTF-8 width, and the second UTF-16 unit
// of a surrogate pair that counts as one column). go.mod files are almost entirely ASCII, so
// the common paths below just move `i`.
class Lexer {
  private i = 0;
  private line = 1;
  /** Index of the first character of the current line. */
  private lineStart = 0;
  /** UTF-16 units on the current line that are not a column of their own. */
  private colAdj = 0;
  /** UTF-8 bytes before `i` minus UTF-16 units before `i`. */
  private byteAdj = 0;
  private tokenOnLine = false;
  token: LexToken;
  readonly suffixComments: Comment[] = [];

  constructor(
    private readonly src: string,
    private readonly filename: string,
  ) {
    this.token = { kind: EOF, pos: this.here(), end: this.here(), text: '' };
  }

  here(): Position {
    return {
      line: this.line,
      column: this.i - this.lineStart + 1 - this.colAdj,
      byteOffset: this.i + this.byteAdj,
    };
  }

  fail(message: string, pos: Position = this.here()): never {
    throw new StopParsing({ pos, message });
  }

  get name(): string {
    return this.filename;
  }

  private peekCp(): number {
    if (this.i >= this.src.length) return 0;
    const unit = this.src.charCodeAt(this.i);
    return unit < 0xd800 ? unit : this.src.codePointAt(this.i)!;
  }

  /** Moves past one code point of any kind. */
  private readCp(): number {
    const cp = this.src.codePointAt(this.i)!;
    if (cp < 0x80) {
      this.i++;
      if (cp === NEWLINE) this.newLine();
      return cp;
    }
    this.skipNonAscii(cp);
    return cp;
  }

  /** Moves past the non-ASCII code point `cp` at `i`, keeping the position adjustments. */
  private skipNonAscii(cp: number): void {
    const units = cp > 0xffff ? 2 : 1;
    this.i += units;
    this.byteAdj += utf8Width(cp) - units;
    this.colAdj += units - 1;
  }

  /** Called with `i` just past a newline. */
  private newLine(): void {
    this.line++;
    this.lineStart = this.i;
    this.colAdj = 0;
    this.tokenOnLine = false;
  }

  private startsWith(prefix: string): boolean {
    return this.src.startsWith(prefix, this.i);
  }

  private eof(): boolean {
    return this.i >= this.src.length;
  }

  /** The token read ahead, then the next one lexed. */
  lex(): LexToken {
    const tok = this.token;
    this.read();
    return tok;
  }

  peek(): number {
    return this.token.kind;
  }

  read(): void {
    const src = this.src;
    const n = src.length;
    while (this.i < n) {
      const c = src.charCodeAt(this.i);
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        this.i++;
        continue;
      }
      if (c === 0x2f && this.startsWith('//')) {
        this.readComment();
        return;
      }
      if (c === 0x2f && this.startsWith('/*'))
        this.fail('mod files must use // comments (not /* */ comments)');
      break;
    }
    const pos = this.here();
    const startIndex = this.i;
    if (this.eof()) {
      this.token = { kind: EOF, pos, end: pos, text: '' };
      return;
    }
    const c = this.peekCp();
    if (isPunct(c)) {
      this.i++;
      if (c === NEWLINE) this.newLine();
      else this.tokenOnLine = true;
      this.token = { kind: c, pos, end: this.here(), text: String.fromCharCode(c) };
      return;
    }
    if (c === 0x22 || c === 0x60) {
      this.i++;
      for (;;) {
        if (this.eof()) this.fail('unexpected EOF in string', pos);
        const u = src.charCodeAt(this.i);
        if (u === NEWLINE) this.fail('unexpected newline in string');
        let r = u;
        if (u < 0x80) this.i++;
        else r = this.readCp();
        if (r === c) break;
        if (r === 0x5c && c !== 0x60) {
          if (this.eof()) this.fail('unexpected EOF in string', pos);
          this.readCp();
        }
      }
      this.tokenOnLine = true;
      this.token = { kind: STRING, pos, end: this.here(), text: src.slice(startIndex, this.i) };
      return;
    }
    if (!isIdentRune(c)) this.fail(`unexpected input character ${goQuoteRune(c)}`);
    while (this.i < n) {
      // The ASCII run in one native regex match; the loop handles what stops it.
      asciiIdentRun.lastIndex = this.i;
      if (asciiIdentRun.test(src)) this.i = asciiIdentRun.lastIndex;
      if (this.i >= n) break;
      const u = src.charCodeAt(this.i);
      if (u === 0x2f) {
        if (this.startsWith('//')) break;
        if (this.startsWith('/*')) this.fail('mod files must use // comments (not /* */ comments)');
        this.i++;
        continue;
      }
      if (u < 0x80) break;
      const r = this.peekCp();
      if (!isGoPrint(r)) break;
      this.skipNonAscii(r);
    }
    this.tokenOnLine = true;
    this.token = { kind: IDENT, pos, end: this.here(), text: src.slice(startIndex, this.i) };
  }

  /** A `//` comment at `i`, through its newline (or the end of the input). */
  private readComment(): void {
    const src = this.src;
    const pos = this.here();
    const startIndex = this.i;
    const suffix = this.tokenOnLine;
    const newline = src.indexOf('\n', startIndex);
    const textEnd = newline < 0 ? src.length : newline;
    let text = src.slice(startIndex, textEnd);
    if (nonAscii.test(text)) {
      // Rare: walk the comment's code points for the position adjustments.
      while (this.i < textEnd) this.readCp();
    } else {
      this.i = textEnd;
    }
    if (newline >= 0) {
      this.i = newline + 1;
      this.newLine();
      if (text.endsWith('\r')) text = text.slice(0, -1);
    }
    this.token = { kind: suffix ? EOL_COMMENT : COMMENT, pos, end: this.here(), text };
    if (suffix) this.suffixComments.push({ start: pos, token: text, suffix: true });
  }
}

function toToken(t: LexToken): Token {
  return { text: t.text, raw: t.text, pos: t.pos, end: t.end };
}

function addPosition(p: Position, s: string): Position {
  // Only used for ")" (one ASCII byte).
  return { line: p.line, column: p.column + s.length, byteOffset: p.byteOffset + s.length };
}

export interface ParseSyntaxResult {
  syntax: FileSyntax;
  error?: SyntaxErrorInfo;
}

/** Parses the text into a syntax tree; on a syntax error, the tree holds what was read before it. */
export function parseSyntax(text: string, filename: string, rules: ReleaseRules): ParseSyntaxResult {
  const syntax: FileSyntax = { name: filename, comments: emptyComments(), statements: [] };
  const lexer = new Lexer(text, filename);
  try {
    lexer.read();
    parseFile(lexer, syntax, rules);
  } catch (e) {
    if (e instanceof StopParsing) return { syntax, error: e.info };
    throw e;
  }
  assignComments(syntax, lexer.suffixComments);
  return { syntax };
}

function parseFile(lx: Lexer, file: FileSyntax, rules: ReleaseRules): void {
  let pending: CommentBlock | undefined;
  for (;;) {
    const kind = lx.peek();
    if (kind === NEWLINE) {
      lx.lex();
      if (pending) {
        file.statements.push(pending);
        pending = undefined;
      }
    } else if (kind === COMMENT) {
      const tok = lx.lex();
      if (!pending) pending = { type: 'comment', comments: emptyComments(), start: tok.pos };
      pending.comments.before.push({ start: tok.pos, token: tok.text, suffix: false });
    } else if (kind === EOF) {
      if (pending) file.statements.push(pending);
      return;
    } else {
      parseStatement(lx, file, rules);
      if (pending) {
        file.statements[file.statements.length - 1]!.comments.before = pending.comments.before;
        pending = undefined;
      }
    }
  }
}

function parseStatement(lx: Lexer, file: FileSyntax, rules: ReleaseRules): void {
  const first = lx.lex();
  const start = first.pos;
  let end = first.end;
  const tokens: Token[] = [toToken(first)];
  for (;;) {
    const tok = lx.lex();
    if (isEol(tok.kind)) {
      file.statements.push({ type: 'line', comments: emptyComments(), start, end, tokens, inBlock: false });
      return;
    }
    if (tok.kind === LPAREN) {
      const next = lx.peek();
      if (isEol(next)) {
        file.statements.push(parseLineBlock(lx, start, tokens, tok, rules));
        return;
      }
      if (next === RPAREN) {
        const rparen = lx.lex();
        if (isEol(lx.peek())) {
          lx.lex();
          file.statements.push({
            type: 'block',
            comments: emptyComments(),
            start,
            tokens,
            lparen: { comments: emptyComments(), pos: tok.pos },
            lines: [],
            rparen: { comments: emptyComments(), pos: rparen.pos },
          });
          return;
        }
        tokens.push(toToken(tok), toToken(rparen));
      } else {
        tokens.push(toToken(tok));
      }
      continue;
    }
    tokens.push(toToken(tok));
    end = tok.end;
  }
}

const blankMarker = (): Comment => ({
  start: { line: 0, column: 0, byteOffset: 0 },
  token: '',
  suffix: false,
});

function parseLineBlock(
  lx: Lexer,
  start: Position,
  tokens: Token[],
  lparen: LexToken,
  rules: ReleaseRules,
): LineBlock {
  const block: LineBlock = {
    type: 'block',
    comments: emptyComments(),
    start,
    tokens,
    lparen: { comments: emptyComments(), pos: lparen.pos },
    lines: [],
    rparen: { comments: emptyComments(), pos: lparen.pos },
  };
  let comments: Comment[] = [];
  for (;;) {
    const kind = lx.peek();
    if (kind === EOL_COMMENT) {
      lx.lex();
    } else if (kind === NEWLINE) {
      lx.lex();
      const last = comments[comments.length - 1];
      if ((comments.length === 0 && block.lines.length > 0) || (last !== undefined && last.token !== '')) {
        comments.push(blankMarker());
      }
    } else if (kind === COMMENT) {
      const tok = lx.lex();
      comments.push({ start: tok.pos, token: tok.text, suffix: false });
    } else if (kind === EOF) {
      lx.fail(`syntax error (unterminated block started at ${lx.name}:${start.line}:${start.column})`);
    } else if (kind === RPAREN) {
      const rparen = lx.lex();
      if (rules.dropTrailingBlankInBlock && comments.length === 1 && comments[0]!.token === '') comments = [];
      block.rparen.comments.before = comments;
      block.rparen.pos = rparen.pos;
      if (!isEol(lx.peek())) lx.fail('syntax error (expected newline after closing paren)');
      lx.lex();
      return block;
    } else {
      const line = parseBlockLine(lx);
      block.lines.push(line);
      line.comments.before = comments;
      comments = [];
    }
  }
}

function parseBlockLine(lx: Lexer): Line {
  const first = lx.lex();
  const start = first.pos;
  let end = first.end;
  const tokens: Token[] = [toToken(first)];
  for (;;) {
    const tok = lx.lex();
    if (isEol(tok.kind))
      return { type: 'line', comments: emptyComments(), start, end, tokens, inBlock: true };
    tokens.push(toToken(tok));
    end = tok.end;
  }
}

// Attaches each end-of-line comment to the last single-line element that ends before it,
// visiting elements in reverse post-order as x/mod does.
type Node =
  | { kind: 'line'; node: Line }
  | { kind: 'block'; node: LineBlock }
  | { kind: 'paren'; comments: Comments; pos: Position }
  | { kind: 'comment'; node: CommentBlock };

function span(n: Node): { start: Position; end: Position } {
  switch (n.kind) {
    case 'line':
      return { start: n.node.start, end: n.node.end };
    case 'block':
      return { start: n.node.start, end: addPosition(n.node.rparen.pos, ')') };
    case 'paren':
      return { start: n.pos, end: addPosition(n.pos, ')') };
    case 'comment':
      return { start: n.node.start, end: n.node.start };
  }
}

function commentsOf(n: Node): Comments {
  return n.kind === 'paren' ? n.comments : n.node.comments;
}

function assignComments(file: FileSyntax, suffixComments: Comment[]): void {
  if (suffixComments.length === 0) return;
  const post: Node[] = [];
  for (const stmt of file.statements) {
    if (stmt.type === 'block') {
      post.push({ kind: 'paren', comments: stmt.lparen.comments, pos: stmt.lparen.pos });
      for (const line of stmt.lines) post.push({ kind: 'line', node: line });
      post.push({ kind: 'paren', comments: stmt.rparen.comments, pos: stmt.rparen.pos });
      post.push({ kind: 'block', node: stmt });
    } else if (stmt.type === 'line') {
      post.push({ kind: 'line', node: stmt });
    } else {
      post.push({ kind: 'comment', node: stmt });
    }
  }
  let remaining = suffixComments.length;
  const touched: Comments[] = [];
  for (let i = post.length - 1; i >= 0 && remaining > 0; i--) {
    const n = post[i]!;
    const { start, end } = span(n);
    if (start.line !== end.line) continue;
    const comments = commentsOf(n);
    let added = false;
    while (remaining > 0 && end.byteOffset <= suffixComments[remaining - 1]!.start.byteOffset) {
      comments.suffix.push(suffixComments[remaining - 1]!);
      remaining--;
      added = true;
    }
    if (added) touched.push(comments);
  }
  for (const c of touched) c.suffix.reverse();
  if (remaining > 0) file.comments.before.push(...suffixComments.slice(0, remaining));
}
