// Vitest global setup: the CLI tests run the bundled program, as users do, so bundle it once
// before any test (type declarations are not needed for that; `npm test` builds them too).
// A failed bundle does not stop the other tests: the CLI tests then fail on their own.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './go-matrix.ts';

export default function setup(): void {
  // `npm test` runs `npm run build` (bundle and types) just before vitest: nothing to redo.
  if (process.env.npm_lifecycle_event === 'test') return;
  try {
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--no-types'], {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    process.stderr.write(`warning: bundling the CLI failed; CLI tests will fail:\n${stderr}\n`);
  }
}
