// The plan's snapshot of the files it changes: each file is read from disk once, and the repairs
// edit the staged copy, one after another, so two repairs of the same go.mod compose. The bytes
// read here are what --apply compares with the disk before it writes anything. Every read goes
// through the one project-file reader (regular files only, no link out of the project, a size
// bound), as in every other command: a checkout from a stranger can put a FIFO or a link to
// /dev/zero where go.mod should be.
import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative } from 'node:path';
import { type ProjectFileKind, readProjectFile } from '../files/read.ts';
import { unifiedDiff } from './diff.ts';
import { FixRefusal } from './errors.ts';
import type { FileEdit, PlannedFile } from './types.ts';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

const KINDS: Record<string, ProjectFileKind> = {
  'go.mod': 'go.mod',
  'go.work': 'go.work',
  'go.sum': 'go.sum',
};

/** The 1-based line and column of the first NUL byte, if any. */
function nulPosition(bytes: Uint8Array): { line: number; column: number } | undefined {
  const at = bytes.indexOf(0);
  if (at < 0) return undefined;
  let line = 1;
  let start = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: at - start + 1 };
}

/**
 * A file fix may change, read through the one reader; undefined when there is none. A symbolic
 * link is refused even inside the project: writing through it (or replacing the link by a file)
 * would change what the user did not ask about. go.mod and go.work with a NUL byte are refused
 * at its position (the go command stops there too); go.sum is not, since dropping its bad lines
 * is a repair.
 */
export function readForFix(path: string, root: string, display: string): Buffer | undefined {
  try {
    if (lstatSync(path).isSymbolicLink()) throw new FixRefusal('symlink', display);
  } catch (error) {
    if (error instanceof FixRefusal) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
  }
  const kind = KINDS[basename(path)] ?? 'go.mod';
  const read = readProjectFile(path, { kind, roots: [root] });
  if (!read.ok) {
    if (read.missing) return undefined;
    throw new FixRefusal('unsafe-file', display, { refusal: read });
  }
  if (kind === 'go.mod' || kind === 'go.work') {
    const nul = nulPosition(read.bytes);
    if (nul) throw new FixRefusal('binary', display, nul);
  }
  return read.bytes;
}

interface Entry {
  path: string;
  display: string;
  before?: Buffer;
  mode: number;
  current?: Buffer;
  goenv: boolean;
}

export class Workspace {
  private readonly entries = new Map<string, Entry>();

  constructor(
    /** The project root: no project file outside it is read for writing. */
    readonly root: string,
    private readonly cwd: string,
    /** The go env file (`go env -w` writes there): the one file outside the project we may change. */
    private readonly goenvFile?: string,
  ) {}

  private entry(path: string): Entry {
    const known = this.entries.get(path);
    if (known) return known;
    const goenv = path === this.goenvFile;
    if (!goenv && !inside(path, this.root)) throw new FixRefusal('outside', path);
    const display = goenv ? path : relative(this.cwd, path) || path;
    const before = readForFix(path, goenv ? dirname(path) : this.root, display);
    let mode = 0o644;
    if (before !== undefined) mode = lstatSync(path).mode & 0o7777;
    const entry: Entry = { path, display, mode, goenv, ...(before ? { before, current: before } : {}) };
    this.entries.set(path, entry);
    return entry;
  }

  /** The content on disk when the plan started (line numbers of findings refer to it). */
  original(path: string): Buffer | undefined {
    return this.entry(path).before;
  }

  /** The staged content (the disk's, until a repair changed it); undefined when there is no file. */
  read(path: string): Buffer | undefined {
    return this.entry(path).current;
  }

  /** Stages new content and returns the edit with its diff from the staged content before it. */
  write(path: string, bytes: Uint8Array): FileEdit {
    const entry = this.entry(path);
    const next = Buffer.from(bytes);
    const diff = unifiedDiff(
      entry.display.replace(/^\//, ''),
      entry.current?.toString('utf8'),
      next.toString('utf8'),
    );
    entry.current = next;
    return { path, display: entry.display, diff };
  }

  /** Every file whose staged content differs from the disk's. */
  changed(): PlannedFile[] {
    const out: PlannedFile[] = [];
    for (const e of this.entries.values()) {
      if (e.current === undefined) continue;
      if (e.before?.equals(e.current)) continue;
      out.push({
        path: e.path,
        display: e.display,
        after: e.current,
        mode: e.mode,
        ...(e.before !== undefined ? { before: e.before, beforeSha256: sha256(e.before) } : {}),
        ...(e.goenv ? { goenv: true } : {}),
      });
    }
    return out;
  }
}
