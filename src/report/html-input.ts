// What each command hands the HTML reporter: its result reduced to the page's data (areas, routes,
// probes, the timeline, the requirement graph). Kept apart from html.ts so the page itself depends on
// plain shapes only, and each command's result is read in one place.
import type { DoctorResult } from '../doctor/run.ts';
import type { DoctorFinding } from '../doctor/types.ts';
import type { Report } from '../findings/finding.ts';
import type { Lang } from '../i18n/lang.ts';
import { say } from '../i18n/lang.ts';
import type { ModuleRoute } from '../network/routes.ts';
import type { LoadedModuleGraph, VersionReason } from '../tidy/why.ts';
import type { HtmlArea, HtmlGraphNode, HtmlInput, HtmlRoute, HtmlWhy } from './html.ts';

function worst(findings: readonly DoctorFinding[]): 'error' | 'warning' | undefined {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  return undefined;
}

function fetchText(route: ModuleRoute): string {
  const f = route.fetch;
  switch (f.kind) {
    case 'proxies':
      return [...f.proxies.map((p) => p.url), ...(f.after === 'end' ? [] : [f.after])].join(' → ');
    case 'direct': {
      const how = route.direct
        ? ` (${[route.direct.vcs, route.direct.transport].filter(Boolean).join('+')})`
        : '';
      return `direct${how}`;
    }
    case 'off':
      return `off (${f.reason})`;
    default:
      return f.error;
  }
}

function checksumText(route: ModuleRoute): string {
  const c = route.checksum;
  switch (c.kind) {
    case 'sumdb':
      return c.name;
    case 'skipped':
    case 'not-fetched':
      return `— (${c.reason})`;
    default:
      return c.error;
  }
}

/** The doctor's result: areas, findings with the project files for code frames, network if run. */
export async function doctorHtmlInput(result: DoctorResult, lang: Lang): Promise<HtmlInput> {
  const { areaName } = await import('../doctor/messages.ts');
  const areas: HtmlArea[] = result.areas.map((a) => {
    const level = worst(a.findings);
    const partial = a.area === 'network' && result.network?.stopped !== undefined;
    const first = a.findings.find((f) => f.severity === level);
    return {
      id: a.area,
      name: say(areaName[a.area], lang),
      status: level ?? (partial ? 'partial' : 'ok'),
      summary: first ? first.title : a.summary,
    };
  });
  const sources: Record<string, string> = {};
  const project = await result.facts.project();
  for (const file of [project.main?.gomod, project.main?.gosum?.file, project.workspace?.file]) {
    if (file) sources[file.rel] = file.text;
  }
  const input: HtmlInput = { kind: 'doctor', report: result.report, areas, sources };
  if (result.network) {
    const byModule = new Map<string, string>();
    for (const f of result.report.findings)
      if (f.module && f.severity !== 'info' && !byModule.has(f.module)) byModule.set(f.module, f.title);
    const failed = result.network.probes.filter((p) => !p.ok);
    // A route breaks where a probe of one of its proxies failed (the probe's target is the proxy's
    // URL, a URL below it, or its host and port).
    const proxyFailure = (route: ModuleRoute): string | undefined => {
      if (route.fetch.kind !== 'proxies') return undefined;
      for (const hop of route.fetch.proxies) {
        const hostPort = /^[a-z]+:\/\/([^/]+)/i.exec(hop.url)?.[1];
        const probe = failed.find((p) => p.target.startsWith(hop.url) || p.target === hostPort);
        if (probe) return `${probe.phase}: ${probe.status}${probe.error ? ` (${probe.error})` : ''}`;
      }
      return undefined;
    };
    const routes: HtmlRoute[] = result.network.routes.modules.map((r) => {
      const problem =
        byModule.get(r.module) ??
        proxyFailure(r) ??
        (r.fetch.kind === 'invalid'
          ? r.fetch.error
          : r.checksum.kind === 'invalid'
            ? r.checksum.error
            : undefined);
      return {
        module: r.module,
        ...(r.version ? { version: r.version } : {}),
        fetch: fetchText(r),
        sumdb: checksumText(r),
        ...(problem ? { problem } : {}),
      };
    });
    input.network = {
      routes,
      probes: result.network.probes,
      ...(result.network.stopped ? { stopped: result.network.stopped } : {}),
    };
  }
  return input;
}

/**
 * The graph around one module for `tidy-check --why`: every requirement edge into the module, and
 * for each module version that requires it, one shortest chain of requirements from the main module
 * (breadth-first over the loaded graph), so the picture shows how the version was reached.
 */
export function whyHtmlInput(loaded: LoadedModuleGraph, reason: VersionReason, report: Report): HtmlInput {
  const key = (n: HtmlGraphNode): string => `${n.path}@${n.version}`;
  const parse = (k: string): HtmlGraphNode => {
    const at = k.lastIndexOf('@');
    return { path: k.slice(0, at), version: k.slice(at + 1) };
  };
  const mainKey = `${loaded.main.path}@`;
  const parent = new Map<string, string>([[mainKey, '']]);
  const queue = [mainKey];
  for (let i = 0; i < queue.length; i++) {
    const from = queue[i]!;
    for (const to of loaded.graph.edges.get(from) ?? []) {
      const k = `${to.path}@${to.version}`;
      if (parent.has(k)) continue;
      parent.set(k, from);
      queue.push(k);
    }
  }
  const edges: HtmlWhy['edges'] = [];
  const seen = new Set<string>();
  const addEdge = (from: HtmlGraphNode, to: HtmlGraphNode): number => {
    const id = `${key(from)}>${key(to)}`;
    if (!seen.has(id)) {
      seen.add(id);
      edges.push({ from, to });
    }
    return edges.findIndex((e) => key(e.from) === key(from) && key(e.to) === key(to));
  };
  // At most 40 requiring modules: the page is a picture, the full list is in the text and JSON forms.
  let decisive: number | undefined;
  for (const edge of reason.requiredBy.slice(0, 40)) {
    let chain = key(edge.from);
    while (parent.get(chain)) {
      const up = parent.get(chain)!;
      addEdge(parse(up), parse(chain));
      chain = up;
    }
    const index = addEdge(edge.from, { path: reason.module, version: edge.version });
    if (decisive === undefined && edge.version === reason.selected) decisive = index;
  }
  const why: HtmlWhy = {
    module: reason.module,
    ...(reason.selected !== undefined ? { selected: reason.selected } : {}),
    edges,
    ...(decisive !== undefined ? { decisive } : {}),
    incomplete: reason.incomplete.length,
  };
  return { kind: 'why', report, why };
}
