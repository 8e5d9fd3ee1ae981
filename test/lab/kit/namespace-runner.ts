// Started by namespace.ts through `unshare --net --mount`: sets up the namespace it finds itself in
// (lo up, tmpfs and read-only mounts, resolv.conf, a DNS responder on 127.0.0.1:53), runs the
// command through run() with this process's environment, relays its output and exits with its
// status. Usage: node --import tsx namespace-runner.ts CONFIG.json -- COMMAND ARGS...
import { appendFileSync, readFileSync } from 'node:fs';
import { killAllChildren, run } from '../../../src/exec/run.ts';
import { startDnsServer } from './dns-server.ts';
import type { NamespaceRunnerConfig } from './namespace.ts';

const SYSTEM_ENV = { PATH: '/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C' };

// run() starts each child in its own process group; the caller ends this runner's group only, so
// pass the ending on.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.on(signal, () => {
    killAllChildren();
    process.exit(128 + 15);
  });
}

async function setup(step: string, command: string, args: readonly string[]): Promise<void> {
  const result = await run(command, args, { env: SYSTEM_ENV, timeoutMs: 10_000 });
  if (result.exitCode !== 0) {
    process.stderr.write(`lab namespace: ${step} failed: ${result.stderr || result.spawnError?.message}\n`);
    process.exit(125);
  }
}

const [configFile, separator, command, ...args] = process.argv.slice(2);
if (!configFile || separator !== '--' || !command) {
  process.stderr.write('usage: namespace-runner.ts CONFIG.json -- COMMAND ARGS...\n');
  process.exit(2);
}
const config = JSON.parse(readFileSync(configFile, 'utf8')) as NamespaceRunnerConfig;

if (config.isolatedNetwork || config.dns) await setup('lo up', 'ip', ['link', 'set', 'lo', 'up']);
for (const mount of config.tmpfs ?? []) {
  await setup(`tmpfs on ${mount.target}`, 'mount', [
    '-t',
    'tmpfs',
    '-o',
    mount.options,
    'tmpfs',
    mount.target,
  ]);
}
for (const dir of config.readOnly ?? []) {
  await setup(`bind ${dir}`, 'mount', ['--bind', dir, dir]);
  await setup(`read-only ${dir}`, 'mount', ['-o', 'remount,bind,ro', dir]);
}
if (config.resolvConf) await setup('resolv.conf', 'mount', ['--bind', config.resolvConf, '/etc/resolv.conf']);
const dns = config.dns
  ? await startDnsServer({
      rules: config.dns,
      port: 53,
      onQuery: (entry) => {
        if (config.dnsLogFile) appendFileSync(config.dnsLogFile, `${JSON.stringify(entry)}\n`);
      },
    })
  : undefined;

const result = await run(command, args, {
  env: { ...process.env },
  cwd: process.cwd(),
  // The caller's run() holds the real time limit.
  timeoutMs: 24 * 3_600_000,
  onStdout: (chunk) => process.stdout.write(chunk),
  onStderr: (chunk) => process.stderr.write(chunk),
});
await dns?.close();
if (result.spawnError) process.stderr.write(`lab namespace: ${result.spawnError.message}\n`);
process.exitCode = result.exitCode ?? 128 + 9;
