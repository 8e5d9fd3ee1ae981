// The one place repairs are registered, in the order the plan runs them (a go.mod edit before the
// go.sum lines that depend on it). test/fix/registry.test.ts holds every file under repairs/ to
// being listed here, documented in docs/repairs.md and tested.
import type { Repair } from '../types.ts';
import goenvSet from './goenv-set.ts';
import gomodCanonicalVersions from './gomod-canonical-versions.ts';
import gomodDropLocalReplace from './gomod-drop-local-replace.ts';
import gomodDropRemovedGodebug from './gomod-drop-removed-godebug.ts';
import gomodMajorPath from './gomod-major-path.ts';
import gomodMergeDuplicates from './gomod-merge-duplicates.ts';
import gosumAddFromCache from './gosum-add-from-cache.ts';
import gosumDropBadLines from './gosum-drop-bad-lines.ts';
import goworkDropMissingUse from './gowork-drop-missing-use.ts';
import modcacheChown from './modcache-chown.ts';
import modcacheEvict from './modcache-evict.ts';

export const REPAIRS: readonly Repair[] = [
  gomodMajorPath,
  gomodCanonicalVersions,
  gomodMergeDuplicates,
  gomodDropLocalReplace,
  gomodDropRemovedGodebug,
  goworkDropMissingUse,
  gosumDropBadLines,
  gosumAddFromCache,
  goenvSet,
  modcacheEvict,
  modcacheChown,
];
