// `--format html`: one self-contained page per report (doctor, doctor --network, explain, trace,
// tidy-check --why). Everything is inline — styles, the few lines of script for filters and copy
// buttons, the SVG of the requirement graph — and a Content-Security-Policy forbids any request to
// another address, so the file works opened from disk, offline, attached to a ticket. The page is
// rendered here, not in the browser: it reads without script, prints, and opens fast on big projects.
// Secrets are masked and control characters shown escaped on the way out, as in every other format.
import type { Finding, Report, Severity } from '../findings/finding.ts';
import { redactSecrets } from '../findings/redact.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ProbeResult } from '../network/types.ts';
import type { TraceEvent } from '../trace/xparse.ts';
import { countBySeverity, labels, severityLabel } from './labels.ts';

/** One line of the doctor's summary: an area and how it stands. */
export interface HtmlArea {
  id: string;
  name: string;
  status: 'ok' | 'warning' | 'error' | 'partial';
  /** The first problem's title, or what was checked when all is well. */
  summary: string;
}

/** One row of the routing table: where a module is fetched and checked. */
export interface HtmlRoute {
  module: string;
  version?: string;
  fetch: string;
  sumdb: string;
  /** The route breaks, or is suspicious (private-looking module sent to a public proxy). */
  problem?: string;
}

/** A module version in the requirement graph (version '' is the main module). */
export interface HtmlGraphNode {
  path: string;
  version: string;
}

export interface HtmlWhy {
  module: string;
  selected?: string;
  /** Requirement edges of the graph to draw: from a module version to a module version. */
  edges: { from: HtmlGraphNode; to: HtmlGraphNode }[];
  /** The edge that set the selected version (index into edges). */
  decisive?: number;
  incomplete: number;
}

export type HtmlInput =
  | {
      kind: 'doctor';
      report: Report;
      areas: HtmlArea[];
      /** Project files by the path findings use, for the code frames around a finding's line. */
      sources?: Record<string, string>;
      network?: { routes: HtmlRoute[]; probes: ProbeResult[]; stopped?: string };
    }
  | { kind: 'explain'; report: Report }
  | { kind: 'trace'; report: Report; command: string; durationSeconds: number; events: TraceEvent[] }
  | { kind: 'why'; report: Report; why: HtmlWhy };

const words = {
  titles: {
    doctor: { en: 'gomod-doctor: doctor report', 'zh-CN': 'gomod-doctor：诊断报告' },
    explain: { en: 'gomod-doctor: explain', 'zh-CN': 'gomod-doctor：错误解释' },
    trace: { en: 'gomod-doctor: trace', 'zh-CN': 'gomod-doctor：运行跟踪' },
    why: { en: 'gomod-doctor: why this version', 'zh-CN': 'gomod-doctor：版本来源' },
  },
  areas: { en: 'Areas', 'zh-CN': '检查范围' },
  findings: { en: 'Findings', 'zh-CN': '发现的问题' },
  filter: { en: 'Show', 'zh-CN': '显示' },
  copy: { en: 'Copy', 'zh-CN': '复制' },
  copied: { en: 'Copied', 'zh-CN': '已复制' },
  routes: {
    en: 'Routes: where each module is fetched and checked',
    'zh-CN': '获取路径：每个模块从哪里获取、由谁校验',
  },
  module: { en: 'module', 'zh-CN': '模块' },
  fetch: { en: 'fetched from', 'zh-CN': '获取自' },
  sumdb: { en: 'checksums', 'zh-CN': '校验' },
  probes: { en: 'Probes (waterfall)', 'zh-CN': '探测（时间瀑布图）' },
  timeline: { en: 'Timeline (waterfall)', 'zh-CN': '时间线（瀑布图）' },
  hosts: { en: 'Time per host', 'zh-CN': '各主机耗时' },
  host: { en: 'host', 'zh-CN': '主机' },
  requests: { en: 'operations', 'zh-CN': '操作数' },
  total: { en: 'total', 'zh-CN': '合计' },
  stalled: { en: 'stalled', 'zh-CN': '停滞' },
  unfinished: { en: 'unfinished', 'zh-CN': '未完成' },
  graph: { en: 'Requirement graph', 'zh-CN': '依赖关系图' },
  decisive: {
    en: 'highlighted: the requirement that set the selected version',
    'zh-CN': '高亮：决定所选版本的那条依赖',
  },
  incomplete: {
    en: (n: number) => `${n} go.mod files were not in the module cache: the graph may be incomplete`,
    'zh-CN': (n: number) => `${n} 个 go.mod 不在模块缓存中：关系图可能不完整`,
  },
  selected: { en: 'selected', 'zh-CN': '选中版本' },
  command: { en: 'command', 'zh-CN': '命令' },
  duration: { en: 'duration', 'zh-CN': '耗时' },
  stoppedEarly: { en: 'The run ended early', 'zh-CN': '运行提前结束' },
  noJs: {
    en: 'Filters and copy buttons need JavaScript; everything else is here.',
    'zh-CN': '筛选和复制按钮需要 JavaScript；其余内容都已显示。',
  },
} as const;

/** HTML-escapes text and shows control characters (terminal escapes and the like) as `\xNN`. */
function esc(text: string): string {
  return text
    .replace(
      /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
      (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`,
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const SEVERITY_MARK: Record<Severity, string> = { error: '✗', warning: '!', info: 'i' };

function seconds(value: number): string {
  return value < 1 ? `${Math.round(value * 1000)} ms` : `${value.toFixed(value < 10 ? 2 : 1)} s`;
}

/** Only http(s) links are made clickable; anything else stays text. */
function link(url: string): string {
  return /^https?:\/\/[^\s"<>]+$/.test(url)
    ? `<a href="${esc(url)}" rel="noreferrer noopener">${esc(url)}</a>`
    : esc(url);
}

function codeFrame(finding: Finding, sources: Record<string, string> | undefined): string {
  const loc = finding.location;
  if (!loc?.line || !sources) return '';
  const text = sources[loc.file];
  if (text === undefined) return '';
  const lines = text.split(/\r?\n/);
  const from = Math.max(1, loc.line - 2);
  const to = Math.min(lines.length, loc.line + 2);
  const rows: string[] = [];
  for (let n = from; n <= to; n++) {
    const here = n === loc.line;
    rows.push(
      `<tr${here ? ' class="here"' : ''}><td class="ln">${n}</td><td><code>${esc(lines[n - 1] ?? '')}</code></td></tr>`,
    );
  }
  return `<table class="frame" aria-label="${esc(loc.file)}">${rows.join('')}</table>`;
}

function findingHtml(
  finding: Finding,
  lang: Lang,
  area: string | undefined,
  sources?: Record<string, string>,
): string {
  const loc = finding.location;
  const where = loc ? [loc.file, loc.line, loc.column].filter((p) => p !== undefined).join(':') : '';
  const parts = [
    `<article class="finding ${finding.severity}" data-severity="${finding.severity}"${area ? ` data-area="${esc(area)}"` : ''} data-cause="${esc(finding.cause)}">`,
    `<h3><span class="mark" aria-hidden="true">${SEVERITY_MARK[finding.severity]}</span> ${esc(finding.title)} <span class="meta">${esc(severityLabel[finding.severity][lang])} · ${esc(labels.cause[lang])}: <code>${esc(finding.cause)}</code></span></h3>`,
  ];
  if (where) parts.push(`<p class="where"><code>${esc(where)}</code></p>`);
  parts.push(codeFrame(finding, sources));
  parts.push(`<p class="message">${esc(finding.message).replace(/\n/g, '<br>')}</p>`);
  if (finding.evidence?.length) {
    parts.push(
      `<details class="evidence"${finding.evidence.length <= 3 ? ' open' : ''}><summary>${esc(labels.evidence[lang])} (${finding.evidence.length})</summary><ul>`,
    );
    for (const e of finding.evidence)
      parts.push(
        `<li><span class="src">${esc(e.line !== undefined ? `${e.source}:${e.line}` : e.source)}</span> <code>${esc(e.text)}</code></li>`,
      );
    parts.push('</ul></details>');
  }
  for (const fix of finding.fixes ?? []) {
    parts.push(`<div class="fix"><p><strong>${esc(labels.fix[lang])}:</strong> ${esc(fix.description)}</p>`);
    if (fix.command)
      parts.push(
        `<div class="cmd"><pre><code>${esc(fix.command)}</code></pre><button type="button" class="copy" data-copy="${esc(fix.command)}">${esc(words.copy[lang])}</button></div>`,
      );
    parts.push('</div>');
  }
  if (finding.docs?.length)
    parts.push(`<p class="docs">${esc(labels.docs[lang])}: ${finding.docs.map(link).join(' · ')}</p>`);
  parts.push('</article>');
  return parts.join('\n');
}

function filters(lang: Lang, findings: readonly Finding[], areas: readonly HtmlArea[] | undefined): string {
  const counts = countBySeverity(findings);
  const boxes = (['error', 'warning', 'info'] as const).map(
    (s) =>
      `<label><input type="checkbox" class="f-sev" value="${s}" checked> ${SEVERITY_MARK[s]} ${esc(severityLabel[s][lang])} (${counts[s]})</label>`,
  );
  const areaBoxes = (areas ?? [])
    .filter((a) =>
      findings.some((f) => (f as { check?: string }).check !== undefined && areaOf(f, areas) === a.id),
    )
    .map(
      (a) =>
        `<label><input type="checkbox" class="f-area" value="${esc(a.id)}" checked> ${esc(a.name)}</label>`,
    );
  return `<form class="filters" aria-label="${esc(words.filter[lang])}"><span>${esc(words.filter[lang])}:</span> ${boxes.join(' ')}${areaBoxes.length ? ` <span class="sep"></span> ${areaBoxes.join(' ')}` : ''}</form>`;
}

/** The doctor's findings carry `check` ('project/go-sum', 'network'): its first part names the area. */
function areaOf(finding: Finding, areas: readonly HtmlArea[] | undefined): string | undefined {
  const check = (finding as { check?: string }).check;
  if (!check || !areas) return undefined;
  const first = check.split('/')[0]!;
  return areas.some((a) => a.id === first) ? first : undefined;
}

function findingsSection(
  lang: Lang,
  report: Report,
  areas?: HtmlArea[],
  sources?: Record<string, string>,
): string {
  const counts = countBySeverity(report.findings);
  const body =
    report.findings.length === 0
      ? `<p class="none">✓ ${esc(labels.noFindings[lang])}</p>`
      : report.findings.map((f) => findingHtml(f, lang, areaOf(f, areas), sources)).join('\n');
  return `<section id="findings"><h2>${esc(words.findings[lang])} <span class="meta">${esc(labels.summary[lang](counts.error, counts.warning, counts.info))}</span></h2>
${report.findings.length ? filters(lang, report.findings, areas) : ''}
<div class="list">${body}</div></section>`;
}

function areasSection(lang: Lang, areas: readonly HtmlArea[]): string {
  const mark = { ok: '✓', warning: '!', error: '✗', partial: '!' } as const;
  const rows = areas.map(
    (a) =>
      `<li class="area ${a.status}" data-area="${esc(a.id)}"><span class="mark" aria-hidden="true">${mark[a.status]}</span> <strong>${esc(a.name)}</strong> <span class="meta">${esc(a.summary)}</span></li>`,
  );
  return `<section id="areas"><h2>${esc(words.areas[lang])}</h2><ul class="areas">${rows.join('')}</ul></section>`;
}

/** A waterfall: one row per item, a bar from its start over its duration, on a shared time axis. */
function waterfall(
  rows: {
    label: string;
    start: number;
    duration: number;
    status: 'ok' | 'fail' | 'stall' | 'running';
    note: string;
  }[],
  total: number,
  caption: string,
): string {
  const span = Math.max(total, ...rows.map((r) => r.start + r.duration), 0.001);
  const body = rows.map((r) => {
    const left = (100 * r.start) / span;
    const width = Math.max((100 * r.duration) / span, 0.4);
    return `<tr class="row ${r.status}" data-status="${r.status}"><th scope="row"><code>${esc(r.label)}</code></th><td class="t">${esc(seconds(r.start))}</td><td class="d">${esc(seconds(r.duration))}</td><td class="bar"><div class="track"><span style="left:${left.toFixed(2)}%;width:${width.toFixed(2)}%"></span></div></td><td class="note">${esc(r.note)}</td></tr>`;
  });
  return `<table class="waterfall"><caption>${esc(caption)}</caption><tbody>${body.join('')}</tbody></table>`;
}

function networkSections(
  lang: Lang,
  network: NonNullable<Extract<HtmlInput, { kind: 'doctor' }>['network']>,
): string {
  const routeRows = network.routes.map(
    (r) =>
      `<tr${r.problem ? ' class="problem"' : ''}><td><code>${esc(r.module)}</code>${r.version ? ` <span class="meta">${esc(r.version)}</span>` : ''}</td><td>${esc(r.fetch)}</td><td>${esc(r.sumdb)}</td><td>${r.problem ? `✗ ${esc(r.problem)}` : '✓'}</td></tr>`,
  );
  const routes = `<section id="routes"><h2>${esc(words.routes[lang])}</h2><table class="routes"><thead><tr><th>${esc(words.module[lang])}</th><th>${esc(words.fetch[lang])}</th><th>${esc(words.sumdb[lang])}</th><th></th></tr></thead><tbody>${routeRows.join('')}</tbody></table></section>`;
  const probes = [...network.probes].sort(
    (a, b) => (a.startMs ?? 0) - (b.startMs ?? 0) || a.id.localeCompare(b.id),
  );
  const rows = probes.map((p) => ({
    label: `${p.phase} ${p.target}`,
    start: (p.startMs ?? 0) / 1000,
    duration: p.durationMs / 1000,
    status: p.ok ? ('ok' as const) : p.status === 'timeout' ? ('stall' as const) : ('fail' as const),
    note: p.ok ? p.status : `${p.status}${p.error ? `: ${p.error}` : ''}`,
  }));
  const total = Math.max(0, ...rows.map((r) => r.start + r.duration));
  const stopped = network.stopped
    ? `<p class="warn">${esc(words.stoppedEarly[lang])} (${esc(network.stopped)})</p>`
    : '';
  return `${routes}<section id="probes"><h2>${esc(words.probes[lang])}</h2>${stopped}${waterfall(rows, total, words.probes[lang])}</section>`;
}

function hostOf(event: TraceEvent): string {
  const target = event.url ?? '';
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:?#]+)/i.exec(target);
  if (m) return m[1]!;
  if (event.kind === 'vcs') return event.command?.split(' ')[0] ?? 'vcs';
  return event.kind;
}

function traceSections(lang: Lang, input: Extract<HtmlInput, { kind: 'trace' }>): string {
  const rows = input.events.map((e) => {
    const label =
      e.kind === 'stall'
        ? `${words.stalled[lang]}: ${e.cause ?? ''}`
        : `${e.kind} ${e.url ?? e.command ?? e.file ?? [e.module, e.version].filter(Boolean).join('@') ?? ''}`;
    const duration = e.duration ?? Math.max(input.durationSeconds - e.t, 0);
    const failed = e.error !== undefined || (e.status !== undefined && !/^[23]\d\d\b/.test(e.status));
    const status: 'ok' | 'fail' | 'stall' | 'running' =
      e.kind === 'stall' ? 'stall' : e.unfinished ? 'running' : failed ? 'fail' : 'ok';
    const note = [e.status, e.error, e.unfinished ? words.unfinished[lang] : undefined]
      .filter(Boolean)
      .join(' · ');
    return { label, start: e.t, duration, status, note };
  });
  const perHost = new Map<string, { count: number; seconds: number }>();
  for (const e of input.events) {
    if (e.kind === 'stall') continue;
    const host = hostOf(e);
    const entry = perHost.get(host) ?? { count: 0, seconds: 0 };
    entry.count++;
    entry.seconds += e.duration ?? Math.max(input.durationSeconds - e.t, 0);
    perHost.set(host, entry);
  }
  const hostRows = [...perHost.entries()]
    .sort((a, b) => b[1].seconds - a[1].seconds)
    .map(
      ([h, v]) =>
        `<tr><td><code>${esc(h)}</code></td><td>${v.count}</td><td>${esc(seconds(v.seconds))}</td></tr>`,
    );
  return `<section id="command"><p><strong>${esc(words.command[lang])}:</strong> <code>${esc(input.command)}</code> · ${esc(words.duration[lang])}: ${esc(seconds(input.durationSeconds))}</p></section>
<section id="timeline"><h2>${esc(words.timeline[lang])}</h2>${waterfall(rows, input.durationSeconds, words.timeline[lang])}</section>
<section id="hosts"><h2>${esc(words.hosts[lang])}</h2><table class="hosts"><thead><tr><th>${esc(words.host[lang])}</th><th>${esc(words.requests[lang])}</th><th>${esc(words.total[lang])}</th></tr></thead><tbody>${hostRows.join('')}</tbody></table></section>`;
}

const nodeKey = (n: HtmlGraphNode): string => `${n.path}@${n.version}`;

/**
 * Lays the requirement graph out in columns by distance from the main module (longest path, so
 * every edge points right), rows in order of first appearance, and draws it as SVG. Graphs here are
 * the few dozen module versions on the paths to one module: no layout engine is needed for that.
 */
function graphSvg(why: HtmlWhy, lang: Lang): string {
  const nodes = new Map<string, HtmlGraphNode>();
  for (const e of why.edges) {
    nodes.set(nodeKey(e.from), e.from);
    nodes.set(nodeKey(e.to), e.to);
  }
  const layer = new Map<string, number>();
  for (const key of nodes.keys()) layer.set(key, 0);
  // Longest-path layering by relaxation; bounded by the node count, so a cycle cannot loop forever.
  for (let round = 0; round < nodes.size; round++) {
    let changed = false;
    for (const e of why.edges) {
      const from = layer.get(nodeKey(e.from))!;
      const to = layer.get(nodeKey(e.to))!;
      if (to < from + 1 && from + 1 < nodes.size) {
        layer.set(nodeKey(e.to), from + 1);
        changed = true;
      }
    }
    if (!changed) break;
  }
  // The module asked about sits in the last column, whatever its distance.
  const last = Math.max(0, ...layer.values());
  for (const [key, n] of nodes) if (n.path === why.module) layer.set(key, last);
  const columns: string[][] = [];
  for (const [key] of nodes) (columns[layer.get(key)!] ??= []).push(key);
  const W = 250;
  const H = 44;
  // An edge that skips a column would run through the boxes between: it arcs over the top instead,
  // in a band kept free for it.
  const skips = (e: HtmlWhy['edges'][number]): boolean =>
    layer.get(nodeKey(e.to))! - layer.get(nodeKey(e.from))! > 1;
  const top = why.edges.some(skips) ? 40 : 10;
  const pos = new Map<string, { x: number; y: number }>();
  columns.forEach((col, c) => {
    col.forEach((key, r) => {
      pos.set(key, { x: 10 + c * (W + 60), y: top + r * (H + 16) });
    });
  });
  const width = 20 + columns.length * (W + 60);
  const height = top + 10 + Math.max(1, ...columns.map((c) => c.length)) * (H + 16);
  const label = (n: HtmlGraphNode): string => {
    const text = n.version === '' ? n.path : `${n.path} ${n.version}`;
    return text.length > 38 ? `…${text.slice(-37)}` : text;
  };
  const edges = why.edges.map((e, i) => {
    const a = pos.get(nodeKey(e.from))!;
    const b = pos.get(nodeKey(e.to))!;
    const x1 = a.x + W;
    const y1 = a.y + H / 2;
    const x2 = b.x;
    const y2 = b.y + H / 2;
    const mid = (x1 + x2) / 2;
    const decisive = i === why.decisive;
    const d = skips(e)
      ? `M${a.x + W / 2},${a.y} C${a.x + W / 2},4 ${b.x + W / 2},4 ${b.x + W / 2},${b.y - 6}`
      : `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2 - 6},${y2}`;
    return `<path class="edge${decisive ? ' decisive' : ''}" data-from="${esc(nodeKey(e.from))}" data-to="${esc(nodeKey(e.to))}" d="${d}" marker-end="url(#arrow${decisive ? '-hot' : ''})"><title>${esc(`${label(e.from)} → ${label(e.to)}`)}</title></path>`;
  });
  const boxes = [...nodes.entries()].map(([key, n]) => {
    const p = pos.get(key)!;
    const target = n.path === why.module;
    const chosen = target && n.version === why.selected;
    const cls = ['node', n.version === '' ? 'main' : '', target ? 'target' : '', chosen ? 'selected' : '']
      .filter(Boolean)
      .join(' ');
    return `<g class="${cls}" data-node="${esc(key)}"><rect x="${p.x}" y="${p.y}" width="${W}" height="${H}" rx="6"/><text x="${p.x + 10}" y="${p.y + 27}">${esc(label(n))}${chosen ? ` ✓ ${esc(words.selected[lang])}` : ''}</text><title>${esc(key)}</title></g>`;
  });
  return `<svg class="graph" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(words.graph[lang])}"><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z" class="arrowhead"/></marker><marker id="arrow-hot" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z" class="arrowhead hot"/></marker></defs>${edges.join('')}${boxes.join('')}</svg>`;
}

function whySections(lang: Lang, why: HtmlWhy): string {
  const incomplete =
    why.incomplete > 0 ? `<p class="warn">${esc(words.incomplete[lang](why.incomplete))}</p>` : '';
  return `<section id="graph"><h2>${esc(words.graph[lang])}: <code>${esc(why.module)}</code>${why.selected ? ` ${esc(why.selected)}` : ''}</h2><p class="meta">${esc(words.decisive[lang])}</p>${incomplete}<div class="scroll">${graphSvg(why, lang)}</div></section>`;
}

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--err:#cf222e;--warn:#9a6700;--ok:#1a7f37;--info:#0969da;--hot:#cf222e;--bar:#0969da}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--card:#151b23;--err:#ff7b72;--warn:#d29922;--ok:#3fb950;--info:#58a6ff;--hot:#ff7b72;--bar:#58a6ff}}
*{box-sizing:border-box}body{margin:0 auto;max-width:1100px;padding:1.5rem;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans","PingFang SC","Microsoft YaHei",sans-serif}
h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.15rem;border-bottom:1px solid var(--line);padding-bottom:.25rem;margin-top:2rem}h3{font-size:1rem;margin:0 0 .4rem}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.9em}
.meta{color:var(--muted);font-weight:normal;font-size:.9em}.warn{color:var(--warn)}
ul.areas{list-style:none;padding:0}ul.areas li{padding:.3rem .5rem;border-left:4px solid var(--ok);margin:.2rem 0;background:var(--card)}
li.area.warning,li.area.partial{border-color:var(--warn)}li.area.error{border-color:var(--err)}
.mark{display:inline-block;width:1.2em;text-align:center;font-weight:bold}.ok .mark{color:var(--ok)}.error .mark{color:var(--err)}.warning .mark,.partial .mark{color:var(--warn)}.info .mark{color:var(--info)}
.filters{display:flex;flex-wrap:wrap;gap:.8rem;align-items:center;margin:.5rem 0 1rem;color:var(--muted)}.filters .sep{border-left:1px solid var(--line);height:1.2em}
article.finding{border:1px solid var(--line);border-left:4px solid var(--info);border-radius:6px;padding:.8rem 1rem;margin:.8rem 0;background:var(--card)}
article.error{border-left-color:var(--err)}article.warning{border-left-color:var(--warn)}
.finding[hidden]{display:none}
table.frame{border-collapse:collapse;margin:.4rem 0;width:100%;background:var(--bg)}table.frame td{padding:0 .5rem;white-space:pre}table.frame .ln{color:var(--muted);text-align:right;width:3em;user-select:none}table.frame tr.here{background:color-mix(in srgb,var(--err) 15%,transparent)}
.cmd{display:flex;gap:.5rem;align-items:flex-start}.cmd pre{flex:1;margin:.2rem 0;padding:.4rem .6rem;background:var(--bg);border:1px solid var(--line);border-radius:4px;overflow-x:auto}
button.copy{font:inherit;font-size:.85em;padding:.2rem .6rem;border:1px solid var(--line);border-radius:4px;background:var(--bg);color:var(--fg);cursor:pointer}
.evidence li{list-style:none;margin-left:-1.5rem}.evidence .src{color:var(--muted)}
table{border-collapse:collapse}table.routes,table.hosts{width:100%}table.routes td,table.routes th,table.hosts td,table.hosts th{border-bottom:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}tr.problem td{color:var(--err)}
table.waterfall{width:100%;font-size:.88em}table.waterfall caption{display:none}table.waterfall th{font-weight:normal;text-align:left;max-width:22rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;padding-right:.5rem}
table.waterfall td{padding:.1rem .3rem;white-space:nowrap}table.waterfall td.bar{width:40%}.track{position:relative;height:.8rem;background:var(--card);border-radius:2px}.track span{position:absolute;top:0;bottom:0;background:var(--bar);border-radius:2px;min-width:2px}
tr.fail .track span{background:var(--err)}tr.stall .track span{background:repeating-linear-gradient(45deg,var(--warn),var(--warn) 4px,transparent 4px,transparent 8px);border:1px solid var(--warn)}tr.running .track span{background:var(--warn)}
tr.fail th,tr.fail td.note{color:var(--err)}tr.stall th,tr.stall td.note{color:var(--warn);font-weight:bold}td.note{white-space:normal!important;color:var(--muted)}
.scroll{overflow-x:auto}svg.graph .node rect{fill:var(--card);stroke:var(--line)}svg.graph .node.main rect{stroke:var(--info)}svg.graph .node.target rect{stroke:var(--muted)}svg.graph .node.selected rect{stroke:var(--ok);stroke-width:2}
svg.graph text{fill:var(--fg);font:12px ui-monospace,Menlo,Consolas,monospace}svg.graph .edge{fill:none;stroke:var(--muted);stroke-width:1.2}svg.graph .edge.decisive{stroke:var(--hot);stroke-width:3}svg.graph .arrowhead{fill:var(--muted)}svg.graph .arrowhead.hot{fill:var(--hot)}
footer{margin-top:2rem;color:var(--muted);font-size:.85em}
@media print{body{max-width:none;padding:0;font-size:11pt}.filters,button.copy,noscript{display:none}article.finding{break-inside:avoid}details:not([open])>*:not(summary){display:block}a{color:inherit}}
`;

// Filters hide findings by severity and area; copy buttons put a fix command on the clipboard.
const SCRIPT = `
(function(){
function apply(){var sev=[].slice.call(document.querySelectorAll('.f-sev:checked')).map(function(e){return e.value});
var areaBoxes=document.querySelectorAll('.f-area');var areas=[].slice.call(document.querySelectorAll('.f-area:checked')).map(function(e){return e.value});
document.querySelectorAll('article.finding').forEach(function(f){var ok=sev.indexOf(f.dataset.severity)>=0;
if(ok&&areaBoxes.length&&f.dataset.area)ok=areas.indexOf(f.dataset.area)>=0;f.hidden=!ok});}
document.querySelectorAll('.filters input').forEach(function(i){i.addEventListener('change',apply)});
document.querySelectorAll('button.copy').forEach(function(b){b.addEventListener('click',function(){var t=b.getAttribute('data-copy');var done=function(){var old=b.textContent;b.textContent=b.getAttribute('data-done');setTimeout(function(){b.textContent=old},1500)};
if(navigator.clipboard&&navigator.clipboard.writeText){navigator.clipboard.writeText(t).then(done,function(){fallback(t);done()})}else{fallback(t);done()}})});
function fallback(t){var a=document.createElement('textarea');a.value=t;document.body.appendChild(a);a.select();try{document.execCommand('copy')}catch(e){}a.remove()}
})();
`;

/** The whole page. */
export function renderHtml(input: HtmlInput, lang: Lang): string {
  const title = words.titles[input.kind][lang];
  const body: string[] = [];
  if (input.kind === 'doctor') {
    body.push(areasSection(lang, input.areas));
    body.push(findingsSection(lang, input.report, input.areas, input.sources));
    if (input.network) body.push(networkSections(lang, input.network));
  } else if (input.kind === 'trace') {
    body.push(findingsSection(lang, input.report));
    body.push(traceSections(lang, input));
  } else if (input.kind === 'why') {
    body.push(whySections(lang, input.why));
    if (input.report.findings.length) body.push(findingsSection(lang, input.report));
  } else {
    body.push(findingsSection(lang, input.report));
  }
  const script = SCRIPT.replace("b.getAttribute('data-done')", JSON.stringify(words.copied[lang]));
  const page = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="generator" content="gomod-doctor ${esc(input.report.version)}">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body class="report-${input.kind}">
<header><h1>${esc(title)}</h1><p class="meta">gomod-doctor ${esc(input.report.version)} · ${esc(input.report.command)}</p></header>
<noscript><p class="meta">${esc(words.noJs[lang])}</p></noscript>
<main>
${body.join('\n')}
</main>
<footer>gomod-doctor ${esc(input.report.version)}</footer>
<script>${script}</script>
</body>
</html>
`;
  return redactSecrets(page);
}
