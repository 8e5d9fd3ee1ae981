// The parsers of files and settings the go command and git read, kept with the primitives so that
// doctor and tidy-check share them: ~/.netrc, GOAUTH, `git config --list -z`, vendor/modules.txt.
import { describe, expect, it } from 'vitest';
import { normalizeGitKey, parseGitConfigList } from '../../src/exec/git-config.ts';
import { parseGoAuth } from '../../src/goenv/goauth.ts';
import { parseNetrc } from '../../src/goenv/netrc.ts';
import { parseModulesTxt } from '../../src/modfile/modules-txt.ts';

describe('parseNetrc', () => {
  it('reads machine and default entries, notes a password without keeping it, skips macros', () => {
    const text =
      'machine git.corp.example.com login bot password s3cret\n# a comment\nmacdef init\nmachine fake\n\ndefault login anon\n';
    const entries = parseNetrc(text);
    expect(entries).toEqual([
      { machine: 'git.corp.example.com', hasLogin: true, hasPassword: true, line: 1 },
      { hasLogin: true, hasPassword: false, line: 6 },
    ]);
    expect(JSON.stringify(entries)).not.toContain('s3cret');
  });
});

describe('parseGoAuth', () => {
  it('splits entries on ; and reads each as the go command does', () => {
    expect(parseGoAuth('netrc; git /src/dir; off;  ; "/opt/my helper" --flag')).toEqual([
      { kind: 'netrc' },
      { kind: 'git', dir: '/src/dir', extra: false },
      { kind: 'off' },
      { kind: 'empty' },
      { kind: 'command', command: '/opt/my helper' },
    ]);
    expect(parseGoAuth("'unterminated")).toEqual([
      { kind: 'command', parseError: expect.stringContaining('unterminated') },
    ]);
  });
});

describe('git config --list --show-origin -z', () => {
  it('reads origin, key and value; a key without a value is true', () => {
    const text =
      'file:/home/u/.gitconfig\0url.git@Host.example:.insteadof\nhttps://Host.example/\0command line:\0core.askPass\0';
    expect(parseGitConfigList(text)).toEqual([
      {
        origin: 'file:/home/u/.gitconfig',
        key: 'url.git@Host.example:.insteadof',
        value: 'https://Host.example/',
      },
      { origin: 'command line:', key: 'core.askPass', value: 'true' },
    ]);
  });

  it('lower-cases section and name but keeps the subsection', () => {
    expect(normalizeGitKey('URL.https://Host.Example/.insteadOf')).toBe(
      'url.https://Host.Example/.insteadof',
    );
    expect(normalizeGitKey('Core.AskPass')).toBe('core.askpass');
  });
});

describe('parseModulesTxt', () => {
  it('reads modules, explicit marks, replacements and vendored packages', () => {
    const text =
      '# example.com/a v1.2.0\r\n## explicit; go 1.21\r\nexample.com/a\r\nexample.com/a/sub\r\n# example.com/b v0.1.0 => ../b\r\nexample.com/b\r\n# example.com/c => ./c\r\n## explicit\r\n';
    expect(parseModulesTxt(text)).toEqual([
      {
        path: 'example.com/a',
        version: 'v1.2.0',
        explicit: true,
        line: 1,
        packages: ['example.com/a', 'example.com/a/sub'],
      },
      { path: 'example.com/b', version: 'v0.1.0', explicit: false, line: 5, packages: ['example.com/b'] },
      { path: 'example.com/c', version: '', explicit: true, line: 7, packages: [] },
    ]);
  });
});
