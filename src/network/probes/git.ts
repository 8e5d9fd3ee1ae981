// git: `git ls-remote` against a direct module's repository, with everything that could wait for
// a person turned off (as the go command does, and more: no askpass programs either), under a hard
// timeout, and the answer classified: credentials, ssh, network, or a repository that is not there.
import { privateWorkDir, run } from '../../exec/run.ts';
import { redactSecrets } from '../../findings/redact.ts';
import { findOnPath } from '../../go/locate.ts';
import type { GitDetail, ProbeStatus } from '../types.ts';

export type GitFailureKind =
  | 'auth'
  | 'ssh-auth'
  | 'dns'
  | 'connect-timeout'
  | 'refused'
  | 'reset'
  | 'tls'
  | 'not-found'
  | 'timeout'
  | 'missing-tool'
  | 'other';

export interface GitProbeOutcome {
  status: ProbeStatus;
  kind?: GitFailureKind;
  durationMs: number;
  detail: GitDetail;
  error?: string;
}

/** The environment git runs with: the user's, with prompts and askpass programs off. */
function gitProbeEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = { ...env };
  out.GIT_TERMINAL_PROMPT = '0';
  out.GCM_INTERACTIVE = 'never';
  out.GIT_ASKPASS = undefined;
  out.SSH_ASKPASS = undefined;
  out.SSH_ASKPASS_REQUIRE = 'never';
  // The go command's own ssh settings, unless the user chose a command (their choice is what the
  // go command would run too; it has no terminal here, so it cannot prompt either).
  if (!env.GIT_SSH && !env.GIT_SSH_COMMAND) {
    out.GIT_SSH_COMMAND = 'ssh -o ControlMaster=no -o BatchMode=yes';
  }
  return out;
}

/** What git's stderr says went wrong (the wording of git, curl and ssh, not of Go). */
export function classifyGitError(stderr: string): GitFailureKind {
  const text = stderr;
  if (
    /could not read (Username|Password)|terminal prompts disabled|Authentication failed|HTTP Basic: Access denied|Invalid username or (password|token)|returned error: 401|The requested URL returned error: 403/i.test(
      text,
    )
  )
    return 'auth';
  if (
    /Permission denied \(publickey|Host key verification failed|no matching host key|ssh: connect to host|Could not read from remote repository/i.test(
      text,
    )
  )
    return 'ssh-auth';
  if (
    /Could not resolve host|Name or service not known|nodename nor servname|Temporary failure in name resolution/i.test(
      text,
    )
  )
    return 'dns';
  if (/Connection timed out|Operation timed out|timed out after/i.test(text)) return 'connect-timeout';
  if (/Connection refused|Failed to connect to .* port \d+/i.test(text)) return 'refused';
  if (/Connection reset|RPC failed|early EOF|curl 56|SSL_ERROR_SYSCALL/i.test(text)) return 'reset';
  if (
    /SSL certificate problem|server certificate verification failed|certificate verify failed|self.signed certificate/i.test(
      text,
    )
  )
    return 'tls';
  if (
    /Repository not found|repository '.*' not found|does not appear to be a git repository|returned error: 404|not found/i.test(
      text,
    )
  )
    return 'not-found';
  return 'other';
}

const STATUS_OF_KIND: Record<GitFailureKind, ProbeStatus> = {
  auth: 'auth',
  'ssh-auth': 'auth',
  dns: 'nxdomain',
  'connect-timeout': 'timeout',
  refused: 'refused',
  reset: 'reset',
  tls: 'untrusted',
  'not-found': 'not-found',
  timeout: 'timeout',
  'missing-tool': 'missing-tool',
  other: 'error',
};

function lastLines(text: string, count: number): string {
  return redactSecrets(text.trim().split('\n').slice(-count).join('\n'));
}

export async function probeGitRemote(
  url: string,
  options: {
    env: Record<string, string | undefined>;
    timeoutMs: number;
    signal: AbortSignal;
    gitBin?: string;
    onSpawn?: (pid: number) => void;
  },
): Promise<GitProbeOutcome> {
  if (options.timeoutMs <= 0 || options.signal.aborted) {
    return {
      status: 'budget',
      durationMs: 0,
      detail: { url: redactSecrets(url), exitCode: null, stderr: '', timedOut: false },
      error: 'out of time',
    };
  }
  const result = await run(
    options.gitBin ?? findOnPath('git', options.env) ?? '/nonexistent/gomod-doctor/git-not-found',
    ['-c', 'core.askPass=', '-c', 'core.hooksPath=/dev/null', 'ls-remote', '-q', url, 'HEAD'],
    {
      env: gitProbeEnv(options.env),
      // An empty directory we created: a relative PATH entry cannot find a planted git there.
      cwd: privateWorkDir(),
      timeoutMs: Math.max(1, Math.floor(options.timeoutMs)),
      signal: options.signal,
      maxBuffer: 64 * 1024,
      ...(options.onSpawn ? { onSpawn: options.onSpawn } : {}),
    },
  );
  const detail: GitDetail = {
    url: redactSecrets(url),
    exitCode: result.exitCode,
    stderr: lastLines(result.stderr, 6),
    timedOut: result.timedOut,
  };
  if (result.spawnError?.code === 'ENOENT') {
    return {
      status: 'missing-tool',
      kind: 'missing-tool',
      durationMs: result.durationMs,
      detail,
      error: 'git not found',
    };
  }
  if (result.aborted) {
    return { status: 'budget', durationMs: result.durationMs, detail, error: 'out of time' };
  }
  if (result.timedOut) {
    return {
      status: 'timeout',
      kind: 'timeout',
      durationMs: result.durationMs,
      detail,
      error: 'git ls-remote did not finish',
    };
  }
  if (result.exitCode === 0) return { status: 'ok', durationMs: result.durationMs, detail };
  const kind = classifyGitError(result.stderr);
  return {
    status: STATUS_OF_KIND[kind],
    kind,
    durationMs: result.durationMs,
    detail,
    error: lastLines(result.stderr, 1) || `exit status ${result.exitCode}`,
  };
}
