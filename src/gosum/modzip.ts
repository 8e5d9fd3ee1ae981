// Module zips as the go command makes and accepts them (golang.org/x/mod/zip): which files go in,
// which are left out, which make the zip invalid, and the size limits. createModuleZip writes a
// zip the go command accepts from a proxy; checkModuleZip applies the checks it makes on download.

import { goQuote } from '../modfile/gostrings.ts';
import { check, checkFilePath } from '../module/path.ts';
import { fail, ok, type Result } from '../module/result.ts';
import { canonicalVersion } from '../module/version.ts';
import { readZipEntries, writeZip } from './zipfile.ts';

/** Largest module zip, and largest total of its uncompressed contents. */
const MAX_ZIP_FILE = 500 << 20;
export const MAX_GO_MOD = 16 << 20;
const MAX_LICENSE = 16 << 20;

export interface ModuleFile {
  /** Slash-separated path relative to the module root. */
  path: string;
  contents: Uint8Array;
}

export interface FileProblem {
  path: string;
  error: string;
}

export interface CheckedFiles {
  /** Paths that belong in the zip (for checkModuleZip: full entry names). */
  valid: string[];
  /** Files left out on purpose: vendored packages, nested modules, .hg_archival.txt. */
  omitted: FileProblem[];
  /** Files that make the zip invalid. */
  invalid: FileProblem[];
  sizeError?: string;
}

export interface ModuleZipOptions {
  /**
   * The module's `go` version (like "1.24"), which decides the vendor rules; by default read from
   * the top-level go.mod among the files.
   */
  goVersion?: string;
}

const GO_MOD_SIZE_ERROR = `go.mod file too large (max size is ${MAX_GO_MOD} bytes)`;
const LICENSE_SIZE_ERROR = `LICENSE file too large (max size is ${MAX_LICENSE} bytes)`;

/** The prefix every entry of the module's zip starts with. */
function moduleZipPrefix(modulePath: string, version: string): string {
  return `${modulePath}@${version}/`;
}

/** Go's path.Clean for slash-separated paths. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const elem of p.split('/')) {
    if (elem === '' || elem === '.') continue;
    if (elem === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(elem);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

function splitDir(p: string): { dir: string; base: string } {
  const slash = p.lastIndexOf('/');
  return { dir: p.slice(0, slash + 1), base: p.slice(slash + 1) };
}

function equalFold(a: string, b: string): boolean {
  return foldKey(a) === foldKey(b);
}

// A key with foldKey(s) === foldKey(t) exactly when s and t are equal under Unicode simple case
// folding (Go's strings.EqualFold), so collisions are found with one map instead of pairwise tests.
// toUpperCase/toLowerCase stand in for Go's fold orbits; a full-case mapping to several code points
// (ß → SS) is no simple fold, so such a character keeps its own form.
function foldKey(s: string): string {
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || (c >= 0x41 && c <= 0x5a)) {
      plain = false;
      break;
    }
  }
  if (plain) return s;
  let out = '';
  for (const ch of s) {
    const upper = ch.toUpperCase();
    const base = [...upper].length === 1 ? upper : ch;
    const lower = base.toLowerCase();
    out += [...lower].length === 1 ? lower : base;
  }
  return out;
}

class CollisionChecker {
  private readonly seen = new Map<string, { path: string; isDir: boolean }>();

  check(p: string, isDir: boolean): string | undefined {
    let current = p;
    let currentIsDir = isDir;
    for (;;) {
      const key = foldKey(current);
      const other = this.seen.get(key);
      if (other !== undefined) {
        if (current !== other.path) {
          return `case-insensitive file name collision: ${goQuote(other.path)} and ${goQuote(current)}`;
        }
        if (currentIsDir !== other.isDir) return `entry ${goQuote(current)} is both a file and a directory`;
        if (!currentIsDir) return `multiple entries for file ${goQuote(current)}`;
      } else {
        this.seen.set(key, { path: current, isDir: currentIsDir });
      }
      const slash = current.lastIndexOf('/');
      if (slash < 0) return undefined;
      current = current.slice(0, slash);
      currentIsDir = true;
    }
  }
}

function goDirectiveLang(gomod: Uint8Array): string | undefined {
  const text = Buffer.from(gomod).toString('utf8');
  const match = /^[ \t]*go[ \t]+"?([0-9]+\.[0-9]+)/m.exec(text);
  return match?.[1];
}

function atLeastGo124(lang: string | undefined): boolean {
  if (lang === undefined) return false;
  const [major, minor] = lang.split('.').map(Number);
  if (major === undefined || minor === undefined) return false;
  return major > 1 || (major === 1 && minor >= 24);
}

// Files of packages under a vendor directory are left out, but files directly in it are kept.
// Before go 1.24 the nested "/vendor/" case measured from the wrong offset (golang.org/issue/37397),
// which must stay as it was for older modules so their hashes do not change; from go 1.24 on
// (the module's own go version) the offset is right and vendor/modules.txt is left out too.
function isVendoredPackage(name: string, modern: boolean): boolean {
  if (modern && name === 'vendor/modules.txt') return true;
  let rest: string;
  if (name.startsWith('vendor/')) {
    rest = name.slice('vendor/'.length);
  } else {
    const j = name.indexOf('/vendor/');
    if (j < 0) return false;
    rest = name.slice(modern ? j + '/vendor/'.length : '/vendor/'.length);
  }
  return rest.includes('/');
}

interface CheckedModuleFiles {
  checked: CheckedFiles;
  validFiles: ModuleFile[];
}

function checkFiles(files: readonly ModuleFile[], options: ModuleZipOptions): CheckedModuleFiles {
  const checked: CheckedFiles = { valid: [], omitted: [], invalid: [] };
  const validFiles: ModuleFile[] = [];
  const errorPaths = new Set<string>();
  const addError = (path: string, omitted: boolean, error: string): void => {
    if (errorPaths.has(path)) return;
    errorPaths.add(path);
    (omitted ? checked.omitted : checked.invalid).push({ path, error });
  };

  const goModDirs = new Set<string>();
  let lang = options.goVersion;
  for (const file of files) {
    const { dir, base } = splitDir(file.path);
    if (!equalFold(base, 'go.mod')) continue;
    goModDirs.add(dir);
    if (options.goVersion === undefined && dir === '' && base === 'go.mod')
      lang = goDirectiveLang(file.contents);
  }
  const modern = atLeastGo124(lang);
  const inSubmodule = (p: string): boolean => {
    let rest = p;
    for (;;) {
      const { dir } = splitDir(rest);
      if (dir === '') return false;
      if (goModDirs.has(dir)) return true;
      rest = dir.slice(0, -1);
    }
  };

  const collisions = new CollisionChecker();
  let budget = MAX_ZIP_FILE;
  for (const file of files) {
    const p = file.path;
    if (p !== cleanPath(p)) {
      addError(p, false, 'file path is not clean');
      continue;
    }
    if (p.startsWith('/')) {
      addError(p, false, 'file path is not relative');
      continue;
    }
    if (isVendoredPackage(p, modern)) {
      addError(p, true, 'file is in vendor directory');
      continue;
    }
    if (inSubmodule(p)) {
      addError(p, true, 'file is in another module');
      continue;
    }
    if (p === '.hg_archival.txt') {
      addError(p, true, "file is inserted by 'hg archive' and is always omitted");
      continue;
    }
    const pathError = checkFilePath(p);
    if (pathError !== undefined) {
      addError(p, false, pathError.message);
      continue;
    }
    if (p.toLowerCase() === 'go.mod' && p !== 'go.mod') {
      addError(p, false, 'go.mod files must have lowercase names');
      continue;
    }
    const collision = collisions.check(p, false);
    if (collision !== undefined) {
      addError(p, false, collision);
      continue;
    }
    const size = file.contents.length;
    if (size <= budget) budget -= size;
    else checked.sizeError ??= `module source tree too large (max size is ${MAX_ZIP_FILE} bytes)`;
    if (p === 'go.mod' && size > MAX_GO_MOD) {
      addError(p, false, GO_MOD_SIZE_ERROR);
      continue;
    }
    if (p === 'LICENSE' && size > MAX_LICENSE) {
      addError(p, false, LICENSE_SIZE_ERROR);
      continue;
    }
    checked.valid.push(p);
    validFiles.push(file);
  }
  return { checked, validFiles };
}

/** Sorts files into valid, omitted and invalid as the go command does before zipping a module. */
export function checkModuleFiles(files: readonly ModuleFile[], options: ModuleZipOptions = {}): CheckedFiles {
  return checkFiles(files, options).checked;
}

/** The error the go command reports for these checks, or undefined when the files can be zipped. */
function checkedFilesError(checked: CheckedFiles): string | undefined {
  if (checked.sizeError !== undefined) return checked.sizeError;
  if (checked.invalid.length > 0) return checked.invalid.map((p) => `${p.path}: ${p.error}`).join('\n');
  return undefined;
}

function checkModuleVersion(modulePath: string, version: string): string | undefined {
  const canonical = canonicalVersion(version);
  if (canonical !== version)
    return `version ${goQuote(version)} is not canonical (should be ${goQuote(canonical)})`;
  return check(modulePath, version);
}

function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * The module zip for modulePath@version holding files, built as the go command builds one
 * (omitting vendored packages, nested modules and .hg_archival.txt; refusing invalid paths, case
 * collisions, oversized go.mod/LICENSE or trees). The result is deterministic: entries sorted
 * bytewise, deflated, fixed timestamps. Errors read like the go command's ("create zip: ...").
 */
export function createModuleZip(
  modulePath: string,
  version: string,
  files: readonly ModuleFile[],
  options: ModuleZipOptions = {},
): Result<Uint8Array> {
  const versionError = checkModuleVersion(modulePath, version);
  if (versionError !== undefined) return fail(`create zip: ${versionError}`);
  const { checked, validFiles } = checkFiles(files, options);
  const filesError = checkedFilesError(checked);
  if (filesError !== undefined) return fail(`create zip: ${filesError}`);
  const prefix = moduleZipPrefix(modulePath, version);
  const entries = [...validFiles]
    .sort((a, b) => compareUtf8(a.path, b.path))
    .map((file) => ({ name: prefix + file.path, data: file.contents }));
  const zip = writeZip(entries);
  if (zip.length > MAX_ZIP_FILE) {
    return fail(
      `create zip: module zip file is too large (${zip.length} bytes; limit is ${MAX_ZIP_FILE} bytes)`,
    );
  }
  return ok(zip);
}

/**
 * The checks the go command makes on a module zip before extracting it (x/mod zip.CheckZip):
 * an error for a bad version or an unreadable zip; otherwise the valid entry names and the
 * invalid ones. Contents are not read here: hashZip checks sizes and CRCs.
 */
export function checkModuleZip(modulePath: string, version: string, zip: Uint8Array): Result<CheckedFiles> {
  const versionError = checkModuleVersion(modulePath, version);
  if (versionError !== undefined) return fail(versionError);
  if (zip.length > MAX_ZIP_FILE) {
    return ok({
      valid: [],
      omitted: [],
      invalid: [],
      sizeError: `module zip file is too large (${zip.length} bytes; limit is ${MAX_ZIP_FILE} bytes)`,
    });
  }
  const listed = readZipEntries(zip);
  if (!listed.ok) return fail(listed.error);

  const checked: CheckedFiles = { valid: [], omitted: [], invalid: [] };
  const prefix = moduleZipPrefix(modulePath, version);
  const collisions = new CollisionChecker();
  let total = 0;
  for (const entry of listed.value) {
    const entryName = entry.name;
    const invalid = (error: string): void => {
      checked.invalid.push({ path: entryName, error });
    };
    if (!entryName.startsWith(prefix)) {
      invalid(`path does not have prefix ${goQuote(prefix)}`);
      continue;
    }
    let name = entryName.slice(prefix.length);
    if (name === '') continue;
    const isDir = name.endsWith('/');
    if (isDir) name = name.slice(0, -1);
    if (cleanPath(name) !== name) {
      invalid('file path is not clean');
      continue;
    }
    const pathError = checkFilePath(name);
    if (pathError !== undefined) {
      invalid(pathError.message);
      continue;
    }
    const collision = collisions.check(name, isDir);
    if (collision !== undefined) {
      invalid(collision);
      continue;
    }
    if (isDir) continue;
    const { base } = splitDir(name);
    if (equalFold(base, 'go.mod')) {
      if (base !== name) {
        invalid('go.mod file not in module root directory');
        continue;
      }
      if (name !== 'go.mod') {
        invalid('go.mod files must have lowercase names');
        continue;
      }
    }
    const size = entry.uncompressedSize;
    if (MAX_ZIP_FILE - total >= size) total += size;
    else
      checked.sizeError ??= `total uncompressed size of module contents too large (max size is ${MAX_ZIP_FILE} bytes)`;
    if (name === 'go.mod' && size > MAX_GO_MOD) {
      invalid(GO_MOD_SIZE_ERROR);
      continue;
    }
    if (name === 'LICENSE' && size > MAX_LICENSE) {
      invalid(LICENSE_SIZE_ERROR);
      continue;
    }
    checked.valid.push(entryName);
  }
  return ok(checked);
}
