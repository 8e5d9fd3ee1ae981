import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/exec/run.ts';

const env = { PATH: process.env.PATH };

/** Running, as opposed to gone or a zombie waiting for a reaper that is not ours. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX] /.test(stat);
  } catch {
    return false;
  }
}

describe('run', () => {
  it('returns output and status as data', async () => {
    const result = await run('sh', ['-c', 'echo out; echo err >&2; exit 3'], { env });
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toBe('out\n');
    expect(result.stderr).toBe('err\n');
    expect(result.timedOut).toBe(false);
  });

  it('passes only the environment it is given', async () => {
    process.env.GOMOD_DOCTOR_LEAK_CHECK = 'leaked';
    try {
      const result = await run('sh', ['-c', 'echo "[$GOMOD_DOCTOR_LEAK_CHECK][$ONLY]"'], {
        env: { ...env, ONLY: 'x' },
      });
      expect(result.stdout).toBe('[][x]\n');
    } finally {
      delete process.env.GOMOD_DOCTOR_LEAK_CHECK;
    }
  });

  it('treats undefined values as unset, not as the string "undefined"', async () => {
    // A shell parameter expansion built so that it does not look like a template placeholder.
    const result = await run('sh', ['-c', 'echo "$' + '{GONE-unset}"'], { env: { ...env, GONE: undefined } });
    expect(result.stdout).toBe('unset\n');
  });

  it('ends the whole process tree on timeout', async () => {
    // The child starts a grandchild that would outlive it, then waits.
    const result = await run('sh', ['-c', 'sleep 30 & echo $!; wait'], { env, timeoutMs: 300 });
    expect(result.timedOut).toBe(true);
    const grandchild = Number(result.stdout.trim());
    expect(grandchild).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(alive(grandchild)).toBe(false);
  });

  it('ends a grandchild that outlives a child which exited normally', async () => {
    const result = await run('sh', ['-c', 'sleep 30 >/dev/null 2>&1 & echo $!'], { env, timeoutMs: 5_000 });
    expect(result.exitCode).toBe(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(alive(Number(result.stdout.trim()))).toBe(false);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const pending = run('sleep', ['30'], { env, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const result = await pending;
    expect(result.aborted).toBe(true);
    expect(result.exitCode).toBeNull();
  });

  it('reports a missing binary as data', async () => {
    const result = await run('gomod-doctor-no-such-binary', [], { env });
    expect(result.spawnError?.code).toBe('ENOENT');
    expect(result.exitCode).toBeNull();
  });

  it('feeds standard input and streams output as it comes', async () => {
    const chunks: string[] = [];
    const result = await run('cat', [], { env, input: 'hello\n', onStdout: (c) => chunks.push(c) });
    expect(result.stdout).toBe('hello\n');
    expect(chunks.join('')).toBe('hello\n');
  });

  it('keeps the tail when output exceeds the buffer', async () => {
    const result = await run('sh', ['-c', 'i=0; while [ $i -lt 2000 ]; do echo line$i; i=$((i+1)); done'], {
      env,
      maxBuffer: 100,
    });
    expect(result.stdout.length).toBeLessThanOrEqual(100);
    expect(result.stdout.endsWith('line1999\n')).toBe(true);
  });

  it('keeps binary standard output byte for byte when asked', async () => {
    // Every byte value, twice: invalid UTF-8 that text decoding would replace.
    const script = 'process.stdout.write(Buffer.from([...Array(512).keys()].map((i) => i % 256)))';
    const result = await run(process.execPath, ['-e', script], { env, binaryStdout: true, maxBuffer: 300 });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
    expect([...result.stdoutBytes!]).toEqual([...Array(300).keys()].map((i) => (i + 212) % 256));
  });
});
