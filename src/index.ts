// The library: everything the CLI is built from, for tools that want the same answers.

export { CAUSE_IDS, type CauseId, isCauseId } from './causes/catalog.ts';
export type { Evidence, Finding, Fix, Location, Report, Severity } from './findings/finding.ts';
export { exitStatusFor, orderFindings } from './findings/finding.ts';
export { redactDeep, redactSecrets } from './findings/redact.ts';
export * from './goenv/index.ts';
export * from './gosum/index.ts';
export * from './modfile/index.ts';
export * from './module/index.ts';
export { renderJson } from './report/json.ts';
export { renderMarkdown } from './report/markdown.ts';
export { renderTerminal } from './report/terminal.ts';
export { VERSION } from './version.ts';
