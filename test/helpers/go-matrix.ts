// Finds the Go toolchains that scripts/install-go.sh unpacked into .cache/go/, so that tests can
// run the same case against every installed release. Tests skip (with this reason) when none is there.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GoToolchain {
  /** Language version, e.g. '1.23'. */
  version: string;
  goBin: string;
  goroot: string;
}

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The corpus of real go.mod/go.work/go.sum files with the go command's outputs (test/corpus/README.md). */
export const corpusDir = join(repoRoot, 'test', 'corpus', 'modfiles');

export const NO_GO_REASON = 'no Go toolchain installed: run scripts/install-go.sh';

let cached: GoToolchain[] | undefined;

export function goToolchains(): GoToolchain[] {
  if (cached) return cached;
  const base = join(repoRoot, '.cache', 'go');
  const found: GoToolchain[] = [];
  if (existsSync(base)) {
    for (const name of readdirSync(base)) {
      const match = /^go(\d+\.\d+)$/.exec(name);
      if (!match) continue;
      const goroot = join(base, name);
      const goBin = join(goroot, 'bin', 'go');
      if (existsSync(goBin)) found.push({ version: match[1]!, goBin, goroot });
    }
  }
  found.sort((a, b) => Number(a.version.split('.')[1]) - Number(b.version.split('.')[1]));
  cached = found;
  return found;
}

/** The toolchain of one release, if installed. */
export function goToolchain(version: string): GoToolchain | undefined {
  return goToolchains().find((t) => t.version === version);
}

/** A describe title that states the skip reason only when the suite is skipped for want of Go. */
export function titleNeedingGo(title: string, available: boolean): string {
  return available ? title : `${title} (skipped: ${NO_GO_REASON})`;
}

/**
 * Which installed releases a suite runs (README "Which Go releases each suite runs"). `every`: all
 * of them. `ends`: the oldest and the newest only, for suites that start the go command hundreds of
 * times per release and whose subject did not change between the releases in the middle (the
 * mutation test still checks those). GOMOD_DOCTOR_GO_RELEASES overrides both: `all`, or a comma
 * list such as `1.21,1.26` (releases that are not installed are left out).
 */
export function suiteToolchains(scope: 'every' | 'ends'): GoToolchain[] {
  const all = goToolchains();
  const override = process.env.GOMOD_DOCTOR_GO_RELEASES?.trim();
  if (override === 'all') return all;
  if (override) {
    const wanted = new Set(override.split(',').map((v) => v.trim().replace(/^go/, '')));
    return all.filter((t) => wanted.has(t.version));
  }
  if (scope === 'every' || all.length <= 2) return all;
  return [all[0]!, all.at(-1)!];
}
