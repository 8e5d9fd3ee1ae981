// The library: everything the CLI is built from, for tools that want the same answers.

export { CAUSE_IDS, type CauseId, isCauseId } from './causes/catalog.ts';
export { type DoctorResult, runDoctor } from './doctor/run.ts';
// The capabilities behind the commands, as functions that return data.
export {
  type ExplainContext,
  type ExplainResult,
  explainStream,
  explainText,
  gatherContext,
} from './explain/index.ts';
export type { Evidence, Finding, Fix, Location, Report, Severity } from './findings/finding.ts';
export { exitStatusFor, orderFindings } from './findings/finding.ts';
export { redactDeep, redactSecrets } from './findings/redact.ts';
export * from './goenv/index.ts';
export * from './gosum/index.ts';
export * from './modfile/index.ts';
export * from './module/index.ts';
export {
  computeRoutes,
  describeRoutes,
  type NetworkCheckInput,
  type NetworkCheckResult,
  runNetworkChecks,
} from './network/index.ts';
export { type CiPaths, repositoryRoot, rootRelative } from './report/ci-paths.ts';
export { renderCodeClimate } from './report/codeclimate.ts';
export { appendStepSummary, renderGithub } from './report/github.ts';
export { type HtmlInput, renderHtml } from './report/html.ts';
export { renderJson } from './report/json.ts';
export { type JunitCheck, renderJunit } from './report/junit.ts';
export { renderMarkdown } from './report/markdown.ts';
export { renderSarif, type SarifOptions } from './report/sarif.ts';
export { renderTerminal } from './report/terminal.ts';
export {
  analyzeTidy,
  loadModuleGraph,
  type TidyPrediction,
  tidyFindings,
  type VersionReason,
  versionReason,
} from './tidy/index.ts';
export { inspectRunningGo } from './trace/attach.ts';
export { diagnose } from './trace/diagnose.ts';
export { type TraceOptions, type TraceResult, traceGoCommand } from './trace/trace.ts';
export { parseTranscript, XTraceParser } from './trace/xparse.ts';
export { VERSION } from './version.ts';
