// The one reader of project files (go.mod, go.work, go.sum, vendor/modules.txt, .go headers).
// A checkout under analysis may come from a stranger's pull request, so every read is bounded:
//   - regular files only: a FIFO, device, socket or directory is refused from its lstat/stat and
//     never opened for reading (a FIFO would block forever, /dev/zero never ends); the open itself
//     uses O_NONBLOCK and O_NOFOLLOW and the descriptor is checked again with fstat, so a file
//     swapped for a FIFO or a link between the check and the open is refused too;
//   - a size bound per kind: 64 MB for go.mod/go.work/go.sum/modules.txt (the go command reads
//     much less in practice); the bound holds while reading, not only by stat (procfs files say
//     size 0 and are not);
//   - symbolic links (at any component) that resolve outside the allowed roots (the project, the
//     workspace's modules) are not followed, so `go.sum -> /proc/self/environ` or
//     `go.mod -> /etc/shadow` is never read, let alone printed.
// Nothing here throws for what a checkout can do; every refusal is data the caller reports.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  type Stats,
} from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

export type ProjectFileKind = 'go.mod' | 'go.work' | 'go.sum' | 'modules.txt' | 'go';

/** Bounds per kind. Source files are read only as far as their header (the scanner's own bound). */
const MAX_BYTES: Record<ProjectFileKind, number> = {
  'go.mod': 64 << 20,
  'go.work': 64 << 20,
  'go.sum': 64 << 20,
  'modules.txt': 64 << 20,
  go: 16 << 20,
};

export type RefusalReason = 'not-regular' | 'too-large' | 'outside-root' | 'link-loop' | 'unreadable';

export interface Refusal {
  ok: false;
  missing?: false;
  /** The path as asked for (absolute). */
  path: string;
  reason: RefusalReason;
  /** not-regular: 'FIFO', 'character device', 'block device', 'socket', 'directory', 'other'. */
  type?: string;
  /** too-large: the bound in bytes. */
  limit?: number;
  /** unreadable: the system's error code (EACCES, EIO, ...). */
  code?: string;
}

export interface Missing {
  ok: false;
  missing: true;
  path: string;
}

export interface ReadOk {
  ok: true;
  path: string;
  bytes: Buffer;
}

export type ProjectFileRead = ReadOk | Refusal | Missing;

export interface ReadOptions {
  kind: ProjectFileKind;
  /**
   * Directories the file must resolve into (after following every symbolic link). Default: the
   * directory that holds the path as given, so a link may not lead out of its own directory.
   */
  roots?: readonly string[];
  /** Override of the kind's bound (tests, header reads). */
  maxBytes?: number;
}

const NONBLOCK = constants.O_NONBLOCK ?? 0;
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const OPEN_FLAGS = constants.O_RDONLY | NONBLOCK | NOFOLLOW;

function fileTypeOf(stats: Stats): string {
  if (stats.isFIFO()) return 'FIFO';
  if (stats.isCharacterDevice()) return 'character device';
  if (stats.isBlockDevice()) return 'block device';
  if (stats.isSocket()) return 'socket';
  if (stats.isDirectory()) return 'directory';
  if (stats.isSymbolicLink()) return 'symbolic link';
  return 'other';
}

function realOrResolved(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
}

function isInside(child: string, root: string): boolean {
  if (child === root) return true;
  return child.startsWith(root.endsWith(sep) ? root : root + sep);
}

const refuse = (path: string, reason: RefusalReason, extra: Partial<Refusal> = {}): Refusal => ({
  ok: false,
  path,
  reason,
  ...extra,
});

export type OpenResult = { ok: true; path: string; fd: number; size: number } | Refusal | Missing;

/**
 * Checks a project file and opens it for reading (caller closes `fd`). Missing files are
 * `missing`; everything else a checkout can put there that is not a plain file inside the roots
 * is a refusal.
 */
export function openProjectFile(pathIn: string, options: ReadOptions): OpenResult {
  const path = resolve(pathIn);
  let link: Stats;
  try {
    link = lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, missing: true, path };
    if (code === 'ELOOP') return refuse(path, 'link-loop');
    return refuse(path, 'unreadable', code ? { code } : {});
  }
  // Every component, not only the last, may be a link: compare where the path really is.
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return refuse(path, 'link-loop');
    // A dangling link: nothing to read, as for a missing file.
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, missing: true, path };
    return refuse(path, 'unreadable', code ? { code } : {});
  }
  const roots = (options.roots ?? [dirname(path)]).map(realOrResolved);
  if (!roots.some((root) => isInside(real, root))) return refuse(path, 'outside-root');
  let target: Stats = link;
  if (link.isSymbolicLink() || real !== path) {
    try {
      target = lstatSync(real);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return refuse(path, 'unreadable', code ? { code } : {});
    }
  }
  if (!target.isFile()) return refuse(path, 'not-regular', { type: fileTypeOf(target) });
  const limit = options.maxBytes ?? MAX_BYTES[options.kind];
  if (options.kind !== 'go' && target.size > limit) return refuse(path, 'too-large', { limit });
  let fd: number;
  try {
    // The resolved path, so O_NOFOLLOW refuses a link planted after the check.
    fd = openSync(real, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return refuse(path, 'link-loop');
    if (code === 'ENOENT') return { ok: false, missing: true, path };
    return refuse(path, 'unreadable', code ? { code } : {});
  }
  let opened: Stats;
  try {
    opened = fstatSync(fd);
  } catch (error) {
    closeSync(fd);
    const code = (error as NodeJS.ErrnoException).code;
    return refuse(path, 'unreadable', code ? { code } : {});
  }
  if (!opened.isFile()) {
    closeSync(fd);
    return refuse(path, 'not-regular', { type: fileTypeOf(opened) });
  }
  return { ok: true, path, fd, size: opened.size };
}

const CHUNK = 1 << 20;

/** Reads a whole project file within its kind's bound. */
export function readProjectFile(pathIn: string, options: ReadOptions): ProjectFileRead {
  const opened = openProjectFile(pathIn, options);
  if (!opened.ok) return opened;
  const limit = options.maxBytes ?? MAX_BYTES[options.kind];
  const { fd, path } = opened;
  try {
    // Trust the size only as a first guess: procfs and friends say 0 and still have content.
    let buffer = Buffer.allocUnsafe(Math.min(Math.max(opened.size, 0), limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) return refuse(path, 'too-large', { limit });
        const bigger = Buffer.allocUnsafe(Math.min(Math.max(buffer.length * 2, CHUNK), limit + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      let n: number;
      try {
        n = readSync(fd, buffer, length, buffer.length - length, null);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return refuse(path, 'unreadable', code ? { code } : {});
      }
      if (n === 0) break;
      length += n;
    }
    if (length > limit) return refuse(path, 'too-large', { limit });
    return { ok: true, path, bytes: buffer.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}

/** Whether the reason a project file was not read is worth a finding (missing is not). */
export function isRefusal(read: ProjectFileRead | OpenResult): read is Refusal {
  return !read.ok && read.missing !== true;
}
