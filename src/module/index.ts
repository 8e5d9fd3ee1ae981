export {
  escapePath,
  escapeVersion,
  type ProxyURLPath,
  proxyURLPath,
  proxyVersionURLPath,
  unescapePath,
  unescapeVersion,
  urlPathEscape,
} from './escape.ts';
export * from './hosts.ts';
export {
  check,
  checkCanonicalVersion,
  checkFilePath,
  checkImportPath,
  checkModuleVersion,
  checkPath,
  checkPathMajor,
  invalidVersionMessage,
  isStandardImportPath,
  type ModuleVersionError,
  matchPathMajor,
  type PathError,
  type PathKind,
  pathMajorPrefix,
  type SplitPath,
  splitPathVersion,
} from './path.ts';
export { goQuote, goQuoteRune } from './quote.ts';
export { fail, ok, type Result } from './result.ts';
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
  checkPseudoVersionSyntax,
  formatPseudoVersionTime,
  isIncompatible,
  isPseudoVersion,
  isZeroPseudoVersion,
  pseudoVersion,
  pseudoVersionBase,
  pseudoVersionRev,
  pseudoVersionTime,
  type VersionError,
  zeroPseudoVersion,
} from './version.ts';
