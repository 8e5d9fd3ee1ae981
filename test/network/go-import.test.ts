// go-import meta tags as cmd/go/internal/vcs reads them: three fields, or four from Go 1.25 (the
// module's subdirectory in the repository).
import { describe, expect, it } from 'vitest';
import { parseGoImports } from '../../src/network/probes/http.ts';

describe('parseGoImports', () => {
  it('reads the three-field form and the Go 1.25 subdirectory field', () => {
    const html = `<html><head>
<meta name="go-import" content="go.corp.example.com/lib git https://git.corp.example.com/mono">
<meta name="go-import" content="go.corp.example.com/sub git https://git.corp.example.com/mono sub/dir">
<meta name="go-import" content="go.corp.example.com/bad git">
<meta name="go-import" content="a b c d e">
</head></html>`;
    expect(parseGoImports(html)).toEqual([
      { prefix: 'go.corp.example.com/lib', vcs: 'git', repoRoot: 'https://git.corp.example.com/mono' },
      {
        prefix: 'go.corp.example.com/sub',
        vcs: 'git',
        repoRoot: 'https://git.corp.example.com/mono',
        subdir: 'sub/dir',
      },
    ]);
  });
});
