// Transcript reading: decorations removed, any chunking, big and adversarial input.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { explainStream, explainText } from '../../src/explain/index.ts';
import { cleanLine, readLines, splitText } from '../../src/explain/transcript.ts';
import { readFixture } from './helpers.ts';

const SAMPLE = readFixture('private-module-via-proxy/go1.24-404-prompts.txt');

function summary(text: string) {
  return explainText(text).findings.map((f) => ({
    cause: f.cause,
    module: f.module,
    lines: f.evidence?.map((e) => e.line),
  }));
}

describe('cleanLine', () => {
  it('removes CR, ANSI colours, timestamps, Actions and BuildKit prefixes', () => {
    expect(cleanLine('go: x\r')).toBe('go: x');
    expect(cleanLine('\u001b[31mgo: x\u001b[0m')).toBe('go: x');
    expect(cleanLine('2024-05-01T10:00:00.1234567Z go: x')).toBe('go: x');
    expect(cleanLine('2024-05-01T10:00:00.1234567Z \tserver response: x')).toBe('\tserver response: x');
    expect(cleanLine('##[error]go: x')).toBe('go: x');
    expect(cleanLine('::error file=go.mod,line=3::go: x')).toBe('go: x');
    expect(cleanLine('#12 3.456 go: x')).toBe('go: x');
    expect(cleanLine('progress 10%\rprogress 100%\rgo: x')).toBe('go: x');
  });
});

describe('decorated versions of a transcript give the same findings', () => {
  const expected = summary(SAMPLE);
  const lines = SAMPLE.split('\n');
  const variants: Record<string, string> = {
    crlf: lines.join('\r\n'),
    ansi: lines.map((l) => (l ? `\u001b[1;31m${l}\u001b[0m` : l)).join('\n'),
    timestamps: lines.map((l) => (l ? `2024-05-01T10:00:00.1234567Z ${l}` : l)).join('\n'),
    actions: lines.map((l, i) => (i === 0 ? `##[error]${l}` : l)).join('\n'),
    gitlab: lines.map((l) => (l ? `2024-05-01T10:00:00.123456Z 00O ${l}` : l)).join('\n'),
    bom: `\ufeff${SAMPLE}`,
  };
  it.each(Object.keys(variants))('%s', (name) => {
    expect(summary(variants[name]!)).toEqual(expected);
  });

  it('interleaved lines of concurrent downloads do not break a statement', () => {
    const text = `# get https://proxy.golang.org/a.example/x/@v/list
${SAMPLE}# get https://proxy.golang.org/a.example/x/@v/list: 200 OK (0.1s)
go: downloading a.example/x v1.0.0
`;
    expect(explainText(text).findings.map((f) => f.cause)).toEqual(expected.map((f) => f.cause));
  });
});

describe('streaming', () => {
  it('splits lines correctly across any chunk boundary', async () => {
    const bytes = Buffer.from(SAMPLE.replace(/\n/g, '\r\n'), 'utf8');
    for (const size of [1, 2, 3, 7, 64]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const result = await explainStream(Readable.from(chunks));
      expect(result.findings.map((f) => f.cause)).toEqual(['private-module-via-proxy', 'module-source-gone']);
    }
  });

  it('reads UTF-16 with a BOM (Windows PowerShell redirection) and Chinese text', async () => {
    const text = readFixture('git-ssh-auth/publickey-zh.txt');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const result = await explainStream(Readable.from([utf16.subarray(0, 33), utf16.subarray(33)]));
    expect(result.findings.map((f) => f.cause)).toEqual(['git-ssh-auth']);
  });

  it('reads mixed ASCII and UTF-8 chunks as the whole text decoded at once', async () => {
    // ASCII chunks take a faster decoding; a character split across chunks, invalid bytes and a
    // U+FEFF in the middle must come out exactly as one UTF-8 decoding of the whole input would.
    const text = 'go: 下载 a\nplain ascii line\n\ufeffmid\nmore ascii\n错误: x\nend';
    const bytes = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0x0a, 0x41, 0xe4, 0x0a, 0x42])]);
    const expected = new TextDecoder().decode(bytes).split('\n');
    for (const size of [1, 2, 3, 5, 11, 64]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const lines: string[] = [];
      await readLines(Readable.from(chunks), (line) => lines.push(line));
      expect(lines, `chunk size ${size}`).toEqual(expected);
    }
  });

  it('counts lines', () => {
    expect(splitText('a\nb\nc', () => {})).toBe(3);
    expect(splitText('a\nb\n', () => {})).toBe(2);
  });
});

describe('adversarial input completes (linear patterns)', () => {
  const cases: Record<string, string> = {
    'one MB of a': 'a'.repeat(1 << 20),
    'go: repeated': 'go: '.repeat(1 << 18),
    'lookup repeated': 'lookup '.repeat(100_000),
    'dial tcp repeated': `go: ${'dial tcp 1.2.3.4:'.repeat(50_000)}`,
    'x509 long': `x509: ${'certificate is valid for a, '.repeat(40_000)}`,
    quotes: `go: unrecognized import path "${'"'.repeat(200_000)}`,
    'many short lines': 'go: reading https://x/@v/list: 410 Gone\n\tserver response: not found\n'.repeat(
      20_000,
    ),
  };
  it.each(Object.keys(cases))('%s', (name) => {
    const findings = explainText(cases[name]!).findings;
    expect(Array.isArray(findings)).toBe(true);
  });
});
