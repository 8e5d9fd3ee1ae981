// The one place checks are registered, in the order each area lists them.
// test/doctor/registry.test.ts holds every file under checks/ to being listed here.

import type { Check } from '../types.ts';
import cachesDiskSpace from './caches/disk-space.ts';
import cachesLeftovers from './caches/leftovers.ts';
import cachesSizes from './caches/sizes.ts';
import cachesWritable from './caches/writable.ts';
import gitBinary from './git/binary.ts';
import gitCredentials from './git/credentials.ts';
import gitModuleHosts from './git/module-hosts.ts';
import gitPromptEnv from './git/prompt-env.ts';
import gitSshHosts from './git/ssh-hosts.ts';
import projectGomodSyntax from './project/gomod-syntax.ts';
import projectGosum from './project/gosum.ts';
import projectMajorVersions from './project/major-versions.ts';
import projectModuleRoot from './project/module-root.ts';
import projectNestedModules from './project/nested-modules.ts';
import projectReleaseInstallable from './project/release-installable.ts';
import projectReleaseTidy from './project/release-tidy.ts';
import projectReplaces from './project/replaces.ts';
import projectRequirements from './project/requirements.ts';
import projectVendor from './project/vendor.ts';
import projectVersions from './project/versions.ts';
import projectWorkspace from './project/workspace.ts';
import settingsGo111module from './settings/go111module.ts';
import settingsGoauth from './settings/goauth.ts';
import settingsGoflags from './settings/goflags.ts';
import settingsGoproxy from './settings/goproxy.ts';
import settingsGosumdb from './settings/gosumdb.ts';
import settingsGovcs from './settings/govcs.ts';
import settingsOrigins from './settings/origins.ts';
import settingsPrivatePatterns from './settings/private-patterns.ts';
import toolchainGoBinary from './toolchain/go-binary.ts';
import toolchainGoLine from './toolchain/go-line.ts';
import toolchainGoOnPath from './toolchain/go-on-path.ts';
import toolchainGodebugRemoved from './toolchain/godebug-removed.ts';
import toolchainSecurityFloor from './toolchain/security-floor.ts';

export const CHECKS: readonly Check[] = [
  toolchainGoBinary,
  toolchainGoOnPath,
  toolchainGoLine,
  toolchainGodebugRemoved,
  toolchainSecurityFloor,
  settingsGo111module,
  settingsGoflags,
  settingsGoproxy,
  settingsGosumdb,
  settingsPrivatePatterns,
  settingsGovcs,
  settingsGoauth,
  settingsOrigins,
  projectModuleRoot,
  projectGomodSyntax,
  projectVersions,
  projectMajorVersions,
  projectRequirements,
  projectReplaces,
  projectWorkspace,
  projectGosum,
  projectVendor,
  projectNestedModules,
  projectReleaseTidy,
  projectReleaseInstallable,
  cachesWritable,
  cachesDiskSpace,
  cachesLeftovers,
  cachesSizes,
  gitBinary,
  gitSshHosts,
  gitCredentials,
  gitModuleHosts,
  gitPromptEnv,
];
