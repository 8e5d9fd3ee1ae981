// From syntax tree to directives, with the checks (and exact messages) of x/mod's
// modfile.Parse / ParseLax / ParseWork as vendored by each Go release.

import { checkPathMajor, splitPathVersion } from '../module/path.ts';
import { canonicalVersion } from '../module/version.ts';
import { goFields, goQuote, goTrimSpace, goUnquote, isGoPrint } from './gostrings.ts';
import type { ReleaseRules } from './release.ts';
import type { Comment, FileSyntax, Line, LineBlock, Position, Token } from './syntax.ts';
import type { ModFile, ModfileError, ModfileKind, ModuleVersion, ReplaceDirective } from './types.ts';

const shortGoVersion = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const longGoVersion = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/;
const laxGoVersion = /^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9].*)$/s;
const toolchainName = /^default$|^go1($|\.)/;
const deprecatedParagraph = /(?:^|\n\n)Deprecated: *([\s\S]*?)(?:$|\n\n)/;

/** An error text before its position is added; `directive` is x/mod's `VERB PATH: ` prefix. */
class Problem {
  constructor(readonly message: string) {}
}

function versionProblem(verb: string, path: string, version: string, reason: string): Problem {
  const prefix = path !== '' ? `${verb} ${path}: ` : verb !== '' ? `${verb}: ` : '';
  return new Problem(`${prefix}version ${goQuote(version)} invalid: ${reason}`);
}

/** modfile.MustQuote. */
/** For ASCII: 0 plain, 1 always forces quoting, 2 forces quoting unless it is the whole token. */
const ASCII_QUOTING = new Uint8Array(128).fill(1);
for (let c = 0x21; c < 0x7f; c++) ASCII_QUOTING[c] = 0;
for (const c of [0x22, 0x27, 0x60]) ASCII_QUOTING[c] = 1;
for (const c of [0x28, 0x29, 0x5b, 0x5d, 0x7b, 0x7d, 0x2c]) ASCII_QUOTING[c] = 2;

export function mustQuote(s: string): boolean {
  if (s === '') return true;
  const single = s.length === 1;
  for (let i = 0; i < s.length; ) {
    const unit = s.charCodeAt(i);
    if (unit < 0x80) {
      // Per-character hot path; the switch below handles the rest of Unicode.
      const kind = ASCII_QUOTING[unit];
      if (kind === 1 || (kind === 2 && !single)) return true;
      i++;
      continue;
    }
    const cp = s.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    switch (cp) {
      case 0x20:
      case 0x22:
      case 0x27:
      case 0x60:
        return true;
      case 0x28:
      case 0x29:
      case 0x5b:
      case 0x5d:
      case 0x7b:
      case 0x7d:
      case 0x2c:
        if (!single) return true;
        break;
      default:
        if (!isGoPrint(cp)) return true;
    }
  }
  return s.includes('//') || s.includes('/*');
}

/** modfile.AutoQuote. */
export function autoQuote(s: string): string {
  return mustQuote(s) ? goQuote(s) : s;
}

/**
 * Tokens that parseString leaves exactly as they are: printable ASCII without quotes or
 * punctuation, and no `//` or `/*`. Almost every go.mod token is like this, and one native regex
 * match is cheaper than the quote regex, mustQuote and autoQuote each walking the token. (A
 * single character class keeps the match linear without backtracking state on huge tokens.)
 */
const plainChars = /^[!#-&*+\-./0-Z\\^_a-z|~]+$/;

const commentStart = /\/[/*]/;

function isPlainToken(t: string): boolean {
  return plainChars.test(t) && !commentStart.test(t);
}

/** modfile's parseString: decodes a quoted token and normalizes the token's text. */
function parseString(tok: Token): string | Problem {
  const t = tok.text;
  if (isPlainToken(t)) return t;
  let value: string;
  if (t.startsWith('"')) {
    const u = goUnquote(t);
    if (u === undefined) return new Problem('invalid syntax');
    value = u;
  } else if (/["'`]/.test(t)) {
    return new Problem('unquoted string cannot contain quote');
  } else {
    value = t;
  }
  tok.text = autoQuote(value);
  return value;
}

/** modfile's parseVersion without a fixer: the version must be semver; the token becomes canonical. */
function parseVersion(verb: string, path: string, tok: Token, keepAsWritten: boolean): string | Problem {
  const raw = tok.text;
  const s = parseString(tok);
  if (s instanceof Problem) return versionProblem(verb, path, raw, s.message);
  if (keepAsWritten) {
    tok.text = s;
    return s;
  }
  const cv = canonicalVersion(s);
  if (cv === '') return versionProblem(verb, path, s, 'must be of the form v1.2.3');
  tok.text = cv;
  return cv;
}

function isDirectoryPath(ns: string, rules: ReleaseRules): boolean {
  if (rules.dotDirectories && (ns === '.' || ns === '..')) return true;
  return (
    ns.startsWith('./') ||
    ns.startsWith('.\\') ||
    ns.startsWith('../') ||
    ns.startsWith('..\\') ||
    ns.startsWith('/') ||
    ns.startsWith('\\') ||
    (ns.length >= 2 && /^[A-Za-z]$/.test(ns[0]!) && ns[1] === ':')
  );
}

function directiveComment(block: LineBlock | undefined, line: Line): string {
  let comments = line.comments;
  if (block && comments.before.length === 0 && comments.suffix.length === 0) comments = block.comments;
  const lines: string[] = [];
  for (const group of [comments.before, comments.suffix]) {
    for (const c of group) {
      if (!c.token.startsWith('//')) continue;
      lines.push(goTrimSpace(c.token.slice(2)));
    }
  }
  return lines.join('\n');
}

export function isIndirectComment(line: Line): boolean {
  const first: Comment | undefined = line.comments.suffix[0];
  if (!first) return false;
  // The spelling the go command writes, answered without splitting the comment into fields.
  if (first.token === '// indirect') return true;
  const text = first.token.startsWith('//') ? first.token.slice(2) : first.token;
  const f = goFields(text);
  return (f.length === 1 && f[0] === 'indirect') || (f.length > 1 && f[0] === 'indirect;');
}

interface Context {
  file: ModFile;
  rules: ReleaseRules;
  strict: boolean;
  errors: ModfileError[];
  filename: string;
}

function report(ctx: Context, pos: Position, message: string): void {
  const error: ModfileError = { file: ctx.filename, line: pos.line, pos, message };
  if (pos.column > 1) error.column = pos.column;
  ctx.errors.push(error);
}

export function newModFile(
  kind: ModfileKind,
  syntax: FileSyntax,
  rules: ReleaseRules,
  lax: boolean,
): ModFile {
  return {
    kind,
    release: rules.release,
    lax,
    syntax,
    godebug: [],
    require: [],
    exclude: [],
    replace: [],
    retract: [],
    tool: [],
    ignore: [],
    use: [],
  };
}

function knownBlockVerbs(kind: ModfileKind, rules: ReleaseRules): Set<string> {
  const verbs =
    kind === 'go.mod' ? ['module', 'require', 'exclude', 'replace', 'retract'] : ['use', 'replace'];
  if (rules.godebug) verbs.push('godebug');
  if (kind === 'go.mod' && rules.tool) verbs.push('tool');
  if (kind === 'go.mod' && rules.ignore) verbs.push('ignore');
  return new Set(verbs);
}

/** Reads the directives of a parsed file into `file`, collecting errors as the go command would. */
export function interpret(
  file: ModFile,
  rules: ReleaseRules,
  strict: boolean,
  filename: string,
): ModfileError[] {
  const ctx: Context = { file, rules, strict, errors: [], filename };
  const blockVerbs = knownBlockVerbs(file.kind, rules);
  for (const stmt of file.syntax.statements) {
    if (stmt.type === 'line') {
      const message = addDirective(ctx, undefined, stmt, stmt.tokens[0]!.text, stmt.tokens.slice(1));
      if (message !== undefined) report(ctx, stmt.start, message);
    } else if (stmt.type === 'block') {
      const verb = stmt.tokens[0]!.text;
      if (stmt.tokens.length > 1 || !blockVerbs.has(verb)) {
        if (strict)
          report(ctx, stmt.start, `unknown block type: ${stmt.tokens.map((t) => t.text).join(' ')}`);
        continue;
      }
      for (const line of stmt.lines) {
        const message = addDirective(ctx, stmt, line, verb, line.tokens);
        if (message !== undefined) report(ctx, line.start, message);
      }
    }
  }
  return ctx.errors;
}

const laxVerbs = new Set(['go', 'module', 'retract', 'require']);

// Returns the error message when the directive is in error.
function addDirective(
  ctx: Context,
  block: LineBlock | undefined,
  line: Line,
  verb: string,
  args: Token[],
): string | undefined {
  const { file, rules, strict } = ctx;
  if (file.kind === 'go.mod' && !strict && !(laxVerbs.has(verb) || (verb === 'ignore' && rules.ignore)))
    return;
  const fail = (problem: Problem | string): string =>
    problem instanceof Problem ? problem.message : problem;
  const pos = line.start;
  const known =
    verb === 'go' ||
    verb === 'replace' ||
    (verb === 'toolchain' && rules.toolchain) ||
    (verb === 'godebug' && rules.godebug) ||
    (file.kind === 'go.mod' &&
      (verb === 'module' ||
        verb === 'require' ||
        verb === 'exclude' ||
        verb === 'retract' ||
        (verb === 'tool' && rules.tool) ||
        (verb === 'ignore' && rules.ignore))) ||
    (file.kind === 'go.work' && verb === 'use');
  if (!known) return fail(`unknown directive: ${verb}`);
  switch (verb) {
    case 'go': {
      if (file.go) return fail('repeated go statement');
      if (args.length !== 1) return fail('go directive expects exactly one argument');
      const tok = args[0]!;
      const re = rules.longGoVersions ? longGoVersion : shortGoVersion;
      if (!re.test(tok.text)) {
        const m = file.kind === 'go.mod' && !strict ? laxGoVersion.exec(tok.text) : null;
        const example = file.kind === 'go.work' ? rules.workGoVersionExample : rules.goVersionExample;
        if (!m) return fail(`invalid go version '${tok.text}': must match format ${example}`);
        tok.text = m[1]!;
      }
      file.go = { version: tok.text, pos, syntax: line };
      return;
    }
    case 'toolchain': {
      if (file.toolchain) return fail('repeated toolchain statement');
      if (args.length !== 1) return fail('toolchain directive expects exactly one argument');
      const name = args[0]!.text;
      const checks = file.kind === 'go.work' || strict || !rules.toolchainCheckStrictOnly;
      if (checks && !toolchainName.test(name)) {
        const example = file.kind === 'go.work' ? rules.workToolchainExample : rules.toolchainExample;
        return fail(`invalid toolchain version '${name}': must match format ${example}`);
      }
      file.toolchain = { name, pos, syntax: line };
      return;
    }
    case 'module': {
      if (file.module) return fail('repeated module statement');
      const deprecated = deprecatedParagraph.exec(directiveComment(block, line))?.[1] ?? '';
      file.module = { path: '', deprecated, pos, syntax: line };
      if (args.length !== 1) return fail('usage: module module/path');
      const s = parseString(args[0]!);
      if (s instanceof Problem) return fail(`invalid quoted string: ${s.message}`);
      file.module.path = s;
      return;
    }
    case 'godebug': {
      if (args.length !== 1 || /["`',]/.test(args[0]!.text)) return fail('usage: godebug key=value');
      const text = args[0]!.text;
      const eq = text.indexOf('=');
      if (eq < 0) return fail('usage: godebug key=value');
      file.godebug.push({ key: text.slice(0, eq), value: text.slice(eq + 1), pos, syntax: line });
      return;
    }
    case 'require':
    case 'exclude': {
      if (args.length !== 2) return fail(`usage: ${verb} module/path v1.2.3`);
      const pathTok = args[0]!;
      const versionTok = args[1]!;
      const s = parseString(pathTok);
      if (s instanceof Problem) return fail(`invalid quoted string: ${s.message}`);
      const v = parseVersion(verb, s, versionTok, false);
      if (v instanceof Problem) return fail(v);
      const split = splitPathVersion(s);
      if (!split.ok) return fail('invalid module path');
      const reason = checkPathMajor(v, split.pathMajor);
      if (reason !== undefined) return fail(versionProblem(verb, s, v, reason));
      if (verb === 'require') {
        file.require.push({
          path: s,
          version: v,
          indirect: isIndirectComment(line),
          pos,
          syntax: line,
          pathPos: pathTok.pos,
          versionPos: versionTok.pos,
        });
      } else {
        file.exclude.push({
          path: s,
          version: v,
          pos,
          syntax: line,
          pathPos: pathTok.pos,
          versionPos: versionTok.pos,
        });
      }
      return;
    }
    case 'replace': {
      const r = parseReplace(ctx, line, verb, args);
      if (r instanceof Problem) return fail(r);
      file.replace.push(r);
      return;
    }
    case 'retract': {
      const rationale = directiveComment(block, line);
      const rest = [...args];
      const interval = parseVersionInterval(verb, rest);
      if (interval instanceof Problem) return strict ? fail(interval) : undefined;
      if (rest.length > 0 && strict) return fail(`unexpected token after version: ${goQuote(rest[0]!.text)}`);
      file.retract.push({ low: interval.low, high: interval.high, rationale, pos, syntax: line });
      return;
    }
    case 'tool':
    case 'ignore': {
      if (args.length !== 1) return fail(`${verb} directive expects exactly one argument`);
      const s = parseString(args[0]!);
      if (s instanceof Problem) return fail(`invalid quoted string: ${s.message}`);
      file[verb].push({ path: s, pos, syntax: line });
      return;
    }
    case 'use': {
      if (args.length !== 1) return fail('usage: use local/dir');
      const s = parseString(args[0]!);
      if (s instanceof Problem) return fail(`invalid quoted string: ${s.message}`);
      file.use.push({ path: s, modulePath: '', pos, syntax: line });
      return;
    }
  }
}

function parseReplace(ctx: Context, line: Line, verb: string, args: Token[]): ReplaceDirective | Problem {
  const { rules } = ctx;
  const arrow = args.length >= 2 && args[1]!.text === '=>' ? 1 : 2;
  if (args.length < arrow + 2 || args.length > arrow + 3 || args[arrow]!.text !== '=>') {
    return new Problem(
      `usage: ${verb} module/path [v1.2.3] => other/module v1.4\n\t or ${verb} module/path [v1.2.3] => ../local/directory`,
    );
  }
  const s = parseString(args[0]!);
  if (s instanceof Problem) return new Problem(`invalid quoted string: ${s.message}`);
  const split = splitPathVersion(s);
  if (!split.ok) return new Problem(`${verb} ${s}: invalid module path`);
  let v = '';
  if (arrow === 2) {
    const pv = parseVersion(verb, s, args[1]!, false);
    if (pv instanceof Problem) return pv;
    const reason = checkPathMajor(pv, split.pathMajor);
    if (reason !== undefined) return versionProblem(verb, s, pv, reason);
    v = pv;
  }
  const newTok = args[arrow + 1]!;
  const ns = parseString(newTok);
  if (ns instanceof Problem) return new Problem(`invalid quoted string: ${ns.message}`);
  let nv = '';
  if (args.length === arrow + 2) {
    if (!isDirectoryPath(ns, rules)) {
      if (rules.replaceAtMessage && ns.includes('@')) {
        return new Problem("replacement module must match format 'path version', not 'path@version'");
      }
      return new Problem(
        rules.dotDirectories
          ? 'replacement module without version must be directory path (rooted or starting with . or ..)'
          : 'replacement module without version must be directory path (rooted or starting with ./ or ../)',
      );
    }
    if (ns.includes('\\')) {
      return new Problem('replacement directory appears to be Windows path (on a non-windows system)');
    }
  }
  if (args.length === arrow + 3) {
    const pv = parseVersion(verb, ns, args[arrow + 2]!, false);
    if (pv instanceof Problem) return pv;
    if (isDirectoryPath(ns, rules))
      return new Problem(`replacement module directory path ${goQuote(ns)} cannot have version`);
    nv = pv;
  }
  const oldVersion: ModuleVersion = { path: s, version: v };
  return {
    old: oldVersion,
    new: { path: ns, version: nv },
    pos: line.start,
    syntax: line,
    oldPos: args[0]!.pos,
    newPos: newTok.pos,
  };
}

/** Parses `VERSION` or `[LOW, HIGH]` from the front of `toks`, leaving what follows in it. */
function parseVersionInterval(verb: string, toks: Token[]): { low: string; high: string } | Problem {
  const first = toks[0];
  if (first === undefined || first.text === '(') return new Problem("expected '[' or version");
  if (first.text !== '[') {
    const v = parseVersion(verb, '', first, true);
    if (v instanceof Problem) return v;
    toks.shift();
    return { low: v, high: v };
  }
  toks.shift();
  const lowTok = toks[0];
  if (lowTok === undefined) return new Problem("expected version after '['");
  const low = parseVersion(verb, '', lowTok, true);
  if (low instanceof Problem) return low;
  toks.shift();
  if (textAt(toks, 0) !== ',') return new Problem("expected ',' after version");
  toks.shift();
  const highTok = toks[0];
  if (highTok === undefined) return new Problem("expected version after ','");
  const high = parseVersion(verb, '', highTok, true);
  if (high instanceof Problem) return high;
  toks.shift();
  if (textAt(toks, 0) !== ']') return new Problem("expected ']' after version");
  toks.shift();
  return { low, high };
}

function textAt(toks: Token[], i: number): string | undefined {
  return toks[i]?.text;
}
