// Runs one repair on a directory, as the plan would, with hand-made findings: the unit under test
// is the repair's edit, which the differential tests compare with the go command's own.
import { clampRelease, type ProjectFacts } from '../../src/doctor/facts.ts';
import type { Finding } from '../../src/findings/finding.ts';
import type { Repair, RepairContext, RepairStep } from '../../src/fix/types.ts';
import { Workspace } from '../../src/fix/workspace.ts';

export function finding(partial: Partial<Finding> & { cause: string }): Finding {
  return { severity: 'warning', title: 't', message: 'm', ...partial } as Finding;
}

export async function runRepair(
  repair: Repair,
  dir: string,
  findings: Finding[],
  options: {
    goRelease?: string;
    release?: boolean;
    goenv?: Record<string, string>;
    env?: Record<string, string | undefined>;
  } = {},
): Promise<{ steps: RepairStep[]; files: Workspace }> {
  const files = new Workspace(dir, dir);
  const project = {
    cwd: dir,
    release: clampRelease(options.goRelease),
    nested: [],
    main: { dir },
  } as unknown as ProjectFacts;
  const ctx: RepairContext = {
    findings,
    project,
    files,
    env: options.env ?? {},
    goenv: options.goenv ?? {},
    lang: 'en',
    all: false,
    release: options.release ?? true,
  };
  return { steps: await repair.plan(ctx), files };
}
