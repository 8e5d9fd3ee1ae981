// Why fix refuses to go on: data (a reason and the file), worded by the CLI in the user's language
// (messages.ts). Every refusal ends the command with exit status 2 and changes nothing more.
import type { Refusal } from '../files/read.ts';

export type RefusalReason =
  /** A file is a symbolic link. */
  | 'symlink'
  /** Not a regular file. */
  | 'not-a-file'
  /** A file outside the project (and not the go env file) would be changed. */
  | 'outside'
  /** --apply: the file changed between planning and writing. */
  | 'changed-since-plan'
  /** --undo: the file changed since the apply. */
  | 'changed-since-apply'
  /** --undo: no backup of an apply in this project. */
  | 'no-backup'
  /** --apply without a terminal and without --yes. */
  | 'no-terminal'
  /** A backup would land inside the project. */
  | 'backup-inside-project'
  /** A project file the one reader refused (FIFO, link out of the project, too large, ...). */
  | 'unsafe-file'
  /** go.mod or go.work holds binary data (a NUL byte): fix edits text only. */
  | 'binary';

/** What a refusal knows beyond its path: the reader's refusal, the position of a NUL byte. */
export interface RefusalDetail {
  /** unsafe-file: why the reader refused the file. */
  refusal?: Refusal;
  /** binary: where the first NUL byte is (1-based). */
  line?: number;
  column?: number;
}

export class FixRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly path: string,
    readonly detail: RefusalDetail = {},
  ) {
    super(`${reason}: ${path}`);
  }
}
