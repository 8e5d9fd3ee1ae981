// tidy-check as a library: predict offline what `go mod tidy` would do to a module, and why.
export { type AnalyzeOptions, analyzeTidy, type TidyPrediction } from './analyze.ts';

export { tidyFindings } from './findings.ts';

export { type LoadedModuleGraph, loadModuleGraph, type VersionReason, versionReason } from './why.ts';
