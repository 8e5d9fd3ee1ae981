// The go env file as `go env -w` / `go env -u` rewrite it (cmd/go's updateEnvFile): of a
// variable written twice only the last line stays; a set variable replaces its line in place or
// is appended; an unset one loses its line; then each run of KEY=VALUE lines (runs are separated
// by comments, blank or other lines) is sorted by key, bytewise.

function lineKey(line: string): string {
  const eq = line.indexOf('=');
  if (eq < 0 || line.slice(0, eq).includes('#')) return '';
  return line.slice(0, eq);
}

function byteCompare(a: string, b: string): number {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return Buffer.compare(x, y);
}

export function updateGoEnvFile(
  text: string,
  set: ReadonlyMap<string, string>,
  unset: ReadonlySet<string> = new Set(),
): string {
  const lines = text === '' ? [] : text.split(/(?<=\n)/);
  if (lines.length > 0 && !lines[lines.length - 1]!.endsWith('\n')) lines[lines.length - 1] += '\n';
  const last = new Map<string, number>();
  lines.forEach((line, i) => {
    const key = lineKey(line);
    if (key === '') return;
    const previous = last.get(key);
    if (previous !== undefined) lines[previous] = '';
    last.set(key, i);
  });
  const added: string[] = [];
  for (const [key, value] of set) {
    const at = last.get(key);
    if (at !== undefined) lines[at] = `${key}=${value}\n`;
    else added.push(key);
  }
  // Go appends the new keys in map order, which is random; the sort below makes it irrelevant
  // unless they land in a run with other lines, where they are sorted too.
  for (const key of added) lines.push(`${key}=${set.get(key)}\n`);
  for (const key of unset) {
    const at = last.get(key);
    if (at !== undefined) lines[at] = '';
  }
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || lineKey(lines[i]!) === '') {
      const run = lines.slice(start, i).sort((a, b) => byteCompare(lineKey(a), lineKey(b)));
      lines.splice(start, run.length, ...run);
      start = i + 1;
    }
  }
  return lines.join('');
}
