// Runs the doctor in this process, on the current directory with this process's environment, and
// prints its result as JSON (without the facts; each check as its id and causes). helpers.ts starts
// it inside a private mount namespace for cases that need mounts of their own.
// Usage: node --import tsx doctor-child.ts [OPTIONS_JSON]
import { runDoctor } from '../../src/doctor/run.ts';
import type { DoctorOptions } from '../../src/doctor/types.ts';
import type { ChildDoctorResult } from './helpers.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as Partial<DoctorOptions>;
const result = await runDoctor({ cwd: process.cwd(), env: { ...process.env }, lang: 'en', ...options });
const out: ChildDoctorResult = {
  report: result.report,
  areas: result.areas,
  outcomes: result.outcomes.map((o) => ({
    check: { id: o.check.id, causes: o.check.causes },
    status: o.status,
    findings: o.findings,
  })),
};
process.stdout.write(JSON.stringify(out));
