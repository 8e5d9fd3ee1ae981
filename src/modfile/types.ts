import type { FileSyntax, Line, Position } from './syntax.ts';

export type ModfileKind = 'go.mod' | 'go.work';

/** One parse error, positioned as the go command reports it. */
export interface ModfileError {
  file: string;
  line: number;
  /** Present when the go command prints one (it does when the column is past 1). */
  column?: number;
  /** Where the error points (line 0 when the go command gives no position). */
  pos: Position;
  message: string;
}

interface Directive {
  /** Start of the statement (inside a block: of its line in the block). */
  pos: Position;
  syntax: Line;
}

export interface ModuleDirective extends Directive {
  path: string;
  /** Text of a `// Deprecated:` paragraph in the module line's comments ('' when none). */
  deprecated: string;
}

export interface GoDirective extends Directive {
  version: string;
}

export interface ToolchainDirective extends Directive {
  name: string;
}

export interface GodebugDirective extends Directive {
  key: string;
  value: string;
}

export interface RequireDirective extends Directive {
  path: string;
  version: string;
  indirect: boolean;
  pathPos: Position;
  versionPos: Position;
}

export interface ExcludeDirective extends Directive {
  path: string;
  version: string;
  pathPos: Position;
  versionPos: Position;
}

export interface ModuleVersion {
  path: string;
  /** '' when absent (a replacement of every version, or a directory). */
  version: string;
}

export interface ReplaceDirective extends Directive {
  old: ModuleVersion;
  new: ModuleVersion;
  oldPos: Position;
  newPos: Position;
}

export interface RetractDirective extends Directive {
  low: string;
  high: string;
  rationale: string;
}

export interface ToolDirective extends Directive {
  path: string;
}

export interface IgnoreDirective extends Directive {
  path: string;
}

export interface UseDirective extends Directive {
  path: string;
  /** Set only by edits (`go work use`), never by parsing. */
  modulePath: string;
}

/** A parsed go.mod or go.work file: the syntax tree plus what its directives say. */
export interface ModFile {
  kind: ModfileKind;
  /** The Go release whose rules were used (`1.23`). */
  release: string;
  lax: boolean;
  syntax: FileSyntax;
  module?: ModuleDirective;
  go?: GoDirective;
  toolchain?: ToolchainDirective;
  godebug: GodebugDirective[];
  require: RequireDirective[];
  exclude: ExcludeDirective[];
  replace: ReplaceDirective[];
  retract: RetractDirective[];
  tool: ToolDirective[];
  ignore: IgnoreDirective[];
  /** go.work only. */
  use: UseDirective[];
}

export interface ParseOptions {
  /** Name used in messages (default `go.mod` / `go.work`). */
  filename?: string;
  /** Go release whose rules apply: '1.19' … '1.25' (default: the newest). */
  goRelease?: string;
  /** Dependency mode (modfile.ParseLax): unknown and main-module-only directives are ignored. go.mod only. */
  lax?: boolean;
}

export interface ParseResult {
  file: ModFile;
  errors: ModfileError[];
}
