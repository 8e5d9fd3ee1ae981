// The live look at a go command that gomod-doctor did not start: two snapshots of its process tree a
// moment apart (slow or stuck?), its environment from /proc/PID/environ (GOPROXY, HTTPS_PROXY and the
// prompt overrides), and a diagnosis without any -x stream.
import type { Diagnosis } from './diagnose.ts';
import { diagnose } from './diagnose.ts';
import { processEnv, snapshotTree } from './proc.ts';
import type { TraceEvent } from './xparse.ts';

export interface AttachInspection {
  pid: number;
  argv: string[];
  diagnosis: Diagnosis;
  /** The processes of the tree as timeline entries (seconds since the go command started). */
  events: Array<TraceEvent | (Omit<TraceEvent, 'kind'> & { kind: 'process'; pid: number; state: string })>;
}

const SECOND_LOOK_MS = 700;

export async function inspectRunningGo(pid: number): Promise<AttachInspection | undefined> {
  const first = await snapshotTree(pid);
  const root = first.processes.find((p) => p.pid === pid);
  if (!root && first.source !== 'none') return undefined;
  await new Promise((resolve) => setTimeout(resolve, SECOND_LOOK_MS));
  const second = await snapshotTree(pid);
  const env = await processEnv(pid);
  const age = root?.ageSeconds ?? 0;
  const diagnosis = diagnose({
    inFlight: [],
    now: age,
    stalledSeconds: age,
    snapshot: first,
    ...(second.processes.length > 0 ? { later: second } : {}),
    env,
  });
  const events = (second.processes.length > 0 ? second : first).processes.map((p) => ({
    t: Math.round(Math.max(0, age - (p.ageSeconds ?? age)) * 1000) / 1000,
    kind: 'process' as const,
    pid: p.pid,
    command: p.argv.join(' '),
    state: p.state,
  }));
  return { pid, argv: root?.argv ?? [String(pid)], diagnosis, events };
}
