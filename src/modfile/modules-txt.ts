// vendor/modules.txt as `go mod vendor` writes it: a `# path version [=> replacement]` line per
// module, `## explicit[; go 1.N]` annotations, then the module's vendored packages, one per line.
// doctor (is vendor/ consistent with go.mod?) and tidy-check (which module provides a vendored
// package?) read it through this one parser.

export interface VendoredModule {
  path: string;
  /** Empty for a replacement-only line (`# path => ./dir`). */
  version: string;
  /** Marked `## explicit`: go.mod requires it. */
  explicit: boolean;
  /** 1-based line of the `# ` header. */
  line: number;
  /** The vendored packages listed under it. */
  packages: string[];
}

export function parseModulesTxt(text: string): VendoredModule[] {
  const out: VendoredModule[] = [];
  let current: VendoredModule | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.startsWith('# ')) {
      const fields = line.slice(2).split(' ');
      const version = fields[1] && fields[1] !== '=>' ? fields[1] : '';
      current = { path: fields[0] ?? '', version, explicit: false, line: i + 1, packages: [] };
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
