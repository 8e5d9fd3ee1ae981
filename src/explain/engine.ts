// The transcript classifier. It reads cleaned lines one at a time, groups them into error
// statements (a line and its tab-indented continuation), matches the rules of causes/, applies the
// three catalog rules (server response blocks are remote; `lookup HOST` is DNS; old-toolchain
// signals), dedupes per cause and module, and turns the result into findings. It never prints.
import type { CauseId } from '../causes/catalog.ts';
import type { Evidence, Finding, Severity } from '../findings/finding.ts';
import type { Lang } from '../i18n/lang.ts';
import { reread, TranscriptClues } from './ambiguity.ts';
import { REMOTE_SIGNALS, RULES, ruleFor } from './causes/index.ts';
import { firstUrl, hostOf, moduleFromProxyUrl, modulePrefix, moduleVersionPrefix } from './extract.ts';
import { cleanLine, type Decoration, emptyDecoration, escapedLines, jsonErrorLines } from './transcript.ts';
import type { CauseRule, ExplainContext, Facts, LinePattern, RemoteSignal, Situation } from './types.ts';

/** Most evidence lines kept per finding (the count of the rest is reported). */
const MAX_EVIDENCE = 50;
/** Most not-understood error lines quoted by an `unknown` finding. */
const MAX_UNKNOWN_LINES = 12;
const MAX_EVIDENCE_TEXT = 500;

interface Hit {
  rule: CauseRule;
  pattern: LinePattern;
  facts: Facts;
  line: number;
  text: string;
  severity: Severity;
  /** Where the match starts in the line; -1 for a match in the remote (server response) part. */
  position: number;
}

interface Statement {
  headText: string;
  headLine: number;
  /** Set once a `server response:` line was seen: what follows is the remote side's text. */
  remote: boolean;
  /** The statement is a server's answer pasted without the go command's line around it. */
  bareBody?: boolean;
  signals: Set<RemoteSignal>;
  /** The remote lines that gave the signals, shown as evidence of the outer finding. */
  signalLines: Evidence[];
  hits: Hit[];
  /** The packages or module versions of an `X imports` / `M@v requires` chain, outermost first. */
  importers?: string[];
  /** The first request URL of the statement (`reading URL:`, `Get "URL"`): where a remote text came from. */
  requestUrl?: string;
}

interface Group {
  rule: CauseRule;
  facts: Facts;
  severity: Severity;
  evidence: Evidence[];
  omitted: number;
  firstLine: number;
  supportingOnly: boolean;
  /**
   * Set once one of the group's lines names what stopped the command. A group whose every line
   * only frames a deeper error on the same line (`package X: unrecognized import path ... (https
   * fetch: ...: x509: ...)` frames the x509 failure in GOPATH-mode words) describes the setting,
   * not the failure, and ranks after the findings that explain it.
   */
  explains: boolean;
  /** Only offered as the second reading of another finding's evidence (Refinement.also). */
  secondary?: boolean;
  key: string;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

interface NeedleEntry {
  needle: string;
  patterns: Array<{ rule: CauseRule; pattern: LinePattern }>;
}

function buildNeedleIndex(rules: readonly CauseRule[]): { entries: NeedleEntry[]; prefilter: RegExp } {
  const byNeedle = new Map<string, NeedleEntry>();
  for (const rule of rules) {
    for (const pattern of rule.patterns) {
      for (const needle of pattern.needles) {
        let entry = byNeedle.get(needle);
        if (!entry) byNeedle.set(needle, (entry = { needle, patterns: [] }));
        entry.patterns.push({ rule, pattern });
      }
    }
  }
  const entries = [...byNeedle.values()];
  // One pass over the line tells whether any needle occurs at all; most lines of a big log
  // (-x traces, build output) stop here.
  const escaped = entries.map((e) => e.needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { entries, prefilter: new RegExp(escaped.join('|')) };
}

const INDEX = buildNeedleIndex(RULES);

/** A module download's progress line, and a passing package's line of go test output. */
const DOWNLOAD_PROGRESS = /^go: downloading [^\s]+ v[^\s]+$/;
const PASSED_TEST = /^ok {2}\t[^\s]+\t/;

/**
 * What proxy.golang.org and sum.golang.org answer for a module they cannot serve, when a user
 * pasted that answer (from curl or a browser) instead of the go command's output.
 */
const BARE_BODY = /^not found: [^\s@]+@[^\s:]+: /;

/** go: lines that report progress, not failure. */
const PROGRESS_PREFIXES = [
  'go: downloading ',
  'go: finding ',
  'go: found ',
  'go: extracting ',
  'go: added ',
  'go: upgraded ',
  'go: downgraded ',
  'go: removed ',
  'go: creating new go.mod',
  'go: to add module requirements',
  'go: switching to ',
  'go: upgrading toolchain',
  'go: warning: ',
];

/**
 * Lines that look like the go command (or git, ssh, the shell) reporting an error. Compiler
 * diagnostics (`file.go:1:2: ...`), test failures and other tools' errors are deliberately not
 * included: they are not module problems, and explain stays silent about them.
 */
function looksLikeError(text: string): boolean {
  if (text.startsWith('go: ')) return !PROGRESS_PREFIXES.some((p) => text.startsWith(p));
  // Every other form below has a colon followed by a space.
  if (!text.includes(': ')) return text.startsWith('SECURITY ERROR');
  if (text.startsWith('fatal: ') || text.startsWith('致命错误：')) return true;
  if (text.startsWith('verifying ') || text.startsWith('SECURITY ERROR')) return true;
  if (text.includes('go.') && /^(?:[^\s:]*\/)?go\.(?:mod|sum|work):\d+/.test(text)) return true;
  if (text.startsWith("can't load package") || text.startsWith('cannot find package ')) return true;
  if (/^package [^\s]+: /.test(text) || text.startsWith('ssh: ')) return true;
  // A module error without the `go: ` prefix (go mod download -json, go list -e).
  if (text.includes('@') && /^[a-z0-9][-a-z0-9.]*\.[a-z]{2,}\/[^\s@]*@[^\s]+: /.test(text)) return true;
  return false;
}

function stripSuffixDigit(name: string): string {
  return /\d$/.test(name) ? name.slice(0, -1) : name;
}

export interface ExplainOptions {
  context?: ExplainContext;
}

export interface ExplainResult {
  findings: Finding[];
  /** Lines read. */
  lines: number;
  decoration: Decoration;
}

export class Explainer {
  private readonly decoration = emptyDecoration();
  private readonly context: ExplainContext | undefined;
  private statement: Statement | undefined;
  private readonly groups = new Map<string, Group>();
  private readonly unknownLines: Evidence[] = [];
  private unknownCount = 0;
  /** Modules a proxy answered 200 for (from -x lines): such a module is not private. */
  /**
   * URLs of successful proxy GETs, kept raw: decoding them into module paths costs more than the
   * rest of a line's handling, and is needed only when a later failure asks (see proxyServed).
   */
  private readonly servedUrls = new Set<string>();
  private servedModules: Set<string> | undefined;
  /** The last meaningful line, to notice output that ends while a request or git is pending. */
  private last:
    | { kind: 'get' | 'git' | 'other' | 'credential-prompt' | 'ssh-prompt'; text: string; line: number }
    | undefined;
  private windows = false;
  private lines = 0;
  /** The last module zip downloaded (-x): a bare `zip: not a valid zip file` is about it. */
  private lastZipUrl: string | undefined;
  /** A `go: downloading` line was seen: this run fetched modules afresh rather than from the cache. */
  private sawDownload = false;
  /** What the transcript says besides its errors: the clues that rank ambiguous findings. */
  private readonly clues = new TranscriptClues();
  /** The package of the last `go: finding module for package P` line (an import being resolved). */
  private lookedUpPackage: string | undefined;

  constructor(options: ExplainOptions = {}) {
    this.context = options.context;
  }

  /** Feeds one physical line (as read, with whatever decoration it carries). */
  push(raw: string, lineNumber: number): void {
    this.lines = lineNumber;
    const text = cleanLine(raw, this.decoration);
    if (text.length === 0 || (text.charCodeAt(0) <= 0x20 && text.trim() === '')) {
      this.flush();
      return;
    }
    if (text.includes('\\n')) {
      const inner = escapedLines(text);
      if (inner) {
        // Another program logged go's stderr as one escaped string: its lines, in order.
        for (const line of inner) {
          const cleaned = cleanLine(line, this.decoration);
          if (cleaned.trim() === '') this.flush();
          else this.take(cleaned, lineNumber);
        }
        return;
      }
    }
    if (text.includes('"Error": "')) {
      const inner = jsonErrorLines(text);
      if (inner) {
        this.flush();
        for (const line of inner) if (line.trim() !== '') this.take(line, lineNumber);
        this.flush();
        this.last = { kind: 'other', text, line: lineNumber };
        return;
      }
    }
    this.take(text, lineNumber);
  }

  private take(text: string, lineNumber: number): void {
    if (text.startsWith('go: downloading ')) this.sawDownload = true;
    this.clues.see(text);
    if (text.startsWith('go: finding module for package '))
      this.lookedUpPackage = text.slice('go: finding module for package '.length).trim();
    // -x trace lines: requests and VCS commands, not errors. They are only watched.
    if (text.startsWith('# get ')) {
      this.watchGet(text, lineNumber);
      return;
    }
    if (isVcsEcho(text)) {
      this.last = { kind: 'git', text, line: lineNumber };
      return;
    }
    const prompt = promptKind(text);
    if (prompt) {
      // git or ssh asking a person (GOPATH-era go get, GIT_TERMINAL_PROMPT=1, GIT_SSH_COMMAND
      // without BatchMode): if nothing follows, the command is waiting for the answer.
      this.flush();
      this.last = { kind: prompt, text, line: lineNumber };
      return;
    }
    if (
      /^(?:\d+\.\d{3}|N\.NNN)s # /.test(text) ||
      text.startsWith('# lock ') ||
      text.startsWith('mkdir -p ') ||
      // A module download's progress line and a passing package's test line: never a failure, no
      // rule reads them, and they are most of a big CI log. (A toolchain download has no v-version.)
      (text.startsWith('go: downloading ') && DOWNLOAD_PROGRESS.test(text)) ||
      (text.startsWith('ok  \t') && PASSED_TEST.test(text))
    ) {
      this.last = { kind: 'other', text, line: lineNumber };
      return;
    }
    this.last = { kind: 'other', text, line: lineNumber };

    const continuation = text.charCodeAt(0) === 0x09 || text.charCodeAt(0) === 0x20;
    if (!continuation || !this.statement) {
      this.flush();
      this.statement = {
        headText: text,
        headLine: lineNumber,
        remote: false,
        signals: new Set(),
        signalLines: [],
        hits: [],
      };
    }
    const statement = this.statement!;
    if (text.endsWith(' imports') || text.endsWith(' requires') || text.endsWith(' tested by')) {
      const importer = /^(?:go: )?([^\s]+) (?:imports|requires|tested by)$/.exec(text.trim())?.[1];
      if (importer) (statement.importers ??= []).push(importer);
    }

    if (statement.requestUrl === undefined && !statement.remote && text.includes('http')) {
      const url = /(?:reading |Get "?|unexpected status \()(https?:\/\/[^\s")]+)/.exec(text)?.[1];
      if (url) statement.requestUrl = url;
    }
    if (!continuation && text.startsWith('not found: ') && BARE_BODY.test(text)) {
      statement.remote = true;
      statement.bareBody = true;
    }

    let local = text;
    let remote = '';
    if (statement.remote) {
      local = '';
      remote = text;
    } else {
      const at = text.indexOf('server response:');
      if (at !== -1) {
        local = text.slice(0, at);
        remote = text.slice(at + 'server response:'.length);
        statement.remote = true;
      }
    }
    if (remote !== '') {
      for (const { signal, needles } of REMOTE_SIGNALS) {
        if (!needles.some((n) => remote.includes(n))) continue;
        statement.signals.add(signal);
        if (!statement.signalLines.some((e) => e.line === lineNumber)) {
          statement.signalLines.push({ source: 'transcript', line: lineNumber, text: clip(text) });
        }
      }
    }
    const matchedAny = this.match(local, remote, text, lineNumber, statement);
    if (!matchedAny && !continuation && looksLikeError(text)) {
      this.unknownCount++;
      if (this.unknownLines.length < MAX_UNKNOWN_LINES) {
        this.unknownLines.push({ source: 'transcript', line: lineNumber, text: clip(text) });
      }
    }
  }

  private watchGet(text: string, lineNumber: number): void {
    // `# get URL` starts a request; `# get URL: STATUS (N.NNNs)` or `# get URL: ERROR` ends one.
    const rest = text.slice(6);
    const space = rest.indexOf(': ');
    if (space === -1) {
      this.last = { kind: 'get', text, line: lineNumber };
      return;
    }
    this.last = { kind: 'other', text, line: lineNumber };
    if (rest.startsWith('200 OK', space + 2)) {
      const url = rest.slice(0, space);
      // One entry per module (its URL up to /@v/), however many of its files were fetched.
      const marker = url.indexOf('/@v/');
      const key = marker === -1 ? url : `${url.slice(0, marker)}/@v/list`;
      if (!this.servedUrls.has(key)) {
        this.servedUrls.add(key);
        this.servedModules = undefined;
      }
      if (url.endsWith('.zip')) this.lastZipUrl = url;
    }
  }

  private proxyServed(module: string): boolean {
    if (!this.servedModules) {
      this.servedModules = new Set();
      for (const url of this.servedUrls) {
        const served = moduleFromProxyUrl(url).module;
        if (served) this.servedModules.add(served);
      }
    }
    return this.servedModules.has(module);
  }

  private match(
    local: string,
    remote: string,
    full: string,
    lineNumber: number,
    statement: Statement,
  ): boolean {
    const localHit = local !== '' && INDEX.prefilter.test(local);
    const remoteHit = remote !== '' && INDEX.prefilter.test(remote);
    if (!localHit && !remoteHit) return false;
    let matched = false;
    const tried = new Set<LinePattern>();
    for (const entry of INDEX.entries) {
      const inLocal = localHit && local.includes(entry.needle);
      const inRemote = remoteHit && remote.includes(entry.needle);
      if (!inLocal && !inRemote) continue;
      for (const { rule, pattern } of entry.patterns) {
        if (tried.has(pattern)) continue;
        tried.add(pattern);
        const scope = pattern.scope ?? 'local';
        const candidates: string[] = [];
        if (scope === 'body') {
          if (statement.bareBody && remote !== '') candidates.push(remote);
        } else {
          if (scope !== 'remote' && local !== '') candidates.push(local);
          if (scope !== 'local' && remote !== '') candidates.push(remote);
        }
        for (const candidate of candidates) {
          if (pattern.unless?.some((u) => candidate.includes(u))) continue;
          const m = pattern.re.exec(candidate);
          if (!m) continue;
          const groups = (m.groups ?? {}) as Record<string, string | undefined>;
          if (pattern.accept && !pattern.accept(groups, candidate)) continue;
          const hit = this.hit(rule, pattern, groups, candidate, full, lineNumber, statement);
          hit.position = candidate === local ? m.index : -1;
          statement.hits.push(hit);
          matched = true;
          break;
        }
      }
    }
    return matched;
  }

  private hit(
    rule: CauseRule,
    pattern: LinePattern,
    groups: Record<string, string | undefined>,
    candidate: string,
    full: string,
    lineNumber: number,
    statement: Statement,
  ): Hit {
    const facts: Facts = {};
    for (const [name, value] of Object.entries(groups)) {
      if (value === undefined) continue;
      const key = stripSuffixDigit(name);
      if (facts[key] === undefined) facts[key] = value;
    }
    Object.assign(facts, pattern.facts);
    if (!facts.module || !facts.version) {
      const prefix = moduleVersionPrefix(candidate) ?? moduleVersionPrefix(statement.headText);
      if (prefix) {
        facts.module ??= prefix.module;
        facts.version ??= prefix.version;
      } else {
        const whole = modulePrefix(candidate) ?? modulePrefix(statement.headText);
        if (whole) facts.module ??= whole;
      }
    }
    facts.url ??= firstUrl(candidate);
    if (facts.url && !facts.module) {
      const fromUrl = moduleFromProxyUrl(facts.url);
      if (fromUrl.module) {
        facts.module = fromUrl.module;
        facts.version ??= fromUrl.version;
      }
    }
    if (!facts.host && facts.url) facts.host = hostOf(facts.url);
    if (facts.host?.startsWith('$') || facts.host === '') delete facts.host;
    const lastZip = this.lastZipUrl ? moduleFromProxyUrl(this.lastZipUrl) : undefined;
    if (!facts.module && lastZip?.module && lastZip.version && rule.cause === 'modcache-corrupt') {
      facts.module = lastZip.module;
      facts.version = lastZip.version;
    }
    if (!this.windows && /connectex|wsarecv|\\pkg\\mod|[A-Z]:\\|%PATH%|is not recognized/.test(full))
      this.windows = true;
    return {
      rule,
      pattern,
      facts,
      line: lineNumber,
      text: clip(full),
      severity: pattern.severity ?? rule.severity,
      position: -1,
    };
  }

  /** Ends the current statement: yield rules, refinements, then into the per-cause groups. */
  private flush(): void {
    const statement = this.statement;
    this.statement = undefined;
    if (!statement || statement.hits.length === 0) return;
    const present = new Set<CauseId>(
      statement.hits.filter((h) => !h.pattern.supporting).map((h) => h.rule.cause),
    );
    for (const hit of statement.hits) {
      if (hit.rule.yieldsTo?.some((cause) => cause !== hit.rule.cause && present.has(cause))) continue;
      // A deeper error on the same line (further into the chain, where go puts the reason) makes
      // this hit the frame around it. Matches inside a server response never count as deeper: they
      // happened elsewhere.
      const framesDeeper =
        hit.position >= 0 &&
        statement.hits.some(
          (other) =>
            other.line === hit.line &&
            other.rule.cause !== hit.rule.cause &&
            !other.pattern.supporting &&
            other.position > hit.position &&
            !other.rule.yieldsTo?.some((cause) => cause !== other.rule.cause && present.has(cause)),
        );
      let rule = hit.rule;
      let facts = hit.facts;
      if (statement.signals.size > 0) facts = { ...facts, remoteSignals: [...statement.signals] };
      if (statement.importers) facts = { ...facts, importers: statement.importers };
      if (statement.requestUrl && hit.position < 0) facts = { ...facts, requestUrl: statement.requestUrl };
      if (rule.refine) {
        const refined = rule.refine({
          situation: this.situation(facts),
          signals: statement.signals,
          context: this.context,
          proxyKnewModule: facts.module !== undefined && this.proxyServed(facts.module),
          freshDownload: this.sawDownload || this.lastZipUrl !== undefined,
          ...(this.lookedUpPackage ? { lookedUpPackage: this.lookedUpPackage } : {}),
        });
        if (refined) {
          rule = ruleFor(refined.cause) ?? rule;
          facts = { ...facts, ...refined.facts };
          const other = refined.also ? ruleFor(refined.also) : undefined;
          if (other) this.add(other, { ...hit.facts, alsoOf: refined.cause }, hit, framesDeeper, true);
        }
      }
      const group = this.add(rule, facts, hit, framesDeeper);
      if (hit.rule.refine) for (const e of statement.signalLines) addEvidence(group, e);
    }
  }

  private add(rule: CauseRule, facts: Facts, hit: Hit, framesDeeper = false, secondary = false): Group {
    const key = `${rule.cause}|${facts.module ?? facts.host ?? ''}`;
    let group = this.groups.get(key);
    if (group && !secondary) group.secondary = false;
    if (!group) {
      group = {
        secondary,
        rule,
        facts: { ...facts },
        severity: hit.severity,
        evidence: [],
        omitted: 0,
        firstLine: hit.line,
        supportingOnly: true,
        explains: false,
        key,
      };
      this.groups.set(key, group);
    } else {
      for (const [name, value] of Object.entries(facts))
        if (group.facts[name] === undefined) group.facts[name] = value;
    }
    if (!hit.pattern.supporting) {
      if (!framesDeeper) group.explains = true;
      if (group.supportingOnly) group.severity = hit.severity;
      else if (SEVERITY_ORDER[hit.severity] < SEVERITY_ORDER[group.severity]) group.severity = hit.severity;
      group.supportingOnly = false;
    }
    addEvidence(group, { source: 'transcript', line: hit.line, text: hit.text });
    return group;
  }

  private situation(facts: Facts): Situation {
    const d = this.decoration;
    const s: Situation = { ...facts };
    const ci = d.githubActions ? 'github-actions' : d.gitlab ? 'gitlab-ci' : d.docker ? 'docker' : undefined;
    if (ci) s.ci = ci;
    if (this.windows) s.windows = true;
    const env = this.context?.goEnv;
    if (env) s.goprivate = env.GOPRIVATE ?? '';
    if (this.context?.envSetInProcess?.includes('GOPRIVATE')) s.goprivateFromEnv = true;
    if (this.context?.envSetInProcess?.length) s.envSet = [...this.context.envSetInProcess];
    return s;
  }

  /** Everything read: the findings, most likely root cause first. */
  finish(lang: Lang): ExplainResult {
    this.flush();
    const groups = this.reread(this.settleGroups());
    this.addStall(groups);
    groups.sort(
      (a, b) =>
        Number(b.explains) - Number(a.explains) ||
        Number(a.secondary ?? false) - Number(b.secondary ?? false) ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.rule.rank - b.rule.rank ||
        a.firstLine - b.firstLine,
    );
    // The same cause again for another module adds nothing to the diagnosis; the other reading of
    // the first finding does, so it comes second.
    const first = groups[0];
    if (first && groups[1]?.rule.cause === first.rule.cause) {
      const other = groups.findIndex((g) => g.secondary && g.explains && g.rule.cause !== first.rule.cause);
      if (other > 1) groups.splice(1, 0, ...groups.splice(other, 1));
    }
    const findings = groups.map((group) => this.render(group, lang));
    if (findings.length === 0 && this.unknownLines.length > 0) findings.push(this.unknownFinding(lang));
    return { findings, lines: this.lines, decoration: { ...this.decoration } };
  }

  private settleGroups(): Group[] {
    const all = [...this.groups.values()];
    const real = all.filter((g) => !g.supportingOnly);
    // Evidence-only lines (SECURITY ERROR, hash lines, hints) join a finding of their cause.
    for (const group of all) {
      if (!group.supportingOnly) continue;
      const home =
        real.find((g) => g.rule.cause === group.rule.cause && g.key === group.key) ??
        real.find((g) => g.rule.cause === group.rule.cause);
      if (home) mergeInto(home, group);
    }
    // A finding without a module next to exactly one finding of the same cause with one is the same.
    let kept = real.filter((group) => {
      if (group.facts.module) return true;
      const siblings = real.filter((g) => g !== group && g.rule.cause === group.rule.cause && g.facts.module);
      if (siblings.length !== 1) return true;
      mergeInto(siblings[0]!, group);
      return false;
    });
    const causes = new Set(kept.map((g) => g.rule.cause));
    kept = kept.filter((g) => !g.rule.suppressedBy?.some((c) => causes.has(c)));
    // A guess (certainty 'likely') whose named alternative another statement establishes is that
    // alternative seen from further away (a proxy's bare 404, then the direct fetch's own error).
    const established = new Set(
      kept.filter((g) => g.facts.certainty !== 'likely' && !g.secondary).map((g) => g.rule.cause),
    );
    const settled = (g: Group) =>
      g.facts.certainty === 'likely' &&
      Array.isArray(g.facts.alternatives) &&
      g.facts.alternatives.some((c) => c !== g.rule.cause && established.has(c as CauseId));
    const dropped = kept.filter(settled);
    kept = kept.filter(
      (g) =>
        !settled(g) &&
        // A second reading goes with the finding it was offered beside.
        !(
          g.secondary &&
          dropped.some((d) => d.rule.cause === g.facts.alsoOf && d.facts.module === g.facts.module)
        ),
    );
    for (const group of kept) group.evidence.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return kept;
  }

  /**
   * Ambiguous message families (ambiguity.ts): the likeliest root given the transcript's clues
   * first, the next likeliest offered second. A promoted reading takes the finding's evidence;
   * the reading it displaces stays as the second.
   */
  private reread(groups: Group[]): Group[] {
    let out = [...groups];
    for (const group of groups) {
      if (group.secondary || group.supportingOnly) continue;
      const original = group.rule.cause;
      const r = reread(
        {
          cause: original,
          facts: group.facts,
          evidence: group.evidence.map((e) => e.text),
          remote: new Set(Array.isArray(group.facts.remoteSignals) ? group.facts.remoteSignals : []),
        },
        this.clues,
      );
      if (!r) continue;
      const module = group.facts.module;
      // Readings offered beside this finding (a rule's `also`, or this step's own).
      const sameFinding = (g: Group) =>
        g.secondary === true && g.facts.module === module && g.facts.alsoOf === original;
      let primary = group;
      if (r.first && r.first.cause !== original) {
        const rule = ruleFor(r.first.cause);
        if (!rule) continue;
        const offered = out.find((g) => sameFinding(g) && g.rule.cause === r.first!.cause);
        if (offered) {
          offered.secondary = false;
          offered.explains = group.explains;
          Object.assign(offered.facts, r.first.facts);
          primary = offered;
        } else {
          primary = copyGroup(group, rule, { ...group.facts, ...r.first.facts }, false);
          out.push(primary);
        }
        group.secondary = true;
        group.facts = { ...group.facts, alsoOf: r.first.cause };
      }
      const second = r.second;
      if (!second) continue;
      // The chosen second reading replaces whatever other readings were offered beside it.
      const primaryCause = primary.rule.cause;
      out = out.filter(
        (g) =>
          g === primary ||
          g === group ||
          g.rule.cause === second.cause ||
          !(
            g.secondary &&
            g.facts.module === module &&
            (g.facts.alsoOf === original || g.facts.alsoOf === primaryCause)
          ),
      );
      if (group !== primary && group.rule.cause !== second.cause) out = out.filter((g) => g !== group);
      if (out.some((g) => g.rule.cause === second.cause && g !== primary)) continue;
      const rule = ruleFor(second.cause);
      if (!rule) continue;
      out.push(
        copyGroup(primary, rule, { ...primary.facts, ...second.facts, alsoOf: primary.rule.cause }, true),
      );
    }
    return out;
  }

  /** Output that ends on a request or git command that never finished: the command hung there. */
  private addStall(groups: Group[]): void {
    const last = this.last;
    if (!last || groups.some((g) => g.severity === 'error')) return;
    const stall = stallOf(last);
    if (!stall) return;
    groups.push({
      ...stall,
      severity: 'error',
      evidence: [{ source: 'transcript', line: last.line, text: clip(last.text) }],
      omitted: 0,
      firstLine: last.line,
      supportingOnly: false,
      explains: true,
    });
  }

  private render(group: Group, lang: Lang): Finding {
    const rule = group.rule;
    let s = this.situation(group.facts);
    if (rule.situate) s = { ...s, ...rule.situate(s, this.context) };
    const finding: Finding = {
      cause: rule.cause,
      severity: group.severity,
      title: rule.title[lang],
      message: rule.message[lang](s),
    };
    if (s.module) finding.module = s.module;
    if (s.version) finding.version = s.version;
    finding.evidence =
      group.omitted > 0 ? [...group.evidence, omittedNote(group.omitted, lang)] : group.evidence;
    const location = this.locate(s, rule.cause);
    if (location) finding.location = location;
    const fixes = rule.fixes(s);
    if (fixes.length > 0) {
      finding.fixes = fixes.map((f) => ({
        description: f.description[lang],
        ...(f.command !== undefined ? { command: f.command } : {}),
      }));
    }
    if (rule.docs.length > 0) finding.docs = [...rule.docs];
    return finding;
  }

  private locate(s: Situation, cause?: string): Finding['location'] {
    if (typeof s.file === 'string' && /go\.(?:mod|sum|work)$/.test(s.file) && s.line) {
      return { file: s.file, line: Number(s.line), ...(s.column ? { column: Number(s.column) } : {}) };
    }
    const goMod = this.context?.goMod;
    // A missing replace directory is the replace line's fault, as doctor says, not the require's.
    if (goMod && cause === 'replace-target-missing') {
      const dir = typeof s.file === 'string' ? s.file.replace(/\/+$/, '') : undefined;
      const rep = goMod.dirReplaces?.find(
        (r) =>
          (dir !== undefined && (r.dir === dir || dir.endsWith(r.dir.replace(/^\.\//, '')))) ||
          r.path === s.module,
      );
      if (rep) return { file: goMod.file, line: rep.line, column: rep.column };
    }
    if (!goMod || !s.module) return undefined;
    const req = goMod.requires.find((r) => r.path === s.module);
    return req ? { file: goMod.file, line: req.line, column: req.column } : undefined;
  }

  private unknownFinding(lang: Lang): Finding {
    const quotedLines = this.unknownLines.map((e) => `  ${e.text}`).join('\n');
    const more = this.unknownCount - this.unknownLines.length;
    return {
      cause: 'unknown',
      severity: 'error',
      title: UNKNOWN_TEXT.title[lang],
      message: `${UNKNOWN_TEXT.message[lang]}\n${quotedLines}${more > 0 ? `\n  (+${more})` : ''}`,
      evidence: [...this.unknownLines],
      fixes: [
        { description: UNKNOWN_TEXT.rerun[lang], command: 'go <command> -x 2>&1 | tee go-output.txt' },
        { description: UNKNOWN_TEXT.trace[lang], command: 'gomod-doctor trace -- go <command>' },
      ],
    };
  }
}

/** What the command was waiting for when the output ended on `last`; undefined when nothing was pending. */
function stallOf(last: {
  kind: 'get' | 'git' | 'other' | 'credential-prompt' | 'ssh-prompt';
  text: string;
}): Pick<Group, 'rule' | 'facts' | 'key'> | undefined {
  if (last.kind === 'get') {
    const url = last.text.slice(6).trim();
    const { module, version } = moduleFromProxyUrl(url);
    const host = hostOf(url);
    return {
      rule: STALL_RULE,
      facts: {
        url,
        ...(host ? { host } : {}),
        ...(module ? { module } : {}),
        ...(version ? { version } : {}),
      },
      key: 'proxy-stall',
    };
  }
  if (last.kind === 'credential-prompt' || last.kind === 'ssh-prompt') {
    const rule = last.kind === 'ssh-prompt' ? SSH_PROMPT_RULE : CREDENTIAL_PROMPT_RULE;
    const host = hostOf(promptUrl(last.text));
    return { rule, facts: { prompt: last.text.trim(), ...(host ? { host } : {}) }, key: rule.cause };
  }
  if (last.kind === 'git') {
    return {
      rule: GIT_STALL_RULE,
      facts: { command: last.text.replace(/^cd [^;]+; /, '') },
      key: 'git-stall',
    };
  }
  return undefined;
}

/** A person-facing prompt of git (credentials) or ssh (passphrase, host key), as its last line shows it. */
function promptKind(text: string): 'credential-prompt' | 'ssh-prompt' | undefined {
  const first = text.charCodeAt(0);
  // U(sername) P(assword) E(nter passphrase) A(re you sure), or `user@host's password:`.
  if (
    first !== 0x55 &&
    first !== 0x50 &&
    first !== 0x45 &&
    first !== 0x41 &&
    !text.includes("'s password:")
  ) {
    return undefined;
  }
  if (/^(?:Username|Password) for '[^']{1,300}':/.test(text)) return 'credential-prompt';
  if (/^Enter passphrase for key '[^']{1,300}':/.test(text)) return 'ssh-prompt';
  if (/^Are you sure you want to continue connecting \(yes\/no/.test(text)) return 'ssh-prompt';
  if (/^[^\s@]{1,64}@[^\s']{1,253}'s password:/.test(text)) return 'ssh-prompt';
  return undefined;
}

function promptUrl(text: string): string {
  const quoted = /'([^']+)'/.exec(text)?.[1] ?? '';
  return quoted.includes('://') ? quoted : '';
}

function isVcsEcho(text: string): boolean {
  if (text.startsWith('cd ')) return /; (?:git|hg|svn|bzr|fossil) /.test(text);
  return /^(?:git|hg|svn|bzr|fossil) [a-z]/.test(text) && !text.includes(': ');
}

function clip(text: string): string {
  const trimmed = text.replace(/\s+$/, '');
  return trimmed.length > MAX_EVIDENCE_TEXT ? `${trimmed.slice(0, MAX_EVIDENCE_TEXT)}…` : trimmed;
}

function copyGroup(group: Group, rule: CauseRule, facts: Facts, secondary: boolean): Group {
  return {
    ...group,
    rule,
    facts,
    evidence: [...group.evidence],
    secondary,
    key: `${rule.cause}|${facts.module ?? facts.host ?? ''}`,
  };
}

function addEvidence(group: Group, evidence: Evidence): void {
  if (group.evidence.some((e) => e.line === evidence.line && e.text === evidence.text)) return;
  if (group.evidence.length < MAX_EVIDENCE) group.evidence.push(evidence);
  else group.omitted++;
}

function mergeInto(target: Group, source: Group): void {
  for (const e of source.evidence) addEvidence(target, e);
  target.omitted += source.omitted;
  for (const [name, value] of Object.entries(source.facts))
    if (target.facts[name] === undefined) target.facts[name] = value;
  target.firstLine = Math.min(target.firstLine, source.firstLine);
  if (source.explains && !source.supportingOnly) target.explains = true;
}

function omittedNote(count: number, lang: Lang): Evidence {
  return {
    source: 'transcript',
    text: lang === 'en' ? `(${count} more lines like these)` : `（另有 ${count} 行类似内容）`,
  };
}

const UNKNOWN_TEXT = {
  title: { en: 'Error not recognised', 'zh-CN': '无法识别的错误' },
  message: {
    en: 'gomod-doctor does not recognise these error lines, so it will not guess a cause:',
    'zh-CN': 'gomod-doctor 无法识别以下错误行，因此不会猜测原因：',
  },
  rerun: {
    en: 'Run the command again with -x and explain the full output',
    'zh-CN': '加上 -x 重新运行命令，并对完整输出再次执行 explain',
  },
  trace: { en: 'Or watch it live', 'zh-CN': '或者实时观察它' },
};

/** proxy-stall has no line pattern: it is the end of the output itself. */
const STALL_RULE: CauseRule = {
  cause: 'proxy-stall',
  severity: 'error',
  rank: 14,
  patterns: [],
  title: { en: 'A request to the proxy never got an answer', 'zh-CN': '对代理的请求一直没有得到响应' },
  message: {
    en: (s) =>
      `The output ends while the go command waits for ${String(s.url ?? 'a proxy request')}. The go command has no response timeout, so a proxy (or a middlebox) that accepts the connection and never answers makes it wait forever; a connection still being attempted (up to 30 s) looks the same.`,
    'zh-CN': (s) =>
      `输出结束时 go 命令仍在等待 ${String(s.url ?? '一个代理请求')}。go 命令没有响应超时，所以接受了连接却不回答的代理（或中间设备）会让它永远等待；仍在尝试建立连接（最多 30 秒）时看起来也一样。`,
  },
  fixes: (s) => [
    {
      description: { en: 'Check that the proxy answers at all', 'zh-CN': '检查代理是否有响应' },
      command: `curl -sS -m 10 -o /dev/null -w '%{http_code} %{time_total}s\\n' '${String(s.url ?? 'https://proxy.golang.org/')}'`,
    },
    {
      description: {
        en: 'Fall through to the next proxy on any error, and watch it live',
        'zh-CN': '在任何错误时回退到下一个代理，并实时观察',
      },
      command:
        'go env -w GOPROXY="https://proxy.golang.org|https://goproxy.cn|direct"\ngomod-doctor trace --timeout 120 -- go mod download -x',
    },
  ],
  docs: ['https://go.dev/ref/mod#goproxy-protocol'],
};

/** A git command left running at the end of the output: the catalog's live causes, not decidable here. */
const GIT_STALL_RULE: CauseRule = {
  cause: 'unknown',
  severity: 'error',
  rank: 14,
  patterns: [],
  title: { en: 'The output ends while git is still running', 'zh-CN': '输出结束时 git 仍在运行' },
  message: {
    en: (s) =>
      `The last thing the go command started was "${String(s.command ?? 'git')}", and it never finished. The go command disables git's terminal prompts, so git is waiting on the network or on a credential helper (a GUI or keychain prompt nobody sees); the output alone cannot tell which.`,
    'zh-CN': (s) =>
      `go 命令最后启动的是 "${String(s.command ?? 'git')}"，它一直没有结束。go 命令禁用了 git 的终端提示，所以 git 在等待网络或某个凭据助手（没人看到的图形界面或钥匙串提示）；仅凭输出无法判断是哪一种。`,
  },
  fixes: () => [
    {
      description: {
        en: 'Watch it live: gomod-doctor names what git waits on',
        'zh-CN': '实时观察：gomod-doctor 会指出 git 在等待什么',
      },
      command: 'gomod-doctor trace --timeout 120 -- go mod download -x',
    },
    {
      description: {
        en: 'Try the same git command with prompts disabled',
        'zh-CN': '在禁用提示的情况下尝试同一条 git 命令',
      },
      command: 'GIT_TERMINAL_PROMPT=0 GCM_INTERACTIVE=never git ls-remote <repository-url>',
    },
  ],
  docs: ['https://go.dev/ref/mod#vcs'],
};

/** The output ends on git asking for a user name or password: a person (or a helper) must answer. */
const CREDENTIAL_PROMPT_RULE: CauseRule = {
  cause: 'credential-helper-hang',
  severity: 'error',
  rank: 14,
  patterns: [],
  title: {
    en: 'git is waiting for a user name or password',
    'zh-CN': 'git 正在等待输入用户名或密码',
  },
  message: {
    en: (s) =>
      `The output ends on git's prompt "${String(s.prompt ?? 'Username for ...')}": git is waiting for credentials (or a credential helper that never answers), and the go command waits for git. Nothing fails; it only hangs.`,
    'zh-CN': (s) =>
      `输出停在 git 的提示 "${String(s.prompt ?? 'Username for ...')}"：git 在等待凭据（或一个一直不回应的凭据助手），go 命令在等待 git。没有任何报错，只是一直挂起。`,
  },
  fixes: (s) => [
    {
      description: {
        en: 'Give git the credentials without a prompt (a token for the host), then retry',
        'zh-CN': '以无需提示的方式为 git 提供凭据（该主机的令牌），然后重试',
      },
      command: `git config --global url."https://<user>:<token>@${String(s.host ?? '<host>')}/".insteadOf "https://${String(s.host ?? '<host>')}/"`,
    },
    {
      description: {
        en: 'Check which credential helper git calls (a cache or GUI helper can wait forever)',
        'zh-CN': '检查 git 调用的是哪个凭据助手（缓存或图形界面助手可能会一直等待）',
      },
      command: 'git config --show-origin --get-all credential.helper',
    },
  ],
  docs: ['https://go.dev/doc/faq#git_https'],
};

/** The output ends on ssh asking for a passphrase or a host-key answer. */
const SSH_PROMPT_RULE: CauseRule = {
  cause: 'ssh-prompt-hang',
  severity: 'error',
  rank: 14,
  patterns: [],
  title: { en: 'ssh is waiting for an answer', 'zh-CN': 'ssh 正在等待输入' },
  message: {
    en: (s) =>
      `The output ends on ssh's prompt "${String(s.prompt ?? 'Enter passphrase for key ...')}": ssh is waiting for a passphrase or a yes/no about the host key, and git and the go command wait for it.`,
    'zh-CN': (s) =>
      `输出停在 ssh 的提示 "${String(s.prompt ?? 'Enter passphrase for key ...')}"：ssh 在等待密码短语或关于主机密钥的 yes/no 回答，git 和 go 命令都在等待它。`,
  },
  fixes: () => [
    {
      description: {
        en: 'Load the key into the agent and record the host key once, then retry',
        'zh-CN': '把密钥加入 ssh-agent 并记录一次主机密钥，然后重试',
      },
      command: 'ssh-add\nssh -T git@github.com',
    },
    {
      description: {
        en: 'Make ssh fail instead of asking (the go command does this unless GIT_SSH_COMMAND overrides it)',
        'zh-CN': '让 ssh 直接失败而不是询问（除非 GIT_SSH_COMMAND 覆盖，go 命令默认如此）',
      },
      command: 'GIT_SSH_COMMAND="ssh -o BatchMode=yes" go mod download -x',
    },
  ],
  docs: ['https://go.dev/ref/mod#vcs'],
};
