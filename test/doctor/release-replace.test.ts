// The release gate on directory replaces: an error when the directory lies outside the repository
// (the nearest `.git`), has uncommitted changes, or the module has commands; a note for a library
// whose replace points at a committed directory of the same repository (a monorepo's nested
// modules). Real git repositories made in the sandbox.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../lab/kit/sandbox.ts';
import { type DoctorCase, doctorIn, toolchain } from './helpers.ts';

const sandboxes: Sandbox[] = [];
afterAll(async () => {
  for (const s of sandboxes) await s.dispose();
});

function git(cwd: string, ...args: string[]) {
  execFileSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], {
    cwd,
    timeout: 20_000,
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
}

const committed = (sandbox: Sandbox) => {
  git(sandbox.workDir, 'init', '-q');
  git(sandbox.workDir, 'add', '-A');
  git(sandbox.workDir, 'commit', '-qm', 'x');
};

const gomod =
  'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v1.0.0\n\nreplace example.com/lib => ./lib\n';
const files = (extra: Record<string, string>) => ({
  'go.mod': gomod,
  'go.sum': '',
  'lib/go.mod': 'module example.com/lib\n\ngo 1.21\n',
  'lib/lib.go': 'package lib\n',
  ...extra,
});

async function localReplace(c: DoctorCase) {
  const { result, sandbox } = await doctorIn({ ...c, options: { release: true } });
  sandboxes.push(sandbox);
  return result.report.findings.filter((f) => f.cause === 'local-replace');
}

describe.skipIf(!toolchain)('doctor --release: directory replaces', () => {
  it('a library replacing a committed directory of its repository: info', async () => {
    const found = await localReplace({
      files: files({ 'app.go': 'package app\n\nimport _ "example.com/lib"\n' }),
      prepare: committed,
    });
    expect(found.map((f) => f.severity)).toEqual(['info']);
    expect(found[0]!.message).toMatch(/committed in this repository/);
  });

  it('uncommitted changes in the directory: error', async () => {
    const found = await localReplace({
      files: files({ 'app.go': 'package app\n\nimport _ "example.com/lib"\n' }),
      prepare: (sandbox) => {
        committed(sandbox);
        writeFileSync(join(sandbox.workDir, 'lib', 'new.go'), 'package lib\n');
      },
    });
    expect(found.map((f) => f.severity)).toEqual(['error']);
    expect(found[0]!.message).toMatch(/uncommitted changes/);
  });

  it('a module with commands: error, even for a committed directory', async () => {
    const found = await localReplace({
      files: files({ 'main.go': 'package main\n\nimport _ "example.com/lib"\n\nfunc main() {}\n' }),
      prepare: committed,
    });
    expect(found.map((f) => f.severity)).toEqual(['error']);
    expect(found[0]!.message).toMatch(/has commands/);
  });

  it('a directory outside the repository: error', async () => {
    const found = await localReplace({
      files: {
        'go.mod': gomod.replace('./lib', '../lib'),
        'go.sum': '',
        'app.go': 'package app\n\nimport _ "example.com/lib"\n',
        '../lib/go.mod': 'module example.com/lib\n\ngo 1.21\n',
        '../lib/lib.go': 'package lib\n',
      },
      prepare: committed,
    });
    expect(found.map((f) => f.severity)).toEqual(['error']);
    expect(found[0]!.message).toMatch(/outside this repository/);
  });
});
