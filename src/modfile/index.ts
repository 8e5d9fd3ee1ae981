// go.mod / go.work toolkit that agrees with the go command: parse (strict or lax, per Go
// release), print as `go mod edit -json` / `go work edit -json`, format as `go mod edit -fmt`,
// and word errors as the go command does.

import { formatEdited, formatSyntax } from './print.ts';
import { parseSyntax } from './read.ts';
import { releaseRules } from './release.ts';
import { interpret, newModFile } from './rules.ts';
import { encodeGoText, inputText } from './text.ts';
import type { ModFile, ModfileError, ModfileKind, ParseOptions, ParseResult } from './types.ts';

export { toJson } from './json.ts';
export { KNOWN_RELEASES, NEWEST_RELEASE } from './release.ts';
export { autoQuote, mustQuote } from './rules.ts';
export type {
  Comment,
  CommentBlock,
  Comments,
  FileSyntax,
  Line,
  LineBlock,
  Paren,
  Position,
  Statement,
  Token,
} from './syntax.ts';
export type * from './types.ts';

function parseAs(kind: ModfileKind, input: string | Uint8Array, opts: ParseOptions): ParseResult {
  const rules = releaseRules(opts.goRelease);
  const filename = opts.filename ?? kind;
  const lax = kind === 'go.mod' && opts.lax === true;
  const { syntax, error } = parseSyntax(inputText(input), filename, rules);
  const file = newModFile(kind, syntax, rules, lax);
  if (error) {
    const e: ModfileError = { file: filename, line: error.pos.line, pos: error.pos, message: error.message };
    if (error.pos.column > 1) e.column = error.pos.column;
    return { file, errors: [e] };
  }
  return { file, errors: interpret(file, rules, !lax, filename) };
}

/** Parses a go.mod file (modfile.Parse, or ParseLax with `lax: true`) under a Go release's rules. */
export function parseGoMod(input: string | Uint8Array, opts: ParseOptions = {}): ParseResult {
  return parseAs('go.mod', input, opts);
}

/** Parses a go.work file (modfile.ParseWork) under a Go release's rules. */
export function parseGoWork(input: string | Uint8Array, opts: Omit<ParseOptions, 'lax'> = {}): ParseResult {
  return parseAs('go.work', input, opts);
}

/**
 * What `go mod edit -fmt` (or `go work edit -fmt`) writes: duplicates dropped, blocks sorted,
 * one-line blocks collapsed, canonical tokens. Invalid UTF-8 bytes come back as U+DC80+byte;
 * use formatBytes for the exact bytes.
 */
export function format(file: ModFile): string {
  return formatEdited(file, releaseRules(file.release));
}

/** format() as the exact bytes the go command writes. */
export function formatBytes(file: ModFile): Uint8Array {
  return encodeGoText(format(file));
}

/**
 * modfile.Format alone: the tree printed without sorting or cleaning. Tokens are normalized
 * (quoting, canonical versions) unless `asWritten` (what x/mod does for a file that failed to parse).
 */
export function formatTree(file: ModFile, opts: { asWritten?: boolean } = {}): string {
  return formatSyntax(file.syntax, releaseRules(file.release), opts.asWritten === true);
}

/** One error line as the go command prints it: `go.mod:LINE:COL: message`. */
export function formatError(e: ModfileError): string {
  if (e.column !== undefined && e.column > 1) return `${e.file}:${e.line}:${e.column}: ${e.message}`;
  if (e.line > 0) return `${e.file}:${e.line}: ${e.message}`;
  if (e.file !== '') return `${e.file}: ${e.message}`;
  return e.message;
}

/** The go command's whole stderr for these parse errors (`go mod edit` / `go work edit`), ending in a newline. */
export function formatErrors(errors: readonly ModfileError[], kind: ModfileKind, release?: string): string {
  const rules = releaseRules(release);
  const name = errors[0]?.file ?? kind;
  let header = `go: errors parsing ${name}:\n`;
  if (kind === 'go.work' && rules.workDoubleHeader) header += `errors parsing ${name}:\n`;
  const body = errors.map(formatError).join('\n');
  return `${header}${body}\n`;
}
