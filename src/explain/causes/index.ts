// The registry: every rule of the explain knowledge base, and the catalog ids that have no rule on
// purpose (with the reason), so that tests can check the two together cover the whole catalog.
import type { CauseId } from '../../causes/catalog.ts';
import type { CauseRule } from '../types.ts';
import { environmentRules } from './environment.ts';
import { fileRules } from './files.ts';
import { moduleRules } from './modules.ts';
import { networkRules, REMOTE_SIGNALS } from './network.ts';
import { readingRules } from './readings.ts';
import { vcsRules } from './vcs.ts';

export const RULES: readonly CauseRule[] = [
  ...networkRules,
  ...vcsRules,
  ...moduleRules,
  ...fileRules,
  ...environmentRules,
  ...readingRules,
];

export { REMOTE_SIGNALS };

const byCause = new Map<string, CauseRule>(RULES.map((rule) => [rule.cause, rule]));

export function ruleFor(cause: string): CauseRule | undefined {
  return byCause.get(cause);
}

/**
 * Catalog ids without a transcript rule, and why. Some still have a rule entry for texts (the
 * engine re-routes to them from another rule's refine step, or from the end of the transcript);
 * those are listed in DERIVED instead.
 */
export const NO_TRANSCRIPT_RULE: Readonly<Partial<Record<CauseId, string>>> = {
  'proxy-stall':
    'live: nothing is printed while a request waits (the go command has no response timeout); explain only sees a `# get` line left unanswered at the end of -x output',
  'credential-helper-hang': 'live: a credential helper waits for a person and prints nothing',
  'ssh-prompt-hang': 'live: ssh waits at a prompt and prints nothing the go command relays',
  'cache-lock-wait': 'live: a blocked flock prints nothing',
  'goproxy-direct-slow': 'live: slowness, not an error message; seen in -x timings by trace',
  'proxy-slow': 'live: a download that moves too slowly prints nothing; trace sees the bytes arrive',
  'vcs-stall': 'live: git waiting on a host that never answers prints nothing until it is ended',
  'goproxy-no-fallback':
    'configuration: needs GOPROXY from the context; the transcript shows only the first proxy failing',
  'gosumdb-disabled': 'configuration risk, never an error message (doctor checks it)',
  'missing-requirement': 'project analysis (tidy-check)',
  'unused-requirement': 'project analysis (tidy-check); `unused M` from tidy -v is a success message',
  'indirect-marker-mismatch': 'project analysis (tidy-check)',
  'conditional-dependency': 'project analysis (tidy-check)',
  'tidy-undecided':
    'project analysis (tidy-check): requirements only modules missing from the module cache can decide; the go command has no message for it',
  'require-layout':
    "project analysis (tidy-check): Go 1.27's require-block layout; tidy rewrites go.mod silently",
  'local-replace':
    'project analysis (lint): no error of its own; install-replace-directive and replace-target-missing cover its failures',
  'duplicate-requirement': 'project analysis (lint): the go command accepts duplicate require lines',
  'cache-large': 'doctor only: the size of a cache, never an error message',
  'tls-protocol-refused':
    'doctor --network probes it; in a transcript `remote error: tls: handshake failure` alone does not say which TLS feature the local go refuses',
  'tls-clienthello-dropped':
    'needs an experiment: the transcript shows only tls-handshake-timeout or connection-reset; the same request succeeding with GODEBUG=tlsmlkem=0 (tlskyber=0 on Go 1.23) proves it. Offered as the second reading of a handshake timeout from Go 1.23+ (ambiguity.ts; texts in readings.ts)',
  'tag-without-v':
    "needs the repository's tags: a transcript shows unknown-revision or invalid-version-syntax; a tag such as 1.2.0 beside no v1.2.0 proves it. Offered as the second reading of an unknown release version (ambiguity.ts; texts in readings.ts)",
  'go-security-floor':
    'doctor only: the local go version against security advisories, never an error message',
  'project-file-unsafe':
    'doctor, tidy-check and modfile only: a project file that is not read (FIFO, device, link out, too large), never an error message of the go command',
  unknown: 'the fallback when nothing matches',
};

/** Ids reached from another rule's refine step rather than from a line pattern of their own. */
export const DERIVED: Readonly<Partial<Record<CauseId, string>>> = {
  'module-source-gone':
    'a public forge refusing the repository (a credential request or "Repository not found"), directly or inside a proxy\'s server response, for a module nothing declares private',
  'proxy-cached-not-found':
    'a checksum database "not found" for a public module this run downloaded (the version exists; a proxy\'s cached miss on a bare module fetch still reads as unknown-revision)',
};
