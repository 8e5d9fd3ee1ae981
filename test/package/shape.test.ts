// The package as npm users get it: the bin launcher starts the bundled CLI, and the library entry
// (package.json "exports") loads as plain ESM from dist/ with its declared functions.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/exec/run.ts';
import { repoRoot } from '../helpers/go-matrix.ts';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  exports: Record<string, { default?: string; types?: string } | string>;
  files: string[];
  engines: { node: string };
};

describe('package shape', () => {
  it('declares a bin that exists and is executable', async () => {
    const bin = join(repoRoot, pkg.bin['gomod-doctor']!);
    expect(existsSync(bin)).toBe(true);
    const result = await run(bin, ['--version'], { env: { PATH: process.env.PATH } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^gomod-doctor \d+\.\d+\.\d+/);
  });

  it('ships only bin/ and dist/, for Node 20 or newer', () => {
    expect(pkg.files.sort()).toEqual(['bin', 'dist']);
    expect(pkg.engines.node).toBe('>=20');
  });

  it('loads the library entry as ESM and exposes the capabilities', async () => {
    const entry = pkg.exports['.'] as { default: string };
    const lib = (await import(pathToFileURL(join(repoRoot, entry.default)).href)) as Record<string, unknown>;
    for (const name of [
      'parseGoMod',
      'parseGoWork',
      'toJson',
      'format',
      'parseGoSum',
      'matchPrefixPatterns',
      'parseGoProxy',
      'explainText',
      'runDoctor',
      'runNetworkChecks',
      'analyzeTidy',
      'traceGoCommand',
      'redactSecrets',
    ]) {
      expect(typeof lib[name], name).toBe('function');
    }
    const { file, errors } = (
      lib.parseGoMod as (t: string) => { file: { module?: { path: string } }; errors: unknown[] }
    )('module example.com/m\n');
    expect(errors).toEqual([]);
    expect(file.module?.path).toBe('example.com/m');
  });
});
