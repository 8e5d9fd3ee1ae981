// Walking up from a directory to the files that govern it, as the go command does: the nearest
// go.mod (a file, not a directory of that name), the go.work that applies (GOWORK=off: none;
// GOWORK=path: that file), and what counts as "the checkout" for the binary locator.
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/** The nearest `name` at or above `start` that is not a directory; undefined when there is none. */
function findUp(start: string, name: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, name);
    try {
      if (!statSync(candidate).isDirectory()) return candidate;
    } catch {
      // not here; keep looking
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The directory of the go.mod governing `dir`: the nearest one at or above it. */
export function findModuleRoot(dir: string): string | undefined {
  const gomod = findUp(dir, 'go.mod');
  return gomod ? dirname(gomod) : undefined;
}

/**
 * The go.work that applies in `dir`: none with GOWORK=off; GOWORK's file when it is an absolute
 * path; none when it is a relative one (the go command refuses it: "invalid GOWORK: not an
 * absolute path"); else the nearest go.work at or above `dir`.
 */
export function findWorkFile(dir: string, env: Record<string, string | undefined>): string | undefined {
  const gowork = env.GOWORK;
  if (gowork === 'off') return undefined;
  if (gowork) return isAbsolute(gowork) ? gowork : undefined;
  return findUp(dir, 'go.work');
}

/** The directory holding the nearest go.mod (else the applicable go.work, else `dir`): the checkout. */
export function findProjectRoot(dir: string, env: Record<string, string | undefined>): string {
  const module = findModuleRoot(dir);
  if (module) return module;
  const gowork = findWorkFile(dir, env);
  return gowork ? dirname(gowork) : resolve(dir);
}
