// gomod-doctor's network checks: the routing table of a project's modules and probes of every
// endpoint in it. The doctor calls runNetworkChecks for `--network`; everything is data.
export type { RunBudget } from './budget.ts';
export type { EndpointOutcome, FindingsInput } from './findings.ts';
export { buildFindings, describeProbe, PUBLIC_MIRRORS } from './findings.ts';
export { classifyGitError, gitProbeEnv } from './probes/git.ts';
export { bypassesProxy, parseProxyValue, proxyEnvFrom, proxyForUrl } from './probes/proxyenv.ts';
export { describeRoutes, probeLabel, probeLine } from './render.ts';
export type {
  ChecksumRoute,
  DirectRoute,
  FetchRoute,
  GitConfigItem,
  InsteadOfRule,
  ModuleRoute,
  ProxyHop,
  Requirement,
  RouteGroup,
  RouteTable,
  SumdbAccess,
  SumdbRoute,
} from './routes.ts';
export { applyInsteadOf, computeRoutes, insteadOfRules, staticRepo, transportOf } from './routes.ts';
export type { NetworkCheckInput, NetworkCheckResult } from './run.ts';
export {
  DEFAULT_BUDGET_MS,
  DEFAULT_CONCURRENCY,
  DEFAULT_PHASE_TIMEOUTS,
  PUBLIC_PROBE_MODULE,
  runNetworkChecks,
} from './run.ts';
export type * from './types.ts';
