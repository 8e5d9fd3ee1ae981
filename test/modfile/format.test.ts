import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { format, formatTree, parseGoMod, parseGoWork } from '../../src/modfile/index.ts';
import { corpusDir } from './corpus.ts';

function goldenPairs(): { name: string; kind: 'go.mod' | 'go.work'; input: Buffer; golden: string }[] {
  const out: { name: string; kind: 'go.mod' | 'go.work'; input: Buffer; golden: string }[] = [];
  for (const slug of readdirSync(corpusDir)) {
    if (!slug.startsWith('golang-mod--testdata-') || !slug.endsWith('.in')) continue;
    const base = slug.slice(0, -'.in'.length);
    for (const kind of ['go.mod', 'go.work'] as const) {
      const input = join(corpusDir, slug, kind);
      const golden = join(corpusDir, `${base}.golden`, kind);
      if (existsSync(input) && existsSync(golden)) {
        out.push({ name: base, kind, input: readFileSync(input), golden: readFileSync(golden, 'utf8') });
      }
    }
  }
  return out;
}

describe('x/mod testdata .in → .golden', () => {
  const pairs = goldenPairs();
  it('has the testdata pairs', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(14);
  });
  for (const p of pairs) {
    it(`${p.name} (${p.kind})`, () => {
      const r = p.kind === 'go.mod' ? parseGoMod(p.input) : parseGoWork(p.input);
      // x/mod's test prints the parsed tree; for a file Parse rejects it prints the tokens as written.
      expect(formatTree(r.file, { asWritten: r.errors.length > 0 })).toBe(p.golden);
    });
  }
});

describe('go mod edit -fmt', () => {
  it('sorts blocks, collapses one-line blocks, canonicalizes versions, keeps comments', () => {
    const input = [
      'module   example.com/m',
      'go 1.21',
      'require (',
      '\tz.com/z v1.2 // indirect',
      '\ta.com/a v1.0.0',
      ')',
      'require (',
      '\tb.com/b v1.0.0 // only',
      ')',
      '',
      '',
      '',
      '// tail',
      '',
    ].join('\n');
    const { file, errors } = parseGoMod(input);
    expect(errors).toEqual([]);
    expect(format(file)).toBe(
      [
        'module example.com/m',
        '',
        'go 1.21',
        '',
        'require (',
        '\ta.com/a v1.0.0',
        '\tz.com/z v1.2.0 // indirect',
        ')',
        '',
        'require b.com/b v1.0.0 // only',
        '',
        '// tail',
        '',
      ].join('\n'),
    );
  });

  it('keeps the later of two identical replaces and the earlier of two identical excludes', () => {
    const input =
      'module m\nreplace a.com/a => ./a\nreplace a.com/a => ./b\nexclude x.com/x v1.0.0\nexclude x.com/x v1.0.0\n';
    const { file } = parseGoMod(input);
    expect(format(file)).toBe('module m\n\nreplace a.com/a => ./b\n\nexclude x.com/x v1.0.0\n');
  });

  it('sorts retract blocks newest first', () => {
    const { file } = parseGoMod('module m\nretract (\n\tv1.0.0\n\t[v1.1.0, v1.2.0]\n\tv2.0.0\n)\n');
    expect(format(file)).toBe('module m\n\nretract (\n\tv2.0.0\n\t[v1.1.0, v1.2.0]\n\tv1.0.0\n)\n');
  });

  it('go.work', () => {
    const { file, errors } = parseGoWork('go 1.22\nuse (\n./b\n./a\n)\n');
    expect(errors).toEqual([]);
    expect(format(file)).toBe('go 1.22\n\nuse (\n\t./a\n\t./b\n)\n');
  });
});
