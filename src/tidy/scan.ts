// Finds the packages of a module and reads the header of each of their Go files. Nothing of the
// project is executed; symbolic links to directories are not followed while walking (the go
// command does not follow them either), and every directory is visited at most once by its
// device and inode, so a link loop cannot make the walk run forever.
import {
  closeSync,
  constants,
  type Dirent,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
} from 'node:fs';
import { isAbsolute, join, sep } from 'node:path';
import { openProjectFile } from '../files/read.ts';
import {
  type BuildExpr,
  effectiveConstraint,
  fileGuard,
  type HeaderConstraints,
  NO_CONSTRAINTS,
  parseHeaderConstraints,
  tidyIncludes,
} from './constraints.ts';
import { type GoFileHeader, type ImportSite, NeedMoreInput, parseGoFileHeader } from './header.ts';

export interface GoFile {
  /** File name within its directory. */
  name: string;
  /** Absolute path. */
  path: string;
  test: boolean;
  packageName?: string;
  imports: ImportSite[];
  constraints: HeaderConstraints;
  /** What must hold for the file to be built (header constraint and file-name platform); undefined = always. */
  guard?: BuildExpr;
  /** Whether `go mod tidy` reads it: every tag counts except `ignore`. */
  tidy: boolean;
  /** Why the file is unusable: 'unexpected NUL in input', a bad //go:build line, a read error. */
  error?: string;
  /** The header did not parse (the go command then keeps the imports read so far). */
  syntaxError?: boolean;
}

export interface PackageDir {
  /** Absolute directory. */
  dir: string;
  /** Slash-separated directory relative to the module root ('' for the root). */
  relDir: string;
  /** The package's import path. */
  importPath: string;
  /** Every `.go` file the go command would look at (not `_x.go`, `.x.go`), sorted by name. */
  files: GoFile[];
}

/** Headers longer than this are not read on (a generated file with a huge comment, or garbage). */
const MAX_HEADER_BYTES = 16 << 20;
const FIRST_READ = 4096;
/** Reused for the first read of every file (the common case needs nothing more). */
const firstBuffer = Buffer.allocUnsafe(FIRST_READ);
/** How far to look for a NUL in a file whose header did not parse (the go command reads it all). */
const MAX_NUL_SCAN_BYTES = 64 << 20;

export interface ReadHeaderResult {
  header?: GoFileHeader;
  error?: string;
}

/** Non-blocking, so a FIFO put in place of a file cannot stall the open; fstat then refuses it. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads as little of a file as its header needs. Only regular files are read (a FIFO or device
 * is an error, never a hang); with `roots`, a file that resolves outside them (a symbolic link
 * leading out of the module) is not read at all.
 */
export function readGoFileHeader(path: string, roots?: readonly string[]): ReadHeaderResult {
  let fd: number;
  if (roots) {
    const opened = openProjectFile(path, { kind: 'go', roots });
    if (!opened.ok) {
      return { error: opened.missing ? 'no such file' : `not read: ${opened.reason}` };
    }
    fd = opened.fd;
  } else {
    try {
      fd = openSync(path, OPEN_FLAGS);
    } catch (error) {
      return { error: (error as Error).message };
    }
    try {
      if (!fstatSync(fd).isFile()) {
        closeSync(fd);
        return { error: 'not a regular file' };
      }
    } catch (error) {
      closeSync(fd);
      return { error: (error as Error).message };
    }
  }
  try {
    let buffer = firstBuffer;
    // One read for the common case; a short read of a regular file means end of file.
    let length = readSync(fd, buffer, 0, buffer.length, 0);
    let complete = length < buffer.length;
    for (;;) {
      try {
        const header = parseGoFileHeader(buffer.subarray(0, length), complete);
        if (
          header.error === 'syntax' &&
          (buffer.subarray(header.bytesRead, length).includes(0) || (!complete && containsNul(fd, length)))
        ) {
          return { header: { ...header, error: 'nul', imports: [] }, error: 'unexpected NUL in input' };
        }
        if (header.error === 'nul') return { header, error: 'unexpected NUL in input' };
        return { header };
      } catch (error) {
        if (!(error instanceof NeedMoreInput)) throw error;
        if (buffer.length >= MAX_HEADER_BYTES) {
          return { error: `file header longer than ${MAX_HEADER_BYTES} bytes; not read` };
        }
        const bigger = Buffer.allocUnsafe(buffer.length * 4);
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
        const added = readFully(fd, buffer, length);
        length += added;
        complete = length < buffer.length;
      }
    }
  } catch (error) {
    return { error: (error as Error).message };
  } finally {
    closeSync(fd);
  }
}

function readFully(fd: number, buffer: Buffer, offset: number): number {
  let total = 0;
  while (offset + total < buffer.length) {
    const n = readSync(fd, buffer, offset + total, buffer.length - offset - total, offset + total);
    if (n === 0) break;
    total += n;
  }
  return total;
}

function containsNul(fd: number, from: number): boolean {
  const chunk = Buffer.allocUnsafe(1 << 16);
  let position = from;
  const size = fstatSync(fd).size;
  const end = Math.min(size, MAX_NUL_SCAN_BYTES);
  while (position < end) {
    const n = readSync(fd, chunk, 0, chunk.length, position);
    if (n === 0) break;
    if (chunk.subarray(0, n).includes(0)) return true;
    position += n;
  }
  return false;
}

/**
 * Reads one Go file into what tidy needs to know about it. `roots`: the directories a symbolic
 * link may lead into (given for links; a plain file in a walked directory is inside already).
 */
export function scanGoFile(dir: string, name: string, release?: string, roots?: readonly string[]): GoFile {
  // Plain concatenation: path.join's normalising is measurable over tens of thousands of files.
  const path = dir + sep + name;
  const read = readGoFileHeader(path, roots);
  const header = read.header;
  const constraints = header ? parseHeaderConstraints(header.constraintText) : NO_CONSTRAINTS;
  const file: GoFile = {
    name,
    path,
    test: name.endsWith('_test.go'),
    imports: read.error || !header ? [] : header.imports,
    constraints,
    tidy: false,
  };
  if (header?.packageName !== undefined) file.packageName = header.packageName;
  if (header?.error === 'syntax') file.syntaxError = true;
  const guard = fileGuard(name, constraints, release);
  if (guard) file.guard = guard;
  if (read.error) {
    file.error = read.error;
    return file;
  }
  if (constraints === NO_CONSTRAINTS) {
    file.tidy = true;
    return file;
  }
  const { invalid } = effectiveConstraint(constraints);
  if (invalid) file.error = invalid;
  file.tidy = tidyIncludes(constraints);
  return file;
}

function isGoSourceName(name: string): boolean {
  return name.endsWith('.go') && !name.startsWith('_') && !name.startsWith('.');
}

/** Whether a directory entry is (or links to) a regular file. */
function isRegularFile(dir: string, entry: Dirent): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(join(dir, entry.name)).isFile();
  } catch {
    return false;
  }
}

function readEntries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * The Go files of one directory (the package's files), headers read. With `root`, a file that is
 * a symbolic link is read only when it resolves inside that root.
 */
export function scanPackageFiles(
  dir: string,
  release?: string,
  entries = readEntries(dir),
  root?: string,
): GoFile[] {
  const files: GoFile[] = [];
  for (const entry of entries) {
    if (!isGoSourceName(entry.name) || !isRegularFile(dir, entry)) continue;
    files.push(
      scanGoFile(dir, entry.name, release, root !== undefined && entry.isSymbolicLink() ? [root] : undefined),
    );
  }
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return files;
}

/** Whether the go command would find a package here: any regular `.go` file (IsDirWithGoFiles). */
export function dirHasGoFiles(dir: string): boolean {
  for (const entry of readEntries(dir)) {
    if (entry.name.endsWith('.go') && isRegularFile(dir, entry)) return true;
  }
  return false;
}

/**
 * Whether tidy sees a package in these files: at least one file it reads (or a file that makes
 * the package fail to load, which still counts as a package with an error).
 */
export function isTidyPackage(files: readonly GoFile[]): boolean {
  return files.some((f) => f.tidy || f.error === 'unexpected NUL in input');
}

export interface ModuleScanOptions {
  /** The module's root directory (absolute). */
  root: string;
  modulePath: string;
  /** go.mod `ignore` directives (Go 1.25): `./dir` relative to the root, `dir` at any depth. */
  ignore?: readonly string[];
  release?: string;
}

export interface ModuleScan {
  packages: PackageDir[];
  /** Directories with a go.mod of their own: other modules, not walked. */
  nestedModules: string[];
  /** Directories skipped because of an `ignore` directive. */
  ignoredDirs: string[];
  /** Symbolic links to directories that were not followed. */
  skippedLinks: string[];
  filesRead: number;
  /** Directories deeper than MAX_DEPTH below the root: not walked, and reported. */
  tooDeep: string[];
}

/** Walks a module's tree as `go mod tidy` (pattern `all`) does and reads every package's files. */
export function scanModule(options: ModuleScanOptions): ModuleScan {
  const { root, modulePath, release } = options;
  const rooted = new Set<string>();
  const anywhere: string[] = [];
  for (const raw of options.ignore ?? []) {
    const cleaned = raw.replace(/\/+$/, '');
    if (cleaned.startsWith('./')) rooted.add(cleaned.slice(2).replace(/^\/+/, ''));
    else if (cleaned !== '') anywhere.push(cleaned);
  }
  const result: ModuleScan = {
    packages: [],
    nestedModules: [],
    ignoredDirs: [],
    skippedLinks: [],
    filesRead: 0,
    tooDeep: [],
  };
  // Symbolic links to directories are never followed, so the walk cannot loop; the set of seen
  // directories is a second guard (bind mounts can still show a directory twice).
  const seen = new Set<string>();
  const stack: string[] = [''];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    // A `vendor` directory is a package of the module like any other, but the go command does not
    // walk below it (verified with go 1.19 and 1.24: `example.com/m/vendor` is loaded, vendor/x/y is not).
    const isVendor = rel === 'vendor' || rel.endsWith('/vendor');
    const dir = rel === '' ? root : join(root, rel);
    const entries = readEntries(dir);
    if (rel !== '') {
      // A directory with its own go.mod is another module.
      if (
        entries.some(
          (e) => e.name === 'go.mod' && (e.isFile() || (e.isSymbolicLink() && isRegularFile(dir, e))),
        )
      ) {
        result.nestedModules.push(rel);
        continue;
      }
      if (depthOf(rel) > MAX_DEPTH) {
        if (result.tooDeep.length < 20) result.tooDeep.push(rel);
        continue;
      }
    }
    if (seen.has(dir)) continue;
    seen.add(dir);
    let hasGo = false;
    for (const entry of entries) {
      const name = entry.name;
      if (entry.isDirectory()) {
        if (isVendor || name.startsWith('.') || name.startsWith('_') || name === 'testdata') continue;
        const childRel = rel === '' ? name : `${rel}/${name}`;
        if (rooted.has(childRel) || anywhere.some((p) => childRel === p || childRel.endsWith(`/${p}`))) {
          result.ignoredDirs.push(childRel);
          continue;
        }
        stack.push(childRel);
      } else if (entry.isSymbolicLink() && isLinkToDir(join(dir, name))) {
        result.skippedLinks.push(rel === '' ? name : `${rel}/${name}`);
      } else if (isGoSourceName(name)) {
        hasGo = true;
      }
    }
    if (!hasGo) continue;
    const files = scanPackageFiles(dir, release, entries, root);
    result.filesRead += files.length;
    if (!isTidyPackage(files)) continue;
    result.packages.push({
      dir,
      relDir: rel,
      // GOROOT/src is the module std, whose packages have no module prefix ("fmt", not "std/fmt").
      importPath: rel === '' ? modulePath : modulePath === 'std' ? rel : `${modulePath}/${rel}`,
      files,
    });
  }
  result.packages.sort((a, b) => (a.importPath < b.importPath ? -1 : a.importPath > b.importPath ? 1 : 0));
  result.nestedModules.sort();
  return result;
}

/** Deeper than any real source tree; a bound on what a pathological tree can make us do. */
const MAX_DEPTH = 256;

function depthOf(rel: string): number {
  let n = 1;
  for (let k = rel.indexOf('/'); k >= 0; k = rel.indexOf('/', k + 1)) n++;
  return n;
}

function isLinkToDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function hasGoMod(dir: string): boolean {
  try {
    return statSync(join(dir, 'go.mod')).isFile();
  } catch {
    return false;
  }
}

/** The imports tidy follows from a package: from its non-test and its test files it reads. */
export function tidyImports(files: readonly GoFile[]): {
  imports: ImportSiteIn[];
  testImports: ImportSiteIn[];
} {
  const imports: ImportSiteIn[] = [];
  const testImports: ImportSiteIn[] = [];
  for (const file of files) {
    if (!file.tidy) continue;
    for (const site of file.imports) {
      // The go command drops cgo's pseudo-package and App Engine's old packages from the import graph.
      if (isFilteredImport(site.path)) continue;
      (file.test ? testImports : imports).push({ ...site, file });
    }
  }
  return { imports, testImports };
}

export interface ImportSiteIn extends ImportSite {
  file: GoFile;
}

function isFilteredImport(path: string): boolean {
  return (
    path === 'C' ||
    path === 'appengine' ||
    path.startsWith('appengine/') ||
    path === 'appengine_internal' ||
    path.startsWith('appengine_internal/')
  );
}

export interface WorkspaceModuleScan extends ModuleScan {
  modulePath: string;
  /** The module's directory (absolute). */
  root: string;
}

/**
 * Scans every module a go.work file uses (`use` directories holding a go.mod), each stopping at
 * its own nested modules. Modules whose go.mod cannot be read are left out.
 */
export function scanWorkspace(
  workDir: string,
  uses: readonly string[],
  readModule: (dir: string) => { path: string; ignore: string[]; go?: string } | undefined,
): WorkspaceModuleScan[] {
  const out: WorkspaceModuleScan[] = [];
  for (const use of uses) {
    const root = isAbsolute(use) ? use : join(workDir, use);
    const module = readModule(root);
    if (!module) continue;
    const scan = scanModule({
      root,
      modulePath: module.path,
      ignore: module.ignore,
      ...(module.go ? { release: module.go } : {}),
    });
    out.push({ ...scan, modulePath: module.path, root });
  }
  return out;
}
