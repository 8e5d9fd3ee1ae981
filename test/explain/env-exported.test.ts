// A go variable exported in the environment overrides `go env -w` (the go command warns and
// ignores the file's value): explain then suggests changing the variable, as doctor does.
import { describe, expect, it } from 'vitest';
import type { ExplainContext } from '../../src/explain/types.ts';
import { explain } from './helpers.ts';

const TOO_NEW = 'go: go.mod requires go >= 1.27 (running go 1.25.12; GOTOOLCHAIN=local)\n';
const context = (extra: Partial<ExplainContext> = {}): ExplainContext => ({ goEnv: {}, ...extra });

describe('explain with variables exported in the environment', () => {
  it('GOTOOLCHAIN exported: export, not go env -w', () => {
    const exported = explain(TOO_NEW, { context: context({ envSetInProcess: ['GOTOOLCHAIN'] }) });
    const commands = exported.flatMap((f) => f.fixes ?? []).map((x) => x.command);
    expect(commands).toContain('export GOTOOLCHAIN="auto"');
    expect(commands).not.toContain('go env -w GOTOOLCHAIN=auto');
    const fileOnly = explain(TOO_NEW, { context: context() });
    expect(fileOnly.flatMap((f) => f.fixes ?? []).map((x) => x.command)).toContain(
      'go env -w GOTOOLCHAIN=auto',
    );
  });
});

describe('explain points a missing replace directory at the replace line', () => {
  it('the replace, not the require', () => {
    const text =
      'go: example.com/lib@v1.0.0 (replaced by ../lib-missing): reading ../lib-missing/go.mod: open /x/lib-missing/go.mod: no such file or directory\n';
    const [finding] = explain(text, {
      context: {
        goEnv: {},
        goMod: {
          file: 'go.mod',
          requires: [{ path: 'example.com/lib', version: 'v1.0.0', line: 5, column: 9 }],
          dirReplaces: [{ path: 'example.com/lib', dir: '../lib-missing', line: 7, column: 28 }],
        },
      },
    });
    expect(finding!.cause).toBe('replace-target-missing');
    expect(finding!.location).toEqual({ file: 'go.mod', line: 7, column: 28 });
  });
});
