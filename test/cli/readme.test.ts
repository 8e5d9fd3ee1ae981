// The README's examples are real: the console blocks for explain and tidy-check are what the CLI
// prints for the files that ship in examples/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { goToolchains, repoRoot } from '../helpers/go-matrix.ts';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** The lines of the console block that starts with `$ <command>`, without the command line and `...`. */
function consoleBlock(command: string): string[] {
  const start = readme.indexOf(`$ ${command}`);
  expect(start, `README has an example of ${command}`).toBeGreaterThan(-1);
  const end = readme.indexOf('```', start);
  return readme
    .slice(start, end)
    .split('\n')
    .slice(1)
    .filter((line) => line !== '' && line !== '...');
}

describe('README examples', () => {
  it('explain', async () => {
    const result = await runCli(['explain', '--no-context', 'examples/transcripts/private-module-410.txt']);
    expect(result.exitCode).toBe(1);
    for (const line of consoleBlock('go mod download corp.example.com/team/lib@v1.0.0')) {
      expect(result.stdout.split('\n')).toContain(line);
    }
  });

  it('explain of a relayed (Docker BuildKit) log', async () => {
    const result = await runCli([
      'explain',
      '--no-context',
      'examples/transcripts/docker-buildkit-private-410.txt',
    ]);
    expect(result.exitCode).toBe(1);
    for (const line of consoleBlock(
      'gomod-doctor explain examples/transcripts/docker-buildkit-private-410.txt',
    )) {
      expect(result.stdout.split('\n')).toContain(line);
    }
  });

  it('tidy-check', async () => {
    const result = await runCli(['tidy-check', '-C', 'examples/app'], {
      env: { GOPROXY: 'https://proxy.golang.org,direct', GOFLAGS: '', GOPRIVATE: '', GOENV: 'off' },
    });
    expect(result.exitCode).toBe(1);
    const shown = consoleBlock('gomod-doctor tidy-check -C examples/app');
    expect(result.stdout.split('\n').slice(0, shown.length)).toEqual(shown);
  });

  it('tidy-check --why', async () => {
    const result = await runCli(['tidy-check', '-C', 'examples/why', '--why', 'example.com/text'], {
      env: { GOMODCACHE: join(repoRoot, 'examples/why/modcache'), GOFLAGS: '', GOENV: 'off' },
    });
    expect(result.exitCode, result.stderr).toBe(0);
    const shown = consoleBlock(
      'GOMODCACHE=$PWD/examples/why/modcache gomod-doctor tidy-check -C examples/why --why example.com/text',
    );
    expect(result.stdout.split('\n').filter(Boolean)).toEqual(shown);
  });

  it('fix', async () => {
    const go = goToolchains().at(-1);
    const result = await runCli(['fix', '-C', 'examples/fix'], {
      env: {
        ...(go ? { PATH: `${join(go.goroot, 'bin')}:${process.env.PATH}` } : {}),
        GOPROXY: 'https://proxy.golang.org,direct',
        GOFLAGS: '',
        GOPRIVATE: '',
        GOENV: 'off',
      },
    });
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual(
      consoleBlock('gomod-doctor fix -C examples/fix'),
    );
  });
});
