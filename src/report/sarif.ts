// SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers: one rule per cause id
// (described from the cause catalog), one result per finding, positioned on the line and column of
// go.mod (or go.work, go.sum) that the finding is about, so the annotation lands on the right line of
// a pull request. Each result has a partial fingerprint that survives line moves and reruns, so code
// scanning tracks one alert per problem; the run's invocation carries the exit status.
import { causeEntry, isCauseId } from '../causes/catalog.ts';
import type { Finding, Report, Severity } from '../findings/finding.ts';
import { redactDeep } from '../findings/redact.ts';
import { type CiPaths, rootRelative } from './ci-paths.ts';
import { findingFingerprint } from './fingerprint.ts';

export interface SarifOptions {
  /** A repository-relative file that findings without a location are attached to (code scanning
   *  requires a location on every result); usually the project's go.mod. */
  defaultFile?: string;
  informationUri?: string;
  /** Locations are made relative to the repository root (paths.root) from the run's directory. */
  paths?: CiPaths;
  /** The exit status of the run, for `invocations`. */
  exitCode?: number;
}

/** Where the cause catalog is documented (the package's page links to docs/causes.md). */
const CAUSES_DOC_URL = 'https://www.npmjs.com/package/gomod-doctor';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

function isRepositoryRelative(file: string): boolean {
  return !file.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(file) && !file.startsWith('~');
}

/** UTF-8 byte column → UTF-16 code unit column (SARIF's default unit), using the quoted line. */
function utf16Column(finding: Finding): number | undefined {
  const loc = finding.location;
  if (loc?.column === undefined) return undefined;
  const line = finding.evidence?.find((e) => e.source === loc.file && e.line === loc.line)?.text;
  if (line === undefined) return loc.column;
  return (
    Buffer.from(line, 'utf8')
      .subarray(0, loc.column - 1)
      .toString('utf8').length + 1
  );
}

function locationOf(finding: Finding, defaultFile: string | undefined, paths: CiPaths | undefined): object[] {
  const located = finding.location;
  const file = located && paths ? rootRelative(located.file, paths) : located?.file;
  const loc = located && file !== undefined ? { ...located, file } : undefined;
  if (loc && isRepositoryRelative(loc.file)) {
    const region: Record<string, number> = {};
    if (loc.line !== undefined && loc.line > 0) region.startLine = loc.line;
    const column = utf16Column(finding);
    if (region.startLine !== undefined && column !== undefined) region.startColumn = column;
    return [
      {
        physicalLocation: {
          artifactLocation: { uri: loc.file, uriBaseId: '%SRCROOT%' },
          ...(region.startLine !== undefined ? { region } : {}),
        },
      },
    ];
  }
  if (defaultFile) {
    const uri = paths ? (rootRelative(defaultFile, paths) ?? defaultFile) : defaultFile;
    return [
      {
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
          region: { startLine: 1 },
        },
      },
    ];
  }
  return [];
}

export function renderSarif(report: Report, version: string, options: SarifOptions = {}): string {
  const findings = redactDeep(report.findings);
  const ruleIds: string[] = [];
  const rules: object[] = [];
  for (const f of findings) {
    if (ruleIds.includes(f.cause)) continue;
    ruleIds.push(f.cause);
    const entry = isCauseId(f.cause) ? causeEntry(f.cause) : undefined;
    const rootCause = entry?.rootCause ?? f.cause;
    rules.push({
      id: f.cause,
      name: f.cause
        .split('-')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(''),
      shortDescription: { text: rootCause.split(/[;:(]/)[0]!.trim() },
      fullDescription: { text: rootCause },
      help: {
        text: `${rootCause}. Typical evidence: ${entry?.evidence ?? '-'}`,
        markdown: `**${f.cause}**: ${rootCause}\n\nTypical evidence: ${entry?.evidence ?? '-'}`,
      },
      helpUri: f.docs?.[0] ?? CAUSES_DOC_URL,
      defaultConfiguration: { level: LEVEL[f.severity] },
    });
  }
  const results = findings.map((f) => {
    const fixText = (f.fixes ?? []).map((fix) =>
      fix.command ? `${fix.description}: ${fix.command}` : fix.description,
    );
    const check = (f as Finding & { check?: string }).check;
    return {
      ruleId: f.cause,
      ruleIndex: ruleIds.indexOf(f.cause),
      level: LEVEL[f.severity],
      message: { text: [`${f.title}.`, f.message, ...fixText].join('\n') },
      locations: locationOf(f, options.defaultFile, options.paths),
      partialFingerprints: {
        'gomodDoctor/v1': findingFingerprint(
          f,
          f.location && options.paths ? rootRelative(f.location.file, options.paths) : f.location?.file,
        ),
      },
      ...(check
        ? {
            properties: {
              check,
              ...(f.module ? { module: f.module } : {}),
              ...(f.version ? { version: f.version } : {}),
            },
          }
        : {}),
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gomod-doctor',
            version,
            informationUri: options.informationUri ?? 'https://www.npmjs.com/package/gomod-doctor',
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        ...(options.exitCode !== undefined
          ? { invocations: [{ executionSuccessful: options.exitCode !== 2, exitCode: options.exitCode }] }
          : {}),
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
