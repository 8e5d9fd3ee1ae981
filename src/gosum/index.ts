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
  checkedFilesError,
  checkModuleFiles,
  checkModuleZip,
  cleanPath,
  createModuleZip,
  type FileProblem,
  MAX_GO_MOD,
  MAX_LICENSE,
  MAX_ZIP_FILE,
  type ModuleFile,
  type ModuleZipOptions,
  moduleZipPrefix,
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
export {
  crc32,
  readZipEntries,
  readZipEntryData,
  writeZip,
  type ZipEntry,
  type ZipWriterEntry,
} from './zipfile.ts';
