// The two promises of running on someone else's checkout: no secret in any output format, and
// nothing executed from, downloaded for, or written to the checkout. Both through the bundled CLI.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { goToolchain, NO_GO_REASON } from '../helpers/go-matrix.ts';
import { listenOnLoopback } from '../lab/kit/listen.ts';
import type { Sandbox } from '../lab/kit/sandbox.ts';
import { createSandbox } from '../lab/kit/sandbox.ts';
import { HEALTHY_GOMOD, HEALTHY_GOSUM, toolchain } from './helpers.ts';

const sandboxes: Sandbox[] = [];
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.dispose()));
});

const FORMATS: string[][] = [
  [],
  ['-v'],
  ['--json'],
  ['--format=sarif'],
  ['--format=markdown'],
  ['--lang=zh-CN', '-v'],
];

function cliEnv(sandbox: Sandbox, extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { ...sandbox.env, NO_COLOR: '1', ...extra };
}

function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      hash.update(`${p}\0${st.mode}\0${st.mtimeMs}\0`);
      if (st.isDirectory()) walk(p);
      else hash.update(readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

describe.skipIf(!toolchain)(`doctor safety${toolchain ? '' : ` (${NO_GO_REASON})`}`, () => {
  it('no output format contains a planted secret', async () => {
    const canaries = [
      'CANARYproxyPASS1',
      'CANARYnetrcPASS2',
      'CANARYgoauthTOKEN3',
      'CANARYgitPASS4',
      'CANARYtokenUSER5',
      'CANARYenvPASS6',
      'CANARYfilePASS7',
    ];
    const sandbox = await createSandbox({ go: toolchain! });
    sandboxes.push(sandbox);
    await sandbox.writeFiles({ 'go.mod': HEALTHY_GOMOD, 'go.sum': HEALTHY_GOSUM });
    writeFileSync(
      join(sandbox.home, '.netrc'),
      `machine proxy.corp.example.com login me password ${canaries[1]}\nmachine git.corp.example.com login me\n`,
    );
    chmodSync(join(sandbox.home, '.netrc'), 0o644);
    // A go env -w value that the environment overrides: printed as evidence, so it must be masked.
    writeFileSync(
      sandbox.goenvFile,
      `GOPROXY=https://me:${canaries[6]}@mirror.corp.example.com|direct\nGOAUTH=command /usr/local/bin/auth --token=${canaries[2]}\n`,
    );
    await sandbox.gitConfig([
      {
        section: 'url',
        subsection: `https://me:${canaries[3]}@github.com/`,
        key: 'insteadOf',
        value: 'https://github.com/',
      },
      {
        section: 'url',
        subsection: `https://${canaries[4]}@gitlab.com/`,
        key: 'insteadOf',
        value: 'https://gitlab.com/',
      },
      { section: 'http', key: 'extraHeader', value: `Authorization: Bearer ${canaries[5]}` },
      { section: 'credential', key: 'helper', value: `store --token=${canaries[5]}` },
    ]);
    const env = cliEnv(sandbox, {
      GOPROXY: `https://me:${canaries[0]}@proxy.corp.example.com,https://${canaries[4]}@proxy2.corp.example.com,direct`,
      GOAUTH: `command /usr/local/bin/auth --token=${canaries[2]}`,
      GONOSUMDB: `https://me:${canaries[0]}@corp.example.com`,
      GITHUB_TOKEN: `ghp_${canaries[5]}aaaaaaaaaaaaaaaaaaaaaa`,
      GIT_SSH_COMMAND: `ssh -o SetEnv=PASSWORD=${canaries[5]}`,
    });
    for (const args of FORMATS) {
      const result = await runCli(args, { cwd: sandbox.workDir, env });
      const output = result.stdout + result.stderr;
      expect(result.exitCode, output).not.toBe(2);
      for (const canary of canaries)
        expect(output, `${args.join(' ')} leaks ${canary}`).not.toContain(canary);
    }
    // And the secrets were there to be found: the proxy line is shown, masked.
    const text = await runCli(['-v'], { cwd: sandbox.workDir, env });
    expect(text.stdout).toContain('proxy.corp.example.com');
  });

  it.skipIf(!goToolchain('1.24'))(
    'GOAUTH (go 1.24), .netrc and private module hosts: findings name hosts and commands, never secrets',
    async () => {
      const canaries = ['CANARYgoauthARG8', 'CANARYnetrcPASS9', 'CANARYgoauthCMD10', 'CANARYnetrcLOGIN11'];
      const sandbox = await createSandbox({ go: goToolchain('1.24')! });
      sandboxes.push(sandbox);
      await sandbox.writeFiles({
        'go.mod':
          'module example.com/app\n\ngo 1.21\n\nrequire (\n\tgit.corp.example.com/team/lib v1.0.0\n\tgit.other.internal/x v1.0.0\n)\n',
      });
      writeFileSync(
        join(sandbox.home, '.netrc'),
        `machine git.corp.example.com login ${canaries[3]} password ${canaries[1]}\n`,
      );
      chmodSync(join(sandbox.home, '.netrc'), 0o600);
      await sandbox.gitConfig([
        {
          section: 'url',
          subsection: 'git@git.corp.example.com:',
          key: 'insteadOf',
          value: 'https://git.corp.example.com/',
        },
      ]);
      const env = cliEnv(sandbox, {
        GOPRIVATE: 'git.corp.example.com,git.other.internal',
        // A missing command with a token argument, a command word that is itself a secret, and an
        // empty entry (fatal): each becomes a finding, none may show a token.
        GOAUTH: `netrc;missing-auth-helper --token=${canaries[0]};TOKEN=${canaries[2]} helper;`,
      });
      for (const args of FORMATS) {
        const result = await runCli(args, { cwd: sandbox.workDir, env });
        const output = result.stdout + result.stderr;
        expect(result.exitCode, output).not.toBe(2);
        for (const canary of canaries)
          expect(output, `${args.join(' ')} leaks ${canary}`).not.toContain(canary);
      }
      const json = await runCli(['--json'], { cwd: sandbox.workDir, env });
      const checks = (JSON.parse(json.stdout) as { findings: Array<{ check: string; cause: string }> })
        .findings;
      expect(checks).toContainEqual(
        expect.objectContaining({ check: 'settings/goauth', cause: 'git-auth-required' }),
      );
      expect(checks).toContainEqual(
        expect.objectContaining({ check: 'git/module-hosts', cause: 'git-auth-required' }),
      );
      expect(checks).toContainEqual(
        expect.objectContaining({ check: 'git/module-hosts', cause: 'git-ssh-auth' }),
      );
    },
  );

  it('an untrusted checkout: nothing of it runs, no toolchain download, no file changes', async () => {
    // A proxy that records every request: a toolchain download would go through it.
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.statusCode = 404;
      res.end();
    });
    await listenOnLoopback(server);
    const proxyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const sandbox = await createSandbox({ go: toolchain!, goproxy: proxyUrl, gotoolchain: 'auto' });
      sandboxes.push(sandbox);
      const marker = join(sandbox.labDir, 'pwned');
      const evil = `#!/bin/sh\necho "$0" >> ${marker}\n`;
      await sandbox.writeFiles({
        'go.mod': 'module example.com/evil\n\ngo 1.99\n\ntoolchain go1.99.0\n',
        'go.work': 'go 1.99\n\ntoolchain go1.99.0\n\nuse .\n',
        go: evil,
        git: evil,
        'evil.sh': evil,
        '.git/HEAD': 'ref: refs/heads/main\n',
        '.git/config':
          '[core]\n\tfsmonitor = ./evil.sh\n\thooksPath = .git/hooks\n[alias]\n\tconfig = !./evil.sh\n',
        '.git/hooks/pre-commit': evil,
        '.git/hooks/post-checkout': evil,
        '.git/hooks/fsmonitor-watchman': evil,
      });
      for (const name of [
        'go',
        'git',
        'evil.sh',
        '.git/hooks/pre-commit',
        '.git/hooks/post-checkout',
        '.git/hooks/fsmonitor-watchman',
      ]) {
        chmodSync(join(sandbox.workDir, name), 0o755);
      }
      const before = treeHash(sandbox.workDir);
      // The checkout's own directory first on PATH, and '.', as a careless PATH might have.
      const env = cliEnv(sandbox, { PATH: `${sandbox.workDir}:.:${sandbox.env.PATH}`, GOTOOLCHAIN: 'auto' });
      for (const args of [[], ['--json'], ['--format=sarif'], ['-v']]) {
        const result = await runCli(args, { cwd: sandbox.workDir, env });
        expect(result.exitCode, result.stderr).toBe(1);
        if (args[0] === '--json') {
          const report = JSON.parse(result.stdout) as { findings: Array<{ cause: string }> };
          expect(report.findings.map((f) => f.cause)).toContain('toolchain-download');
        }
      }
      const viaC = await runCli(['doctor', '-C', sandbox.workDir], { cwd: sandbox.labDir, env });
      expect(viaC.exitCode, viaC.stderr).toBe(1);
      expect(existsSync(marker), existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe(false);
      expect(requests).toEqual([]);
      expect(treeHash(sandbox.workDir)).toBe(before);
      expect(existsSync(join(sandbox.gomodcache, 'golang.org'))).toBe(false);
    } finally {
      server.close();
    }
  });
});
