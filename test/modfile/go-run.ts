// Runs `go mod edit` / `go work edit` on one file exactly as the corpus's regen.sh does: the file
// alone in a fresh directory, a fixed environment, nothing downloaded.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GoRun {
  code: number;
  stdout: Buffer;
  stderr: Buffer;
  /** The file after the command (for -fmt). */
  file: Buffer;
}

export async function runGoEdit(
  goBin: string,
  kind: 'go.mod' | 'go.work',
  content: Uint8Array,
  flag: '-json' | '-fmt',
): Promise<GoRun> {
  const root = await mkdtemp(join(tmpdir(), 'gomod-doctor-edit-'));
  const dir = join(root, 'case');
  try {
    await mkdir(dir);
    await writeFile(join(dir, kind), content);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      LC_ALL: 'C',
      GOTOOLCHAIN: 'local',
      GOFLAGS: '',
      GOPROXY: 'off',
      GOSUMDB: 'off',
      GONOSUMDB: '',
      GOPRIVATE: '',
      GONOPROXY: '',
      GOWORK: 'off',
      GO111MODULE: 'on',
      GOENV: 'off',
      GOPATH: join(root, 'gopath'),
      GOMODCACHE: join(root, 'gopath', 'pkg', 'mod'),
      GOCACHE: join(root, 'gocache'),
      HOME: join(root, 'home'),
    };
    const sub = kind === 'go.work' ? 'work' : 'mod';
    const result = await new Promise<{ code: number; stdout: Buffer; stderr: Buffer }>((resolve) => {
      execFile(
        goBin,
        [sub, 'edit', flag, kind],
        { cwd: dir, env, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
    const file = await readFile(join(dir, kind));
    return { code: result.code, stdout: result.stdout, stderr: result.stderr, file };
  } finally {
    await rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }).catch(() => undefined);
  }
}
