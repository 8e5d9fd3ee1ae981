// The inventory of the go command's module messages (go-messages.tsv, written by
// scripts/go-messages.ts from the Go source of every installed release) and the decision taken
// for each (go-message-decisions.tsv, written by hand): mapped to a cause id with an example that
// explain must classify as that id, excluded with a reason, or explicitly left to do.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const inventoryDir = dirname(fileURLToPath(import.meta.url));
export const INVENTORY_FILE = join(inventoryDir, 'go-messages.tsv');
const DECISIONS_FILE = join(inventoryDir, 'go-message-decisions.tsv');

/** The releases the inventory is made from (scripts/install-go.sh installs them). */
export const RELEASES = ['1.19', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26', '1.27'] as const;

export interface InventoryEntry {
  /** Stable while the package and the format do not change: a hash of the two. */
  id: string;
  releases: string[];
  /** Short package: `modload`, `x/mod/modfile`, ... */
  pkg: string;
  /** file:line in the newest release that has the message. */
  where: string;
  /** The call that prints or builds it (`fmt.Errorf`, `base.Fatalf`, `Error()`, ...). */
  func: string;
  format: string;
}

export function entryId(pkg: string, format: string): string {
  return createHash('sha256').update(`${pkg}\0${format}`).digest('hex').slice(0, 10);
}

/** Tabs, newlines and backslashes are escaped so that a format stays on one TSV line. */
function escapeField(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

function unescapeField(s: string): string {
  return s.replace(/\\([\\tnr])/g, (_m, c: string) =>
    c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : '\\',
  );
}

const INVENTORY_HEADER = 'id\treleases\tpackage\twhere\tfunc\tformat';

export function formatInventory(entries: readonly InventoryEntry[]): string {
  const lines = [INVENTORY_HEADER];
  for (const e of entries) {
    lines.push([e.id, e.releases.join(','), e.pkg, e.where, e.func, escapeField(e.format)].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

function parseInventory(text: string): InventoryEntry[] {
  const out: InventoryEntry[] = [];
  for (const line of text.split('\n').slice(1)) {
    if (!line) continue;
    const [id, releases, pkg, where, func, format] = line.split('\t');
    out.push({
      id: id!,
      releases: releases!.split(','),
      pkg: pkg!,
      where: where!,
      func: func!,
      format: unescapeField(format!),
    });
  }
  return out;
}

export function readInventory(): InventoryEntry[] {
  return parseInventory(readFileSync(INVENTORY_FILE, 'utf8'));
}

/**
 * One line of the decisions file. Rows are tried in order, the first that selects an entry
 * decides it: `id:<id>` selects one entry; otherwise a package (exact, a prefix ending in
 * `*`, `*`, or alternatives joined by `|`) and a regular expression tried on the format.
 */
export interface DecisionRow {
  line: number;
  selector: { id: string } | { pkg: string; format: RegExp };
  /** A cause id, `exclude`, or `todo`. */
  decision: string;
  /**
   * For a cause: the example as the go command prints it, with `{}` standing for the
   * instantiated format (or a complete example for an `id:` row). For `exclude`: the reason.
   */
  text: string;
}

function parseDecisions(text: string): DecisionRow[] {
  const rows: DecisionRow[] = [];
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim() || raw.startsWith('#')) return;
    const cols = raw.split('\t');
    if (cols.length !== 4) throw new Error(`decisions line ${i + 1}: 4 tab-separated columns expected`);
    const [pkg, format, decision, rest] = cols as [string, string, string, string];
    const selector = pkg.startsWith('id:') ? { id: pkg.slice(3) } : { pkg, format: new RegExp(format) };
    rows.push({ line: i + 1, selector, decision, text: unescapeField(rest) });
  });
  return rows;
}

export function readDecisions(): DecisionRow[] {
  return parseDecisions(readFileSync(DECISIONS_FILE, 'utf8'));
}

function pkgMatches(selector: string, pkg: string): boolean {
  if (selector.includes('|')) return selector.split('|').some((s) => pkgMatches(s, pkg));
  if (selector === '*') return true;
  if (selector.endsWith('*')) return pkg.startsWith(selector.slice(0, -1));
  return selector === pkg;
}

export type Decision =
  | { kind: 'mapped'; cause: string; example: string; row: number }
  | { kind: 'excluded'; reason: string; row: number }
  | { kind: 'todo'; row: number }
  | { kind: 'undecided' };

export function decide(entry: InventoryEntry, rows: readonly DecisionRow[]): Decision {
  for (const row of rows) {
    const s = row.selector;
    const selected =
      'id' in s ? s.id === entry.id : pkgMatches(s.pkg, entry.pkg) && s.format.test(entry.format);
    if (!selected) continue;
    if (row.decision === 'exclude') return { kind: 'excluded', reason: row.text, row: row.line };
    if (row.decision === 'todo') return { kind: 'todo', row: row.line };
    const example = row.text.includes('{}') ? row.text.split('{}').join(instantiate(entry.format)) : row.text;
    return { kind: 'mapped', cause: row.decision, example, row: row.line };
  }
  return { kind: 'undecided' };
}

const VERB = /%(?:%|[-+# 0]*(?:\d+|\*)?(?:\.\d+)?[vsqdwxXTtcfgpbo])/g;

/**
 * The format filled in with realistic values: each verb gets what the words before it say it
 * is (a module path, a version, a file, a line number, an inner error).
 */
export function instantiate(format: string): string {
  let out = '';
  let last = 0;
  for (const m of format.matchAll(VERB)) {
    const before = format.slice(0, m.index);
    out += format.slice(last, m.index) + valueFor(m[0], before, format.slice(m.index + m[0].length));
    last = m.index + m[0].length;
  }
  return out + format.slice(last);
}

function valueFor(verb: string, before: string, after: string): string {
  if (verb === '%%') return '%';
  const v = verb.at(-1);
  const b = before.toLowerCase();
  if (v === 'd') return /:$/.test(before) ? '3' : '2';
  if (v === 'T') return '*errors.errorString';
  const q = (s: string) => (v === 'q' ? `"${s}"` : s);
  if (/@$/.test(before)) return q('v1.2.0');
  if (/-mod=$/.test(before)) return q('vendor');
  if (/go\.mod:?$|go\.work:?$/.test(b)) return q('go.mod');
  if (/(?:go |go version |toolchain |go version is |requires go |requires go >= )$/.test(b)) return q('1.27');
  if (/(?:version |revision |at |tag |query |upgrade |downgrade )$/.test(b) && !/module $/.test(b))
    return q('v1.2.0');
  if (/(?:package |import |importing |import path |pattern |loading )$/.test(b))
    return q('example.com/mod/pkg');
  if (/(?:directory |dir |file |path |in |replacement directory |replacement )$/.test(b))
    return q(/directory|dir|replacement/.test(b) ? '../mod' : '/home/user/proj/go.mod');
  if (/(?:host |server |proxy |url |get |reading |fetching |from )$/.test(b))
    return q('https://proxy.golang.org/example.com/mod/@v/v1.2.0.mod');
  if (/(?:module |modules |requires |require |path |for |of |module path |main module )$/.test(b))
    return q('example.com/mod');
  // A leading verb followed by a colon is the thing the message is about: a module.
  if (before === '' && /^:/.test(after)) return q('example.com/mod@v1.2.0');
  if ((v === 'v' || v === 'w') && (/: $/.test(before) || /\($/.test(before))) return q('exit status 128');
  return q('example.com/mod');
}

export interface Coverage {
  release: string;
  total: number;
  mapped: number;
  excluded: number;
  todo: number;
  undecided: number;
}

function coverage(entries: readonly InventoryEntry[], rows: readonly DecisionRow[]): Coverage[] {
  const decided = entries.map((e) => ({ e, d: decide(e, rows) }));
  return [...RELEASES].map((release) => {
    const c: Coverage = { release, total: 0, mapped: 0, excluded: 0, todo: 0, undecided: 0 };
    for (const { e, d } of decided) {
      if (!e.releases.includes(release)) continue;
      c.total++;
      c[d.kind]++;
    }
    return c;
  });
}

/** docs/go-messages.md: the coverage per release and what is excluded, by reason. */
export function goMessagesDoc(entries: readonly InventoryEntry[], rows: readonly DecisionRow[]): string {
  const all = entries.map((e) => ({ e, d: decide(e, rows) }));
  const count = (kind: Decision['kind']) => all.filter((x) => x.d.kind === kind).length;
  const lines = [
    "# The go command's module messages",
    '',
    'Every error and warning format string that the module code of the go command (modload, modfetch',
    'and codehost, modget, modcmd, workcmd, toolchain, vcs, web, gover, mvs, load) and the x/mod it',
    'vendors (modfile, module, zip, sumdb) can print, extracted from the Go source of each release',
    'by `scripts/go-messages.ts` into `test/inventory/go-messages.tsv`. Each message is decided in',
    '`test/inventory/go-message-decisions.tsv`: mapped to a cause id with an example that `explain`',
    'must classify as that id (first finding), or excluded with a reason. `test/inventory` fails on a',
    'message that is neither, so a new Go release that adds messages is decided before it ships.',
    '',
    'This page is generated by `node --import tsx scripts/go-messages.ts --doc`.',
    '',
    `All releases: ${entries.length} distinct messages; ${count('mapped')} mapped, ${count('excluded')} excluded, ${count('todo')} still to decide, ${count('undecided')} undecided.`,
    '',
    '| release | messages | mapped | excluded | to do | mapped of not excluded |',
    '|---|---|---|---|---|---|',
  ];
  for (const c of coverage(entries, rows)) {
    const relevant = c.total - c.excluded;
    const pct = relevant ? ((100 * c.mapped) / relevant).toFixed(1) : '-';
    lines.push(
      `| ${c.release} | ${c.total} | ${c.mapped} | ${c.excluded} | ${c.todo + c.undecided} | ${pct} % |`,
    );
  }
  const byCause = new Map<string, number>();
  const byReason = new Map<string, number>();
  for (const { d } of all) {
    if (d.kind === 'mapped') byCause.set(d.cause, (byCause.get(d.cause) ?? 0) + 1);
    if (d.kind === 'excluded') byReason.set(d.reason, (byReason.get(d.reason) ?? 0) + 1);
  }
  lines.push('', '## Mapped, by cause id', '', '| cause id | messages |', '|---|---|');
  for (const [cause, n] of [...byCause].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    lines.push(`| ${cause} | ${n} |`);
  }
  lines.push('', '## Excluded, by reason', '', '| reason | messages |', '|---|---|');
  for (const [reason, n] of [...byReason].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    lines.push(`| ${reason.replace(/\|/g, '\\|')} | ${n} |`);
  }
  return `${lines.join('\n')}\n`;
}
