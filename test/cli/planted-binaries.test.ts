// The one locator, command by command: a `go` and a `git` planted in the checkout, reachable
// through PATH=.:… , an empty PATH entry and an absolute entry inside the checkout, never run.
// Each planted script writes a canary file; the test asserts the file never appears.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { goToolchains, NO_GO_REASON, repoRoot } from '../helpers/go-matrix.ts';

const go = goToolchains().at(-1);
const transcript = join(repoRoot, 'test', 'fixtures', 'transcripts', 'ambiguous-import.go1.23.txt');

interface Checkout {
  dir: string;
  canary: string;
  env: Record<string, string>;
}

function plantedCheckout(): Checkout {
  const dir = mkdtempSync(join(tmpdir(), 'gomod-doctor-planted-'));
  const canary = join(mkdtempSync(join(tmpdir(), 'gomod-doctor-canary-')), 'ran');
  writeFileSync(join(dir, 'go.mod'), 'module example.com/planted\n\ngo 1.21\n');
  writeFileSync(join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
  mkdirSync(join(dir, 'bin'));
  for (const name of ['go', 'git', 'ssh']) {
    const script = `#!/bin/sh\necho "${name} $*" >> '${canary}'\necho go1.99.0\nexit 0\n`;
    for (const where of [join(dir, name), join(dir, 'bin', name)]) {
      writeFileSync(where, script);
      chmodSync(where, 0o755);
    }
  }
  const real = go ? dirname(go.goBin) : '/usr/bin';
  // ".", an empty entry and an absolute entry inside the checkout, all before the real go and git.
  const path = ['.', '', join(dir, 'bin'), real, '/usr/bin', '/bin'].join(':');
  return { dir, canary, env: { PATH: path, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod', GOPROXY: 'off' } };
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!go)(go ? 'a go and a git planted in the checkout never run' : NO_GO_REASON, () => {
  const commands: Array<[string, string[]]> = [
    ['explain (reads go env for context)', ['explain', transcript]],
    ['explain -C', ['explain', '-C', '.', transcript]],
    ['modfile', ['modfile', 'go.mod']],
    ['trace', ['trace', '--', 'go', 'version']],
    ['tidy-check', ['tidy-check']],
    ['doctor', ['doctor', '--json']],
    ['doctor --network (its git)', ['doctor', '--network', '--budget', '2', '--json']],
  ];
  for (const [title, args] of commands) {
    it(title, async () => {
      const checkout = plantedCheckout();
      made.push(checkout.dir, dirname(checkout.canary));
      const result = await runCli(args, { cwd: checkout.dir, env: checkout.env, timeoutMs: 60_000 });
      expect(result.exitCode, result.stderr).not.toBe(null);
      expect(existsSync(checkout.canary), `${title} ran a planted binary`).toBe(false);
      // The command still did its job with the go outside the checkout.
      if (args[0] === 'trace') expect(result.stdout).toContain(`go version go${go!.version}`);
      if (args[0] === 'modfile') expect(result.stdout).toMatch(/ok \(parsed as Go 1\.(19|2\d) would\)/);
    });
  }

  it('trace with only a planted go: a clear error, nothing runs', async () => {
    const checkout = plantedCheckout();
    made.push(checkout.dir, dirname(checkout.canary));
    const result = await runCli(['trace', '--', 'go', 'version'], {
      cwd: checkout.dir,
      env: { ...checkout.env, PATH: `.::${join(checkout.dir, 'bin')}` },
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('cannot start go');
    expect(existsSync(checkout.canary)).toBe(false);
  });
});
