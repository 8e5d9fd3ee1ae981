// One redactor for every output path: secrets planted in the transcript, the go command's output,
// the environment (GOPROXY, GOAUTH, GONOSUMDB ...) and go.mod never appear in what any command
// prints, in any format, in either language.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/report/registry.ts';
import { runCli } from '../helpers/cli.ts';

const SECRETS = {
  user: 'canaryUserTok3n9Q',
  password: 'canaryPassw0rd7Z',
  bearer: 'canaryBearer5512X',
  goauth: 'canaryGoauth8841W',
  header: 'canaryHeader2290V',
  netrc: 'canaryNetrc4471K',
};

const secretText = [
  `go: example.com/m@v1.0.0: reading https://${SECRETS.user}@proxy.corp.example.com/example.com/m/@v/v1.0.0.mod: 401 Unauthorized`,
  `\tserver response: Authorization: Bearer ${SECRETS.bearer}`,
  `go: downloading https://alice:${SECRETS.password}@git.corp.example.com/team/lib v1.2.3`,
  `fatal: unable to access 'https://alice:${SECRETS.password}@git.corp.example.com/team/lib/': The requested URL returned error: 403`,
  `GOAUTH='command /usr/local/bin/helper ${SECRETS.goauth}'`,
  `git config: http.https://git.corp.example.com/.extraheader PRIVATE-TOKEN: ${SECRETS.header}`,
  `machine git.corp.example.com login alice password ${SECRETS.netrc}`,
  'go: errors parsing go.mod:',
  '',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'gomod-doctor-canary-project-'));
writeFileSync(
  join(dir, 'go.mod'),
  `module example.com/canary\n\ngo 1.21\n\n// mirror: https://${SECRETS.user}@proxy.corp.example.com\nrequire git.corp.example.com/team/lib v1.2.3\n`,
);
writeFileSync(
  join(dir, 'main.go'),
  'package main\n\nimport _ "git.corp.example.com/team/lib"\n\nfunc main() {}\n',
);
const transcriptFile = join(dir, 'transcript.txt');
writeFileSync(transcriptFile, secretText);

// A go outside the project that fails the way a private module fetch does, printing the secrets.
const goDir = mkdtempSync(join(tmpdir(), 'gomod-doctor-canary-go-'));
const goOutput = join(goDir, 'output.txt');
writeFileSync(goOutput, secretText);
writeFileSync(
  join(goDir, 'go'),
  `#!/bin/sh\nif [ "$1" = env ]; then echo go1.23.0; exit 0; fi\ncat '${goOutput}' >&2\nexit 1\n`,
);
chmodSync(join(goDir, 'go'), 0o755);

const env = {
  PATH: `${goDir}:/usr/bin:/bin`,
  GOPROXY: `https://${SECRETS.user}@proxy.corp.example.com,https://alice:${SECRETS.password}@mirror.corp.example.com`,
  GOAUTH: `command /usr/local/bin/helper ${SECRETS.goauth}`,
  GOPRIVATE: 'git.corp.example.com',
  GOTOOLCHAIN: 'local',
  GOFLAGS: '-mod=mod',
};

const commands: Array<[string, string[]]> = [
  ['explain', ['explain', transcriptFile]],
  ['explain (stdin)', ['explain', '-']],
  ['trace', ['trace', '--stall', '30', '--', 'go', 'mod', 'tidy']],
  ['tidy-check', ['tidy-check']],
  ['doctor', ['doctor']],
];

describe('no secret reaches the output', () => {
  for (const [title, args] of commands) {
    for (const format of FORMAT_NAMES) {
      for (const lang of ['en', 'zh-CN']) {
        it(`${title} --format ${format} --lang ${lang}`, async () => {
          const own = args.includes('--') ? args.indexOf('--') : args.length;
          const withFormat = [...args.slice(0, own), '--format', format, '--lang', lang, ...args.slice(own)];
          const result = await runCli(withFormat, { cwd: dir, env, input: secretText, timeoutMs: 60_000 });
          expect(result.exitCode, result.stderr).not.toBe(2);
          const output = result.stdout + result.stderr;
          expect(output.length).toBeGreaterThan(0);
          for (const [kind, secret] of Object.entries(SECRETS))
            expect(output, `${kind} secret in ${title} ${format} ${lang}`).not.toContain(secret);
        });
      }
    }
  }
});
