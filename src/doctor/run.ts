// Runs every registered check concurrently against one set of facts. Each check has a time limit;
// a check that throws or runs out of time becomes a finding of its own and the others go on
// (flutter doctor's validator isolation).
import type { Finding, Report } from '../findings/finding.ts';
import { orderFindings } from '../findings/finding.ts';
import { say } from '../i18n/lang.ts';
import { VERSION } from '../version.ts';
import { areaSummary } from './areas.ts';
import { CHECKS } from './checks/index.ts';
import { createFacts, type Facts, prefetch } from './facts.ts';
import { messages } from './messages.ts';
import { type DoctorNetwork, NETWORK_CHECK_ID, type NetworkArea, runNetworkArea } from './network.ts';
import { maskDeep, maskSecrets } from './secrets.ts';
import { AREAS, type Area, type Check, type DoctorFinding, type DoctorOptions } from './types.ts';

export interface CheckOutcome {
  check: Check;
  status: 'ok' | 'crashed' | 'timed-out';
  findings: DoctorFinding[];
  durationMs: number;
}

export interface AreaResult {
  area: Area;
  findings: DoctorFinding[];
  /** One line for the summary when nothing is wrong (the go version, the proxy, ...). */
  summary: string;
}

export interface DoctorResult {
  report: Omit<Report, 'findings'> & { findings: DoctorFinding[] };
  areas: AreaResult[];
  outcomes: CheckOutcome[];
  facts: Facts;
  /** --network: the routing table and the probes (the findings are in report and areas). */
  network?: DoctorNetwork;
}

const DEFAULT_CHECK_TIMEOUT_MS = 5_000;

async function runOne(check: Check, facts: Facts, options: DoctorOptions): Promise<CheckOutcome> {
  const started = performance.now();
  const lang = options.lang;
  const timeoutMs = options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
    timer.unref();
  });
  // Secrets are masked here already, not only by the reporters: a finding never holds one.
  const tag = (findings: Finding[]): DoctorFinding[] =>
    findings.map((f) => maskDeep({ ...f, check: check.id }));
  try {
    const result = await Promise.race([
      Promise.resolve().then(() => check.run({ facts, lang, options })),
      timeout,
    ]);
    const durationMs = performance.now() - started;
    if (result === 'timeout') {
      return {
        check,
        status: 'timed-out',
        durationMs,
        findings: tag([
          {
            cause: 'unknown',
            severity: 'warning',
            title: say(messages.checkTimedOut, lang, { id: check.id }),
            message: say(messages.checkTimedOutMessage, lang, { id: check.id, seconds: timeoutMs / 1000 }),
          },
        ]),
      };
    }
    return { check, status: 'ok', durationMs, findings: tag(result) };
  } catch (error) {
    return {
      check,
      status: 'crashed',
      durationMs: performance.now() - started,
      findings: tag([
        {
          cause: 'unknown',
          severity: 'warning',
          title: say(messages.checkCrashed, lang, { id: check.id }),
          message: say(messages.checkCrashedMessage, lang, {
            id: check.id,
            error: error instanceof Error ? error.message : String(error),
          }),
        },
      ]),
    };
  } finally {
    clearTimeout(timer);
  }
}

export async function runDoctor(
  options: DoctorOptions,
  checks: readonly Check[] = CHECKS,
): Promise<DoctorResult> {
  // `--check` takes a check id (`project/go-sum`) or an area (`project`): every check under it.
  const selected = options.only
    ? checks.filter((c) => options.only!.some((o) => c.id === o || c.id.startsWith(`${o}/`)))
    : checks;
  const facts = createFacts(options);
  // Start every fact the checks need at once: go env, git config and the file reads overlap.
  prefetch(facts, [
    ...selected.flatMap((c) => c.needs),
    ...(options.network ? (['goenv', 'project', 'gitconfig'] as const) : []),
  ]);
  // The network area runs beside the checks, under its own budget rather than a check's limit.
  const [outcomes, network] = await Promise.all([
    Promise.all(selected.map((check) => runOne(check, facts, options))),
    options.network ? runNetworkArea(facts, options, options.network) : undefined,
  ]);
  const findings = orderFindings([
    ...outcomes.flatMap((o) => o.findings),
    ...(network?.findings ?? []),
  ]) as DoctorFinding[];
  const areaOf = (f: DoctorFinding): Area | undefined =>
    f.check === NETWORK_CHECK_ID ? 'network' : outcomes.find((o) => o.check.id === f.check)?.check.area;
  const areas: AreaResult[] = [];
  for (const area of AREAS) {
    if (area === 'network' ? !network : !selected.some((c) => c.area === area)) continue;
    areas.push({
      area,
      findings: findings.filter((f) => areaOf(f) === area),
      summary: maskSecrets(
        area === 'network' ? (network as NetworkArea).summary : await areaSummary(area, facts, options.lang),
      ),
    });
  }
  return {
    report: { tool: 'gomod-doctor', version: VERSION, command: 'doctor', findings },
    areas,
    outcomes,
    facts,
    ...(network?.network ? { network: network.network } : {}),
  };
}
