// A cache directory that does not exist yet will be created inside its nearest existing ancestor,
// so that ancestor is what decides whether it can be written and how much room it has.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';

/** The path itself when it exists, else its nearest existing ancestor; undefined when none exists. */
export function nearestExisting(path: string): string | undefined {
  let dir = path;
  for (;;) {
    try {
      statSync(dir);
      return dir;
    } catch {
      const parent = dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }
}
