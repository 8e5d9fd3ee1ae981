export {
  EMPTY_GO_MOD_HASH,
  type HashFile,
  hash1,
  hash1FromDigests,
  hashGoMod,
  hashZip,
  isWellFormedH1,
} from './dirhash.ts';
export {
  type CheckedFiles,
  checkModuleFiles,
  checkModuleZip,
  cleanPath,
  createModuleZip,
  type FileProblem,
  MAX_GO_MOD,
  type ModuleFile,
  type ModuleZipOptions,
} from './modzip.ts';
export {
  type GoEffect,
  type ParsedGoSum,
  type ParseGoSumOptions,
  parseGoSum,
  type SumLine,
  type SumProblem,
  type SumProblemKind,
} from './parse.ts';
export { readZipEntries, readZipEntryData, writeZip } from './zipfile.ts';
