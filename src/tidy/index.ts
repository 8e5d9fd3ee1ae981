// tidy-check as a library: predict offline what `go mod tidy` would do to a module, and why.
export {
  type AnalyzeOptions,
  analyzeTidy,
  type ImportEdge,
  type LoadedPackage,
  type MissingImport,
  NoModuleError,
  type TidyPrediction,
} from './analyze.ts';
export {
  type BuildContext,
  type BuildExpr,
  concreteIncludes,
  evalAllTags,
  evalConcrete,
  fileNameConstraint,
  formatExpr,
  parseBuildExpr,
  parseHeaderConstraints,
  parsePlusBuildExpr,
  tidyIncludes,
} from './constraints.ts';
export { isTidy, summaryText, tidyFindings } from './findings.ts';
export { parseGoFileHeader } from './header.ts';
export { type LookupRoute, lookupRoute, pathPrefixes } from './resolve.ts';
export { type GoFile, type ModuleScan, type PackageDir, scanModule, scanWorkspace } from './scan.ts';
export {
  type LoadedModuleGraph,
  loadModuleGraph,
  type RequirementEdge,
  type VersionReason,
  versionReason,
} from './why.ts';
