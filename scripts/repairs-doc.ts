// Writes docs/repairs.md from the fix command's repair registry (`node --import tsx scripts/repairs-doc.ts`);
// test/fix/registry.test.ts fails when the page and the registry disagree.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPAIRS } from '../src/fix/repairs/index.ts';

export function repairsDoc(): string {
  const lines = [
    '# Repairs',
    '',
    'Every repair `gomod-doctor fix` can plan, in the order the plan runs them, with the cause ids',
    'it answers (see the [cause catalog](causes.md)) and, for go.mod/go.work edits, the go command',
    'whose output the edit equals byte for byte (the tests compare them on every installed Go',
    'release). A repair is one file, `src/fix/repairs/<id>.ts`. This page is generated from the',
    'registry by `scripts/repairs-doc.ts`.',
    '',
    '| repair | changes | causes | what it does | equals |',
    '|---|---|---|---|---|',
  ];
  for (const repair of REPAIRS) {
    lines.push(
      `| \`${repair.id}\` | ${repair.kind} | ${repair.causes.map((c) => `\`${c}\``).join(', ')} | ${repair.summary.en} | ${repair.equals ? `\`${repair.equals}\`` : '-'} |`,
    );
  }
  lines.push(
    '',
    'Safety: every write is atomic (a temp file renamed in the same directory) and keeps the',
    "file's mode; the old content is first copied under `$XDG_CACHE_HOME/gomod-doctor/backups/<time>/`",
    '(or `~/.cache/...`) with a `manifest.json` of paths and sha256 hashes, never inside the project.',
    'A symlinked go.mod/go.sum is refused, and so is (exit status 2, nothing changed) any project file',
    'the one project-file reader refuses (a FIFO or device, a link out of the project, a file over',
    '64 MB) and a go.mod or go.work holding a NUL byte (named by its line and column); nothing',
    'from the project is executed; no file outside the',
    'project is touched except the go env file and the module cache. `--apply` refuses when a file',
    'changed after planning; `--undo` restores byte for byte and refuses when a file changed since.',
    'Evicted module cache entries are not backed up, so `--undo` cannot restore them (the go command',
    'downloads them again when needed): the plan, `--apply` and `--undo` each say so, and `--undo` lists',
    'them.',
    '',
  );
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(join(fileURLToPath(new URL('..', import.meta.url)), 'docs', 'repairs.md'), repairsDoc());
}
