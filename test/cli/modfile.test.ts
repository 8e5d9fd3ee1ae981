// The modfile command end to end: the bundled CLI against the corpus's recorded go command output,
// and against the real go command where one is installed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/exec/run.ts';
import { runCli, testHome } from '../helpers/cli.ts';
import { corpusDir, goToolchain, goToolchains, repoRoot } from '../helpers/go-matrix.ts';

/** A spread of corpus cases: every n-th directory, so that the CLI path sees accepted and rejected files. */
function sampleCorpus(every: number): string[] {
  return readdirSync(corpusDir)
    .filter((d) => existsSync(join(corpusDir, d, 'go.mod')) || existsSync(join(corpusDir, d, 'go.work')))
    .filter((_, i) => i % every === 0);
}

describe('modfile --json agrees with the recorded go command output', () => {
  const dirs = sampleCorpus(23);
  for (const release of ['1.19', '1.23', '1.24']) {
    it.each(dirs)(`go ${release}: %s`, async (dir) => {
      for (const name of ['go.mod', 'go.work']) {
        const expectedPath = join(corpusDir, dir, `${name}.go${release}.json`);
        if (!existsSync(expectedPath)) continue;
        const expected = readFileSync(expectedPath, 'utf8');
        const result = await runCli(['modfile', '--json', '--go', release, '-C', join(corpusDir, dir), name]);
        const recorded = JSON.parse(expected) as { error?: string; exit?: number };
        if (typeof recorded.error === 'string' && recorded.exit !== undefined) {
          expect(result.exitCode).toBe(1);
          expect(result.stdout).toBe('');
          expect(result.stderr).toBe(recorded.error);
        } else {
          expect(result.stderr).toBe('');
          expect(result.exitCode).toBe(0);
          expect(result.stdout).toBe(expected);
        }
      }
    });
  }
});

describe('modfile command', () => {
  it('checks a good file quietly and says which release it applied', async () => {
    const result = await runCli(['modfile', '--go', '1.23', 'examples/hello/go.mod']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('examples/hello/go.mod: ok (parsed as Go 1.23 would)\n');
  });

  it('speaks Chinese when asked', async () => {
    const result = await runCli(['modfile', '--go', '1.23', '--lang', 'zh-CN', 'examples/hello/go.mod']);
    expect(result.stdout).toBe('examples/hello/go.mod：没有问题（按 Go 1.23 的规则解析）\n');
  });

  it('prints the go command error lines for a broken file and exits 1', async () => {
    const result = await runCli(['modfile', '--go', '1.24', 'examples/broken/go.mod']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe('go: errors parsing examples/broken/go.mod:');
    expect(result.stderr).toContain(
      'examples/broken/go.mod:8:2: require github.com/spf13/cobra: version "v2.0.0" invalid: should be v0 or v1, not v2',
    );
  });

  it('is a usage error (exit 2) without a file, with both --json and --fmt, or with a bad --go', async () => {
    for (const args of [
      ['modfile'],
      ['modfile', '--json', '--fmt', 'go.mod'],
      ['modfile', '--go', 'banana', 'x/go.mod'],
    ]) {
      const result = await runCli(args);
      expect(result.exitCode, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^gomod-doctor modfile: /);
    }
  });

  it('reports an unreadable file with exit 2', async () => {
    const missing = await runCli(['modfile', 'no/such/go.mod']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('cannot read no/such/go.mod');
    const directory = await runCli(['modfile', 'examples']);
    expect(directory.exitCode).toBe(2);
    expect(directory.stderr).toContain('is a directory');
  });

  it('rejects an unknown option with exit 2 and a pointer to help', async () => {
    const result = await runCli(['modfile', '--nope', 'examples/hello/go.mod']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('gomod-doctor modfile --help');
  });

  it('says what is wrong with the arguments in the chosen language (Node’s parser speaks English)', async () => {
    const cases: Array<[string[], string, string]> = [
      [['doctor', '--nope'], "unknown option '--nope'", "未知选项 '--nope'"],
      [['tidy-check', '--why'], "option '--why' needs a value", "选项 '--why' 需要一个值"],
      [['tidy-check', '--why', '--json'], "option '--why' needs a value", "选项 '--why' 需要一个值"],
      [['tidy-check', '-C'], "option '-C' needs a value", "选项 '-C' 需要一个值"],
      [['doctor', '--json=yes'], "option '--json' takes no value", "选项 '--json' 不接受值"],
    ];
    for (const [args, en, zh] of cases) {
      const english = await runCli([...args], { env: { LANG: 'C' } });
      expect(english.exitCode, args.join(' ')).toBe(2);
      expect(english.stderr.split('\n')[0]).toBe(`gomod-doctor ${args[0]}: ${en}`);
      const chinese = await runCli([...args], { env: { LANG: 'zh_CN.UTF-8' } });
      expect(chinese.stderr.split('\n')[0]).toBe(`gomod-doctor ${args[0]}: ${zh}`);
    }
  });
});

describe('cli', () => {
  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const result = await runCli(['--version']);
    expect(result.stdout).toBe(`gomod-doctor ${version}\n`);
    expect(result.exitCode).toBe(0);
  });

  it('lists every command of the contract in --help, in both languages', async () => {
    const en = await runCli(['--help']);
    const zh = await runCli(['--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    for (const name of ['doctor', 'explain FILE', 'trace', 'attach', 'modfile', 'tidy-check']) {
      const word = name.split(' ')[0]!;
      const usage = new RegExp(`^  gomod-doctor \\[?${word}\\b`, 'm');
      expect(en.stdout).toMatch(usage);
      expect(zh.stdout).toMatch(usage);
    }
    expect(zh.stdout).toContain('命令');
    expect(en.exitCode).toBe(0);
  });

  it('rejects a --lang it does not speak with exit 2', async () => {
    const result = await runCli(['--lang', 'fr', 'modfile', 'examples/hello/go.mod']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('gomod-doctor: --lang takes en or zh-CN, not "fr"\n');
    for (const spelling of ['zh', 'zh_CN', 'zh-Hans', 'en_US.UTF-8']) {
      expect(
        (await runCli(['--lang', spelling, 'modfile', '--go', '1.23', 'examples/hello/go.mod'])).exitCode,
      ).toBe(0);
    }
  });

  it('rejects an unknown command with exit 2', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });
});

describe.skipIf(goToolchains().length === 0)('modfile follows the local go', () => {
  it.each(goToolchains().map((t) => t.version))('with go %s first on PATH', async (release) => {
    const go = goToolchain(release)!;
    const env = { PATH: `${join(go.goroot, 'bin')}:${process.env.PATH}` };
    const ours = await runCli(['modfile', '--json', 'examples/hello/go.mod'], { env });
    const theirs = await run(go.goBin, ['mod', 'edit', '-json', 'examples/hello/go.mod'], {
      cwd: repoRoot,
      env: {
        ...env,
        HOME: testHome,
        GOTOOLCHAIN: 'local',
        GOFLAGS: '',
        GOENV: 'off',
        GOWORK: 'off',
        GOCACHE: 'off',
      },
    });
    expect(theirs.exitCode).toBe(0);
    expect(ours.stdout).toBe(theirs.stdout);
  });
});
