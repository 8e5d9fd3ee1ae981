// Text for people: the routing table as grouped lines, and one line per probe for a live view.
// Plain strings (no colour, no terminal control): the doctor's renderer decides how to draw them.
import type { Lang } from '../i18n/lang.ts';
import { say } from '../i18n/lang.ts';
import { describeProbe } from './findings.ts';
import { routeText } from './messages.ts';
import type { ProxyHop, RouteGroup, RouteTable } from './routes.ts';
import type { ProbeResult } from './types.ts';

const MAX_PATTERNS = 4;

function hostOrUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname === '/' || parsed.pathname === ''
      ? parsed.host
      : `${parsed.host}${parsed.pathname}`;
  } catch {
    return url;
  }
}

function chainText(proxies: readonly ProxyHop[], after: RouteGroup['after'], lang: Lang): string {
  const names = proxies.map(
    (p, i) => `${hostOrUrl(p.url)}${i < proxies.length - 1 ? (p.fallBackOnError ? ' | ' : ', ') : ''}`,
  );
  let text = names.join('');
  const last = proxies.at(-1);
  if (after === 'direct')
    text += say(last?.fallBackOnError ? routeText.thenDirectPipe : routeText.thenDirect, lang);
  return text;
}

function patternsText(group: RouteGroup): string {
  if (group.kind === 'proxies' && group.modules.length > MAX_PATTERNS) return '';
  const shown = group.patterns.slice(0, MAX_PATTERNS);
  const more = group.patterns.length > MAX_PATTERNS ? ', …' : '';
  return shown.length > 0 ? ` (${shown.join(', ')}${more})` : '';
}

/** One line per group of the routing table, then the checksum database line(s). */
export function describeRoutes(table: RouteTable, lang: Lang): string[] {
  const lines: string[] = [];
  for (const group of table.groups) {
    const count = group.modules.length;
    const patterns = patternsText(group);
    switch (group.kind) {
      case 'proxies':
        lines.push(
          say(routeText.proxies, lang, {
            chain: chainText(group.proxies ?? [], group.after, lang),
            count,
            patterns,
          }),
        );
        break;
      case 'direct':
        if (group.transport === 'go-get') lines.push(say(routeText.goGet, lang, { count, patterns }));
        else
          lines.push(
            say(routeText.direct, lang, {
              how: `${group.vcs ?? 'git'}+${group.transport ?? '?'}`,
              count,
              patterns,
            }),
          );
        break;
      case 'off':
        lines.push(
          say(routeText.off, lang, {
            reason: say(group.key === 'off:vendor' ? routeText.vendor : routeText.goproxyOff, lang),
            count,
            patterns,
          }),
        );
        break;
      default:
        lines.push(say(routeText.invalid, lang, { count, patterns }));
    }
  }
  const sumdb = table.sumdb;
  if (sumdb && sumdb.moduleCount > 0) {
    const how =
      sumdb.access.via === 'url'
        ? say(routeText.sumdbAt, lang, { url: sumdb.access.url })
        : sumdb.access.candidates.length > 0
          ? say(routeText.sumdbThroughProxies, lang, {
              proxies: sumdb.access.candidates.map((c) => hostOrUrl(c.url)).join(', '),
              direct: sumdb.access.direct,
            })
          : say(routeText.sumdbAt, lang, { url: sumdb.access.direct });
    lines.push(say(routeText.sumdbVia, lang, { name: sumdb.name, how, count: sumdb.moduleCount }));
  }
  // Private-looking modules that still go to a proxy or the checksum database: GOPRIVATE was meant.
  for (const mod of table.modules) {
    const looks = mod.privateLooking;
    if (!looks) continue;
    const to =
      mod.fetch.kind === 'proxies' && mod.fetch.proxies[0]
        ? hostOrUrl(mod.fetch.proxies[0].url)
        : mod.checksum.kind === 'sumdb'
          ? mod.checksum.name
          : undefined;
    if (!to) continue;
    lines.push(
      say(routeText.privateLooking, lang, {
        module: mod.module,
        to,
        why: looks.detail,
        pattern: looks.pattern,
      }),
    );
  }
  const unchecked = table.modules.filter((mod) => mod.checksum.kind === 'skipped').length;
  if (unchecked > 0) lines.push(say(routeText.noSumdb, lang, { count: unchecked }));
  return lines;
}

const PHASE_LABEL: Record<ProbeResult['phase'], string> = {
  dns: 'DNS',
  tcp: 'TCP',
  tls: 'TLS',
  'proxy-connect': 'CONNECT',
  http: 'GET',
  git: 'git ls-remote',
};

/** `DNS proxy.golang.org` — what a spinner line shows while the probe runs. */
export function probeLabel(phase: ProbeResult['phase'], target: string): string {
  return `${PHASE_LABEL[phase]} ${target}`;
}

/** `TCP 127.0.0.1:443  ok  12 ms` — the settled line of a finished probe. */
export function probeLine(result: ProbeResult): string {
  const outcome = result.ok ? 'ok' : describeProbe(result);
  const time =
    result.phase === 'http' && result.http?.ttfbMs !== undefined
      ? `ttfb ${Math.round(result.http.ttfbMs)} ms`
      : `${Math.round(result.durationMs)} ms`;
  return `${probeLabel(result.phase, result.target)}  ${result.ok ? outcome : `✗ ${outcome}`}  ${result.ok ? time : ''}`.trimEnd();
}
