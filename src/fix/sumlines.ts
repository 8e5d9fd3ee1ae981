// go.sum as lines, for edits that keep everything else as it is: drop lines by number, and insert
// new lines where the go command's sort order (module.Sort: path, then version by semver, then
// the "/go.mod" suffix) puts them.
import { compare as compareSemver } from '../module/semver.ts';

/** The lines with their line ends. */
export function sumLines(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes).toString('utf8');
  return text === '' ? [] : text.split(/(?<=\n)/);
}

/** Removes the given 1-based line numbers. */
export function dropLines(lines: readonly string[], numbers: ReadonlySet<number>): string[] {
  return lines.filter((_, i) => !numbers.has(i + 1));
}

function sortKey(line: string): { path: string; version: string; file: string } | undefined {
  const fields = line.trim().split(/\s+/);
  if (fields.length !== 3) return undefined;
  const [path, full] = fields as [string, string];
  const slash = full.indexOf('/');
  return slash < 0
    ? { path, version: full, file: '' }
    : { path, version: full.slice(0, slash), file: full.slice(slash) };
}

function before(a: string, b: string): boolean {
  const x = sortKey(a);
  const y = sortKey(b);
  if (!x || !y) return false;
  if (x.path !== y.path) return x.path < y.path;
  if (x.version !== y.version) return compareSemver(x.version, y.version) < 0;
  return x.file < y.file;
}

/** Inserts each line (without its newline) before the first existing line that sorts after it. */
export function insertSorted(lines: readonly string[], added: readonly string[]): string[] {
  const out = [...lines];
  if (out.length > 0 && !out[out.length - 1]!.endsWith('\n')) out[out.length - 1] += '\n';
  for (const line of added) {
    const at = out.findIndex((existing) => before(line, existing));
    if (at < 0) out.push(`${line}\n`);
    else out.splice(at, 0, `${line}\n`);
  }
  return out;
}
