// vendor/modules.txt as the go command reads it when it builds in vendor mode: which module
// (at which version) provides each vendored package. The go command uses vendor/ by default when
// the main module's go line is 1.14 or later and vendor/modules.txt exists, unless -mod in
// GOFLAGS says otherwise; a modules.txt that disagrees with go.mod stops it ("inconsistent
// vendoring"), so only a consistent one answers questions here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequireDirective } from '../modfile/types.ts';
import { goAtLeast, type ModuleVersion } from './modgraph.ts';

export interface VendorList {
  /** Vendored package import path → the module providing it. */
  packages: Map<string, ModuleVersion>;
  /** The directory holding the vendored packages. */
  dir: string;
}

interface VendoredModule extends ModuleVersion {
  explicit: boolean;
  packages: string[];
}

function parseVendorModules(text: string): VendoredModule[] {
  const out: VendoredModule[] = [];
  let current: VendoredModule | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('# ')) {
      const fields = line.slice(2).split(' ');
      current = {
        path: fields[0] ?? '',
        version: fields[1] && fields[1] !== '=>' ? fields[1] : '',
        explicit: false,
        packages: [],
      };
      out.push(current);
    } else if (line.startsWith('## ')) {
      if (
        current &&
        line
          .slice(3)
          .split(';')
          .some((part) => part.trim() === 'explicit')
      )
        current.explicit = true;
    } else if (line !== '' && !line.startsWith('#') && current) {
      current.packages.push(line.trim());
    }
  }
  return out;
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
  let text: string;
  try {
    text = readFileSync(join(dir, 'modules.txt'), 'utf8');
  } catch {
    return undefined;
  }
  const modules = parseVendorModules(text);
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
