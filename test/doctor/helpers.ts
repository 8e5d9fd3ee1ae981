// Runs the doctor in the test lab: a sandboxed go environment (temporary HOME, GOPATH, module and
// build caches, GOENV file, GIT_CONFIG_GLOBAL) with the real go and git, on a project written
// into the sandbox's work directory.
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type DoctorResult, runDoctor } from '../../src/doctor/run.ts';
import type { DoctorOptions } from '../../src/doctor/types.ts';
import { run } from '../../src/exec/run.ts';
import { goToolchain, goToolchains } from '../helpers/go-matrix.ts';
import { type NamespaceSpec, namespaceCommand } from '../lab/kit/namespace.ts';
import { createSandbox, type Sandbox, type SandboxOptions } from '../lab/kit/sandbox.ts';
import { createUniverse } from '../lab/kit/universe.ts';

const GO_VERSION = '1.23';
export const toolchain = goToolchain(GO_VERSION) ?? goToolchains().at(-1);

/** Settings of a healthy machine: the default proxy and checksum database (nothing is contacted). */
const HEALTHY_SETTINGS: Partial<SandboxOptions> = {
  goproxy: 'https://proxy.golang.org,direct',
  env: { GOSUMDB: undefined, GOFLAGS: undefined },
};

/** Two published modules with real hashes, for go.sum lines. */
export const universe = createUniverse([
  {
    path: 'example.com/a',
    versions: {
      'v1.0.0': { files: { 'go.mod': 'module example.com/a\n\ngo 1.20\n', 'a.go': 'package a\n' } },
    },
  },
  {
    path: 'example.com/b',
    versions: {
      'v1.1.0': { files: { 'go.mod': 'module example.com/b\n\ngo 1.20\n', 'b.go': 'package b\n' } },
    },
  },
]);

export const HEALTHY_GOMOD =
  'module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.1.0\n)\n';
export const HEALTHY_GOSUM =
  universe.goSumLines('example.com/a', 'v1.0.0') + universe.goSumLines('example.com/b', 'v1.1.0');

export interface DoctorCase {
  files?: Record<string, string>;
  sandbox?: Partial<SandboxOptions>;
  /** Extra environment for the doctor run only (merged over the sandbox's; undefined removes). */
  env?: Record<string, string | undefined>;
  options?: Partial<DoctorOptions>;
  /** Runs after the files are written, before the doctor. */
  prepare?: (sandbox: Sandbox) => Promise<void> | void;
  /** The toolchain to use (default 1.23). */
  go?: string;
}

async function prepareCase(c: DoctorCase): Promise<{ sandbox: Sandbox; env: Record<string, string> }> {
  const go = (c.go ? goToolchain(c.go) : undefined) ?? toolchain!;
  const base = { ...HEALTHY_SETTINGS, ...c.sandbox };
  const sandbox = await createSandbox({
    go,
    ...base,
    env: { ...HEALTHY_SETTINGS.env, ...c.sandbox?.env },
  });
  await sandbox.writeFiles(c.files ?? { 'go.mod': HEALTHY_GOMOD, 'go.sum': HEALTHY_GOSUM });
  await c.prepare?.(sandbox);
  const env = { ...sandbox.env, ...c.env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return { sandbox, env: env as Record<string, string> };
}

export async function doctorIn(c: DoctorCase): Promise<{ result: DoctorResult; sandbox: Sandbox }> {
  const { sandbox, env } = await prepareCase(c);
  const result = await runDoctor({ cwd: sandbox.workDir, env, lang: 'en', ...c.options });
  return { result, sandbox };
}

/** What doctor-child.ts prints: the result without its facts, each check by id and causes. */
export interface ChildDoctorResult {
  report: DoctorResult['report'];
  areas: DoctorResult['areas'];
  outcomes: Array<{
    check: { id: string; causes: readonly string[] };
    status: DoctorResult['outcomes'][number]['status'];
    findings: DoctorResult['outcomes'][number]['findings'];
  }>;
}

const childScript = fileURLToPath(new URL('./doctor-child.ts', import.meta.url));
const tsxLoader = createRequire(import.meta.url).resolve('tsx/esm');

/**
 * The doctor in a process of its own inside a private mount namespace (test/lab/kit/namespace.ts), for
 * what only mounts can set up, such as a nearly full file system under the caches. The mounts
 * exist for that process alone and end with it. Needs root: skip with `namespaceSupport()`.
 */
export async function doctorInNamespace(
  c: DoctorCase & { namespace: (sandbox: Sandbox) => NamespaceSpec },
): Promise<{ result: ChildDoctorResult; sandbox: Sandbox }> {
  const { sandbox, env } = await prepareCase(c);
  const spec = c.namespace(sandbox);
  // A mount needs an existing directory to cover.
  for (const { target } of spec.tmpfs ?? []) await mkdir(target, { recursive: true });
  const { command, args } = await namespaceCommand(spec, sandbox.labDir, process.execPath, [
    '--import',
    tsxLoader,
    childScript,
    JSON.stringify(c.options ?? {}),
  ]);
  const child = await run(command, args, { env, cwd: sandbox.workDir, timeoutMs: 60_000 });
  if (child.exitCode !== 0) {
    throw new Error(
      `doctor in a namespace exited ${child.exitCode}: ${child.stderr || child.spawnError?.message}`,
    );
  }
  return { result: JSON.parse(child.stdout) as ChildDoctorResult, sandbox };
}
