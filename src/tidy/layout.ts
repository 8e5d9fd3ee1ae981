// Where `go mod tidy` puts require lines. For a go line of 1.27 or later, Go 1.27's tidy keeps at
// most two require statements: every direct requirement moves into the last block (or line) that
// holds only direct, uncommented requirements, every indirect one into the last such indirect
// block; blocks are created when there is none (direct before indirect). Earlier go lines keep
// the 1.17 layout (requirements stay where they are). This finds the lines that would move.
import { isIndirectComment } from '../modfile/rules.ts';
import type { Comments, Line, Statement } from '../modfile/syntax.ts';
import type { ModFile } from '../modfile/types.ts';
import { goAtLeast } from './modgraph.ts';

/** The first go line whose tidy merges require blocks (cmd/go's SimplifyRequireVersion). */
const SIMPLIFY_REQUIRE_VERSION = '1.27';

export interface LayoutMove {
  path: string;
  line: number;
  /** The requirement belongs in the indirect block (after tidy). */
  indirect: boolean;
}

/** Comments other than a lone `// indirect` count: a commented line or block is never a target. */
function hasComments(c: Comments, line?: Line): boolean {
  if (c.before.length > 0 || c.after.length > 0) return true;
  if (c.suffix.length > 1) return true;
  if (c.suffix.length === 1) return !(line && isIndirectComment(line));
  return false;
}

function isRequire(stmt: Statement): boolean {
  return stmt.type !== 'comment' && stmt.tokens[0]?.text === 'require';
}

/**
 * The requirements whose lines tidy would move to merge the require statements, given the
 * requirements tidy keeps (path → indirect after tidy). Empty when the layout already is tidy's.
 */
export function mergedLayoutMoves(file: ModFile, keep: ReadonlyMap<string, boolean>): LayoutMove[] {
  const stmts = file.syntax.statements;
  let lastDirect = -1;
  let lastIndirect = -1;
  stmts.forEach((stmt, i) => {
    if (!isRequire(stmt)) return;
    if (stmt.type === 'line') {
      if (hasComments(stmt.comments, stmt)) return;
      if (isIndirectComment(stmt)) lastIndirect = i;
      else lastDirect = i;
      return;
    }
    if (stmt.type !== 'block' || stmt.lines.length === 0 || hasComments(stmt.comments)) return;
    let allDirect = true;
    let allIndirect = true;
    for (const line of stmt.lines) {
      if (hasComments(line.comments, line)) {
        allDirect = false;
        allIndirect = false;
      } else if (isIndirectComment(line)) allDirect = false;
      else allIndirect = false;
    }
    if (allDirect) lastDirect = i;
    if (allIndirect) lastIndirect = i;
  });
  const moves: LayoutMove[] = [];
  for (const r of file.require) {
    const indirect = keep.get(r.path);
    if (indirect === undefined) continue; // removed anyway
    const target = indirect ? lastIndirect : lastDirect;
    const at = stmts.findIndex(
      (s) =>
        isRequire(s) && (s === (r.syntax as unknown) || (s.type === 'block' && s.lines.includes(r.syntax))),
    );
    if (target < 0 || at !== target) moves.push({ path: r.path, line: r.pos.line, indirect });
  }
  return moves;
}

/** Whether `go mod tidy` merges require blocks for this go line. */
export function mergesRequireBlocks(goLine: string | undefined): boolean {
  return goLine !== undefined && goAtLeast(goLine, SIMPLIFY_REQUIRE_VERSION);
}
