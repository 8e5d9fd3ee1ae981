// The syntax tree of a go.mod / go.work file: statements (lines, blocks, comment blocks) with
// every comment kept where the go command keeps it, so that printing it back matches -fmt.

/** A place in the input. `column` counts runes from 1 (as the go command's messages do). */
export interface Position {
  line: number;
  column: number;
  byteOffset: number;
}

export interface Comment {
  start: Position;
  /** The comment text starting with `//`, without the line end; '' marks a kept blank line. */
  token: string;
  /** Written after tokens on the same line. */
  suffix: boolean;
}

export interface Comments {
  /** Whole-line comments before the element. */
  before: Comment[];
  /** End-of-line comments after it. */
  suffix: Comment[];
  /** Whole-line comments after it (top-level statements only). */
  after: Comment[];
}

export interface Token {
  /** The token as the file would be printed: quoted strings decoded and re-quoted only if needed, versions canonical. */
  text: string;
  /** The token exactly as written. */
  raw: string;
  pos: Position;
  end: Position;
}

export interface Line {
  type: 'line';
  comments: Comments;
  start: Position;
  end: Position;
  /** In a block, the tokens after the block's verb; otherwise the verb and its arguments. */
  tokens: Token[];
  inBlock: boolean;
}

export interface Paren {
  comments: Comments;
  pos: Position;
}

export interface LineBlock {
  type: 'block';
  comments: Comments;
  start: Position;
  /** The tokens before `(`: normally just the verb. */
  tokens: Token[];
  lparen: Paren;
  lines: Line[];
  rparen: Paren;
}

export interface CommentBlock {
  type: 'comment';
  comments: Comments;
  start: Position;
}

export type Statement = Line | LineBlock | CommentBlock;

export interface FileSyntax {
  name: string;
  comments: Comments;
  statements: Statement[];
}

export function emptyComments(): Comments {
  return { before: [], suffix: [], after: [] };
}
