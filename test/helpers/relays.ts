// The ways go's output reaches a person through another program: an editor's language-server log,
// a tool that wraps go's stderr in its own error, a Docker build, CI log prefixes, a bot's JSON log
// with escaped newlines, Windows line ends, a quote in an issue. Each function wraps a plain
// transcript the way that program prints it; explain must give the same first cause for both.

function lines(text: string): string[] {
  const all = text.replace(/\r\n/g, '\n').split('\n');
  if (all.length > 0 && all[all.length - 1] === '') all.pop();
  return all;
}

/** JSON string body (no quotes) of a text, as a logger that JSON-encodes messages writes it. */
function jsonBody(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

export const RELAYS: Record<string, (text: string) => string> = {
  // VS Code's gopls output channel: the first line of go's stderr after gopls' own prefix, the rest raw.
  'gopls-log': (text) => {
    const [first = '', ...rest] = lines(text);
    return [
      `[Error - 9:48:32 AM] 2024/05/01 09:48:32 go/packages.Load: err: exit status 1: stderr: ${first}`,
      ...rest,
      '',
      '\tsnapshot=0',
      '\tdirectory=file:///home/user/project',
      '',
    ].join('\n');
  },
  // The same error as gopls' LSP trace logs it: one JSON line with escaped newlines.
  'gopls-trace': (text) =>
    `[Trace - 09:48:32.050 AM] Received notification 'window/logMessage'.\nParams: {"type":1,"message":"2024/05/01 09:48:32 errors loading workspace: err: exit status 1: stderr: ${jsonBody(`${lines(text).join('\n')}\n`)}: packages.Load error\\n\\tsnapshot=0\\n"}\n`,
  // A tool that runs go and wraps its failure: "error while running command go mod tidy: <stderr>: exit status 1".
  wrapper: (text) => {
    const all = lines(text);
    if (all.length === 0) return text;
    all[0] = `error while running command go mod tidy: ${all[0]}`;
    all[all.length - 1] = `${all[all.length - 1]}: exit status 1`;
    return `${all.join('\n')}\n`;
  },
  // golangci-lint and friends: go's stderr inside a quoted, escaped log field.
  'logfmt-escaped': (text) =>
    `level=error msg="Running error: context loading failed: failed to load packages: err: exit status 1: stderr: ${jsonBody(`${lines(text).join('\n')}\n`)}"\n`,
  // Docker BuildKit, plain progress.
  buildkit: (text) =>
    [
      '#12 [builder 5/7] RUN go mod download',
      ...lines(text).map((l) => `#12 3.456 ${l}`),
      '#12 ERROR: process "/bin/sh -c go mod download" did not complete successfully: exit code: 1',
      '------',
      ' > [builder 5/7] RUN go mod download:',
      '------',
      'ERROR: failed to solve: process "/bin/sh -c go mod download" did not complete successfully: exit code: 1',
      '',
    ].join('\n'),
  // The classic Docker builder.
  'docker-legacy': (text) =>
    [
      'Step 5/7 : RUN go mod download',
      ' ---> Running in 2feec13e3c0f',
      ...lines(text),
      "The command '/bin/sh -c go mod download' returned a non-zero code: 1",
      '',
    ].join('\n'),
  // GitHub Actions raw log: timestamps on every line, the step's error at the end.
  'github-actions': (text) =>
    [
      '2024-05-01T10:00:00.1234567Z ##[group]Run go mod download',
      '2024-05-01T10:00:00.1234567Z ##[endgroup]',
      ...lines(text).map((l) => `2024-05-01T10:00:01.1234567Z ${l}`),
      '2024-05-01T10:00:02.1234567Z ##[error]Process completed with exit code 1.',
      '',
    ].join('\n'),
  // GitLab job log: section markers and stream-tagged timestamps.
  gitlab: (text) =>
    [
      '\u001b[0Ksection_start:1714557600:step_script\r\u001b[0K\u001b[0K\u001b[36;1mExecuting "step_script" stage of the job script\u001b[0;m',
      ...lines(text).map((l) => `2024-05-01T10:00:00.123456Z 01E ${l}`),
      '\u001b[0Ksection_end:1714557601:step_script\r\u001b[0K',
      '\u001b[31;1mERROR: Job failed: exit code 1\u001b[0;m',
      '',
    ].join('\n'),
  // Jenkins timestamper.
  jenkins: (text) =>
    `${lines(text)
      .map((l) => `[2024-05-01T10:00:00.123Z] ${l}`)
      .join('\n')}\n`,
  // Renovate's debug log: the failed command's stderr as an escaped JSON string.
  'renovate-json': (text) =>
    [
      'DEBUG: rawExec err (repository=org/repo, branch=renovate/deps)',
      '       "err": {',
      '         "cmd": "/bin/sh -c go get -d -t ./...",',
      `         "stderr": "${jsonBody(`${lines(text).join('\n')}\n`)}",`,
      '         "stdout": "",',
      '         "options": {"cwd": "/tmp/renovate/repos/github/org/repo"}',
      '       }',
      '',
    ].join('\n'),
  // Windows: CRLF line ends.
  crlf: (text) => `${lines(text).join('\r\n')}\r\n`,
  // Pasted into an issue as a quote.
  quoted: (text) =>
    `${lines(text)
      .map((l) => (l === '' ? '>' : `> ${l}`))
      .join('\n')}\n`,
};
