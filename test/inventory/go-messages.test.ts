// The go command's own vocabulary: every module message of every installed release (the
// inventory extracted from the Go source) is decided, and every mapped message, printed as the go
// command prints it, is explained as its cause first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCauseId } from '../../src/causes/catalog.ts';
import { explainText } from '../../src/explain/index.ts';
import { repoRoot } from '../helpers/go-matrix.ts';
import {
  decide,
  entryId,
  goMessagesDoc,
  instantiate,
  RELEASES,
  readDecisions,
  readInventory,
} from './inventory.ts';

/**
 * Module messages not decided yet, each one explicitly `todo` in the decisions file. The number
 * may only go down: deciding a message lowers it, a new release's messages must be decided.
 */
const TODO_BUDGET = 0;

const entries = readInventory();
const rows = readDecisions();
const decided = entries.map((entry) => ({ entry, decision: decide(entry, rows) }));
const mapped = decided.flatMap(({ entry, decision }) =>
  decision.kind === 'mapped' ? [{ id: entry.id, format: entry.format, ...decision }] : [],
);

describe('go message inventory', () => {
  it('covers exactly the releases scripts/install-go.sh installs (CI re-extracts them: go-messages --check)', () => {
    const script = readFileSync(join(repoRoot, 'scripts', 'install-go.sh'), 'utf8');
    const installed = /^DEFAULT_VERSIONS="([^"]+)"/m.exec(script)?.[1]?.split(' ');
    expect(installed).toEqual([...RELEASES]);
    for (const release of RELEASES)
      expect(
        entries.some((e) => e.releases.includes(release)),
        release,
      ).toBe(true);
  });

  it('has stable ids and messages from every release', () => {
    expect(entries.length).toBeGreaterThan(500);
    for (const e of entries) expect(e.id, e.format).toBe(entryId(e.pkg, e.format));
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('decides every message (mapped to a cause, excluded with a reason, or explicitly todo)', () => {
    const undecided = decided.filter((d) => d.decision.kind === 'undecided').map((d) => d.entry);
    expect(
      undecided.map((e) => `${e.id} ${e.pkg} ${e.where}: ${e.format}`),
      'add rows to test/inventory/go-message-decisions.tsv',
    ).toEqual([]);
  });

  it(`leaves at most ${TODO_BUDGET} messages to do`, () => {
    const todo = decided.filter((d) => d.decision.kind === 'todo').length;
    expect(todo).toBeLessThanOrEqual(TODO_BUDGET);
  });

  it('uses every decision row, names catalog ids, and gives every exclusion a reason', () => {
    const used = new Set(decided.map((d) => ('row' in d.decision ? d.decision.row : -1)));
    for (const row of rows) {
      expect(used.has(row.line), `decisions line ${row.line} selects nothing`).toBe(true);
      if (row.decision === 'exclude') expect(row.text.length, `line ${row.line}`).toBeGreaterThan(8);
      else if (row.decision !== 'todo') expect(isCauseId(row.decision), `line ${row.line}`).toBe(true);
    }
  });

  it('fills formats with values', () => {
    expect(instantiate('unknown block type: %s')).toBe('unknown block type: example.com/mod');
    expect(instantiate('%s@%s: invalid version: %v')).toBe(
      'example.com/mod@v1.2.0: invalid version: exit status 128',
    );
    expect(instantiate('100%% of %d')).toBe('100% of 2');
  });

  it('docs/go-messages.md is up to date', () => {
    expect(readFileSync(join(repoRoot, 'docs', 'go-messages.md'), 'utf8')).toBe(goMessagesDoc(entries, rows));
  });
});

describe.runIf(mapped.length > 0)('each mapped message is explained as its cause, first', () => {
  it.each(mapped)('$cause: $format', ({ cause, example }) => {
    const findings = explainText(example).findings;
    expect(findings[0]?.cause, example).toBe(cause);
  });
});
