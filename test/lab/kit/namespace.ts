// Runs a command inside private Linux namespaces made for one lab case: a network namespace whose
// only interface is lo (nothing can reach another address, and the lab can own port 53), a mount
// namespace in which /etc/resolv.conf, tmpfs mounts and read-only binds exist for that command
// alone. `unshare` starts namespace-runner.ts, which sets them up, serves DNS if asked, and runs the
// command through run(). Needs root (or user namespaces); callers skip with `namespaceSupport()`.
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../../src/exec/run.ts';
import type { DnsRules } from './dns-server.ts';

export interface NamespaceSpec {
  /** A new network namespace with only lo up (implied by `dns`). */
  isolatedNetwork?: boolean;
  /** Serve these rules on 127.0.0.1:53 and bind a resolv.conf naming it over /etc/resolv.conf. */
  dns?: DnsRules;
  /** resolv.conf options; default `timeout:1 attempts:1` so that a silent server fails in seconds. */
  resolverOptions?: string;
  /** JSON lines of the DNS queries served, for the test to read. */
  dnsLogFile?: string;
  /** Small tmpfs mounts (e.g. `size=64k` or `nr_inodes=16`) over existing directories. */
  tmpfs?: ReadonlyArray<{ target: string; options: string }>;
  /** Directories made read-only (bind-mounted onto themselves, then remounted ro). */
  readOnly?: readonly string[];
}

export interface NamespaceRunnerConfig extends NamespaceSpec {
  resolvConf?: string;
}

const runnerScript = fileURLToPath(new URL('./namespace-runner.ts', import.meta.url));
const tsxLoader = createRequire(import.meta.url).resolve('tsx/esm');

/**
 * The command line that runs `command args` inside namespaces set up per `spec`. Files it needs (its
 * configuration and resolv.conf) are written to `dir`.
 */
export async function namespaceCommand(
  spec: NamespaceSpec,
  dir: string,
  command: string,
  args: readonly string[],
): Promise<{ command: string; args: string[] }> {
  const config: NamespaceRunnerConfig = { ...spec };
  if (spec.dns) {
    config.resolvConf = join(dir, 'resolv.conf');
    await writeFile(
      config.resolvConf,
      `nameserver 127.0.0.1\noptions ${spec.resolverOptions ?? 'timeout:1 attempts:1'}\n`,
    );
  }
  const configFile = join(dir, 'namespace.json');
  await writeFile(configFile, JSON.stringify(config));
  const network = spec.isolatedNetwork || spec.dns ? ['--net'] : [];
  return {
    command: 'unshare',
    args: [
      ...network,
      '--mount',
      '--propagation',
      'private',
      '--',
      process.execPath,
      '--import',
      tsxLoader,
      runnerScript,
      configFile,
      '--',
      command,
      ...args,
    ],
  };
}

let support: Promise<string | undefined> | undefined;

/** Undefined when namespaces work here; otherwise why not (for skip messages). */
export function namespaceSupport(): Promise<string | undefined> {
  support ??= (async () => {
    if (process.platform !== 'linux') return 'namespaces need Linux';
    if (process.getuid?.() !== 0) return 'namespaces and mounts need root';
    const probe = await run('unshare', ['--net', '--mount', '--', 'true'], {
      env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
      timeoutMs: 10_000,
    });
    if (probe.exitCode !== 0) {
      return `unshare --net --mount fails here: ${probe.stderr.trim() || probe.spawnError?.message}`;
    }
    return undefined;
  })();
  return support;
}
