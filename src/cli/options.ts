// The options every command accepts (contract.md "Common options"), in node:util parseArgs form.
// Commands spread these into their own table, so a common option means the same everywhere.
// `--lang` and the colour flags are read by main.ts before parsing; they are listed here so that
// each command's strict parser accepts them.
export const OUTPUT_OPTIONS = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean', short: 'v' },
} as const;

/** For commands that work on a project: the directory and the go binary. */
export const PROJECT_OPTIONS = {
  ...OUTPUT_OPTIONS,
  C: { type: 'string', short: 'C' },
  go: { type: 'string' },
} as const;
