// The shapes the doctor is made of: options, the areas a check belongs to, and a check itself.
// A check is data plus one function; the runner decides when and how long it runs.
import type { CauseId } from '../causes/catalog.ts';
import type { Finding } from '../findings/finding.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Facts } from './facts.ts';

/** The areas in the order the summary lists them. */
export const AREAS = ['toolchain', 'settings', 'project', 'caches', 'git'] as const;
export type Area = (typeof AREAS)[number];

/** Facts a check can ask for; the runner starts gathering each one once, before the checks run. */
export type FactName = 'go' | 'goenv' | 'project' | 'gitconfig' | 'git' | 'home';

export interface DoctorOptions {
  /** The directory the user runs in (or -C DIR), absolute. */
  cwd: string;
  /** The user's environment: what their go and git commands see. */
  env: Record<string, string | undefined>;
  lang: Lang;
  /** --go PATH: the go binary to check instead of the first on PATH. */
  goBin?: string;
  /** --release: a local-path replace is an error, not a warning. */
  release?: boolean;
  /** Per-check time limit; default 5 s. */
  checkTimeoutMs?: number;
  /** Only the checks whose id is listed (tests, `--check`). */
  only?: readonly string[];
}

/** A finding from the doctor: which check produced it travels with it (an added field of the contract). */
export interface DoctorFinding extends Finding {
  check: string;
}

export interface CheckContext {
  facts: Facts;
  lang: Lang;
  options: DoctorOptions;
}

export interface Check {
  /** The file path under checks/ without extension, e.g. 'settings/goproxy'. */
  id: string;
  area: Area;
  needs: readonly FactName[];
  /** Every cause id the check may emit (a test holds it to that). */
  causes: readonly CauseId[];
  run(ctx: CheckContext): Finding[] | Promise<Finding[]>;
}

export function defineCheck(check: Check): Check {
  return check;
}
