// Builds the inventory of the go command's module messages from the Go source of each installed
// release (.cache/go/go1.X/src, from scripts/install-go.sh) and regenerates docs/go-messages.md.
//   node --import tsx scripts/go-messages.ts          extract, write the inventory and the page
//   node --import tsx scripts/go-messages.ts --doc    only rewrite the page from the checked-in files
//   node --import tsx scripts/go-messages.ts --check  extract and fail when the messages or their releases
//                                                     differ from the checked-in inventory (CI runs it)
// The extraction itself is scripts/go-messages/extract.go (go/parser), built with the newest
// installed go.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  entryId,
  formatInventory,
  goMessagesDoc,
  INVENTORY_FILE,
  type InventoryEntry,
  RELEASES,
  readDecisions,
  readInventory,
} from '../test/inventory/inventory.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The module code of cmd/go and the x/mod it vendors, relative to GOROOT/src. */
const DIRS = [
  ...[
    'modload',
    'modfetch',
    'modfetch/codehost',
    'modfetch/zip',
    'modget',
    'modcmd',
    'workcmd',
    'toolchain',
    'vcs',
    'web',
    'load',
    'gover',
    'mvs',
  ].map((d) => `cmd/go/internal/${d}`),
  ...['modfile', 'module', 'zip', 'sumdb'].map((d) => `cmd/vendor/golang.org/x/mod/${d}`),
];

function shortPkg(dir: string): string {
  return dir.replace('cmd/go/internal/', '').replace('cmd/vendor/golang.org/x/mod/', 'x/mod/');
}

interface Raw {
  pkg: string;
  file: string;
  line: number;
  func: string;
  format: string;
}

function extract(): InventoryEntry[] {
  const newest = [...RELEASES].reverse().find((r) => existsSync(join(root, '.cache/go', `go${r}`, 'bin/go')));
  if (!newest) throw new Error('no Go release installed under .cache/go (run scripts/install-go.sh)');
  const work = mkdtempSync(join(tmpdir(), 'go-messages-'));
  const env = {
    ...process.env,
    GOTOOLCHAIN: 'local',
    GOFLAGS: '',
    GO111MODULE: 'off',
    GOCACHE: join(work, 'cache'),
    CGO_ENABLED: '0',
  };
  try {
    const bin = join(work, 'extract');
    execFileSync(
      join(root, '.cache/go', `go${newest}`, 'bin/go'),
      ['build', '-o', bin, join(root, 'scripts/go-messages/extract.go')],
      { env, timeout: 300_000, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    const byKey = new Map<string, InventoryEntry>();
    for (const release of RELEASES) {
      const src = join(root, '.cache/go', `go${release}`, 'src');
      if (!existsSync(join(src, 'cmd/go'))) throw new Error(`go${release} source missing: ${src}`);
      const out = execFileSync(bin, [src, ...DIRS], { timeout: 120_000, maxBuffer: 64 << 20 }).toString();
      for (const line of out.split('\n')) {
        if (!line) continue;
        const m = JSON.parse(line) as Raw;
        const pkg = shortPkg(m.pkg);
        const key = `${pkg}\0${m.format}`;
        const entry = byKey.get(key);
        const where = `${m.file}:${m.line}`;
        if (!entry) {
          byKey.set(key, {
            id: entryId(pkg, m.format),
            releases: [release],
            pkg,
            where,
            func: m.func,
            format: m.format,
          });
        } else {
          if (!entry.releases.includes(release)) entry.releases.push(release);
          // The newest release's location (releases run oldest first).
          entry.where = where;
        }
      }
    }
    return [...byKey.values()].sort(
      (a, b) => a.pkg.localeCompare(b.pkg) || a.where.localeCompare(b.where, 'en', { numeric: true }),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function writeDoc(): void {
  writeFileSync(join(root, 'docs/go-messages.md'), goMessagesDoc(readInventory(), readDecisions()));
}

if (process.argv.includes('--doc')) {
  writeDoc();
} else if (process.argv.includes('--check')) {
  // Which messages exist in which releases; file:line may move between patch releases.
  const key = (entries: InventoryEntry[]) => entries.map((e) => `${e.id} ${e.releases.join(',')}`).join('\n');
  const fresh = extract();
  if (key(fresh) !== key(readInventory())) {
    console.error(
      'test/inventory/go-messages.tsv does not match the installed Go sources: run node --import tsx scripts/go-messages.ts, then decide the new messages in test/inventory/go-message-decisions.tsv',
    );
    process.exit(1);
  }
  console.log(`go-messages: ${fresh.length} messages, inventory up to date`);
} else {
  writeFileSync(INVENTORY_FILE, formatInventory(extract()));
  writeDoc();
}
