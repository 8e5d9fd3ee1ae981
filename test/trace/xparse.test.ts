// The -x parser on the lab's real transcripts (go mod download -x of 1.19, 1.23, 1.24) and on
// synthetic interleavings: what is in flight at the end, how starts pair with completions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { addXFlag } from '../../src/trace/trace.ts';
import { isChecksumUrl, parseTranscript, XTraceParser } from '../../src/trace/xparse.ts';
import { repoRoot } from '../helpers/go-matrix.ts';

const dir = join(repoRoot, 'test', 'fixtures', 'transcripts');
const fixtures = readdirSync(dir).filter((f) => /\.go1\.\d+\.txt$/.test(f));

/** What each hanging case leaves in flight (the transcripts were cut by a timeout). */
const HANGS: Record<string, { kind: string; match: RegExp }> = {
  'proxy-stall': { kind: 'http', match: /\/example\.com\/lab\/stall\/@v\/v1\.0\.0\.info$/ },
  'sumdb-stall': { kind: 'http', match: /\/lookup\/example\.com\/lab\/sumstall@v1\.0\.0$/ },
  'connect-timeout': { kind: 'http', match: /\/example\.com\/lab\/ok\/@v\/v1\.0\.0\.info$/ },
  'https-connect-stall': {
    kind: 'http',
    match: /^https:\/\/proxy\.golang\.org\/example\.com\/lab\/ok\/@v\/v1\.0\.0\.info$/,
  },
  'git-stall': { kind: 'vcs', match: /^git ls-remote https:\/\/lab\.example\/hang$/ },
  'credential-helper-hang': { kind: 'vcs', match: /^git ls-remote https:\/\/lab\.example\/helper$/ },
  // Go 1.25+ names the repository itself after --end-of-options instead of `origin`.
  'ssh-prompt-hang': {
    kind: 'vcs',
    match: /^git ls-remote -q (?:origin|--end-of-options https:\/\/github\.com\/lab\/sshhang)$/,
  },
};

function transcriptBody(file: string): string {
  // The first line is `$ go ARGS`, not output.
  return readFileSync(join(dir, file), 'utf8').split('\n').slice(1).join('\n');
}

describe('lab transcripts', () => {
  test('there are transcripts of every lab Go release', () => {
    for (const version of ['1.19', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26', '1.27']) {
      expect(fixtures.some((f) => f.endsWith(`.go${version}.txt`))).toBe(true);
    }
  });

  test.each(fixtures)('%s', (file) => {
    const name = file.replace(/\.go1\.\d+\.txt$/, '');
    const parser = new XTraceParser();
    const lines = transcriptBody(file).split('\n');
    for (const [i, line] of lines.entries()) parser.push(line, i);
    const hang = HANGS[name];
    // A bare probe echoed last has no completion line: it is what the command was doing when cut.
    const inFlight = parser.inFlight().filter((op) => op.kind === 'http' || op.kind === 'vcs');
    if (hang) {
      expect(inFlight.length, file).toBeGreaterThan(0);
      const last = inFlight.at(-1)!;
      expect(last.kind).toBe(hang.kind);
      expect(last.kind === 'http' ? last.url : last.command).toMatch(hang.match);
    } else {
      parser.end(lines.length);
      expect(
        parser.inFlight().filter((op) => op.kind === 'http' || op.kind === 'vcs'),
        file,
      ).toEqual([]);
    }
    // Every HTTP start found its completion (or is the hang), and completions carry a status or an error.
    for (const op of parser.operations.filter((o) => o.kind === 'http' && o.end !== undefined)) {
      expect(op.status !== undefined || op.error !== undefined, `${file}: ${op.url}`).toBe(true);
    }
    // Every timing line closed exactly one echoed VCS command.
    const timingLines = lines.filter((line) => /^(?:\d+\.\d+|N\.NNN)s # /.test(line)).length;
    const closedByTiming = parser.operations.filter(
      (o) => o.kind === 'vcs' && o.end !== undefined && !o.endsWithNextLine,
    );
    expect(closedByTiming.length, file).toBe(timingLines);
  });

  test('git work dirs carry their repository URL into the VCS commands', () => {
    const parser = parseTranscript(transcriptBody('git-http-ok.go1.24.txt'));
    const fetch = parser.operations.find((op) => op.command?.includes(' fetch '));
    expect(fetch?.remote).toBe('https://lab.example/ok');
    expect(fetch?.dir).toBe('$GOMODCACHE/cache/vcs/<hash>');
    const probe = parser.operations.find((op) => op.command === 'git ls-remote https://lab.example/ok');
    expect(probe?.remote).toBe('https://lab.example/ok');
  });

  test('error completions and statuses', () => {
    const refused = parseTranscript(transcriptBody('proxy-refused.go1.19.txt')).operations[0]!;
    expect(refused.error).toMatch(/^Get ".*": dial tcp 127\.0\.0\.1:\$PORT: connect: connection refused$/);
    const gone = parseTranscript(transcriptBody('proxy-410-private.go1.24.txt')).operations.find(
      (op) => op.status,
    );
    expect(gone?.status).toBe('410 Gone');
  });
});

describe('synthetic interleavings', () => {
  test('parallel prefix queries complete out of order; each pairs with its own start', () => {
    const p = new XTraceParser();
    const base = 'http://127.0.0.1:8111/ok';
    p.push(`# get ${base}/github.com/@v/list`, 0);
    p.push(`# get ${base}/github.com/exampleorg/@v/list`, 0.001);
    p.push(`# get ${base}/github.com/exampleorg/libb/@v/list`, 0.002);
    p.push(`# get ${base}/github.com/exampleorg/@v/list: 404 Not Found (0.006s)`, 0.5);
    expect(p.inFlight().map((op) => op.url)).toEqual([
      `${base}/github.com/@v/list`,
      `${base}/github.com/exampleorg/libb/@v/list`,
    ]);
    p.push(`# get ${base}/github.com/exampleorg/libb/@v/list: 200 OK (0.713s)`, 0.7);
    p.push(`# get ${base}/github.com/@v/list: 404 Not Found (0.006s)`, 0.8);
    expect(p.inFlight()).toEqual([]);
    const libb = p.operations.find((op) => op.url?.endsWith('libb/@v/list'))!;
    expect(libb.status).toBe('200 OK');
    expect(libb.reportedDuration).toBe(0.713);
    expect(libb.start).toBe(0.002);
    expect(libb.end).toBe(0.7);
  });

  test('the same URL twice pairs first-in first-out', () => {
    const p = new XTraceParser();
    const url = 'https://proxy.golang.org/a.com/b/@v/list';
    p.push(`# get ${url}`, 1);
    p.push(`# get ${url}`, 2);
    p.push(`# get ${url}: 500 Internal Server Error (0.100s)`, 3);
    const [first, second] = p.operations;
    expect(first!.status).toBe('500 Internal Server Error');
    expect(second!.end).toBeUndefined();
    p.push(`# get ${url}: Get "${url}": net/http: TLS handshake timeout`, 12);
    expect(second!.error).toBe(`Get "${url}": net/http: TLS handshake timeout`);
  });

  test('refusals without a start line, and unrelated output', () => {
    const p = new XTraceParser();
    p.push('# get http://user:xxxxx@127.0.0.1:8111/auth/x/@v/list: insecure credentials', 0);
    p.push('WORK=/tmp/go-build123', 0);
    p.push('mkdir -p $WORK/b001/', 0);
    expect(p.operations).toHaveLength(1);
    expect(p.operations[0]!.error).toBe('insecure credentials');
  });

  test('VCS commands of two repositories interleave; timing lines end the right one', () => {
    const p = new XTraceParser();
    p.push('mkdir -p /c/vcs/aaa # git3 https://github.com/o/a', 0);
    p.push('mkdir -p /c/vcs/bbb # git3 https://github.com/o/b', 0);
    p.push('cd /c/vcs/aaa; git ls-remote -q origin', 0.1);
    p.push('cd /c/vcs/bbb; git ls-remote -q origin', 0.2);
    p.push('0.400s # cd /c/vcs/bbb; git ls-remote -q origin', 0.6);
    const open = p.inFlight();
    expect(open).toHaveLength(1);
    expect(open[0]!.dir).toBe('/c/vcs/aaa');
    expect(open[0]!.remote).toBe('https://github.com/o/a');
    const done = p.operations.find((op) => op.dir === '/c/vcs/bbb')!;
    expect(done.reportedDuration).toBe(0.4);
    p.push(
      "cd /c/vcs/aaa; git -c log.showsignature=false log --no-decorate -n1 '--format=format:%H %ct %D' v1 --",
      0.7,
    );
    p.push('1.250s # cd /c/vcs/aaa; git ls-remote -q origin', 1.3);
    expect(p.inFlight().map((op) => op.command)).toEqual([
      "git -c log.showsignature=false log --no-decorate -n1 '--format=format:%H %ct %D' v1 --",
    ]);
  });

  test('bare probes (cd DIR, then the command) end with the next line', () => {
    const p = new XTraceParser();
    p.push('cd /c', 0);
    p.push('git ls-remote https://lab.example/r', 0.1);
    expect(p.inFlight()).toHaveLength(1);
    expect(p.inFlight()[0]!.remote).toBe('https://lab.example/r');
    p.push('mkdir -p /c/cache/vcs # git3 https://lab.example/r', 2.5);
    expect(p.inFlight()).toEqual([]);
    expect(p.operations[0]!.end).toBe(2.5);
  });

  test('module and toolchain downloads, queries, switches', () => {
    const p = new XTraceParser();
    p.push('go: downloading go1.25.0 (linux/amd64)', 0);
    expect(p.inFlight()[0]).toMatchObject({ kind: 'toolchain', version: 'go1.25.0' });
    p.push('go: finding module for package github.com/o/libb', 5);
    p.push('go: downloading github.com/o/libb v0.1.0', 6);
    expect(p.operations[0]!.end).toBe(5);
    expect(p.inFlight().map((op) => op.kind)).toEqual(['query', 'download']);
    p.push('go: found github.com/o/libb in github.com/o/libb v0.1.0', 7);
    expect(p.inFlight()).toEqual([]);
    expect(p.operations.find((op) => op.kind === 'query')).toMatchObject({
      module: 'github.com/o/libb',
      version: 'v0.1.0',
      start: 5,
      end: 7,
    });
    p.push('go: example.com/m@v1.2.0 requires go >= 1.99.0; switching to go1.99.0', 8);
    p.push('go: download go1.99.0 for linux/amd64: toolchain not available', 9);
    const events = p.events();
    expect(events.filter((e) => e.kind === 'toolchain-switch').map((e) => e.version)).toEqual([
      'go1.99.0',
      'go1.99.0',
    ]);
    expect(events.find((e) => e.kind === 'download')).toMatchObject({ t: 6, duration: 1 });
  });

  test('CRLF and lines split across chunks', () => {
    const p = new XTraceParser();
    p.push('# get http://h/x\r', 0);
    p.push('# get http://h/x: 200 OK (0.001s)\r', 1);
    expect(p.operations[0]!.status).toBe('200 OK');
  });

  test('checksum database URLs', () => {
    expect(isChecksumUrl('https://sum.golang.org/lookup/a.com/b@v1.0.0')).toBe(true);
    expect(isChecksumUrl('https://proxy.golang.org/sumdb/sum.golang.org/supported')).toBe(true);
    expect(isChecksumUrl('http://127.0.0.1:9/tile/8/0/000.p/24')).toBe(true);
    expect(isChecksumUrl('http://127.0.0.1:9/x', 'http://127.0.0.1:9')).toBe(true);
    expect(isChecksumUrl('https://proxy.golang.org/a.com/b/@v/list')).toBe(false);
  });
});

describe('adding -x', () => {
  test.each([
    [['mod', 'tidy'], 23, ['mod', 'tidy', '-x']],
    [['mod', 'download', 'a.com/b@v1'], 19, ['mod', 'download', '-x', 'a.com/b@v1']],
    [['get', 'a.com/b@latest'], 19, ['get', '-x', 'a.com/b@latest']],
    [['build', './...'], 24, ['build', '-x', './...']],
    [['-C', 'sub', 'list', '-m', 'all'], 24, ['-C', 'sub', 'list', '-x', '-m', 'all']],
    [['mod', 'download', '-x'], 24, ['mod', 'download', '-x']],
    [['version'], 24, ['version']],
    [['env', 'GOPROXY'], 24, ['env', 'GOPROXY']],
    [['mod', 'why', 'a.com/b'], 24, ['mod', 'why', 'a.com/b']],
  ] as const)('%j with go1.%i', (args, minor, expected) => {
    expect(addXFlag(args, minor).args).toEqual(expected);
  });

  test('go mod tidy in 1.19 has no -x: left alone and said so', () => {
    expect(addXFlag(['mod', 'tidy'], 19)).toEqual({
      args: ['mod', 'tidy'],
      added: false,
      unsupported: 'mod tidy',
    });
  });
});
