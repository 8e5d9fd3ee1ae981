// The library: a deliberate, documented list (docs/api.md, one line per name). Everything else in
// src/ is internal and may change without notice; test/package/api.test.ts fails when a name is
// added here without being documented, or documented without being exported.

// --- findings, the cause catalog, and the reporters ---
export {
  CAUSE_IDS,
  CAUSES,
  type CauseEntry,
  type CauseId,
  type CauseSection,
  causeEntry,
  isCauseId,
} from './causes/catalog.ts';
// --- the capabilities behind the commands, as functions that return data ---
export { type DoctorResult, runDoctor } from './doctor/run.ts';
export type { DoctorOptions } from './doctor/types.ts';
export {
  type ExplainContext,
  type ExplainResult,
  type ExplainTextOptions,
  explainStream,
  explainText,
  type GatherOptions,
  gatherContext,
} from './explain/index.ts';
export type { Evidence, FailOn, Finding, Fix, Location, Report, Severity } from './findings/finding.ts';
export { exitStatusFor, orderFindings } from './findings/finding.ts';
export { redactDeep, redactSecrets } from './findings/redact.ts';
export type { SettingOrigin, SettingSources } from './go/env.ts';
export {
  type GoEnvFacts,
  type ReadGoEnvOptions,
  readGoEnv,
  readSettingSources,
  resolveSetting,
} from './go/env.ts';
export { type LocatedGo, locateGo } from './go/locate.ts';
export type {
  EffectivePrivacySettings,
  GoProxyParse,
  GoSumDbParse,
  GoToolchainParse,
  GoVcsParse,
  ModulePrivacy,
  PrivacySettings,
  ProxyEntry,
} from './goenv/index.ts';
// --- the go command's settings ---
export {
  compareGoVersions,
  effectivePrivacySettings,
  goVersionLang,
  isValidGoVersion,
  matchPrefixPatterns,
  parseGoProxy,
  parseGoSumDb,
  parseGoToolchain,
  parseGoVcs,
  resolvePrivacy,
  splitGoFlags,
} from './goenv/index.ts';
export type {
  CheckedFiles,
  FileProblem,
  GoEffect,
  HashFile,
  ModuleFile,
  ModuleZipOptions,
  ParsedGoSum,
  ParseGoSumOptions,
  SumLine,
  SumProblem,
  SumProblemKind,
} from './gosum/index.ts';
// --- go.sum, h1 hashes and module zips ---
export {
  checkModuleFiles,
  checkModuleZip,
  createModuleZip,
  hash1,
  hashGoMod,
  hashZip,
  isWellFormedH1,
  parseGoSum,
} from './gosum/index.ts';
export type { Lang } from './i18n/lang.ts';
export type {
  Comment,
  CommentBlock,
  Comments,
  ExcludeDirective,
  FileSyntax,
  GoDirective,
  GodebugDirective,
  IgnoreDirective,
  Line,
  LineBlock,
  ModFile,
  ModfileError,
  ModfileKind,
  ModuleDirective,
  ModuleVersion,
  Paren,
  ParseOptions,
  ParseResult,
  Position,
  ReplaceDirective,
  RequireDirective,
  RetractDirective,
  Statement,
  Token,
  ToolchainDirective,
  ToolDirective,
  UseDirective,
} from './modfile/index.ts';
// --- go.mod and go.work: parse, print as `go mod edit -json`, format as `go mod edit -fmt` ---
export {
  autoQuote,
  format,
  formatBytes,
  formatError,
  formatErrors,
  formatTree,
  KNOWN_RELEASES,
  mustQuote,
  NEWEST_RELEASE,
  parseGoMod,
  parseGoWork,
  toJson,
} from './modfile/index.ts';
export type { ModuleVersionError, PathError, Result, SplitPath } from './module/index.ts';
// --- module paths and versions (golang.org/x/mod's module and semver packages) ---
export {
  build,
  canonical,
  canonicalVersion,
  check,
  checkFilePath,
  checkImportPath,
  checkModuleVersion,
  checkPath,
  checkPathMajor,
  compare,
  escapePath,
  escapeVersion,
  isPseudoVersion,
  isValid,
  isZeroPseudoVersion,
  major,
  majorMinor,
  matchPathMajor,
  max,
  pathMajorPrefix,
  prerelease,
  pseudoVersion,
  pseudoVersionBase,
  pseudoVersionRev,
  pseudoVersionTime,
  sortVersions,
  splitPathVersion,
  unescapePath,
  unescapeVersion,
  zeroPseudoVersion,
} from './module/index.ts';
export {
  computeRoutes,
  describeRoutes,
  type NetworkCheckInput,
  type NetworkCheckResult,
  type RouteInput,
  type RouteTable,
  runNetworkChecks,
} from './network/index.ts';
export { type CiPaths, repositoryRoot } from './report/ci-paths.ts';
export { appendStepSummary } from './report/github.ts';
export type { HtmlInput } from './report/html.ts';
export type { JunitCheck } from './report/junit.ts';
export {
  FORMAT_NAMES,
  type FormatName,
  isFormat,
  type RenderOptions,
  type ReportData,
  renderReport,
} from './report/registry.ts';
export type { SarifOptions } from './report/sarif.ts';
export {
  type AnalyzeOptions,
  analyzeTidy,
  type LoadedModuleGraph,
  loadModuleGraph,
  type TidyPrediction,
  tidyFindings,
  type VersionReason,
  versionReason,
} from './tidy/index.ts';
export { type AttachInspection, inspectRunningGo } from './trace/attach.ts';
export { type DiagnoseInput, type Diagnosis, diagnose } from './trace/diagnose.ts';
export { type TraceOptions, type TraceResult, traceGoCommand } from './trace/trace.ts';
export { type Operation, parseTranscript, type TraceEvent, XTraceParser } from './trace/xparse.ts';
export { VERSION } from './version.ts';
