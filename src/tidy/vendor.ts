// vendor/modules.txt as the go command reads it when it builds in vendor mode: which module
// (at which version) provides each vendored package. The go command uses vendor/ by default when
// the main module's go line is 1.14 or later and vendor/modules.txt exists, unless -mod in
// GOFLAGS says otherwise; a modules.txt that disagrees with go.mod stops it ("inconsistent
// vendoring"), so only a consistent one answers questions here.
import { join } from 'node:path';
import { readProjectFile } from '../files/read.ts';
import { parseModulesTxt } from '../modfile/modules-txt.ts';
import type { RequireDirective } from '../modfile/types.ts';
import { goAtLeast, type ModuleVersion } from './modgraph.ts';

export interface VendorList {
  /** Vendored package import path → the module providing it. */
  packages: Map<string, ModuleVersion>;
  /** The directory holding the vendored packages. */
  dir: string;
}

/** The `-mod` value GOFLAGS sets, if any (the last one wins, as with flags on the command line). */
function modFlag(goflags: string | undefined): string | undefined {
  let mode: string | undefined;
  for (const f of (goflags ?? '').split(/\s+/)) {
    const m = /^--?mod=(.*)$/.exec(f);
    if (m) mode = m[1];
  }
  return mode;
}

/**
 * The vendored packages when the go command would build from vendor/, else undefined: go ≥ 1.14,
 * vendor/modules.txt present, no other -mod in GOFLAGS, and every requirement of go.mod listed
 * as explicit at the same version (what the go command checks before it trusts vendor/).
 */
export function readVendorList(
  root: string,
  go: string | undefined,
  requires: readonly RequireDirective[],
  goflags: string | undefined,
): VendorList | undefined {
  const mode = modFlag(goflags);
  if (mode !== undefined && mode !== 'vendor') return undefined;
  if (mode === undefined && !goAtLeast(go ?? '1.11', '1.14')) return undefined;
  const dir = join(root, 'vendor');
  // The one project-file reader: a modules.txt that is a FIFO, a link out of the project or huge is
  // not read, and then vendor/ answers nothing here (doctor names the refusal).
  const read = readProjectFile(join(dir, 'modules.txt'), { kind: 'modules.txt', roots: [root] });
  if (!read.ok) return undefined;
  const modules = parseModulesTxt(read.bytes.toString('utf8'));
  const byPath = new Map(modules.filter((m) => m.version !== '').map((m) => [m.path, m]));
  for (const r of requires) {
    const v = byPath.get(r.path);
    if (!v || v.version !== r.version || !v.explicit) return undefined;
  }
  const packages = new Map<string, ModuleVersion>();
  for (const m of modules) {
    if (m.version === '') continue;
    for (const p of m.packages) packages.set(p, { path: m.path, version: m.version });
  }
  return { packages, dir };
}
