// Printing a syntax tree back as text (x/mod's modfile.Format), and the clean-up that
// `go mod edit` applies before printing or before -json (SortBlocks, then Cleanup).

import { compare as compareSemver } from '../module/semver.ts';
import { goTrimSpace } from './gostrings.ts';
import type { ReleaseRules } from './release.ts';
import type { Comment, FileSyntax, Line, LineBlock, Statement, Token } from './syntax.ts';
import { compareGoStrings } from './text.ts';
import type { ExcludeDirective, IgnoreDirective, ModFile, ReplaceDirective, ToolDirective } from './types.ts';

class Printer {
  private readonly done: string[] = [];
  private cur = '';
  private pending: Comment[] = [];
  private margin = 0;

  constructor(
    private readonly trimsBlankLines: boolean,
    private readonly asWritten: boolean,
  ) {}

  private write(s: string): void {
    const nl = s.indexOf('\n');
    if (nl < 0) {
      this.cur += s;
      return;
    }
    const parts = s.split('\n');
    this.done.push(this.cur + parts[0]);
    for (let i = 1; i < parts.length - 1; i++) this.done.push(parts[i]!);
    this.cur = parts[parts.length - 1]!;
  }

  private isEmpty(): boolean {
    return this.done.length === 0 && this.cur === '';
  }

  private endsWithBlankLine(): boolean {
    return this.cur === '' && this.done.length >= 2 && this.done[this.done.length - 1] === '';
  }

  private trim(): void {
    let n = this.cur.length;
    while (n > 0) {
      const c = this.cur.charCodeAt(n - 1);
      if (c !== 0x20 && c !== 0x09) break;
      n--;
    }
    if (n !== this.cur.length) this.cur = this.cur.slice(0, n);
  }

  private tabs(): void {
    if (this.margin > 0) this.write('\t'.repeat(this.margin));
  }

  private newline(): void {
    if (this.pending.length > 0) {
      this.write(' ');
      this.pending.forEach((com, i) => {
        if (i > 0) {
          this.trim();
          this.write('\n');
          this.tabs();
        }
        this.write(goTrimSpace(com.token));
      });
      this.pending = [];
    }
    this.trim();
    if (!this.trimsBlankLines || !(this.isEmpty() || this.endsWithBlankLine())) this.write('\n');
    this.tabs();
  }

  file(f: FileSyntax): void {
    for (const com of f.comments.before) {
      this.write(goTrimSpace(com.token));
      this.newline();
    }
    f.statements.forEach((stmt, i) => {
      this.statement(stmt);
      if (stmt.type !== 'comment') this.newline();
      for (const com of stmt.comments.after) {
        this.write(goTrimSpace(com.token));
        this.newline();
      }
      if (i + 1 < f.statements.length) this.newline();
    });
  }

  private before(list: Comment[]): void {
    if (list.length === 0) return;
    this.trim();
    if (this.cur.length > 0) this.write('\n');
    this.tabs();
    for (const com of list) {
      this.write(goTrimSpace(com.token));
      this.newline();
    }
  }

  private statement(x: Statement): void {
    this.before(x.comments.before);
    if (x.type === 'line') {
      this.tokens(x.tokens);
    } else if (x.type === 'block') {
      this.block(x);
    }
    this.pending.push(...x.comments.suffix);
  }

  private block(x: LineBlock): void {
    this.tokens(x.tokens);
    this.write(' ');
    this.before(x.lparen.comments.before);
    this.write('(');
    this.pending.push(...x.lparen.comments.suffix);
    this.margin++;
    for (const line of x.lines) {
      this.newline();
      this.statement(line);
    }
    this.margin--;
    this.newline();
    this.before(x.rparen.comments.before);
    this.write(')');
    this.pending.push(...x.rparen.comments.suffix);
  }

  private tokens(tokens: Token[]): void {
    let sep = '';
    for (const tok of tokens) {
      const t = this.asWritten ? tok.raw : tok.text;
      if (t === ',' || t === ')' || t === ']' || t === '}') sep = '';
      this.write(sep + t);
      sep = t === '(' || t === '[' || t === '{' ? '' : ' ';
    }
  }

  result(): string {
    let out = this.done.length > 0 ? `${this.done.join('\n')}\n${this.cur}` : this.cur;
    if (this.trimsBlankLines) {
      let end = out.length;
      while (end > 0 && out.charCodeAt(end - 1) === 0x0a && (end === 1 || out.charCodeAt(end - 2) === 0x0a))
        end--;
      out = out.slice(0, end);
    }
    return out;
  }
}

/** modfile.Format: the syntax tree as text, without sorting or cleaning anything. */
export function formatSyntax(syntax: FileSyntax, rules: ReleaseRules, asWritten = false): string {
  const p = new Printer(rules.printerTrimsBlankLines, asWritten);
  p.file(syntax);
  return p.result();
}

/** What `go mod edit` / `go work edit` hold after SortBlocks and Cleanup (the input file is left as it is). */
export interface EditedView {
  statements: Statement[];
  exclude: ExcludeDirective[];
  replace: ReplaceDirective[];
  tool: ToolDirective[];
  ignore: IgnoreDirective[];
}

/** The directive lists of the edited view, and the lines Cleanup drops. */
interface EditedDirectives extends Omit<EditedView, 'statements'> {
  killed: Set<Line>;
}

/**
 * The directives alone: all that `-json` prints. Kept apart from the statements so that -json
 * does not sort every block only to throw the result away (it matters for a cold CLI start).
 */
export function editedDirectives(file: ModFile, rules: ReleaseRules): EditedDirectives {
  const killed = new Set<Line>();
  const exclude = dedupeFirst(file.exclude, (x) => `${x.path}\u0000${x.version}`, killed);
  const replace = dedupeLast(file.replace, (x) => `${x.old.path}\u0000${x.old.version}`, killed);
  const tool = rules.tool ? dedupeFirst(file.tool, (x) => x.path, killed) : file.tool;
  const ignore = rules.ignore ? dedupeFirst(file.ignore, (x) => x.path, killed) : file.ignore;
  return { exclude, replace, tool, ignore, killed };
}

function editedView(file: ModFile, rules: ReleaseRules): EditedView {
  const { exclude, replace, tool, ignore, killed } = editedDirectives(file, rules);

  const useSemanticExclude =
    file.kind === 'go.mod' &&
    rules.semanticExcludeSort &&
    file.go !== undefined &&
    compareSemver(`v${file.go.version}`, 'v1.21') >= 0;

  const statements: Statement[] = [];
  for (const stmt of file.syntax.statements) {
    if (stmt.type === 'line') {
      if (!killed.has(stmt)) statements.push(stmt);
      continue;
    }
    if (stmt.type === 'comment') {
      statements.push(stmt);
      continue;
    }
    const lines = stmt.lines.filter((l) => !killed.has(l));
    if (lines.length === 0) continue;
    const verb = stmt.tokens[0]?.text;
    if (file.kind === 'go.mod' && verb === 'exclude' && useSemanticExclude) lines.sort(compareExcludeLines);
    else if (file.kind === 'go.mod' && verb === 'retract') lines.sort(compareRetractLines);
    else lines.sort(compareLines);
    if (
      lines.length === 1 &&
      (!rules.keepBlockWithParenComments || stmt.rparen.comments.before.length === 0)
    ) {
      const only = lines[0]!;
      statements.push({
        type: 'line',
        comments: {
          before: [...stmt.comments.before, ...only.comments.before],
          suffix: [...only.comments.suffix, ...stmt.comments.suffix],
          after: [...only.comments.after, ...stmt.comments.after],
        },
        start: only.start,
        end: only.end,
        tokens: [...stmt.tokens, ...only.tokens],
        inBlock: false,
      });
      continue;
    }
    statements.push({ ...stmt, lines });
  }
  return { statements, exclude, replace, tool, ignore };
}

function dedupeFirst<T extends { syntax: Line }>(list: T[], key: (x: T) => string, killed: Set<Line>): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const x of list) {
    const k = key(x);
    if (seen.has(k)) {
      killed.add(x.syntax);
      continue;
    }
    seen.add(k);
    out.push(x);
  }
  return out;
}

function dedupeLast<T extends { syntax: Line }>(list: T[], key: (x: T) => string, killed: Set<Line>): T[] {
  const seen = new Set<string>();
  for (let i = list.length - 1; i >= 0; i--) {
    const x = list[i]!;
    const k = key(x);
    if (seen.has(k)) killed.add(x.syntax);
    else seen.add(k);
  }
  return list.filter((x) => !killed.has(x.syntax));
}

function compareLines(a: Line, b: Line): number {
  const n = Math.min(a.tokens.length, b.tokens.length);
  for (let k = 0; k < n; k++) {
    const x = a.tokens[k]!.text;
    const y = b.tokens[k]!.text;
    if (x !== y) return compareGoStrings(x, y);
  }
  return a.tokens.length - b.tokens.length;
}

function compareExcludeLines(a: Line, b: Line): number {
  if (a.tokens.length !== 2 || b.tokens.length !== 2) return compareLines(a, b);
  const pa = a.tokens[0]!.text;
  const pb = b.tokens[0]!.text;
  if (pa !== pb) return compareGoStrings(pa, pb);
  return compareSemver(a.tokens[1]!.text, b.tokens[1]!.text);
}

function retractInterval(l: Line): { low: string; high: string } {
  const t = l.tokens.map((x) => x.text);
  if (t.length === 1) return { low: t[0]!, high: t[0]! };
  if (t.length === 5 && t[0] === '[' && t[2] === ',' && t[4] === ']') return { low: t[1]!, high: t[3]! };
  return { low: '', high: '' };
}

function compareRetractLines(a: Line, b: Line): number {
  const x = retractInterval(a);
  const y = retractInterval(b);
  const c = compareSemver(x.low, y.low);
  if (c !== 0) return -c;
  return -compareSemver(x.high, y.high);
}

/** `go mod edit -fmt` / `go work edit -fmt`: sort blocks, drop duplicates, collapse one-line blocks, print. */
export function formatEdited(file: ModFile, rules: ReleaseRules): string {
  const view = editedView(file, rules);
  return formatSyntax({ ...file.syntax, statements: view.statements }, rules);
}

export type { Statement };
