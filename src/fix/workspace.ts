// The plan's snapshot of the files it changes: each file is read from disk once, and the repairs
// edit the staged copy, one after another, so two repairs of the same go.mod compose. The bytes
// read here are what --apply compares with the disk before it writes anything.
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
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
    let before: Buffer | undefined;
    let mode = 0o644;
    try {
      const stat = lstatSync(path);
      // A symlinked go.mod or go.sum belongs to some other tree: writing through it (or replacing
      // the link by a file) would change what the user did not ask about.
      if (stat.isSymbolicLink()) throw new FixRefusal('symlink', path);
      if (!stat.isFile()) throw new FixRefusal('not-a-file', path);
      mode = stat.mode & 0o7777;
      before = readFileSync(path);
    } catch (error) {
      if (error instanceof FixRefusal) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const display = goenv ? path : relative(this.cwd, path) || path;
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
