// The shapes `gomod-doctor fix` is made of. A repair is data plus one function that turns findings
// into changes; the plan is data (the CLI prints it, apply.ts carries it out).
import type { CauseId } from '../causes/catalog.ts';
import type { ProjectFacts } from '../doctor/facts.ts';
import type { Finding } from '../findings/finding.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Workspace } from './workspace.ts';

/** What a repair changes: a project file, the go env file, the module cache, or nothing (advice). */
export type RepairKind = 'gomod' | 'gowork' | 'gosum' | 'goenv' | 'modcache' | 'advice';

export interface RepairContext {
  /** The findings of this repair's causes (doctor, and explain with --from). */
  findings: readonly Finding[];
  project: ProjectFacts;
  /** Reads and stages file contents; every file is read once from disk (the plan's snapshot). */
  files: Workspace;
  env: Record<string, string | undefined>;
  /** The go command's settings (go env), when it answered. */
  goenv: Record<string, string>;
  lang: Lang;
  /** --all: modcache repairs may remove the whole module cache. */
  all: boolean;
  /** --release (or --only local-replace): a local-path replace is to be dropped. */
  release: boolean;
}

/** One staged edit of one file, with its diff from the content before this edit. */
export interface FileEdit {
  path: string;
  display: string;
  diff: string;
}

/** One thing a repair does for one finding (or for a group of findings of one file). */
export interface RepairStep {
  /** The finding it fixes (its title). */
  finding: Finding;
  /** Other findings the same change fixes (more problems in the same file). */
  also?: Finding[];
  /** Project or env-file edits this step made (what ctx.files.write returned). */
  files: FileEdit[];
  /** Module cache entries to remove (absolute paths), the go command's way. */
  evict?: string[];
  /** Commands for a person to run (never run by gomod-doctor): sudo chown, export lines in CI. */
  commands?: string[];
  /** Why nothing was changed for this finding, when nothing was. */
  note?: string;
}

export interface Repair {
  /** The file name under repairs/ without extension, e.g. 'gomod-drop-local-replace'. */
  id: string;
  kind: RepairKind;
  causes: readonly CauseId[];
  /** One line for docs/repairs.md and --help. */
  summary: Record<Lang, string>;
  /** The `go` command whose result a go.mod/go.work edit equals (docs; the tests hold it to it). */
  equals?: string;
  plan(ctx: RepairContext): RepairStep[] | Promise<RepairStep[]>;
}

export function defineRepair(repair: Repair): Repair {
  return repair;
}

/** A file of the plan: where it is, what it was when planned, what it becomes. */
export interface PlannedFile {
  path: string;
  /** Path as shown: relative to the directory fix runs in (the go env file: absolute). */
  display: string;
  /** undefined: the file does not exist yet. */
  before?: Buffer;
  beforeSha256?: string;
  after: Buffer;
  /** The file's mode bits (a new file: 0o644 unless the go command would use another). */
  mode: number;
  /** Whether this is the go env file (outside the project, allowed). */
  goenv?: boolean;
}

export interface PlannedRepair {
  repair: string;
  cause: CauseId;
  kind: RepairKind;
  finding: Finding;
  files: FileEdit[];
  evict: string[];
  commands: string[];
  note?: string;
}

export interface Plan {
  /** The project root: the workspace directory or the main module's (undo looks backups up by it). */
  root: string;
  cwd: string;
  repairs: PlannedRepair[];
  /** The final content of every file the plan changes. */
  files: PlannedFile[];
  /** Findings no repair can handle (printed as such, with their own fixes). */
  unrepaired: Finding[];
}
