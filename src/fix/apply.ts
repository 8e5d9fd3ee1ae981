// Carrying a plan out, and taking it back. Before anything is written, every file is compared
// with the snapshot the plan was made from, and copied (with a manifest of paths and sha256
// hashes) under the user's cache directory, never inside the project. Each write is a temp file in
// the same directory renamed over the old one, with the old file's mode. Undo restores the copies
// byte for byte, and refuses when a file was changed after the apply.
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { readProjectFile } from '../files/read.ts';
import { VERSION } from '../version.ts';
import { FixRefusal } from './errors.ts';
import type { Plan, PlannedFile } from './types.ts';
import { readForFix, sha256 } from './workspace.ts';

export interface ManifestFile {
  path: string;
  /** Whether the file existed before the apply (undo removes a file the apply created). */
  existed: boolean;
  mode: number;
  sha256Before?: string;
  sha256After: string;
  /** The copy of the old content, relative to the backup directory. */
  backup?: string;
}

export interface Manifest {
  tool: 'gomod-doctor';
  version: string;
  /** ISO time of the apply. */
  created: string;
  /** The project the apply was for (undo picks the newest backup of this root). */
  root: string;
  files: ManifestFile[];
  /** Module cache entries removed (not restorable: the go command downloads them again). */
  evicted: string[];
  /** Set when undo restored this backup. */
  undone?: string;
}

export interface ApplyResult {
  backupDir: string;
  written: string[];
  evicted: string[];
}

export interface UndoResult {
  backupDir: string;
  restored: string[];
  removed: string[];
  /** Evicted cache entries that undo cannot bring back. */
  evicted: string[];
}

function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** `$XDG_CACHE_HOME/gomod-doctor/backups`, else `~/.cache/gomod-doctor/backups`. */
function backupRoot(env: Record<string, string | undefined>): string {
  const cache = env.XDG_CACHE_HOME?.startsWith('/')
    ? env.XDG_CACHE_HOME
    : join(env.HOME ?? homedir(), '.cache');
  return join(cache, 'gomod-doctor', 'backups');
}

/**
 * A file of the project (or the go env file, which lies in its own directory) as it is now,
 * through the one reader: what was swapped for a FIFO or a link since the plan is refused.
 */
function readIfFile(path: string, root: string): Buffer | undefined {
  return readForFix(path, inside(path, root) ? root : dirname(path), path);
}

/** A file of our own backup directory (a copy or the manifest), read within that directory. */
function readBackupFile(dir: string, rel: string): Buffer | undefined {
  const read = readProjectFile(join(dir, rel), { kind: 'go.sum', roots: [dir] });
  return read.ok ? read.bytes : undefined;
}

/** Writes bytes to path through a temp file in the same directory and a rename, with this mode. */
function writeAtomic(path: string, bytes: Uint8Array, mode: number): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    // openSync's mode goes through the umask: set it exactly.
    chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The current content must be what the plan saw. */
function checkUnchanged(file: PlannedFile, root: string): void {
  const now = readIfFile(file.path, root);
  const same =
    file.before === undefined ? now === undefined : now !== undefined && sha256(now) === file.beforeSha256;
  if (!same) throw new FixRefusal('changed-since-plan', file.path);
}

/** A directory name that sorts by time: 2026-12-07T19-30-00-123Z-<random>. */
function backupName(now: Date): string {
  return `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}

/** Makes a tree writable (the module cache is read-only by design), then removes it. */
function removeCacheEntry(path: string): void {
  let stat: import('node:fs').Stats;
  try {
    stat = lstatSync(path);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    const makeWritable = (dir: string): void => {
      chmodSync(dir, 0o755);
      for (const entry of readdirSync(dir, { withFileTypes: true }))
        if (entry.isDirectory()) makeWritable(join(dir, entry.name));
    };
    makeWritable(path);
    rmSync(path, { recursive: true, force: true });
  } else {
    // The file's directory may be read-only too (it is not for cache/download, but be safe).
    rmSync(path, { force: true });
  }
}

export function applyPlan(
  plan: Plan,
  env: Record<string, string | undefined>,
  now: Date = new Date(),
): ApplyResult {
  for (const file of plan.files) checkUnchanged(file, plan.root);
  const root = backupRoot(env);
  if (inside(root, plan.root)) throw new FixRefusal('backup-inside-project', root);
  const backupDir = join(root, backupName(now));
  mkdirSync(join(backupDir, 'files'), { recursive: true, mode: 0o700 });
  const evicted = plan.repairs.flatMap((r) => r.evict);
  const manifest: Manifest = {
    tool: 'gomod-doctor',
    version: VERSION,
    created: now.toISOString(),
    root: plan.root,
    files: plan.files.map((file, i) => {
      const entry: ManifestFile = {
        path: file.path,
        existed: file.before !== undefined,
        mode: file.mode,
        sha256After: sha256(file.after),
      };
      if (file.before !== undefined) {
        entry.sha256Before = file.beforeSha256!;
        entry.backup = join('files', String(i));
        writeAtomic(join(backupDir, entry.backup), file.before, 0o600);
      }
      return entry;
    }),
    evicted,
  };
  // The manifest is written before any change, so that an interrupted apply can still be undone.
  writeAtomic(join(backupDir, 'manifest.json'), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 0o600);
  const written: string[] = [];
  for (const file of plan.files) {
    // Checked again right before each write: the window between the first check and now.
    checkUnchanged(file, plan.root);
    // The go env file's directory may not exist yet (go env -w creates it too).
    if (file.goenv) mkdirSync(dirname(file.path), { recursive: true, mode: 0o777 });
    writeAtomic(file.path, file.after, file.mode);
    written.push(file.path);
  }
  for (const path of evicted) removeCacheEntry(path);
  return { backupDir, written, evicted };
}

function readManifest(dir: string): Manifest | undefined {
  try {
    const bytes = readBackupFile(dir, 'manifest.json');
    if (!bytes) return undefined;
    const manifest = JSON.parse(bytes.toString('utf8')) as Manifest;
    return manifest.tool === 'gomod-doctor' && Array.isArray(manifest.files) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** The newest backup of this project that was not undone yet. */
function lastBackup(
  root: string,
  env: Record<string, string | undefined>,
): { dir: string; manifest: Manifest } | undefined {
  const base = backupRoot(env);
  let names: string[];
  try {
    names = readdirSync(base).sort().reverse();
  } catch {
    return undefined;
  }
  for (const name of names) {
    const dir = join(base, name);
    const manifest = readManifest(dir);
    if (manifest && manifest.root === root && manifest.undone === undefined) return { dir, manifest };
  }
  return undefined;
}

export function undoLast(
  root: string,
  env: Record<string, string | undefined>,
  now: Date = new Date(),
): UndoResult {
  const last = lastBackup(root, env);
  if (!last) throw new FixRefusal('no-backup', root);
  const { dir, manifest } = last;
  // Every file first: nothing is restored unless everything can be.
  for (const file of manifest.files) {
    const current = readIfFile(file.path, manifest.root);
    if (current === undefined || sha256(current) !== file.sha256After)
      throw new FixRefusal('changed-since-apply', file.path);
    if (file.backup !== undefined) {
      const copy = readBackupFile(dir, file.backup);
      if (copy === undefined || (file.sha256Before !== undefined && sha256(copy) !== file.sha256Before))
        throw new FixRefusal('changed-since-apply', join(dir, file.backup));
    }
  }
  const restored: string[] = [];
  const removed: string[] = [];
  for (const file of manifest.files) {
    const copy = file.backup !== undefined ? readBackupFile(dir, file.backup) : undefined;
    if (file.existed && copy !== undefined) {
      writeAtomic(file.path, copy, file.mode);
      restored.push(file.path);
    } else {
      unlinkSync(file.path);
      removed.push(file.path);
    }
  }
  const done: Manifest = { ...manifest, undone: now.toISOString() };
  writeAtomic(join(dir, 'manifest.json'), Buffer.from(`${JSON.stringify(done, null, 2)}\n`), 0o600);
  return { backupDir: dir, restored, removed, evicted: manifest.evicted };
}
