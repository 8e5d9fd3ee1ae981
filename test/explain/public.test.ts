// Transcripts people posted publicly (GitHub issues) for conditions that cannot be reproduced
// offline: blocked networks, Windows (English and Chinese), a checksum database outage, TLS
// interception. Each fixture names its source URL in its first line.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain, fixturesDir, readFixture } from './helpers.ts';

const EXPECTED: Record<string, string[]> = {
  // The sumdb could not reach github.com: the server side failed, not a private module.
  // The database's fetcher refused by the forge: an outage, or a repository it may not see.
  'sumdb-outage-golang-go-72121.txt': ['proxy-server-error', 'sumdb-private-module'],
  'windows-connectex-afumu-wetrace-14.txt': ['connect-timeout', 'connect-timeout'],
  'windows-connectex-zh-go-stock-40.txt': ['connect-timeout'],
  'windows-refused-goproxy-cn-128.txt': ['connection-refused'],
  'reset-excelize-1568.txt': ['connection-reset'],
  // A mirror resetting the connection: the network or the mirror itself.
  'reset-docker-goproxy-cn-221.txt': ['connection-reset', 'proxy-server-error'],
  // The interception stopped the command; GOPATH mode (GOPROXY ignored) is the setting around it.
  'gopath-x509-golang-go-18519.txt': ['tls-untrusted-certificate', 'gopath-mode'],
};

const files = readdirSync(join(fixturesDir, '_public')).filter((f) => f.endsWith('.txt'));

describe('public transcripts', () => {
  it('every public fixture names its source and has an expectation', () => {
    for (const file of files) {
      expect(readFixture(`_public/${file}`)).toMatch(/^# source: https:\/\/github\.com\//);
      expect(file in EXPECTED, file).toBe(true);
    }
  });

  it.each(files)('%s', (file) => {
    expect(explain(readFixture(`_public/${file}`)).map((f) => f.cause)).toEqual(EXPECTED[file]);
  });

  it('the zh-CN Windows timeout is recognised as Windows (PowerShell fixes)', () => {
    const [finding] = explain(readFixture('_public/windows-connectex-zh-go-stock-40.txt'), { lang: 'zh-CN' });
    expect(finding!.fixes!.some((f) => f.command?.includes('$env:'))).toBe(true);
  });
});
