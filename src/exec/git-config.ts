// git's own configuration as `git config --list --show-origin -z` prints it, and git's rule for
// which parts of a key are case-insensitive.

export interface GitConfigEntry {
  /** e.g. 'file:/home/u/.gitconfig', 'command line:'. */
  origin: string;
  key: string;
  value: string;
}

/** Parses `git config --list --show-origin -z`: ORIGIN NUL KEY LF VALUE NUL (no LF when no value). */
export function parseGitConfigList(text: string): GitConfigEntry[] {
  const parts = text.split('\0');
  const entries: GitConfigEntry[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const origin = parts[i]!;
    const item = parts[i + 1]!;
    const nl = item.indexOf('\n');
    const key = nl < 0 ? item : item.slice(0, nl);
    entries.push({ origin, key, value: nl < 0 ? 'true' : item.slice(nl + 1) });
  }
  return entries;
}

/** Lower-cases section and variable name of a config key; the subsection (URLs) keeps its case. */
export function normalizeGitKey(key: string): string {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first < 0) return key.toLowerCase();
  if (first === last) return key.toLowerCase();
  return `${key.slice(0, first).toLowerCase()}${key.slice(first, last)}${key.slice(last).toLowerCase()}`;
}
