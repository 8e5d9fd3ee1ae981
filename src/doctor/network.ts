// The doctor's network area (`--network`): the project's requirements, after replacements, with
// the go command's settings and git's insteadOf rules, handed to the network engine; its findings
// come back tagged `check: 'network'`. The engine (src/network) is loaded only here and only when
// the area runs, so a plain doctor run neither loads it nor opens a socket.
import type { Finding } from '../findings/finding.ts';
import { type Lang, say } from '../i18n/lang.ts';
import type { ReplaceDirective } from '../modfile/types.ts';
import { compare } from '../module/semver.ts';
import type { ProbeResult, Requirement, RouteTable } from '../network/index.ts';
import { projectModules } from './checks/project/modules.ts';
import type { Facts, ProjectFacts } from './facts.ts';
import { messages } from './messages.ts';
import { maskDeep, maskSecrets } from './secrets.ts';
import type { DoctorFinding, DoctorNetworkOptions, DoctorOptions } from './types.ts';

/** The `check` of every finding of the network area. */
export const NETWORK_CHECK_ID = 'network';

/** What the network run found besides findings: for the terminal, --json and the area line. */
export interface DoctorNetwork {
  routes: RouteTable;
  probes: ProbeResult[];
  /** The routing table as lines for people (describeRoutes), in the run's language. */
  routeLines: string[];
  /** One settled line per probe (probeLine), for -v. */
  probeLines: string[];
  /** Service endpoints probed. */
  endpoints: number;
  durationMs: number;
  budgetMs: number;
  /** The run ended before every probe finished: out of budget, or Ctrl-C. */
  stopped?: 'budget' | 'aborted';
  /** Direct repositories left unprobed (too many). */
  skippedDirect: number;
}

export interface NetworkArea {
  findings: DoctorFinding[];
  network?: DoctorNetwork;
  summary: string;
}

/** The settings the routing table is made of, by name. */
const ROUTE_SETTINGS = [
  'GOPROXY',
  'GONOPROXY',
  'GOPRIVATE',
  'GONOSUMDB',
  'GOINSECURE',
  'GOVCS',
  'GOSUMDB',
  'GOFLAGS',
] as const;

function findReplace(
  list: readonly ReplaceDirective[],
  path: string,
  version: string,
): ReplaceDirective | undefined {
  // A replacement of one version wins over one of every version, as in the go command.
  return (
    list.find((r) => r.old.path === path && r.old.version === version) ??
    list.find((r) => r.old.path === path && r.old.version === '')
  );
}

/**
 * The modules the go command would fetch for this project: every requirement of the main module
 * (or of every workspace module), after replacements — a module replaced by a local directory is
 * left out, one replaced by another module is fetched as that module. Workspace modules themselves
 * are never fetched. One entry per path, at the highest version required.
 */
export function networkRequirements(project: ProjectFacts): Requirement[] {
  const modules = projectModules(project);
  const own = new Set(
    modules.map((m) => m.parsed.file.module?.path).filter((p): p is string => p !== undefined),
  );
  // go.work replacements override those of the modules' go.mod files.
  const workReplaces = project.workspace?.parsed.file.replace ?? [];
  const modReplaces = modules.flatMap((m) => m.parsed.file.replace);
  const byPath = new Map<string, string>();
  const add = (path: string, version: string): void => {
    if (own.has(path)) return;
    const seen = byPath.get(path);
    if (seen === undefined || compare(version, seen) > 0) byPath.set(path, version);
  };
  for (const module of modules) {
    for (const req of module.parsed.file.require) {
      if (own.has(req.path)) continue;
      const replace =
        findReplace(workReplaces, req.path, req.version) ?? findReplace(modReplaces, req.path, req.version);
      if (!replace) add(req.path, req.version);
      // No version on the right-hand side: a directory on disk, nothing to fetch.
      else if (replace.new.version !== '') add(replace.new.path, replace.new.version);
    }
  }
  return [...byPath].map(([path, version]) => ({ path, version }));
}

/** The go command's settings: `go env` when it answered, else the environment (defaults apply). */
function routeSettings(values: Record<string, string> | undefined, env: DoctorOptions['env']) {
  const out: Record<string, string> = {};
  for (const name of ROUTE_SETTINGS) out[name] = values?.[name] ?? env[name] ?? '';
  return values ? { ...values, ...out } : out;
}

/** `230 ms`, `2.4 s` `230 毫秒`, `2.4 秒`. */
function duration(ms: number, lang: Lang): string {
  if (ms < 1000) return lang === 'zh-CN' ? `${Math.round(ms)} 毫秒` : `${Math.round(ms)} ms`;
  const s = (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);
  return lang === 'zh-CN' ? `${s} 秒` : `${s} s`;
}

function summaryOf(network: DoctorNetwork, lang: Lang): string {
  if (network.stopped === 'aborted')
    return say(messages.networkInterrupted, lang, { time: duration(network.durationMs, lang) });
  if (network.endpoints === 0 && network.probes.length === 0) return say(messages.networkNothing, lang);
  return say(messages.networkLine, lang, {
    endpoints: network.endpoints,
    probes: network.probes.length,
    time: duration(network.durationMs, lang),
  });
}

/** Runs the network checks for the project; never throws (a crash becomes a finding). */
export async function runNetworkArea(
  facts: Facts,
  options: DoctorOptions,
  network: DoctorNetworkOptions,
): Promise<NetworkArea> {
  const lang = options.lang;
  const tag = (findings: readonly Finding[]): DoctorFinding[] =>
    findings.map((f) => maskDeep({ ...f, check: NETWORK_CHECK_ID }));
  try {
    const [engine, goenv, project, gitconfig, go] = await Promise.all([
      import('../network/index.ts'),
      facts.goenv(),
      facts.project(),
      facts.gitconfig(),
      facts.go(),
    ]);
    const goVersion = /^go(1\.\d+)/.exec(go.found?.version ?? '')?.[1];
    const budgetMs = network.budgetMs ?? engine.DEFAULT_BUDGET_MS;
    const result = await engine.runNetworkChecks({
      env: options.env,
      goEnv: routeSettings(goenv?.values, options.env),
      requirements: networkRequirements(project),
      gitConfig: gitconfig.entries,
      lang,
      budgetMs,
      ...(goVersion ? { goVersion } : {}),
      ...(network.resolver !== undefined ? { resolver: network.resolver } : {}),
      ...(network.signal ? { signal: network.signal } : {}),
      ...(network.onProgress ? { onProgress: network.onProgress } : {}),
      ...(network.connectOverride ? { connectOverride: network.connectOverride } : {}),
      ...(network.phaseTimeouts ? { phaseTimeouts: network.phaseTimeouts } : {}),
    });
    const data: DoctorNetwork = {
      routes: maskDeep(result.routes),
      probes: maskDeep(result.probes),
      routeLines: engine.describeRoutes(result.routes, lang).map(maskSecrets),
      probeLines: result.probes.map((p) => maskSecrets(engine.probeLine(p))),
      endpoints: result.endpoints.length,
      durationMs: result.durationMs,
      budgetMs,
      ...(result.stopped ? { stopped: result.stopped } : {}),
      skippedDirect: result.skippedDirect,
    };
    return { findings: tag(result.findings), network: data, summary: summaryOf(data, lang) };
  } catch (error) {
    return {
      summary: say(messages.networkCrashed, lang),
      findings: tag([
        {
          cause: 'unknown',
          severity: 'warning',
          title: say(messages.networkCrashed, lang),
          message: say(messages.networkCrashedMessage, lang, {
            error: error instanceof Error ? error.message : String(error),
          }),
        },
      ]),
    };
  }
}
