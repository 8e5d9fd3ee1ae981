// go.mod / go.work edits on the syntax tree, then printed the way `go mod edit` prints: it parses,
// changes the tree, sorts blocks, cleans up and formats; so do we (modfile's format()), which keeps
// every comment the go command keeps and gives, for the same change, the same bytes.
import {
  format,
  type Line,
  type ModFile,
  type ModfileKind,
  parseGoMod,
  parseGoWork,
  type Statement,
  type Token,
} from '../modfile/index.ts';
import { encodeGoText } from '../modfile/text.ts';

/** Parses as the go command would before an edit; undefined when it would refuse the file. */
export function parseForEdit(bytes: Uint8Array, kind: ModfileKind, release: string): ModFile | undefined {
  const parsed =
    kind === 'go.mod'
      ? parseGoMod(bytes, { goRelease: release })
      : parseGoWork(bytes, { goRelease: release });
  return parsed.errors.length === 0 ? parsed.file : undefined;
}

/** Removes directive lines from the tree and from the directive lists (x/mod's markRemoved + Cleanup). */
export function removeLines(file: ModFile, lines: ReadonlySet<Line>): void {
  if (lines.size === 0) return;
  file.syntax.statements = file.syntax.statements.flatMap((stmt): Statement[] => {
    if (stmt.type === 'line') return lines.has(stmt) ? [] : [stmt];
    if (stmt.type === 'block') return [{ ...stmt, lines: stmt.lines.filter((l) => !lines.has(l)) }];
    return [stmt];
  });
  const keep = <T extends { syntax: Line }>(list: T[]): T[] => list.filter((d) => !lines.has(d.syntax));
  file.require = keep(file.require);
  file.exclude = keep(file.exclude);
  file.replace = keep(file.replace);
  file.godebug = keep(file.godebug);
  file.tool = keep(file.tool);
  file.ignore = keep(file.ignore);
  file.use = keep(file.use);
  file.retract = keep(file.retract);
}

/** Sets a line's last token (a requirement's version), as x/mod's updateLine does. */
export function setLastToken(line: Line, text: string): void {
  const last = line.tokens[line.tokens.length - 1]!;
  const token: Token = { ...last, text, raw: text };
  line.tokens = [...line.tokens.slice(0, -1), token];
}

/** The file as `go mod edit` writes it after the edit. */
export function printEdited(file: ModFile): Uint8Array {
  return encodeGoText(format(file));
}
