// Build constraints: `//go:build` expressions, legacy `// +build` lines, where in a file they
// count, and the implicit constraints of file names (`_GOOS`, `_GOARCH`, `_GOOS_GOARCH`).
// Two ways to evaluate: for a concrete build (GOOS/GOARCH/tags, what `go build` and `go list` do),
// and the way `go mod tidy` does, where every tag except `ignore` counts as both set and unset.

/** A parsed build expression. `pos` is the byte offset of the tag in the expression text. */
export type BuildExpr =
  | { kind: 'tag'; name: string; pos: number }
  | { kind: 'not'; x: BuildExpr }
  | { kind: 'and'; x: BuildExpr; y: BuildExpr }
  | { kind: 'or'; x: BuildExpr; y: BuildExpr };

export interface ConstraintSyntaxError {
  /** Byte offset in the expression text. */
  offset: number;
  message: string;
}

export type ExprParse = { ok: true; expr: BuildExpr } | { ok: false; error: ConstraintSyntaxError };

const MAX_EXPR_SIZE = 1000;
const MAX_PLUS_BUILD_SIZE = 100;

/** Go's strings.TrimSpace: ASCII and Unicode white space (not U+FEFF, which JS's trim removes). */
const GO_SPACE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

function goTrimSpace(s: string): string {
  return s.replace(GO_SPACE, '');
}

const TAG_CHAR = /[\p{L}\p{Nd}_.]/u;

/** Letters, digits (any script), `_` and `.`: what a build tag may be made of. */
function isValidTag(word: string): boolean {
  if (word === '') return false;
  for (const c of word) if (!TAG_CHAR.test(c)) return false;
  return true;
}

class ExprSyntax extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** UTF-8 byte length of a JS string prefix, so that offsets count bytes like the go command. */
function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Parses a `//go:build` expression (without the `//go:build` prefix). */
export function parseBuildExpr(text: string): ExprParse {
  let i = 0;
  let tok = '';
  let isTag = false;
  let pos = 0;
  let size = 0;
  const at = (index: number) => byteLength(text.slice(0, index));

  const lex = (): void => {
    isTag = false;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= text.length) {
      tok = '';
      pos = i;
      return;
    }
    const c = text[i]!;
    if (c === '(' || c === ')' || c === '!') {
      pos = i;
      i++;
      tok = c;
      return;
    }
    if (c === '&' || c === '|') {
      if (i + 1 >= text.length || text[i + 1] !== c) throw new ExprSyntax(at(i), `invalid syntax at ${c}`);
      pos = i;
      i += 2;
      tok = c + c;
      return;
    }
    let end = i;
    for (const ch of text.slice(i)) {
      if (!TAG_CHAR.test(ch)) break;
      end += ch.length;
    }
    if (end === i) {
      const ch = String.fromCodePoint(text.codePointAt(i) ?? 0xfffd);
      throw new ExprSyntax(at(i), `invalid syntax at ${ch}`);
    }
    pos = i;
    tok = text.slice(i, end);
    i = end;
    isTag = true;
  };

  const or = (): BuildExpr => {
    let x = and();
    while (tok === '||') x = { kind: 'or', x, y: and() };
    return x;
  };
  const and = (): BuildExpr => {
    let x = not();
    while (tok === '&&') x = { kind: 'and', x, y: not() };
    return x;
  };
  const not = (): BuildExpr => {
    size++;
    if (size > MAX_EXPR_SIZE) throw new ExprSyntax(at(pos), 'build expression too large');
    lex();
    if (tok === '!') {
      lex();
      if (tok === '!') throw new ExprSyntax(at(pos), 'double negation not allowed');
      return { kind: 'not', x: atom() };
    }
    return atom();
  };
  const atom = (): BuildExpr => {
    if (tok === '(') {
      const open = pos;
      let x: BuildExpr;
      try {
        x = or();
      } catch (error) {
        if (error instanceof ExprSyntax && error.message === 'unexpected end of expression') {
          throw new ExprSyntax(error.offset, 'missing close paren');
        }
        throw error;
      }
      // `or()` moved the lexer on; re-read the token (TypeScript still narrows it to '(').
      if ((tok as string) !== ')') throw new ExprSyntax(at(open), 'missing close paren');
      lex();
      return x;
    }
    if (!isTag) {
      if (tok === '') throw new ExprSyntax(at(pos), 'unexpected end of expression');
      throw new ExprSyntax(at(pos), `unexpected token ${tok}`);
    }
    const expr: BuildExpr = { kind: 'tag', name: tok, pos: at(pos) };
    lex();
    return expr;
  };

  try {
    const expr = or();
    if (tok !== '') throw new ExprSyntax(at(pos), `unexpected token ${tok}`);
    return { ok: true, expr };
  } catch (error) {
    if (error instanceof ExprSyntax)
      return { ok: false, error: { offset: error.offset, message: error.message } };
    throw error;
  }
}

/** Parses the text after `// +build`: space = OR, comma = AND, `!` = NOT; bad words mean `ignore`. */
export function parsePlusBuildExpr(text: string): ExprParse {
  let size = 0;
  let x: BuildExpr | undefined;
  const ignore = (): BuildExpr => ({ kind: 'tag', name: 'ignore', pos: 0 });
  for (const clause of goTrimSpace(text).split(/[\t\n\v\f\r \u0085\u00a0]+/)) {
    if (clause === '') continue;
    let y: BuildExpr | undefined;
    for (let lit of clause.split(',')) {
      let z: BuildExpr;
      if (lit.startsWith('!!') || lit === '!') {
        z = ignore();
      } else {
        const neg = lit.startsWith('!');
        if (neg) lit = lit.slice(1);
        z = isValidTag(lit) ? { kind: 'tag', name: lit, pos: 0 } : ignore();
        if (neg) z = { kind: 'not', x: z };
      }
      if (y === undefined) y = z;
      else {
        if (++size > MAX_PLUS_BUILD_SIZE) return tooComplex();
        y = { kind: 'and', x: y, y: z };
      }
    }
    if (y === undefined) continue;
    if (x === undefined) x = y;
    else {
      if (++size > MAX_PLUS_BUILD_SIZE) return tooComplex();
      x = { kind: 'or', x, y };
    }
  }
  return { ok: true, expr: x ?? ignore() };
}

function tooComplex(): ExprParse {
  return { ok: false, error: { offset: 0, message: 'expression too complex for // +build lines' } };
}

/** The expression of a `//go:build` line, or undefined when the line is not one. */
function goBuildLineExpr(line: string): string | undefined {
  if (!line.startsWith('//go:build')) return undefined;
  const rest = goTrimSpace(line).slice('//go:build'.length);
  const trimmed = goTrimSpace(rest);
  if (rest !== '' && rest.length === trimmed.length) return undefined;
  return trimmed;
}

/** The expression of a `// +build` line (`//+build` counts too), or undefined. */
function plusBuildLineExpr(line: string): string | undefined {
  if (!line.startsWith('//')) return undefined;
  const body = goTrimSpace(line.slice(2));
  if (!body.startsWith('+build')) return undefined;
  const rest = body.slice('+build'.length);
  const trimmed = goTrimSpace(rest);
  if (rest !== '' && rest.length === trimmed.length) return undefined;
  return trimmed;
}

export function formatExpr(expr: BuildExpr): string {
  switch (expr.kind) {
    case 'tag':
      return expr.name;
    case 'not':
      return `!${expr.x.kind === 'tag' || expr.x.kind === 'not' ? formatExpr(expr.x) : `(${formatExpr(expr.x)})`}`;
    case 'and': {
      const side = (e: BuildExpr) => (e.kind === 'or' ? `(${formatExpr(e)})` : formatExpr(e));
      return `${side(expr.x)} && ${side(expr.y)}`;
    }
    case 'or':
      return `${formatExpr(expr.x)} || ${formatExpr(expr.y)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Platforms

const GOOS_BASE = [
  'aix',
  'android',
  'darwin',
  'dragonfly',
  'freebsd',
  'hurd',
  'illumos',
  'ios',
  'js',
  'linux',
  'nacl',
  'netbsd',
  'openbsd',
  'plan9',
  'solaris',
  'windows',
  'zos',
] as const;

export const KNOWN_ARCH: ReadonlySet<string> = new Set([
  '386',
  'amd64',
  'amd64p32',
  'arm',
  'armbe',
  'arm64',
  'arm64be',
  'loong64',
  'mips',
  'mipsle',
  'mips64',
  'mips64le',
  'mips64p32',
  'mips64p32le',
  'ppc',
  'ppc64',
  'ppc64le',
  'riscv',
  'riscv64',
  's390',
  's390x',
  'sparc',
  'sparc64',
  'wasm',
]);

const UNIX_OS: ReadonlySet<string> = new Set([
  'aix',
  'android',
  'darwin',
  'dragonfly',
  'freebsd',
  'hurd',
  'illumos',
  'ios',
  'linux',
  'netbsd',
  'openbsd',
  'solaris',
]);

/** Go minor release number from '1.23' / 'go1.23.4'; undefined when not a 1.x release. */
function goMinor(release: string | undefined): number | undefined {
  const match = release ? /^(?:go)?1\.(\d+)/.exec(release) : null;
  return match ? Number(match[1]) : undefined;
}

/** The GOOS values a release reserves in file names (wasip1 arrived in Go 1.21). */
const OS_WITH_WASIP1: ReadonlySet<string> = new Set<string>([...GOOS_BASE, 'wasip1']);
const OS_BEFORE_WASIP1: ReadonlySet<string> = new Set<string>(GOOS_BASE);

export function knownOS(release?: string): ReadonlySet<string> {
  return (goMinor(release) ?? 99) >= 21 ? OS_WITH_WASIP1 : OS_BEFORE_WASIP1;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** A concrete build, as `go build`/`go list` sees it. */
export interface BuildContext {
  goos: string;
  goarch: string;
  /** -tags, tool tags (amd64.v1, goexperiment.X), as given. */
  tags: ReadonlySet<string>;
  /** Release tags go1.1 … go1.N are set for N = this (default 99: every release tag). */
  goMinor?: number;
  cgo?: boolean;
  compiler?: 'gc' | 'gccgo';
  /** For file-name reservations (wasip1 since 1.21). */
  release?: string;
}

function matchConcreteTag(name: string, ctx: BuildContext): boolean {
  if (ctx.cgo && name === 'cgo') return true;
  if (name === ctx.goos || name === ctx.goarch || name === (ctx.compiler ?? 'gc')) return true;
  if (ctx.goos === 'android' && name === 'linux') return true;
  if (ctx.goos === 'illumos' && name === 'solaris') return true;
  if (ctx.goos === 'ios' && name === 'darwin') return true;
  if (name === 'unix' && UNIX_OS.has(ctx.goos)) return true;
  if (ctx.tags.has(name)) return true;
  const release = /^go1\.(\d+)$/.exec(name);
  if (release && Number(release[1]) >= 1 && Number(release[1]) <= (ctx.goMinor ?? 99)) {
    return !/^go1\.0\d/.test(name);
  }
  return false;
}

function evalConcrete(expr: BuildExpr, ctx: BuildContext): boolean {
  switch (expr.kind) {
    case 'tag':
      return matchConcreteTag(expr.name, ctx);
    case 'not':
      return !evalConcrete(expr.x, ctx);
    case 'and':
      return evalConcrete(expr.x, ctx) && evalConcrete(expr.y, ctx);
    case 'or':
      return evalConcrete(expr.x, ctx) || evalConcrete(expr.y, ctx);
  }
}

/**
 * The go command's "all tags" evaluation used for tidy and `all`: every valid tag except `ignore`
 * takes whichever value makes the expression true (`prefer` flips under `!`), so only a
 * constraint that needs `ignore` (or an invalid tag) excludes the file.
 */
export function evalAllTags(expr: BuildExpr, prefer = true): boolean {
  switch (expr.kind) {
    case 'tag':
      if (!isValidTag(expr.name)) return false;
      return expr.name === 'ignore' ? false : prefer;
    case 'not':
      return !evalAllTags(expr.x, !prefer);
    case 'and':
      return evalAllTags(expr.x, prefer) && evalAllTags(expr.y, prefer);
    case 'or':
      return evalAllTags(expr.x, prefer) || evalAllTags(expr.y, prefer);
  }
}

// ---------------------------------------------------------------------------------------------
// File names

export interface FileNameConstraint {
  goos?: string;
  goarch?: string;
  test: boolean;
}

/**
 * The implicit constraint of a file name: the part before the first `.` loses a trailing `_test`,
 * then a known `_GOOS_GOARCH`, `_GOOS` or `_GOARCH` suffix after a non-empty prefix constrains it.
 */
export function fileNameConstraint(name: string, release?: string): FileNameConstraint {
  const test = name.endsWith('_test.go');
  if (!test && !name.includes('_')) return { test };
  const dot = name.indexOf('.');
  const stem = dot === -1 ? name : name.slice(0, dot);
  const underscore = stem.indexOf('_');
  if (underscore < 0) return { test };
  const parts = stem.slice(underscore).split('_');
  if (parts.length > 0 && parts[parts.length - 1] === 'test') parts.pop();
  const n = parts.length;
  const oses = knownOS(release);
  const last = parts[n - 1];
  const prev = parts[n - 2];
  if (n >= 2 && prev !== undefined && last !== undefined && oses.has(prev) && KNOWN_ARCH.has(last)) {
    return { goos: prev, goarch: last, test };
  }
  if (n >= 1 && last !== undefined) {
    if (oses.has(last)) return { goos: last, test };
    if (KNOWN_ARCH.has(last)) return { goarch: last, test };
  }
  return { test };
}

/** Whether a file name suits a concrete build (tidy's all-tags mode accepts every name). */
export function matchFileName(name: string, ctx: BuildContext): boolean {
  const c = fileNameConstraint(name, ctx.release);
  if (c.goos !== undefined && !matchConcreteTag(c.goos, ctx)) return false;
  if (c.goarch !== undefined && !matchConcreteTag(c.goarch, ctx)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// File headers

export interface ConstraintLine {
  /** 1-based line in the file. */
  line: number;
  /** 1-based byte column of the comment's `//`. */
  column: number;
  text: string;
}

export interface HeaderConstraints {
  goBuild?: ConstraintLine & { expr?: BuildExpr; error?: ConstraintSyntaxError & { column: number } };
  /** `// +build` lines in the part of the header that counts (followed by a blank line). */
  plusBuild: Array<ConstraintLine & { expr?: BuildExpr }>;
  /** `multiple //go:build comments`: the file is invalid and never built. */
  multipleGoBuild?: ConstraintLine;
  /** `//go:binary-only-package` seen. */
  binaryOnly: boolean;
}

/**
 * Finds the constraint comments of a file header (the bytes before the package clause): the
 * leading run of blank lines and comments. `//go:build` counts anywhere in it (outside block
 * comments); `// +build` only up to the last blank line before the first non-comment line.
 */
/** The constraints of a file without any: shared, since most files have none. */
export const NO_CONSTRAINTS: HeaderConstraints = Object.freeze({
  plusBuild: Object.freeze([]) as never,
  binaryOnly: false,
});

export function parseHeaderConstraints(header: string): HeaderConstraints {
  // Most files have no constraint at all: skip the line-by-line scan for them.
  if (!header.includes('go:b') && !header.includes('+build')) return NO_CONSTRAINTS;
  const result: HeaderConstraints = { plusBuild: [], binaryOnly: false };
  let ended = false;
  let inSlashStar = false;
  let endLine = 0; // plus-build lines must be on lines before this one (1-based exclusive)
  const lines = header.split('\n');
  const candidates: ConstraintLine[] = [];
  lineLoop: for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const lineNo = index + 1;
    const line = goTrimSpace(raw);
    if (line.length === 0 && !ended) {
      endLine = lineNo;
      continue;
    }
    if (!line.startsWith('//')) ended = true;
    const column = byteLength(raw.slice(0, raw.indexOf(line.slice(0, 1)))) + 1;
    if (!inSlashStar && goBuildLineExpr(line) !== undefined) {
      if (result.goBuild) {
        result.multipleGoBuild = { line: lineNo, column, text: line };
      } else {
        result.goBuild = { line: lineNo, column, text: line };
      }
    }
    if (!inSlashStar && line === '//go:binary-only-package') result.binaryOnly = true;
    if (!inSlashStar && !ended && line.startsWith('//') && line.includes('+build')) {
      candidates.push({ line: lineNo, column, text: line });
    }
    let rest = line;
    while (rest.length > 0) {
      if (inSlashStar) {
        const close = rest.indexOf('*/');
        if (close >= 0) {
          inSlashStar = false;
          rest = goTrimSpace(rest.slice(close + 2));
          continue;
        }
        continue lineLoop;
      }
      if (rest.startsWith('//')) continue lineLoop;
      if (rest.startsWith('/*')) {
        inSlashStar = true;
        rest = goTrimSpace(rest.slice(2));
        continue;
      }
      break lineLoop;
    }
  }
  if (result.goBuild) {
    const text = goBuildLineExpr(result.goBuild.text) ?? '';
    const parsed = parseBuildExpr(text);
    if (parsed.ok) result.goBuild.expr = parsed.expr;
    else {
      const exprStart = byteLength(result.goBuild.text) - byteLength(text);
      result.goBuild.error = {
        ...parsed.error,
        column: result.goBuild.column + exprStart + parsed.error.offset,
      };
    }
  }
  for (const candidate of candidates) {
    if (candidate.line >= endLine) continue;
    const text = plusBuildLineExpr(candidate.text);
    if (text === undefined) continue;
    const parsed = parsePlusBuildExpr(text);
    result.plusBuild.push(parsed.ok ? { ...candidate, expr: parsed.expr } : candidate);
  }
  return result;
}

/**
 * The constraint that decides a file, as one expression: the `//go:build` line when present,
 * else the AND of the `// +build` lines; undefined when unconstrained. `invalid` when the file
 * can never build (bad or duplicate `//go:build`).
 */
export function effectiveConstraint(h: HeaderConstraints): { expr?: BuildExpr; invalid?: string } {
  if (h.multipleGoBuild) return { invalid: 'multiple //go:build comments' };
  if (h.goBuild) {
    if (h.goBuild.error) return { invalid: `parsing //go:build line: ${h.goBuild.error.message}` };
    return h.goBuild.expr ? { expr: h.goBuild.expr } : {};
  }
  let expr: BuildExpr | undefined;
  for (const line of h.plusBuild) {
    if (!line.expr) continue; // too complex: the go command skips such a line
    expr = expr ? { kind: 'and', x: expr, y: line.expr } : line.expr;
  }
  return expr ? { expr } : {};
}

/** Whether tidy (all tags but `ignore`) considers a file with this header. */
export function tidyIncludes(h: HeaderConstraints): boolean {
  const { expr, invalid } = effectiveConstraint(h);
  if (invalid) return false;
  return expr ? evalAllTags(expr) : true;
}

/** Whether a concrete build includes a file (name rules and header constraints). */
export function concreteIncludes(name: string, h: HeaderConstraints, ctx: BuildContext): boolean {
  if (!matchFileName(name, ctx)) return false;
  const { expr, invalid } = effectiveConstraint(h);
  if (invalid) return false;
  return expr ? evalConcrete(expr, ctx) : true;
}

/**
 * The guard of a file as one expression: its header constraint AND its file-name platform, or
 * undefined when it is always built. Used to say why a dependency exists.
 */
export function fileGuard(name: string, h: HeaderConstraints, release?: string): BuildExpr | undefined {
  if (
    h === NO_CONSTRAINTS &&
    (!name.includes('_') || (name.endsWith('_test.go') && name.indexOf('_') === name.length - 8))
  ) {
    return undefined;
  }
  const { expr } = effectiveConstraint(h);
  const c = fileNameConstraint(name, release);
  let guard = expr;
  for (const tag of [c.goarch, c.goos]) {
    if (tag === undefined) continue;
    const t: BuildExpr = { kind: 'tag', name: tag, pos: 0 };
    guard = guard ? { kind: 'and', x: t, y: guard } : t;
  }
  return guard;
}
