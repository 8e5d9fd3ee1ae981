// How much a cache directory holds, measured cheaply and bounded: a walk that stops at a file
// count or a deadline and then says "at least". A module cache of a large project holds hundreds
// of thousands of files; counting all of them would cost seconds, while the doctor as a whole must
// answer in about one. The walk uses synchronous calls in short slices and yields between them:
// that keeps libuv's thread pool free (DNS lookups of --network run there) and lets the checks
// that run beside it go on.
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface TreeSize {
  path: string;
  /** Apparent size of the regular files counted (symlinks are not followed). */
  bytes: number;
  files: number;
  /** False when the walk stopped at its limit: the numbers are a lower bound. */
  complete: boolean;
  /** The directory does not exist (yet). */
  missing?: boolean;
}

export interface TreeLimits {
  /** performance.now() value at which the walk stops. */
  deadline: number;
  maxFiles: number;
}

/** Time the walk runs before it lets other work in. */
const SLICE_MS = 4;
/** Files between two looks at the clock. */
const CLOCK_EVERY = 256;

export async function measureTree(root: string, limits: TreeLimits): Promise<TreeSize> {
  try {
    if (!lstatSync(root).isDirectory())
      return { path: root, bytes: 0, files: 0, complete: true, missing: true };
  } catch {
    return { path: root, bytes: 0, files: 0, complete: true, missing: true };
  }
  const pending = [root];
  let bytes = 0;
  let files = 0;
  const partial = (): TreeSize => ({ path: root, bytes, files, complete: false });
  while (pending.length > 0) {
    const sliceEnd = Math.min(performance.now() + SLICE_MS, limits.deadline);
    while (pending.length > 0) {
      const dir = pending.pop()!;
      let entries: import('node:fs').Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) pending.push(path);
        else if (entry.isFile()) {
          bytes += lstatSync(path, { throwIfNoEntry: false })?.size ?? 0;
          files++;
          if (files >= limits.maxFiles) return partial();
          if (files % CLOCK_EVERY === 0 && performance.now() >= limits.deadline) return partial();
        }
      }
      if (performance.now() >= sliceEnd) break;
    }
    if (pending.length === 0) break;
    if (performance.now() >= limits.deadline) return partial();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { path: root, bytes, files, complete: true };
}

const KiB = 1024;
const MiB = KiB * 1024;
const GiB = MiB * 1024;

/** `12.3 GiB`, `340 MiB`, `12 KiB`; `≥ ` in front of a lower bound. */
export function formatSize(size: Pick<TreeSize, 'bytes' | 'complete'>): string {
  const b = size.bytes;
  const text =
    b >= GiB
      ? `${(b / GiB).toFixed(1)} GiB`
      : b >= MiB
        ? `${Math.round(b / MiB)} MiB`
        : b >= KiB
          ? `${Math.round(b / KiB)} KiB`
          : `${b} B`;
  return size.complete ? text : `≥ ${text}`;
}
