// The modules whose files the project checks read: the main module and, in a workspace, every
// module go.work uses (each once, however it is reached).
import type { ModuleFacts, ProjectFacts } from '../../facts.ts';

export function projectModules(project: ProjectFacts): ModuleFacts[] {
  const out: ModuleFacts[] = [];
  const seen = new Set<string>();
  const add = (module: ModuleFacts | undefined): void => {
    if (!module || seen.has(module.dir)) return;
    seen.add(module.dir);
    out.push(module);
  };
  add(project.main);
  for (const use of project.workspace?.uses ?? []) add(use.module);
  return out;
}
