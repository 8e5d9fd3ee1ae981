// gomod-doctor's network checks: the routing table of a project's modules and probes of every
// endpoint in it. The doctor calls runNetworkChecks for `--network`; everything is data.

export { bypassesProxy, proxyEnvFrom, proxyForUrl } from './probes/proxyenv.ts';
export { describeRoutes, probeLine } from './render.ts';
export type { Requirement, RouteTable } from './routes.ts';
export { computeRoutes, insteadOfRules, type RouteInput, staticRepo } from './routes.ts';
export type { NetworkCheckInput, NetworkCheckResult } from './run.ts';
export { DEFAULT_BUDGET_MS, runNetworkChecks } from './run.ts';
export type * from './types.ts';
