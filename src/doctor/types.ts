// The shapes the doctor is made of: options, the areas a check belongs to, and a check itself.
// A check is data plus one function; the runner decides when and how long it runs.
import type { CauseId } from '../causes/catalog.ts';
import type { Finding } from '../findings/finding.ts';
import type { Lang } from '../i18n/lang.ts';
import type { NetworkProgressEvent, ProbePhase } from '../network/types.ts';
import type { Facts } from './facts.ts';

/** The areas in the order the summary lists them (`network` only with --network). */
export const AREAS = ['toolchain', 'settings', 'project', 'caches', 'git', 'network'] as const;
export type Area = (typeof AREAS)[number];

/** Facts a check can ask for; the runner starts gathering each one once, before the checks run. */
export type FactName = 'go' | 'goenv' | 'project' | 'gitconfig' | 'git' | 'home' | 'cacheSizes' | 'tidy';

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
  /** --network: also compute the routing table and probe every endpoint in it. */
  network?: DoctorNetworkOptions;
}

/** How the network area runs (see src/network: runNetworkChecks). */
export interface DoctorNetworkOptions {
  /** --resolver: `IP[:PORT]` of the DNS server to ask instead of the system's. */
  resolver?: string;
  /** --budget: the whole network run ends within this time; default 10 s. */
  budgetMs?: number;
  /** Ctrl-C: the run stops, what was found is kept. */
  signal?: AbortSignal;
  /** Progress of every probe, for a live view. */
  onProgress?: (event: NetworkProgressEvent) => void;
  /** Tests: `host:port` → `ip:port`, a public name served by a loopback server. */
  connectOverride?: Record<string, string>;
  /** Tests: shorter per-phase time limits. */
  phaseTimeouts?: Partial<Record<ProbePhase, number>>;
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
