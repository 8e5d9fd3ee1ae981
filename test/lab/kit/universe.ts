// The modules a lab test declares, once, as data. The same declaration feeds the GOPROXY server
// (list, .info, .mod, .zip, @latest) and the git repositories of direct mode, so a test can switch
// between proxy and git without describing its modules twice.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashGoMod, hashZip } from '../../../src/gosum/dirhash.ts';
import { createModuleZip } from '../../../src/gosum/modzip.ts';
import { escapePath, escapeVersion } from '../../../src/module/escape.ts';
import { isValid, prerelease, sortVersions } from '../../../src/module/semver.ts';

export interface ModuleVersionDecl {
  /** File name (slash-separated, relative to the module root) → contents. */
  files: Record<string, string | Uint8Array>;
  /** Commit / publication time, RFC 3339; default a fixed date derived from the version's rank. */
  time?: string;
}

export interface ModuleDecl {
  path: string;
  versions: Record<string, ModuleVersionDecl>;
  /** Versions to leave out of `@v/list` (still served by `.info`/`.mod`/`.zip`), e.g. retracted ones. */
  unlisted?: readonly string[];
}

/**
 * A module with one version, v1.0.0, holding a go.mod, one package named after the last path
 * element, a README large enough to be worth dribbling or truncating, and any extra files.
 */
export function simpleModule(path: string, extra: Record<string, string> = {}): ModuleDecl {
  const name = path
    .split('/')
    .at(-1)!
    .replace(/\.git$/, '')
    .replace(/[^a-z0-9]/g, '');
  return {
    path,
    versions: {
      'v1.0.0': {
        files: {
          'go.mod': `module ${path}\n\ngo 1.19\n`,
          [`${name}.go`]: `package ${name}\n\n// Hello says hello.\nfunc Hello() string { return "hello from ${path}" }\n`,
          'README.md': `# ${path}\n\n${'The lab module. '.repeat(40)}\n`,
          ...extra,
        },
      },
    },
  };
}

export interface ModuleInfo {
  Version: string;
  Time: string;
}

export interface ModuleSums {
  /** The go.sum hash of the zip: `M V h1:...`. */
  zip: string;
  /** The go.sum hash of the go.mod: `M V/go.mod h1:...`. */
  mod: string;
}

export interface ModuleUniverse {
  readonly modules: readonly ModuleDecl[];
  find(path: string): ModuleDecl | undefined;
  has(path: string, version?: string): boolean;
  /** Every declared version, semver order. */
  versions(path: string): string[];
  /** The body of `@v/list`: listed versions, one a line. */
  list(path: string): string;
  info(path: string, version: string): ModuleInfo;
  /** The version `@latest` names: the newest release, else the newest pre-release. */
  latest(path: string): ModuleInfo | undefined;
  files(path: string, version: string): Record<string, string | Uint8Array>;
  /** The go.mod bytes: the declared file, or `module PATH` when the version has none. */
  mod(path: string, version: string): Uint8Array;
  zip(path: string, version: string): Uint8Array;
  sums(path: string, version: string): ModuleSums;
  /** The two go.sum lines of one version (with trailing newline each). */
  goSumLines(path: string, version: string): string;
}

export function toBytes(contents: string | Uint8Array): Uint8Array {
  return typeof contents === 'string' ? new TextEncoder().encode(contents) : contents;
}

/** Fixed base date, so that times (and git commit hashes, pseudo-versions) never depend on the clock. */
const BASE_TIME = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

export function createUniverse(modules: readonly ModuleDecl[]): ModuleUniverse {
  for (const module of modules) {
    for (const version of Object.keys(module.versions)) {
      if (!isValid(version)) throw new Error(`${module.path}: ${version} is not a semantic version`);
    }
  }
  const byPath = new Map(modules.map((m) => [m.path, m]));
  const zips = new Map<string, Uint8Array>();

  const need = (path: string, version: string): ModuleVersionDecl => {
    const decl = byPath.get(path)?.versions[version];
    if (!decl) throw new Error(`the universe has no ${path}@${version}`);
    return decl;
  };
  const versions = (path: string): string[] => sortVersions(Object.keys(byPath.get(path)?.versions ?? {}));
  const info = (path: string, version: string): ModuleInfo => {
    const decl = need(path, version);
    const rank = versions(path).indexOf(version);
    return {
      Version: version,
      Time: decl.time ?? new Date(BASE_TIME + rank * DAY_MS).toISOString().replace('.000Z', 'Z'),
    };
  };
  const files = (path: string, version: string): Record<string, string | Uint8Array> =>
    need(path, version).files;
  const mod = (path: string, version: string): Uint8Array => {
    const goMod = files(path, version)['go.mod'];
    return toBytes(goMod ?? `module ${path}\n`);
  };
  const zip = (path: string, version: string): Uint8Array => {
    const key = `${path}@${version}`;
    let bytes = zips.get(key);
    if (!bytes) {
      const entries = Object.entries(files(path, version)).map(([name, contents]) => ({
        path: name,
        contents: toBytes(contents),
      }));
      const made = createModuleZip(path, version, entries);
      if (!made.ok) throw new Error(`${path}@${version}: ${made.error}`);
      bytes = made.value;
      zips.set(key, bytes);
    }
    return bytes;
  };
  const sums = (path: string, version: string): ModuleSums => {
    const zipHash = hashZip(zip(path, version));
    if (!zipHash.ok) throw new Error(`${path}@${version}: ${zipHash.error}`);
    return { zip: zipHash.value, mod: hashGoMod(mod(path, version)) };
  };

  return {
    modules,
    find: (path) => byPath.get(path),
    has: (path, version) =>
      version === undefined ? byPath.has(path) : Boolean(byPath.get(path)?.versions[version]),
    versions,
    list(path) {
      const hidden = new Set(byPath.get(path)?.unlisted ?? []);
      return versions(path)
        .filter((v) => !hidden.has(v))
        .map((v) => `${v}\n`)
        .join('');
    },
    info,
    latest(path) {
      const all = versions(path);
      const releases = all.filter((v) => prerelease(v) === '');
      const pick = releases.at(-1) ?? all.at(-1);
      return pick === undefined ? undefined : info(path, pick);
    },
    files,
    mod,
    zip,
    sums,
    goSumLines(path, version) {
      const { zip: zipSum, mod: modSum } = sums(path, version);
      return `${path} ${version} ${zipSum}\n${path} ${version}/go.mod ${modSum}\n`;
    },
  };
}

/**
 * Writes the universe as a module proxy tree on disk, for `GOPROXY=file:///DIR`: the go command
 * reads `@v/list`, `.info`, `.mod` and `.zip` from it as from a server, so a test can fill a
 * module cache with the real `go mod download` and no server at all.
 */
export async function writeProxyTree(universe: ModuleUniverse, dir: string): Promise<void> {
  for (const module of universe.modules) {
    const path = escapePath(module.path);
    if (!path.ok) throw new Error(`${module.path}: ${path.error}`);
    const base = join(dir, path.value, '@v');
    await mkdir(base, { recursive: true });
    await writeFile(join(base, 'list'), universe.list(module.path));
    for (const version of universe.versions(module.path)) {
      const escaped = escapeVersion(version);
      if (!escaped.ok) throw new Error(`${module.path}@${version}: ${escaped.error}`);
      await writeFile(
        join(base, `${escaped.value}.info`),
        JSON.stringify(universe.info(module.path, version)),
      );
      await writeFile(join(base, `${escaped.value}.mod`), universe.mod(module.path, version));
      await writeFile(join(base, `${escaped.value}.zip`), universe.zip(module.path, version));
    }
  }
}
