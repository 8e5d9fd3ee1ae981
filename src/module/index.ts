export { escapePath, escapeVersion, unescapePath, unescapeVersion } from './escape.ts';
export * from './hosts.ts';
export {
  check,
  checkFilePath,
  checkImportPath,
  checkModuleVersion,
  checkPath,
  checkPathMajor,
  type ModuleVersionError,
  matchPathMajor,
  type PathError,
  pathMajorPrefix,
  type SplitPath,
  splitPathVersion,
} from './path.ts';

export type { Result } from './result.ts';
export {
  build,
  canonical,
  compare,
  isValid,
  major,
  majorMinor,
  max,
  prerelease,
  sortVersions,
} from './semver.ts';
export {
  canonicalVersion,
  isPseudoVersion,
  isZeroPseudoVersion,
  pseudoVersion,
  pseudoVersionBase,
  pseudoVersionRev,
  pseudoVersionTime,
  zeroPseudoVersion,
} from './version.ts';
