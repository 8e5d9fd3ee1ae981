// ~/.netrc (or $NETRC), which the go command reads for HTTPS credentials (GOAUTH=netrc, the
// default) and git's curl reads too.

export interface NetrcEntry {
  /** undefined for the `default` entry. */
  machine?: string;
  hasLogin: boolean;
  hasPassword: boolean;
  line: number;
}

/** Reads ~/.netrc (or $NETRC) into machine entries; passwords are noted as present, never kept. */
export function parseNetrc(text: string): NetrcEntry[] {
  const entries: NetrcEntry[] = [];
  let current: NetrcEntry | undefined;
  const lines = text.split('\n');
  let inMacro = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (inMacro) {
      if (line.trim() === '') inMacro = false;
      continue;
    }
    const tokens = line.split(/\s+/).filter((t) => t !== '');
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.startsWith('#') && i === 0) break;
      switch (token) {
        case 'machine':
          current = { machine: tokens[++i] ?? '', hasLogin: false, hasPassword: false, line: n + 1 };
          entries.push(current);
          break;
        case 'default':
          current = { hasLogin: false, hasPassword: false, line: n + 1 };
          entries.push(current);
          break;
        case 'login':
          i++;
          if (current) current.hasLogin = true;
          break;
        case 'password':
          i++;
          if (current) current.hasPassword = true;
          break;
        case 'account':
          i++;
          break;
        case 'macdef':
          inMacro = true;
          i = tokens.length;
          break;
        default:
          break;
      }
    }
  }
  return entries;
}
