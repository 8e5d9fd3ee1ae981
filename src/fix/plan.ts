// From findings to a plan: the doctor's findings (and explain's, for a transcript given with
// --from), each handed to the repairs registered for its cause. Nothing is written here: the plan
// is data, with the snapshot of every file it would change.
import { dirname, resolve } from 'node:path';
import { createFacts, type ProjectFacts } from '../doctor/facts.ts';
import { runDoctor } from '../doctor/run.ts';
import { explainText, gatherContext } from '../explain/index.ts';
import type { Finding } from '../findings/finding.ts';
import { goEnvFilePath } from '../go/env.ts';
import type { Lang } from '../i18n/lang.ts';
import { FixRefusal } from './errors.ts';
import { REPAIRS } from './repairs/index.ts';
import type { Plan, PlannedRepair, Repair, RepairContext } from './types.ts';
import { Workspace } from './workspace.ts';

export interface FixOptions {
  /** The directory fix runs for (-C DIR), absolute. */
  cwd: string;
  env: Record<string, string | undefined>;
  lang: Lang;
  goBin?: string;
  /** --only: the cause ids whose repairs run (default: all). */
  only?: readonly string[];
  /** --all: with --only modcache-corrupt, the whole module cache may go. */
  all?: boolean;
  /** --release: the doctor's release gate (a local-path replace is then an error to repair). */
  release?: boolean;
  /** --from: the text of a failed go command's output, explained too. */
  transcript?: string;
}

/** The project fix works on: the workspace directory, else the main module's, else the directory. */
function rootOf(project: ProjectFacts, cwd: string): string {
  if (project.workspace) return dirname(project.workspace.file.path);
  return project.main?.dir ?? resolve(cwd);
}

/** The project root without running any check (for --undo). */
export async function projectRoot(
  cwd: string,
  env: Record<string, string | undefined>,
  lang: Lang,
): Promise<string> {
  return rootOf(await createFacts({ cwd, env, lang }).project(), cwd);
}

function wanted(cause: string, only: readonly string[] | undefined): boolean {
  return only === undefined || only.includes(cause);
}

export async function planFix(options: FixOptions, repairs: readonly Repair[] = REPAIRS): Promise<Plan> {
  const doctor = await runDoctor({
    cwd: options.cwd,
    env: options.env,
    lang: options.lang,
    ...(options.goBin !== undefined ? { goBin: options.goBin } : {}),
    ...(options.release ? { release: true } : {}),
  });
  const findings: Finding[] = [...doctor.report.findings];
  if (options.transcript !== undefined) {
    const context = await gatherContext({
      cwd: options.cwd,
      env: options.env,
      ...(options.goBin !== undefined ? { go: options.goBin } : {}),
    }).catch(() => undefined);
    findings.push(
      ...explainText(options.transcript, { lang: options.lang, ...(context ? { context } : {}) }).findings,
    );
  }
  const project = await doctor.facts.project();
  const goenv = await doctor.facts.goenv();
  const root = rootOf(project, options.cwd);
  const files = new Workspace(root, options.cwd, goEnvFilePath(options.env));
  // A project file the doctor's reader refused (a FIFO, a link out of the project, a file too
  // large) means the plan would rest on a project only partly read: refuse, and name the file.
  const refused = project.refused[0];
  if (refused) throw new FixRefusal('unsafe-file', refused.file, { refusal: refused.refusal });
  // The files every repair starts from are read once, now, through the plan's own reader, so
  // that a go.mod or go.work holding binary data is refused at its position before any repair.
  // A link inside the project is refused only if a repair would write through it.
  for (const file of [project.main?.gomod, project.workspace?.file]) {
    if (!file) continue;
    try {
      files.original(file.path);
    } catch (error) {
      if (!(error instanceof FixRefusal && error.reason === 'symlink')) throw error;
    }
  }
  const planned: PlannedRepair[] = [];
  const handled = new Set<Finding>();
  for (const repair of repairs) {
    const mine = findings.filter(
      (f) => (repair.causes as readonly string[]).includes(f.cause) && wanted(f.cause, options.only),
    );
    if (mine.length === 0) continue;
    const ctx: RepairContext = {
      findings: mine,
      project,
      files,
      env: options.env,
      goenv: goenv?.values ?? {},
      lang: options.lang,
      all: options.all === true,
      release: options.release === true || (options.only?.includes('local-replace') ?? false),
    };
    for (const step of await repair.plan(ctx)) {
      handled.add(step.finding);
      for (const f of step.also ?? []) handled.add(f);
      planned.push({
        repair: repair.id,
        cause: step.finding.cause,
        kind: repair.kind,
        finding: step.finding,
        files: step.files.filter((f) => f.diff !== ''),
        evict: step.evict ?? [],
        commands: step.commands ?? [],
        ...(step.note !== undefined ? { note: step.note } : {}),
      });
    }
  }
  const unrepaired = findings.filter(
    (f) => !handled.has(f) && f.severity !== 'info' && wanted(f.cause, options.only),
  );
  // A step that changes nothing, evicts nothing and says nothing to run is no repair.
  const repairsWithWork = planned.filter(
    (r) => r.files.length > 0 || r.evict.length > 0 || r.commands.length > 0 || r.note !== undefined,
  );
  return { root, cwd: options.cwd, repairs: repairsWithWork, files: files.changed(), unrepaired };
}

/** Whether the plan would do anything (exit status 1 for a plan, 0 for nothing to repair). */
export function planHasWork(plan: Plan): boolean {
  return plan.repairs.some((r) => r.files.length > 0 || r.evict.length > 0 || r.commands.length > 0);
}
