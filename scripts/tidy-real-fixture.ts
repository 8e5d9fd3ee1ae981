// Makes a small copy of a public repository for tidy-check's real-repository tests: only what
// tidy reads (go.mod, go.sum, go.work, vendor/modules.txt, and each .go file cut after its
// imports), from a git directory at one commit.
//
//   node --import tsx scripts/tidy-real-fixture.ts GIT_DIR NAME [COMMIT]
//
// Writes test/fixtures/tidy-real/NAME/ and prints the commit; record it in that folder's README.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseGoFileHeader } from '../src/tidy/header.ts';

const [gitDir, name, commitArg] = process.argv.slice(2);
if (!gitDir || !name) {
  console.error('usage: tidy-real-fixture.ts GIT_DIR NAME [COMMIT]');
  process.exit(2);
}
const git = (args: string[]) =>
  execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 1 << 30, timeout: 120_000 });
const commit = git(['rev-parse', commitArg ?? 'HEAD'])
  .toString()
  .trim();
const out = join('test', 'fixtures', 'tidy-real', name);
rmSync(out, { recursive: true, force: true });

const KEEP = /(^|\/)(go\.mod|go\.sum|go\.work|vendor\/modules\.txt)$/;
const list = git(['ls-tree', '-r', '-z', commit]).toString().split('\0').filter(Boolean);
const wanted: Array<{ path: string; sha: string; header: boolean }> = [];
for (const entry of list) {
  const tab = entry.indexOf('\t');
  const [mode, type, sha] = entry.slice(0, tab).split(' ');
  const path = entry.slice(tab + 1);
  if (type !== 'blob' || mode === '120000') continue;
  // What the go command never reads as a package: testdata, _x, .x, and vendored source.
  const dirs = path.split('/').slice(0, -1);
  if (dirs.some((d) => d === 'testdata' || d.startsWith('_') || d.startsWith('.'))) continue;
  if (KEEP.test(path)) {
    if (dirs.includes('vendor') && !path.endsWith('vendor/modules.txt')) continue;
    wanted.push({ path, sha: sha!, header: false });
  } else if (path.endsWith('.go') && !dirs.includes('vendor')) {
    wanted.push({ path, sha: sha!, header: true });
  }
}
// One `git cat-file --batch` for every blob: "<sha> blob <size>\n<content>\n" each.
const batch = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
  input: wanted.map((w) => w.sha).join('\n') + '\n',
  maxBuffer: 2 ** 31,
  timeout: 300_000,
});
let at = 0;
let files = 0;
let bytes = 0;
for (const w of wanted) {
  const nl = batch.indexOf(10, at);
  const size = Number(batch.subarray(at, nl).toString().split(' ')[2]);
  const full = batch.subarray(nl + 1, nl + 1 + size);
  at = nl + 1 + size + 1;
  const data = w.header ? shortHeader(full) : full;
  const target = join(out, w.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, data);
  files++;
  bytes += data.length;
}
console.log(`${name}: ${commit} (${files} files, ${bytes} bytes)`);

/**
 * The file reduced to what tidy reads: its build constraint lines, package clause and the
 * imports of other modules (standard-library imports and comments are dropped to keep it small).
 */
function shortHeader(full: Buffer): Buffer {
  const header = parseGoFileHeader(full, true);
  if (header.error || header.packageName === undefined) {
    let end = header.bytesRead;
    while (end > 0 && /[A-Za-z0-9_]/.test(String.fromCharCode(full[end - 1]!))) end--;
    return Buffer.concat([full.subarray(0, end), Buffer.from('\n')]);
  }
  const constraints = header.constraintText
    .split('\n')
    .filter((l) => /^\s*\/\/(go:build\s|\s*\+build\s)/.test(l))
    .map((l) => l.trim());
  const imports = header.imports.filter((i) => {
    const first = i.path.split('/')[0]!;
    return first.includes('.') || i.path === 'C';
  });
  const lines = [...constraints, ...(constraints.length > 0 ? [''] : []), `package ${header.packageName}`];
  if (imports.length > 0) lines.push('', ...imports.map((i) => `import ${JSON.stringify(i.path)}`));
  return Buffer.from(`${lines.join('\n')}\n`);
}
