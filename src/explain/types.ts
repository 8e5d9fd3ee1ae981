// The shapes of the explain knowledge base: one CauseRule per cause id, each with line patterns,
// texts in both languages and fix templates. The engine (engine.ts) only interprets these.
import type { CauseId } from '../causes/catalog.ts';
import type { Severity } from '../findings/finding.ts';
import type { Lang } from '../i18n/lang.ts';

/** Values pulled out of the transcript (and refined by the context) that texts and fixes use. */
export interface Facts {
  module?: string;
  version?: string;
  /** The host concerned (proxy, VCS host, DNS name). */
  host?: string;
  url?: string;
  /** The HTTP status line as printed, e.g. `410 Gone`. */
  status?: string;
  /** A package import path. */
  pkg?: string;
  /** A file or directory named by the message. */
  file?: string;
  line?: string;
  /** The innermost clause of the message, quoted in the explanation. */
  detail?: string;
  /** Anything else a pattern captures (named groups). */
  [key: string]: string | boolean | undefined | string[];
}

/** Facts after the context has been applied: what texts and fixes are built from. */
export interface Situation extends Facts {
  /** How the transcript was produced, as far as it tells. */
  ci?: 'github-actions' | 'gitlab-ci' | 'docker' | 'ci';
  windows?: boolean;
  /** GOPRIVATE as the user's go command sees it (context), '' when known to be empty. */
  goprivate?: string;
  /** GOPRIVATE is set in the process environment, so `go env -w` would not take effect. */
  goprivateFromEnv?: boolean;
  /** go variables set in the process environment: `go env -w` does not take effect for them. */
  envSet?: string[];
  /** How sure the finding is: 'certain' (context confirmed) or 'likely'. */
  certainty?: 'certain' | 'likely';
  /** Other causes the same evidence can mean, named in the text. */
  alternatives?: string[];
}

export type Text = Record<Lang, string>;
export type TextFn = Record<Lang, (s: Situation) => string>;

export interface FixTemplate {
  description: Text;
  command?: string;
}

export type Scope = 'local' | 'remote' | 'any' | 'body';

export interface LinePattern {
  /** Unique within the rule, used by tests and --verbose. */
  id: string;
  /** Literal text of which at least one must occur in the line before `re` is tried (the prefilter). */
  needles: readonly string[];
  /** Anchored or literal-led, without nested quantifiers: linear on any input. Named groups become facts. */
  re: RegExp;
  /**
   * Where the text must be: 'local' (not inside a `server response:` block, the default), 'remote'
   * (only inside one: the proxy's or checksum database's own failure), 'any', or 'body' (only a
   * server's answer pasted on its own, `not found: M@V: ...` with no go command line around it:
   * users paste what curl or the browser showed).
   */
  scope?: Scope;
  /** Veto substrings: when one occurs in the line the pattern does not apply. */
  unless?: readonly string[];
  /** Extra condition on the captured groups (cheap, no I/O). */
  accept?: (groups: Record<string, string | undefined>, line: string) => boolean;
  /** Which releases (or which program) print it: documentation for tests and maintainers. */
  source: string;
  locale?: Lang;
  /** Overrides the rule's severity for this pattern (e.g. an informational progress line). */
  severity?: Severity;
  /** Evidence only: it joins a finding of its cause but never creates one on its own. */
  supporting?: boolean;
  /** Constant facts this pattern adds (e.g. which variant of a message it is). */
  facts?: Record<string, string | boolean>;
}

export interface CauseRule {
  cause: CauseId;
  severity: Severity;
  /** Lower is closer to the root: findings are ordered by this, then by first line. */
  rank: number;
  patterns: readonly LinePattern[];
  /** Dropped when one of these causes is found in the same error statement (the root is there). */
  yieldsTo?: readonly CauseId[];
  /** Dropped when one of these causes is found anywhere in the transcript. */
  suppressedBy?: readonly CauseId[];
  title: Text;
  message: TextFn;
  fixes: (s: Situation) => FixTemplate[];
  docs: readonly string[];
  /** Optional: re-route a hit given the statement's remote signals and the context. */
  refine?: (input: RefineInput) => Refinement | undefined;
  /**
   * Optional: facts the context adds to a finding once all its lines are known (e.g. what the
   * module cache holds for the module), before its texts and fixes are made.
   */
  situate?: (s: Situation, context: ExplainContext | undefined) => Partial<Situation>;
}

/** What a `server response:` block said about the remote side's failure (refines the outer error). */
export type RemoteSignal = 'auth' | 'dns' | 'repo-not-found' | 'connect' | 'unknown-revision' | 'no-versions';

/** What the project and the user's go environment say (context.ts); every part is optional. */
export interface ExplainContext {
  /** `go env -json` of the user's go command. */
  goEnv?: Record<string, string>;
  /** Names set in the process environment (not in the go env file): there `go env -w` has no effect. */
  envSetInProcess?: readonly string[];
  goMod?: GoModSummary;
}

export interface GoModSummary {
  /** As shown to the user (relative to the directory explain ran in). */
  file: string;
  module?: string;
  go?: string;
  requires: ReadonlyArray<{ path: string; version: string; line: number; column: number }>;
  /** Directory replaces (new path as written), for pointing at the replace line. */
  dirReplaces?: ReadonlyArray<{ path: string; dir: string; line: number; column: number }>;
}

export interface RefineInput {
  situation: Situation;
  signals: ReadonlySet<RemoteSignal>;
  context: ExplainContext | undefined;
  /** The same proxy served this module successfully earlier in the transcript (`-x` lines). */
  proxyKnewModule: boolean;
  /** This run downloaded modules (`go: downloading`, or a zip fetched in -x output) before the error. */
  freshDownload: boolean;
  /** The package of the last `go: finding module for package P` line before the error. */
  lookedUpPackage?: string;
}

/** A rule may re-route its hit once the whole statement and the context are known. */
export interface Refinement {
  cause: CauseId;
  /** Facts to add (certainty, alternatives, ...). */
  facts?: Partial<Situation>;
  /**
   * A second reading of the same evidence, offered as its own finding right after this one (the
   * same message means either, and the transcript cannot tell which).
   */
  also?: CauseId;
}
